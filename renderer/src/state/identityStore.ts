import { useEffect } from 'react';
import { create } from 'zustand';
import { getPref, setPref } from '../storage/catalogDb';
import { newIdentity, PLACEHOLDER_IDENTITY, type Identity } from '../model/identity';
import { newId } from '../../../common/ids';

// The local identity (this device's user), kept in local preferences. Sync replaces it per workspace with the
// invite token's name and user id.

interface IdentityPrefs {
  get(): Promise<Identity | null>;
  set(identity: Identity): Promise<unknown>;
}

const devicePrefs: IdentityPrefs = { get: () => getPref<Identity | null>('identity', null), set: (identity) => setPref('identity', identity) };

export function createIdentityStore(prefs: IdentityPrefs = devicePrefs) {
  const store = create<{ identity: Identity; loaded: boolean }>()(() => ({ identity: PLACEHOLDER_IDENTITY, loaded: false }));
  let loading: Promise<void> | null = null;
  /** Reads the stored identity once; a device without one gets a new one, stored at once. */
  const load = () =>
    (loading ??= prefs.get().then(async (stored) => {
      const identity = stored ?? newIdentity(newId());
      if (!stored) await prefs.set(identity);
      store.setState({ identity, loaded: true });
    }));
  const update = async (patch: Partial<Pick<Identity, 'name' | 'color'>>) => {
    await load();
    const next = { ...store.getState().identity, ...patch };
    await prefs.set(next);
    store.setState({ identity: next });
  };
  return { store, load, update };
}

const device = createIdentityStore();

export function useIdentity(): Identity {
  useEffect(() => {
    void device.load();
  }, []);
  return device.store((s) => s.identity);
}

export const updateIdentity = device.update;
