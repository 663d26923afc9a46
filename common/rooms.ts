// Names shared by IndexedDB, the websocket room and the server's storage, in both directions: the one place that
// formats and parses doc names (`ws.<ws>`, `doc.<ws>.<doc>`, `doc.<ws>.<doc>.comments`) and room paths
// (`<ws>/_workspace`, `<ws>/<doc>`, `<ws>/<doc>/comments`). One name per Y.Doc, used everywhere (DESIGN.md "Data model").
import { ID_PATTERN } from './ids';

export { ID_PATTERN };

export const WORKSPACE_ROOM = '_workspace';
export const COMMENTS_SUFFIX = 'comments';

export function isValidId(id: string): boolean {
  return ID_PATTERN.test(id) && id !== WORKSPACE_ROOM;
}

export type RoomRef =
  | { kind: 'workspace'; workspaceId: string }
  | { kind: 'document'; workspaceId: string; docId: string }
  | { kind: 'comments'; workspaceId: string; docId: string };
export type RoomKind = RoomRef['kind'];

/** Local (IndexedDB) Y.Doc names. */
export const workspaceDocName = (workspaceId: string) => `ws.${workspaceId}`;
export const documentDocName = (workspaceId: string, docId: string) => `doc.${workspaceId}.${docId}`;
export const commentsDocName = (workspaceId: string, docId: string) =>
  `doc.${workspaceId}.${docId}.${COMMENTS_SUFFIX}`;

/**
 * The server's name for the projection of a workspace that commenters and viewers read instead of `ws.<ws>`
 * (common/roles.ts `reads`): one per stakeholder an invite names (`pub.<ws>.<stakeholder>`), one for invites that
 * name none (`pub.<ws>`). Clients never see it: they keep `ws.<ws>` and the room `<ws>/_workspace`; only the
 * server stores it. A stakeholder claim that is not id-shaped gets the projection without a stakeholder.
 */
export const workspaceProjectionDocName = (workspaceId: string, stakeholder?: string) =>
  stakeholder && ID_PATTERN.test(stakeholder) ? `pub.${workspaceId}.${stakeholder}` : `pub.${workspaceId}`;

/** The server's name for the projection of a document's comments that viewers read (common/roles.ts `reads`). */
export const commentsProjectionDocName = (workspaceId: string, docId: string) => `pub.${workspaceId}.${docId}.${COMMENTS_SUFFIX}`;

/**
 * The server's name for one commenter's view of a document's comments (common/roles.ts `reads.comments:
 * 'own-or-open'`): one doc per (comments room, token `sub`), `pub.<ws>.<doc>.comments.<sub>`. The commenter writes to
 * it; the server carries their writes back to the source (sync-server/commenterProjection.ts). `sub` is id-shaped
 * (sync-server/token.ts checks it).
 */
export const commenterCommentsDocName = (workspaceId: string, docId: string, sub: string) =>
  `pub.${workspaceId}.${docId}.${COMMENTS_SUFFIX}.${sub}`;

/** The local Y.Doc name of a room. */
export function docNameOf(ref: RoomRef): string {
  switch (ref.kind) {
    case 'workspace':
      return workspaceDocName(ref.workspaceId);
    case 'document':
      return documentDocName(ref.workspaceId, ref.docId);
    case 'comments':
      return commentsDocName(ref.workspaceId, ref.docId);
  }
}

/** Parses a local Y.Doc name; null for names that are not ours. */
export function parseDocName(name: string): RoomRef | null {
  const parts = name.split('.');
  const [kind, workspaceId = '', docId = ''] = parts;
  if (kind === 'ws' && parts.length === 2 && ID_PATTERN.test(workspaceId)) return { kind: 'workspace', workspaceId };
  if (kind !== 'doc' || !ID_PATTERN.test(workspaceId) || !isValidId(docId)) return null;
  if (parts.length === 3) return { kind: 'document', workspaceId, docId };
  if (parts.length === 4 && parts[3] === COMMENTS_SUFFIX) return { kind: 'comments', workspaceId, docId };
  return null;
}

/** Websocket room path (without leading slash, as y-websocket appends it to the server URL). */
export function roomPath(ref: RoomRef): string {
  switch (ref.kind) {
    case 'workspace':
      return `${ref.workspaceId}/${WORKSPACE_ROOM}`;
    case 'document':
      return `${ref.workspaceId}/${ref.docId}`;
    case 'comments':
      return `${ref.workspaceId}/${ref.docId}/${COMMENTS_SUFFIX}`;
  }
}

/** Parses a request path such as `/ws1/doc1/comments`; null when it is not a valid room. */
export function parseRoomPath(path: string): RoomRef | null {
  const parts = path.replace(/^\/+/, '').split('/');
  const [workspaceId, second, third] = parts;
  if (!workspaceId || !ID_PATTERN.test(workspaceId) || workspaceId === WORKSPACE_ROOM) return null;
  if (parts.length === 2 && second === WORKSPACE_ROOM) return { kind: 'workspace', workspaceId };
  if (!second || !isValidId(second)) return null;
  if (parts.length === 2) return { kind: 'document', workspaceId, docId: second };
  if (parts.length === 3 && third === COMMENTS_SUFFIX) return { kind: 'comments', workspaceId, docId: second };
  return null;
}

/** Maps a local Y.Doc name back to its websocket room; null for names that are not ours. */
export function roomForDocName(name: string): string | null {
  const ref = parseDocName(name);
  return ref && roomPath(ref);
}

/** The workspace a local Y.Doc name belongs to. */
export function workspaceOfDocName(name: string): string | null {
  const parts = name.split('.');
  return (parts[0] === 'ws' || parts[0] === 'doc') && parts[1] && ID_PATTERN.test(parts[1]) ? parts[1] : null;
}
