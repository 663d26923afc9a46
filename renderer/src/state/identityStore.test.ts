import { describe, expect, it } from 'vitest';
import { createIdentityStore } from './identityStore';
import { colorFor, type Identity } from '../model/identity';

function memoryPrefs(initial: Identity | null) {
  let stored = initial;
  let writes = 0;
  return { prefs: { get: async () => stored, set: async (i: Identity) => ((stored = i), writes++) }, stored: () => stored, writes: () => writes };
}

describe('identity store', () => {
  it('gives a new device an identity of its own, stored once', async () => {
    const m = memoryPrefs(null);
    const { store, load } = createIdentityStore(m.prefs);
    expect(store.getState().loaded).toBe(false);
    await Promise.all([load(), load()]);
    const { identity } = store.getState();
    expect(identity.id).not.toBe('local');
    expect(identity.color).toBe(colorFor(identity.id));
    expect(m.stored()).toEqual(identity);
    expect(m.writes()).toBe(1);
  });

  it('keeps a stored identity and saves a rename', async () => {
    const m = memoryPrefs({ id: 'abc', name: 'Ana', color: '#000000' });
    const { store, update } = createIdentityStore(m.prefs);
    await update({ name: 'Ana María' });
    expect(store.getState().identity).toEqual({ id: 'abc', name: 'Ana María', color: '#000000' });
    expect(m.stored()?.name).toBe('Ana María');
  });
});
