// UI state of the workspace search: whether the dialog is open, the last query and filters (kept while the app
// runs, so Ctrl+K reopens where the user was), and a pending "show the match" request for the screen that opens.
import { create } from 'zustand';
import type { SearchFilters } from '../model/search/workspaceSearch';

/** What the screen that opens should show: a passage (terms) in a document, a comment thread, a registry entry. */
export type SearchReveal =
  | { type: 'text'; docId: string; terms: string[] }
  | { type: 'thread'; docId: string; threadId: string }
  | { type: 'stakeholder'; stakeholderId: string };

export interface SearchUiState {
  open: boolean;
  query: string;
  filters: SearchFilters;
  reveal: SearchReveal | null;
  setOpen(open: boolean): void;
  setQuery(query: string): void;
  setFilters(patch: Partial<SearchFilters>): void;
  clearFilters(): void;
  setReveal(reveal: SearchReveal | null): void;
}

export const createSearchUiStore = () =>
  create<SearchUiState>()((set) => ({
    open: false,
    query: '',
    filters: {},
    reveal: null,
    setOpen: (open) => set({ open }),
    setQuery: (query) => set({ query }),
    setFilters: (patch) => set((s) => ({ filters: { ...s.filters, ...patch } })),
    clearFilters: () => set({ filters: {} }),
    setReveal: (reveal) => set({ reveal }),
  }));

export const useSearchUi = createSearchUiStore();
