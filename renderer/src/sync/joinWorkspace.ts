import { parseInvite } from '../../../common/invite';
import { readClaimsUnverified, type TokenClaims } from '../../../common/tokenClaims';
import { isValidId } from '../../../common/rooms';
import { catalogDb } from '../storage/catalogDb';

export interface ParsedInvite {
  server: string;
  token: string;
  claims: TokenClaims;
}

/** Reads an invite link; returns an i18n error id when it is not usable. */
export function readInvite(text: string, now = Date.now()): ParsedInvite | { error: string } {
  const invite = parseInvite(text);
  if (!invite) return { error: 'join.error.invalid' };
  const claims = readClaimsUnverified(invite.token);
  if (!claims || !isValidId(claims.ws)) return { error: 'join.error.invalid' };
  if (claims.exp * 1000 < now) return { error: 'join.error.expired' };
  return { ...invite, claims };
}

/**
 * Whether joining with `invite` changes what this device reads of a workspace it already holds (another role or
 * user): its open docs then hold another read scope (storage/localCopyScope.ts) and are not synced until they are
 * opened again, so the caller reloads the app after joining.
 */
export async function joinChangesReadScope(invite: ParsedInvite): Promise<boolean> {
  const existing = await catalogDb.workspaces.get(invite.claims.ws);
  if (!existing?.token) return false;
  const sub = readClaimsUnverified(existing.token)?.sub;
  return existing.role !== invite.claims.role || sub !== invite.claims.sub;
}

/** Stores the connection for the invite's workspace on this device; the workspace then syncs in. */
export async function joinWorkspace(invite: ParsedInvite, expectWorkspaceId?: string): Promise<string> {
  if (expectWorkspaceId && invite.claims.ws !== expectWorkspaceId) throw new Error('join.error.otherWorkspace');
  const id = invite.claims.ws;
  const existing = await catalogDb.workspaces.get(id);
  await catalogDb.workspaces.put({
    ...(existing ?? { id, name: '', lastOpenedAt: Date.now() }),
    serverUrl: invite.server,
    token: invite.token,
    role: invite.claims.role,
  });
  return id;
}

/** Stops syncing a workspace on this device (its local copy stays). */
export async function disconnectWorkspace(id: string): Promise<void> {
  await catalogDb.workspaces.update(id, { serverUrl: undefined, token: undefined, role: undefined, lastFullSyncAt: undefined });
}
