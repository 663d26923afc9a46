// The app's provider sends a frame's changes after the frame (renderer/src/sync/syncProvider.ts): what
// it sends, counted on its socket, against a real sync server and a second client that must see everything.
import { afterEach, describe, expect, it } from 'vitest';
import WebSocket from 'ws';
import * as Y from 'yjs';
import * as decoding from 'lib0/decoding';
import { documentDocName, roomForDocName } from '../../common/rooms';
import { MessageType } from '../../common/syncProtocol';
import { createSyncProvider } from '../../renderer/src/sync/syncProvider';
import { silentLogger } from '../../sync-server/log';
import { startServer } from '../../sync-server/server';
import { makeToken, sleep, TEST_SECRET, tempDir, waitFor } from '../../sync-server/testHelpers';

/** The platform socket, keeping the type (y-websocket's first varuint, common/syncProtocol.ts) of each message sent. */
function recordingSocket() {
  const sent: number[] = [];
  class Recording extends WebSocket {
    override send(data: unknown, ...rest: unknown[]) {
      if (data instanceof Uint8Array) sent.push(decoding.readVarUint(decoding.createDecoder(data)));
      (super.send as (...a: unknown[]) => void)(data, ...rest);
    }
  }
  return { sent, WebSocketImpl: Recording as unknown as typeof globalThis.WebSocket };
}

const cleanups: Array<() => void | Promise<void>> = [];
afterEach(async () => {
  for (const c of cleanups.splice(0).reverse()) await c();
});

async function twoClients() {
  const dir = tempDir();
  const server = await startServer({ port: 0, dataDir: dir.path, secret: TEST_SECRET, webDir: null, logger: silentLogger });
  cleanups.push(async () => {
    await server.close();
    dir.remove();
  });
  const room = roomForDocName(documentDocName('ws1', 'frames'))!;
  const client = (name: string) => {
    const doc = new Y.Doc();
    const socket = recordingSocket();
    const provider = createSyncProvider(server.url, room, doc, makeToken({ ws: 'ws1', role: 'editor', name, sub: name }), { WebSocketImpl: socket.WebSocketImpl });
    cleanups.push(() => provider.destroy());
    return { doc, provider, sent: socket.sent };
  };
  const a = client('Ana');
  const b = client('Ben');
  await waitFor(() => a.provider.synced && b.provider.synced, 10_000, 'both clients synced');
  await sleep(50);
  a.sent.length = 0;
  b.sent.length = 0;
  return { a, b };
}

describe('sends after the frame', () => {
  it('sends nothing in the keystroke; after it, each update as it was made, and the other client gets them all', async () => {
    const { a, b } = await twoClients();
    const text = a.doc.getText('t');
    for (const ch of 'typed') a.doc.transact(() => text.insert(text.length, ch)); // five keystrokes in one frame
    expect(a.sent).toEqual([]); // nothing in the keystroke
    await waitFor(() => b.doc.getText('t').toString() === 'typed', 5_000, 'the second client has the text');
    expect(a.sent.filter((t) => t === MessageType.Sync)).toHaveLength(5); // not merged: the peer applies each in its own transaction
  });

  it('sends the last of a frame’s awareness changes once, and does not echo what it received', async () => {
    const { a, b } = await twoClients();
    for (let i = 1; i <= 4; i++) a.provider.awareness.setLocalState({ user: { name: 'Ana' }, cursor: i });
    expect(a.sent).toEqual([]);
    await waitFor(() => (b.provider.awareness.getStates().get(a.doc.clientID) as { cursor?: number } | undefined)?.cursor === 4, 5_000, 'the second client sees the last caret');
    expect(a.sent.filter((t) => t === MessageType.Awareness)).toHaveLength(1);
    await sleep(200); // a's change came back to b's provider, and b's own state reaches a: neither is sent on
    expect(b.sent.filter((t) => t === MessageType.Awareness)).toHaveLength(0);
    b.provider.awareness.setLocalState({ user: { name: 'Ben' }, cursor: 9 });
    await waitFor(() => (a.provider.awareness.getStates().get(b.doc.clientID) as { cursor?: number } | undefined)?.cursor === 9, 5_000, 'the first client sees the second caret');
    await sleep(200);
    expect(a.sent.filter((t) => t === MessageType.Awareness)).toHaveLength(1);
  });

  it('sends what it gathered before it disconnects', async () => {
    const { a, b } = await twoClients();
    a.doc.getText('t').insert(0, 'last words');
    a.provider.disconnect();
    expect(a.sent.filter((t) => t === MessageType.Sync)).toHaveLength(1);
    await waitFor(() => b.doc.getText('t').toString() === 'last words', 5_000, 'the second client has the text sent before the disconnect');
  });
});
