import { create } from 'zustand';
import { parseRoute, formatRoute, type Route } from './route';
import type { DocumentFilter } from '../model/catalog';
import type { SaveState } from '../storage/docPersistence';

// UI state only. Shared content lives in Y.Docs; this store holds where the user is and what is open.

export type Dialog = null | { type: 'new-document' } | { type: 'import-docx' } | { type: 'export'; docIds?: string[] } | { type: 'join' } | { type: 'rebuild-index' };

export interface Toast {
  id: number;
  kind: 'info' | 'error';
  text: string;
}

export interface DocStats {
  words: number;
  pages: number;
  targetMin: number;
  targetMax: number;
}

export interface UiState {
  route: Route;
  docStats: DocStats | null;
  setDocStats(stats: DocStats | null): void;
  filter: DocumentFilter;
  dialog: Dialog;
  saveState: SaveState;
  toasts: Toast[];
  navigate(route: Route): void;
  setFilter(patch: Partial<DocumentFilter>): void;
  openDialog(dialog: Dialog): void;
  setSaveState(state: SaveState): void;
  notify(kind: Toast['kind'], text: string): void;
  dismiss(id: number): void;
}

let toastId = 0;

export const useUi = create<UiState>()((set) => ({
  route: parseRoute(typeof location === 'undefined' ? '' : location.hash),
  docStats: null,
  setDocStats: (docStats) => set({ docStats }),
  filter: {},
  dialog: null,
  saveState: 'saved',
  toasts: [],
  navigate: (route) => {
    const hash = formatRoute(route);
    if (typeof location !== 'undefined' && location.hash !== hash) history.pushState(null, '', hash);
    set({ route });
  },
  setFilter: (patch) => set((s) => ({ filter: { ...s.filter, ...patch } })),
  openDialog: (dialog) => set({ dialog }),
  setSaveState: (saveState) => set({ saveState }),
  notify: (kind, text) => {
    const id = ++toastId;
    set((s) => ({ toasts: [...s.toasts.slice(-3), { id, kind, text }] }));
    if (kind === 'info') setTimeout(() => useUi.getState().dismiss(id), 5000);
  },
  dismiss: (id) => set((s) => ({ toasts: s.toasts.filter((t) => t.id !== id) })),
}));

if (typeof window !== 'undefined') {
  window.addEventListener('popstate', () => useUi.setState({ route: parseRoute(location.hash) }));
  window.addEventListener('hashchange', () => useUi.setState({ route: parseRoute(location.hash) }));
}
