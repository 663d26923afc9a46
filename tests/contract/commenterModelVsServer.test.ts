// The comments model (client) and the sync server's commenter policy must agree: every write the model lets a
// commenter make is accepted by the server, and what the model forbids a commenter the server refuses too.
import { describe, expect, it } from 'vitest';
import * as Y from 'yjs';
import { addThread, addReply, editThread, setDisposition, setResolved } from '../../renderer/src/model/comments/commentsDoc';
import type { Actor } from '../../renderer/src/model/comments/threadTypes';
import type { Stakeholder } from '../../renderer/src/model/stakeholders';
import { checkCommenterUpdate } from '../../sync-server/commenterPolicy';
import { decodeUpdateStrict } from '../../sync-server/updateEffect';

const editor: Actor = { id: 'ed', name: 'Editor', role: 'editor' };
const ana: Actor = { id: 'ana', name: 'Ana', role: 'commenter' };
const attribution = { name: 'Ana', organisation: 'NGO', group: 'civil-society', region: 'african' };
const anaToken = { sub: 'ana', name: 'Ana' };

/** Runs `write` on a replica of `server` and returns the server's verdict on the resulting update for `sub`. */
function verdict(server: Y.Doc, sub: string, write: (doc: Y.Doc) => void, who: { sub: string; name: string; stakeholder?: string } = { sub, name: 'Ana' }) {
  const client = new Y.Doc();
  Y.applyUpdate(client, Y.encodeStateAsUpdate(server));
  const before = Y.encodeStateVector(client);
  write(client);
  const update = Y.encodeStateAsUpdate(client, before);
  return checkCommenterUpdate(server, [], update, decodeUpdateStrict(update), who);
}

describe('commenter rights: model and server agree', () => {
  it('accepts what the model lets a commenter do', () => {
    const server = new Y.Doc();
    const other = addThread(server, { anchor: null, type: 'general', body: 'Editor note', purpose: 'annotation' }, editor);
    expect(verdict(server, 'ana', (d) => addThread(d, { anchor: null, type: 'substantive', body: 'Add SMEs', purpose: 'stakeholder' }, ana))).toMatchObject({ ok: true });
    const bound: Actor = { ...ana, stakeholderId: 'st-ana' };
    expect(
      verdict(server, 'ana', (d) => addThread(d, { anchor: null, type: 'general', body: 'As NGO', purpose: 'stakeholder' }, bound), { ...anaToken, stakeholder: 'st-ana' }),
    ).toMatchObject({ ok: true });
    expect(verdict(server, 'ana', (d) => addReply(d, other, 'I agree', ana))).toMatchObject({ ok: true });
    const own = addThread(server, { anchor: null, type: 'general', body: 'First', purpose: 'stakeholder' }, ana);
    expect(verdict(server, 'ana', (d) => editThread(d, own, { body: 'First, edited' }, ana, 1))).toMatchObject({ ok: true });
  });

  it('refuses what only editors may do, even if a client bypasses the model', () => {
    const server = new Y.Doc();
    const own = addThread(server, { anchor: null, type: 'general', body: 'Mine', purpose: 'stakeholder' }, ana);
    const theirs = addThread(server, { anchor: null, type: 'general', body: 'Not mine', purpose: 'stakeholder', attribution }, editor);
    // The model itself refuses these for a commenter...
    expect(() => setDisposition(new Y.Doc(), own, { value: 'accepted' }, ana)).toThrow();
    // ...and the server refuses them when written directly (as an editor would, from a commenter's connection).
    expect(verdict(server, 'ana', (d) => setDisposition(d, own, { value: 'accepted' }, editor)).ok).toBe(false);
    expect(verdict(server, 'ana', (d) => setResolved(d, own, true, editor)).ok).toBe(false);
    expect(verdict(server, 'ana', (d) => editThread(d, theirs, { body: 'hijacked' }, editor, 1)).ok).toBe(false);
    // Posting as a stakeholder (what an editor's "On behalf of" writes) from a commenter's connection.
    const minister: Stakeholder = { id: 'st-min', name: 'Minister', organisation: 'Ministry', group: 'government', region: 'global', themes: [] };
    const asEditor = (d: Y.Doc) => addThread(d, { anchor: null, type: 'general', body: 'Fake', purpose: 'stakeholder', stakeholder: minister }, { ...editor, id: 'ana', name: 'Ana' });
    expect(verdict(server, 'ana', asEditor).ok).toBe(false);
    expect(verdict(server, 'ana', asEditor, { ...anaToken, stakeholder: 'st-ana' }).ok).toBe(false);
  });
});
