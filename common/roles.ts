/** Roles carried by an invite token and enforced by the sync server. */
export const ROLES = ['editor', 'commenter', 'viewer'] as const;
export type Role = (typeof ROLES)[number];

export const isRole = (value: unknown): value is Role =>
  typeof value === 'string' && (ROLES as readonly string[]).includes(value);

/** What a role may write, by room kind. Commenters are further limited to adding and editing their own comments. */
export function mayWrite(role: Role, room: 'workspace' | 'document' | 'comments'): boolean {
  if (role === 'editor') return true;
  if (role === 'commenter') return room === 'comments';
  return false;
}
