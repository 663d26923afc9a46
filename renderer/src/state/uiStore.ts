import { create } from 'zustand';
import { formatRoute, parseRoute, type Route } from './route';
import { initialUiState, toastLifetime, withFilter, withoutToast, withToast, type Dialog, type Toast, type ToastAction, type UiData } from './uiState';
import type { DocumentFilter } from '../model/catalog';
import type { SaveState } from '../storage/docPersistence';

// UI state only. Shared content lives in Y.Docs; this store holds where the user is and what is open.
export type { Dialog, Toast, ToastAction } from './uiState';

export interface UiState extends UiData {
  navigate(route: Route): void;
  setFilter(patch: Partial<DocumentFilter>): void;
  openDialog(dialog: Dialog): void;
  setSaveState(state: SaveState): void;
  notify(kind: Toast['kind'], text: string, action?: ToastAction): void;
  dismiss(id: number): void;
  /** While the pointer or focus is on the toasts they do not time out; released, each gets its full time again. */
  holdToasts(held: boolean): void;
}

export function createUiStore(initial: UiData = initialUiState(typeof location === 'undefined' ? '' : location.hash)) {
  let toastId = 0;
  let held = false;
  const timers = new Map<number, ReturnType<typeof setTimeout>>();
  const schedule = (toast: Toast, dismiss: (id: number) => void) => {
    const ms = toastLifetime(toast);
    if (ms === null || held) return;
    timers.set(toast.id, setTimeout(() => dismiss(toast.id), ms));
  };
  return create<UiState>()((set, get) => ({
    ...initial,
    navigate: (route) => {
      const hash = formatRoute(route);
      if (typeof location !== 'undefined' && location.hash !== hash) history.pushState(null, '', hash);
      set({ route });
    },
    setFilter: (patch) => set((s) => ({ filter: withFilter(s.filter, patch) })),
    openDialog: (dialog) => set({ dialog }),
    setSaveState: (saveState) => set({ saveState }),
    notify: (kind, text, action) => {
      const toast: Toast = action ? { id: ++toastId, kind, text, action } : { id: ++toastId, kind, text };
      set((s) => ({ toasts: withToast(s.toasts, toast) }));
      schedule(toast, get().dismiss);
    },
    dismiss: (id) => {
      clearTimeout(timers.get(id));
      timers.delete(id);
      set((s) => ({ toasts: withoutToast(s.toasts, id) }));
    },
    holdToasts: (hold) => {
      if (hold === held) return;
      held = hold;
      for (const timer of timers.values()) clearTimeout(timer);
      timers.clear();
      if (!hold) for (const toast of get().toasts) schedule(toast, get().dismiss);
    },
  }));
}

export type UiStore = ReturnType<typeof createUiStore>;

/** The app's one UI store. */
export const useUi = createUiStore();

/** Follows the address bar (back, forward, a pasted link) into the store; main.tsx calls it once. */
export function bindRouteToLocation(store: UiStore = useUi): () => void {
  const follow = () => store.setState({ route: parseRoute(location.hash) });
  window.addEventListener('popstate', follow);
  window.addEventListener('hashchange', follow);
  return () => {
    window.removeEventListener('popstate', follow);
    window.removeEventListener('hashchange', follow);
  };
}
