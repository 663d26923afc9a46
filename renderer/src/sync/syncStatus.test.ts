import { describe, expect, it } from 'vitest';
import { summarizeSync } from './syncStatus';

const up = { connected: true, synced: true };
const down = { connected: false, synced: false };

describe('summarizeSync', () => {
  it('says local only when no server is configured', () => {
    expect(summarizeSync({ configured: false, online: true, providers: [], pending: 3 }).state).toBe('local');
  });
  it('says offline (with the number waiting) without a network', () => {
    expect(summarizeSync({ configured: true, online: false, providers: [up], pending: 4 })).toEqual({ state: 'offline', pending: 4 });
  });
  it('says synced only when every open doc is connected and synced', () => {
    expect(summarizeSync({ configured: true, online: true, providers: [up, up], pending: 0 }).state).toBe('synced');
    expect(summarizeSync({ configured: true, online: true, providers: [up, down], pending: 0 }).state).toBe('connecting');
  });
  it('counts changes waiting', () => {
    expect(summarizeSync({ configured: true, online: true, providers: [up, down], pending: 2 })).toEqual({ state: 'pending', pending: 2 });
    // the server is down: the count is never hidden behind "Connecting"
    expect(summarizeSync({ configured: true, online: true, providers: [down], pending: 2 })).toEqual({ state: 'pending', pending: 2, connecting: true });
  });
  it('a policy refusal wins over everything', () => {
    expect(summarizeSync({ configured: true, online: true, providers: [up], pending: 0, refusal: 'sync.closed.forbidden' })).toMatchObject({ state: 'refused', refusal: 'sync.closed.forbidden' });
  });
  it('an invite the server no longer accepts (4410, 4401) asks for a new one', () => {
    expect(summarizeSync({ configured: true, online: true, providers: [down], pending: 1, refusal: 'sync.closed.inviteInvalid', refusalCode: 4410 })).toMatchObject({ state: 'invite-invalid', pending: 1 });
    expect(summarizeSync({ configured: true, online: true, providers: [down], pending: 0, refusal: 'sync.closed.expired', refusalCode: 4401 }).state).toBe('invite-invalid');
  });
  it('a server that closed us with a reason is being retried, and says when', () => {
    const retry = { code: 1009, seconds: 5, reason: 'sync.closed.tooBig' };
    expect(summarizeSync({ configured: true, online: true, providers: [down], pending: 3, retry })).toEqual({ state: 'retrying', pending: 3, retry });
  });
});
