// Suggestions in a document are attributed by the token (issue 12): stock y-websocket clients against an
// in-process server. An editor may add suggestion entries only under their own user id, may accept or reject
// (remove) anyone's, and keeps typing in the body as before.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import WebSocket from 'ws';
import * as Y from 'yjs';
import { WebsocketProvider } from 'y-websocket';
import { CloseCode } from '../common/closeCodes';
import { SUGGESTIONS_ROOT } from '../common/suggestionsSchema';
import { SUGGESTIONS } from '../renderer/src/model/suggestions/suggestionMeta';
import { silentLogger } from './log';
import { startServer, type RunningServer } from './server';
import { fetchDoc, makeToken, TEST_SECRET, tempDir, waitFor } from './testHelpers';

const dir = tempDir();
let server: RunningServer;
const ed1 = makeToken({ ws: 'ws1', role: 'editor', sub: 'ed1', name: 'Rapporteur' });
const ed2 = makeToken({ ws: 'ws1', role: 'editor', sub: 'ed2', name: 'Second editor' });

beforeAll(async () => {
  server = await startServer({ port: 0, dataDir: dir.path, secret: TEST_SECRET, webDir: null, logger: silentLogger, unloadDelayMs: 60_000 });
});

afterAll(async () => {
  await server.close();
  dir.remove();
});

function stock(room: string, token: string) {
  const doc = new Y.Doc();
  const provider = new WebsocketProvider(server.url, room, doc, { params: { token }, WebSocketPolyfill: WebSocket as never, disableBc: true });
  const closes: number[] = [];
  provider.on('connection-close', (e) => closes.push(e?.code ?? -1));
  return { provider, doc, closes };
}

const meta = (id: string, authorId: string, extra: Record<string, unknown> = {}) => ({ id, authorId, authorName: 'X', at: 1, source: 'editor', ...extra });
const stored = async (room: string) => (await fetchDoc(server.url, room, ed1)).getMap(SUGGESTIONS_ROOT);

async function refused(room: string, token: string, change: (doc: Y.Doc) => void): Promise<void> {
  const c = stock(room, token);
  try {
    await waitFor(() => c.provider.synced, 10_000, 'sync');
    change(c.doc);
    await waitFor(() => c.closes.length > 0, 10_000, 'close');
    expect(c.closes[0]).toBe(CloseCode.ForbiddenUpdate);
  } finally {
    c.provider.destroy();
  }
}

describe('suggestion entries carry the token user as author', () => {
  it('uses the same map name as the renderer', () => expect(SUGGESTIONS_ROOT).toBe(SUGGESTIONS));

  it("accepts an editor's own entries (Word imports included, whatever Word's author name) and body typing around them", async () => {
    const c = stock('ws1/s1', ed1);
    try {
      await waitFor(() => c.provider.synced, 10_000, 'sync');
      c.doc.getMap(SUGGESTIONS_ROOT).set('ed1-a-0', meta('ed1-a-0', 'ed1'));
      c.doc.getMap(SUGGESTIONS_ROOT).set('ed1-a-1', meta('ed1-a-1', 'ed1', { source: 'docx', authorName: 'Jane in Word' }));
      c.doc.getXmlFragment('body').insert(0, [new Y.XmlText('typed text')]);
      // Overwriting one's own entry (same author) is fine too.
      c.doc.getMap(SUGGESTIONS_ROOT).set('ed1-a-0', meta('ed1-a-0', 'ed1', { at: 2 }));
      await waitFor(async () => (await stored('ws1/s1')).size === 2, 10_000, 'stored');
      expect((await stored('ws1/s1')).get('ed1-a-1')).toMatchObject({ source: 'docx', authorName: 'Jane in Word' });
      expect(c.closes).toEqual([]);
    } finally {
      c.provider.destroy();
    }
  });

  it('refuses a new entry that names another author', async () => {
    await refused('ws1/s1', ed2, (doc) => doc.getMap(SUGGESTIONS_ROOT).set('forged', meta('forged', 'ed1')));
    expect((await stored('ws1/s1')).has('forged')).toBe(false);
  });

  it("refuses taking over or rewriting another editor's entry (the previous value is in the stored doc)", async () => {
    await refused('ws1/s1', ed2, (doc) => doc.getMap(SUGGESTIONS_ROOT).set('ed1-a-0', meta('ed1-a-0', 'ed2')));
    await refused('ws1/s1', ed2, (doc) => doc.getMap(SUGGESTIONS_ROOT).set('ed1-a-0', meta('ed1-a-0', 'ed1', { at: 99 })));
    expect((await stored('ws1/s1')).get('ed1-a-0')).toMatchObject({ authorId: 'ed1' });
  });

  it('refuses an entry that is not a plain object or whose id is not its key', async () => {
    await refused('ws1/s1', ed2, (doc) => doc.getMap(SUGGESTIONS_ROOT).set('nested', new Y.Map()));
    await refused('ws1/s1', ed2, (doc) => doc.getMap(SUGGESTIONS_ROOT).set('k1', meta('other-id', 'ed2')));
  });

  it("lets another editor remove (accept or reject) someone's suggestion", async () => {
    const c = stock('ws1/s1', ed2);
    try {
      await waitFor(() => c.provider.synced && c.doc.getMap(SUGGESTIONS_ROOT).has('ed1-a-0'), 10_000, 'sync');
      c.doc.getMap(SUGGESTIONS_ROOT).delete('ed1-a-0');
      c.doc.getMap(SUGGESTIONS_ROOT).set('ed2-b-0', meta('ed2-b-0', 'ed2'));
      await waitFor(async () => !(await stored('ws1/s1')).has('ed1-a-0') && (await stored('ws1/s1')).has('ed2-b-0'), 10_000, 'stored');
      expect(c.closes).toEqual([]);
    } finally {
      c.provider.destroy();
    }
  });
});
