// Choices remembered on this device only (Dexie `prefs`): the sidebar collapsed, the matrix's columns. Read once
// per key into memory, so a screen that mounts again shows the choice at once; written through to Dexie.
import { useEffect, useSyncExternalStore } from 'react';
import { getPref, setPref } from '../storage/catalogDb';

const values = new Map<string, unknown>();
const loading = new Set<string>();
const listeners = new Set<() => void>();
const emit = () => listeners.forEach((l) => l());
const subscribe = (l: () => void) => (listeners.add(l), () => void listeners.delete(l));

function load(key: string): void {
  if (values.has(key) || loading.has(key)) return;
  loading.add(key);
  getPref<unknown>(key, undefined)
    .then((v) => {
      if (values.has(key) || v === undefined) return;
      values.set(key, v);
      emit();
    })
    .catch(() => undefined)
    .finally(() => loading.delete(key));
}

/** A device-local preference: its value (`fallback` until set, or when the stored value is not `valid`) and a setter. */
export function useDevicePref<T>(key: string, fallback: T, valid: (v: unknown) => v is T): [T, (v: T) => void] {
  useEffect(() => load(key), [key]);
  const raw = useSyncExternalStore(subscribe, () => values.get(key));
  const value = valid(raw) ? raw : fallback;
  const set = (v: T) => {
    values.set(key, v);
    emit();
    setPref(key, v).catch(() => undefined);
  };
  return [value, set];
}

export const isBoolean = (v: unknown): v is boolean => typeof v === 'boolean';
