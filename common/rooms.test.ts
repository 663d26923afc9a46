import { describe, expect, it } from 'vitest';
import { docNameOf, parseDocName, parseRoomPath, roomForDocName, roomPath, workspaceOfDocName, workspaceProjectionDocName, type RoomRef } from './rooms';

const REFS: RoomRef[] = [
  { kind: 'workspace', workspaceId: 'ws1' },
  { kind: 'document', workspaceId: 'ws1', docId: 'd1' },
  { kind: 'comments', workspaceId: 'ws1', docId: 'd1' },
];

describe('room names in both directions', () => {
  it('formats doc names and room paths', () => {
    expect(REFS.map(docNameOf)).toEqual(['ws.ws1', 'doc.ws1.d1', 'doc.ws1.d1.comments']);
    expect(REFS.map(roomPath)).toEqual(['ws1/_workspace', 'ws1/d1', 'ws1/d1/comments']);
  });

  it('parses what it formats, and maps a doc name to its room', () => {
    for (const ref of REFS) {
      expect(parseDocName(docNameOf(ref))).toEqual(ref);
      expect(parseRoomPath(`/${roomPath(ref)}`)).toEqual(ref);
      expect(roomForDocName(docNameOf(ref))).toBe(roomPath(ref));
      expect(workspaceOfDocName(docNameOf(ref))).toBe('ws1');
    }
  });

  it('rejects names that are not ours', () => {
    for (const name of ['ws', 'ws.a.b', 'doc.ws1', 'doc.ws1._workspace', 'doc.ws1.d1.other', 'doc.w s.d1', 'x.ws1.d1']) expect(parseDocName(name)).toBeNull();
    for (const path of ['/', '/ws1', '/ws1/d1/other', '/_workspace/x', '/ws1/_workspace/comments']) expect(parseRoomPath(path)).toBeNull();
  });

  it('names the server-only workspace projections, which are no client doc or room', () => {
    expect(workspaceProjectionDocName('ws1', 'st-ana')).toBe('pub.ws1.st-ana');
    expect(workspaceProjectionDocName('ws1')).toBe('pub.ws1');
    expect(workspaceProjectionDocName('ws1', 'a.b/../c')).toBe('pub.ws1');
    for (const name of ['pub.ws1', 'pub.ws1.st-ana']) expect(parseDocName(name)).toBeNull();
  });
});
