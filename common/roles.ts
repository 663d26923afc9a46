// Roles carried by an invite token, and the one table of what each role may do. The UI asks it which controls to
// offer, the model asks it before writing, the sync server asks it before accepting an update.
import type { RoomKind } from './rooms';

export const ROLES = ['editor', 'commenter', 'viewer'] as const;
export type Role = (typeof ROLES)[number];

export const isRole = (value: unknown): value is Role =>
  typeof value === 'string' && (ROLES as readonly string[]).includes(value);

/** The role of the user in a workspace that has no invite token (one they created, or a local one). */
export const OWN_WORKSPACE_ROLE: Role = 'editor';

/**
 * What a role may READ, by room kind (issue 9, "personal data goes to editors only"). The server enforces it on
 * what it sends (sync-server/loadedRooms.ts `projectionOf`); the UI asks it which screens and data to offer
 * (a screen hidden over data still present in a received Y.Doc protects nothing), and the client drops a local copy
 * of a room it now reads through a projection (renderer/src/storage/localCopyScope.ts).
 *  - `full`: the room's doc as stored.
 *  - `projection`: a server-maintained projection doc instead of the room (sync-server/workspaceProjection.ts): the
 *    workspace's info, settings and document list, and of the registry only PUBLIC_STAKEHOLDER_FIELDS of the
 *    stakeholder the reader's invite names. The source doc is never sent.
 *  - `published`: a server-maintained projection of the comments doc (sync-server/commentsProjection.ts): the
 *    consultation setting, and the stakeholder comments with their dispositions and responses only once an
 *    editor published them (model/comments/publication.ts); no annotations, no gender in attributions.
 *  - `own-or-open`: a server-maintained projection per commenter (sync-server/commenterProjection.ts): the
 *    consultation setting, their own threads (authorId = token sub) with all replies, other stakeholders' threads
 *    only in an open review (default: private submissions), dispositions and responses once published; no
 *    annotations, no gender in attributions. Enforced: the commenter writes to it, and the server carries their
 *    writes (checked by sync-server/commenterPolicy.ts) back to the source.
 */
export type ReadScope = 'full' | 'projection' | 'own-or-open' | 'published';
export type Reads = Readonly<Record<RoomKind, ReadScope>>;

/** Registry fields a commenter or viewer may receive, for the stakeholder its invite names. Gender, themes
 *  (expertise) and contact details never leave the editors. */
export const PUBLIC_STAKEHOLDER_FIELDS = ['id', 'name', 'organisation', 'group', 'region'] as const;

export interface Capabilities {
  /** change document bodies, fields and metadata, create and import documents, change workspace settings */
  editBody: boolean;
  /** add, edit and merge stakeholders in the registry */
  manageStakeholders: boolean;
  /** add stakeholder comments and replies */
  comment: boolean;
  /** enter comments on behalf of any stakeholder (from email, surveys, submissions); without it a comment carries
   *  only the writer's own identity: the invite's name and stakeholder */
  commentOnBehalf: boolean;
  /** add annotations (comments of the drafting team, not from stakeholders) */
  annotate: boolean;
  /** edit and delete comments and replies they wrote */
  editOwnComments: boolean;
  /** edit and delete anyone's comments and replies */
  editAnyComment: boolean;
  /** set dispositions and write responses */
  setDisposition: boolean;
  /** move a draft through its consultation phases */
  changePhase: boolean;
  /** enter a submission received within the consultation window after it closed (receivedOn), reply when closed */
  enterLateComments: boolean;
  /** what it may read of each room (see ReadScope) */
  reads: Reads;
  /** see the registry screen (all stakeholders, all fields) */
  readRegistry: boolean;
  /** rooms it may write to */
  writes: readonly RoomKind[];
  /** its writes are accepted whole; others' are checked key by key (sync-server/commenterPolicy.ts) */
  trustedWrites: boolean;
}

const CAPABILITIES: Record<Role, Readonly<Capabilities>> = {
  editor: {
    editBody: true,
    manageStakeholders: true,
    comment: true,
    commentOnBehalf: true,
    annotate: true,
    editOwnComments: true,
    editAnyComment: true,
    setDisposition: true,
    changePhase: true,
    enterLateComments: true,
    reads: { workspace: 'full', document: 'full', comments: 'full' },
    readRegistry: true,
    writes: ['workspace', 'document', 'comments'],
    trustedWrites: true,
  },
  commenter: {
    editBody: false,
    manageStakeholders: false,
    comment: true,
    commentOnBehalf: false,
    annotate: false,
    editOwnComments: true,
    editAnyComment: false,
    setDisposition: false,
    changePhase: false,
    enterLateComments: false,
    reads: { workspace: 'projection', document: 'full', comments: 'own-or-open' },
    readRegistry: false,
    writes: ['comments'],
    trustedWrites: false,
  },
  viewer: {
    editBody: false,
    manageStakeholders: false,
    comment: false,
    commentOnBehalf: false,
    annotate: false,
    editOwnComments: false,
    editAnyComment: false,
    setDisposition: false,
    changePhase: false,
    enterLateComments: false,
    reads: { workspace: 'projection', document: 'full', comments: 'published' },
    readRegistry: false,
    writes: [],
    trustedWrites: false,
  },
};

export const capabilitiesOf = (role: Role): Readonly<Capabilities> => CAPABILITIES[role];

/** What a role may write, by room kind. Commenters are further limited to adding and editing their own comments. */
export function mayWrite(role: Role, room: RoomKind): boolean {
  return CAPABILITIES[role].writes.includes(room);
}

/** Whether `role` may edit or delete a comment or reply written by `authorId` (`userId`: the one asking). */
export function mayEditComment(role: Role, authorId: unknown, userId: string): boolean {
  const can = CAPABILITIES[role];
  return can.editAnyComment || (can.editOwnComments && authorId === userId);
}

/** Whether `role` reads `room` through a server-maintained projection rather than the stored doc. */
export function readsProjection(role: Role, room: RoomKind): boolean {
  return CAPABILITIES[role].reads[room] !== 'full';
}

/** Whether `role` may see comments of other stakeholders (matrix, Balance, CSV of the whole consultation) beyond what
 *  the server sent it: only a role that reads the comments room whole. Others see what they received and no more. */
export function readsAllComments(role: Role): boolean {
  return CAPABILITIES[role].reads.comments === 'full';
}
