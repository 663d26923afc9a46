import { useEffect, useState } from 'react';
import type * as Y from 'yjs';
import { openDocs, type DocHandle } from '../storage/openDocs';

/** Opens a Y.Doc for as long as the component is mounted; `doc` is null until its local state has loaded. */
export function useDocHandle(name: string | null, opts?: { gc?: boolean }): { doc: Y.Doc | null; handle: DocHandle | null; error: unknown } {
  const [state, setState] = useState<{ name: string | null; handle: DocHandle | null; error: unknown }>({ name: null, handle: null, error: null });
  const gc = opts?.gc ?? true;
  useEffect(() => {
    if (!name) return;
    const handle = openDocs.acquire(name, { gc });
    let live = true;
    handle.ready.then(
      () => live && setState({ name, handle, error: null }),
      (error) => live && setState({ name, handle: null, error }),
    );
    return () => {
      live = false;
      handle.release();
    };
  }, [name, gc]);
  const current = state.name === name ? state.handle : null;
  return { doc: current?.doc ?? null, handle: current, error: state.name === name ? state.error : null };
}
