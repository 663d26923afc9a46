// What the status bar says about a connected workspace, derived from the state of its providers.
// It must always tell the truth: offline, connecting, synced, or N changes waiting (and why a server refused us).

import { CloseCode } from '../../../common/closeCodes';
export type SyncState = 'local' | 'offline' | 'connecting' | 'synced' | 'pending' | 'refused' | 'invite-invalid' | 'retrying';

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
  /** 'retrying': the close code the server gave, the reason (i18n id) when known, and when the next attempt starts */
  retry?: RetryNotice;
}

export interface RetryNotice {
  code: number;
  /** seconds until the next attempt, as of the close */
  seconds: number;
  reason: string | null;
}

export function summarizeSync(input: {
  configured: boolean;
  online: boolean;
  providers: ProviderState[];
  pending: number;
  refusal?: string | null;
  refusalCode?: number | null;
  retry?: RetryNotice | null;
}): SyncSummary {
  const { configured, online, providers, pending } = input;
  if (!configured) return { state: 'local', pending: 0 };
  if (input.refusal) {
    // The invite no longer opens this workspace (secret changed, expired): a new one is needed; the data stays.
    const invite = input.refusalCode === CloseCode.InviteInvalid || input.refusalCode === CloseCode.TokenExpired;
    return { state: invite ? 'invite-invalid' : 'refused', pending, refusal: input.refusal };
  }
  if (!online) return { state: 'offline', pending };
  if (input.retry) return { state: 'retrying', pending, retry: input.retry };
  const allSynced = providers.length > 0 && providers.every((p) => p.connected && p.synced);
  if (pending > 0) return providers.some((p) => p.connected) ? { state: 'pending', pending } : { state: 'pending', pending, connecting: true };
  return { state: allSynced ? 'synced' : 'connecting', pending: 0 };
}
