// What the status bar says about a connected workspace, derived from the state of its providers.
// It must always tell the truth: offline, connecting, synced, or N changes waiting (and why a server refused us).

export type SyncState = 'local' | 'offline' | 'connecting' | 'synced' | 'pending' | 'refused';

export interface ProviderState {
  connected: boolean;
  synced: boolean;
}

export interface SyncSummary {
  state: SyncState;
  pending: number;
  /** i18n id of the reason, when the server closed the connection for a policy reason */
  refusal?: string;
  /** changes are waiting and no connection is up yet */
  connecting?: boolean;
}

export function summarizeSync(input: { configured: boolean; online: boolean; providers: ProviderState[]; pending: number; refusal?: string | null }): SyncSummary {
  const { configured, online, providers, pending } = input;
  if (!configured) return { state: 'local', pending: 0 };
  if (input.refusal) return { state: 'refused', pending, refusal: input.refusal };
  if (!online) return { state: 'offline', pending };
  const allSynced = providers.length > 0 && providers.every((p) => p.connected && p.synced);
  if (pending > 0) return providers.some((p) => p.connected) ? { state: 'pending', pending } : { state: 'pending', pending, connecting: true };
  return { state: allSynced ? 'synced' : 'connecting', pending: 0 };
}
