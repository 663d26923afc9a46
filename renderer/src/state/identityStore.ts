import { useEffect } from 'react';
import { create } from 'zustand';
import { getPref, setPref } from '../storage/catalogDb';
import { colorFor, type Identity } from '../model/identity';
import { newId } from '../../../common/ids';

// The local identity (this device's user), kept in local preferences. Sync replaces it per workspace with the
// invite token's name and user id.

const useIdentityStore = create<{ identity: Identity; loaded: boolean; set(identity: Identity): void }>()((set) => ({
  identity: { id: 'local', name: 'Rapporteur', color: colorFor('local') },
  loaded: false,
  set: (identity) => set({ identity, loaded: true }),
}));

let loading: Promise<void> | null = null;

function load() {
  loading ??= getPref<Identity | null>('identity', null).then(async (stored) => {
    if (stored) return useIdentityStore.getState().set(stored);
    const id = newId();
    const identity = { id, name: 'Rapporteur', color: colorFor(id) };
    await setPref('identity', identity);
    useIdentityStore.getState().set(identity);
  });
  return loading;
}

export function useIdentity(): Identity {
  useEffect(() => {
    void load();
  }, []);
  return useIdentityStore((s) => s.identity);
}

export async function updateIdentity(patch: Partial<Pick<Identity, 'name' | 'color'>>): Promise<void> {
  await load();
  const next = { ...useIdentityStore.getState().identity, ...patch };
  await setPref('identity', next);
  useIdentityStore.getState().set(next);
}
