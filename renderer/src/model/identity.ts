// The local user: a name and a colour shown to co-editors. When a workspace is joined with an invite token,
// the token's name and user id take over for that workspace.

export interface Identity {
  id: string;
  name: string;
  color: string;
}

const COLORS = ['#1f6feb', '#b5179e', '#2a9d8f', '#e76f51', '#6a4c93', '#d62828', '#3a86ff', '#8338ec', '#fb8500', '#0b7a75'];

/** A stable colour for a user id. */
export function colorFor(id: string): string {
  let h = 0;
  for (const c of id) h = (h * 31 + c.charCodeAt(0)) >>> 0;
  return COLORS[h % COLORS.length];
}

/** The identity before this device has one of its own (replaced on first start by `newIdentity`). */
export const PLACEHOLDER_IDENTITY: Identity = { id: 'local', name: 'Rapporteur', color: colorFor('local') };

/** A device's identity when it first starts: a fresh id, the default name, the id's colour. */
export const newIdentity = (id: string): Identity => ({ id, name: PLACEHOLDER_IDENTITY.name, color: colorFor(id) });
