import { create } from 'zustand';
import { formatRoute, parseRoute, type Route } from './route';
import { initialUiState, withFilter, withoutToast, withToast, type Dialog, type Toast, type UiData } from './uiState';
import type { DocumentFilter } from '../model/catalog';
import type { SaveState } from '../storage/docPersistence';

// UI state only. Shared content lives in Y.Docs; this store holds where the user is and what is open.
export type { Dialog, Toast } from './uiState';

export interface UiState extends UiData {
  navigate(route: Route): void;
  setFilter(patch: Partial<DocumentFilter>): void;
  openDialog(dialog: Dialog): void;
  setSaveState(state: SaveState): void;
  notify(kind: Toast['kind'], text: string): void;
  dismiss(id: number): void;
}

/** How long an info toast stays. Errors stay until dismissed. */
const INFO_TOAST_MS = 5000;

export function createUiStore(initial: UiData = initialUiState(typeof location === 'undefined' ? '' : location.hash)) {
  let toastId = 0;
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
    notify: (kind, text) => {
      const id = ++toastId;
      set((s) => ({ toasts: withToast(s.toasts, { id, kind, text }) }));
      if (kind === 'info') setTimeout(() => get().dismiss(id), INFO_TOAST_MS);
    },
    dismiss: (id) => set((s) => ({ toasts: withoutToast(s.toasts, id) })),
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
