import { useCallback, useEffect, useRef, useState, useSyncExternalStore } from 'react';
import type * as Y from 'yjs';
import { liveQuery } from 'dexie';

/**
 * Subscribes a component to a Y type and re-reads `read` when it (or anything below it) changes.
 * `read` must return a value that changes identity only when the content changes (we memoise by version).
 */
// eslint-disable-next-line @typescript-eslint/no-explicit-any
export function useY<T>(type: Y.AbstractType<any> | null | undefined, read: () => T): T {
  const version = useRef(0);
  const cache = useRef<{ version: number; type: unknown; value: T } | null>(null);
  const subscribe = useCallback(
    (onChange: () => void) => {
      if (!type) return () => {};
      const handler = () => {
        version.current++;
        onChange();
      };
      type.observeDeep(handler);
      // A change may have landed between the first render and this subscription: re-read once.
      handler();
      return () => type.unobserveDeep(handler);
    },
    [type],
  );
  const getSnapshot = () => {
    const c = cache.current;
    if (c && c.version === version.current && c.type === type) return c.value;
    const value = read();
    cache.current = { version: version.current, type, value };
    return value;
  };
  return useSyncExternalStore(subscribe, getSnapshot);
}

/** Subscribes to a Dexie live query (re-runs when the tables it read change). */
export function useLiveQuery<T>(query: () => Promise<T>, deps: unknown[], initial: T, onError?: T): T {
  const [value, setValue] = useState<T>(initial);
  useEffect(() => {
    const subscription = liveQuery(query).subscribe({
      next: setValue,
      error: (e) => {
        console.error(e);
        // A caller waiting for the first value (initial undefined) gets this one instead of waiting forever.
        if (onError !== undefined) setValue(onError);
      },
    });
    return () => subscription.unsubscribe();
    // eslint-disable-next-line react-hooks/exhaustive-deps
  }, deps);
  return value;
}
