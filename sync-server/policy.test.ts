import { describe, expect, it } from 'vitest';
import * as Y from 'yjs';
import type { Role } from '../common/roles';
import type { RoomRef } from '../common/rooms';
import { decideUpdate } from './policy';
import { MalformedUpdateError } from './updateEffect';

function setup() {
  const server = new Y.Doc({ gc: false });
  server.getText('body').insert(0, 'agreed text');
  const replica = new Y.Doc();
  Y.applyUpdate(replica, Y.encodeStateAsUpdate(server));
  return { server, replica };
}

const decide = (role: Role, room: RoomRef['kind'], doc: Y.Doc, update: Uint8Array) =>
  decideUpdate({ role, room, who: { sub: 'u1', name: 'u1' }, doc, unapplied: [], held: null, update });

describe('decideUpdate by role', () => {
  it('accepts any change from an editor, in every room kind', () => {
    const { server, replica } = setup();
    const sv = Y.encodeStateVector(replica);
    replica.getText('body').insert(0, 'x');
    const update = Y.encodeStateAsUpdate(replica, sv);
    for (const room of ['document', 'comments', 'workspace'] as const) expect(decide('editor', room, server, update).kind).toBe('accept');
  });

  it('refuses any change from a viewer, and from a commenter outside comments rooms', () => {
    const { server, replica } = setup();
    const sv = Y.encodeStateVector(replica);
    replica.getText('body').delete(0, 6);
    const update = Y.encodeStateAsUpdate(replica, sv);
    for (const room of ['document', 'comments', 'workspace'] as const) expect(decide('viewer', room, server, update).kind).toBe('refuse');
    expect(decide('commenter', 'document', server, update).kind).toBe('refuse');
    expect(decide('commenter', 'workspace', server, update).kind).toBe('refuse');
  });

  it("does not refuse a viewer's sync step 2 that brings nothing new", () => {
    const { server, replica } = setup();
    // What a viewer's provider sends after syncing: the diff against the server's state vector (empty), or
    // even its whole state (all already known).
    expect(decide('viewer', 'document', server, Y.encodeStateAsUpdate(replica, Y.encodeStateVector(server))).kind).toBe('noop');
    expect(decide('viewer', 'document', server, Y.encodeStateAsUpdate(replica)).kind).toBe('noop');
  });

  it('drops an editor update that changes nothing instead of storing it', () => {
    const { server } = setup();
    expect(decide('editor', 'document', server, Y.encodeStateAsUpdate(server)).kind).toBe('noop');
  });

  it('throws MalformedUpdateError for undecodable updates, whatever the role', () => {
    const { server } = setup();
    for (const role of ['editor', 'commenter', 'viewer'] as const) {
      expect(() => decide(role, 'comments', server, new Uint8Array([1, 1, 1, 1, 99]))).toThrow(MalformedUpdateError);
    }
  });
});
