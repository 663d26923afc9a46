import { create } from 'zustand';

// UI state of version history (never shared content): whether the History panel shows, which version is being
// viewed read-only, and which dialog (save, restore) is open. Cleared when another document opens.

export type VersionDialog = null | { type: 'save' } | { type: 'restore'; versionId: string };

export interface HistoryUiData {
  docId: string | null;
  open: boolean;
  viewing: string | null;
  dialog: VersionDialog;
}

export interface HistoryUiState extends HistoryUiData {
  forDoc(docId: string): void;
  setOpen(open: boolean): void;
  view(versionId: string | null): void;
  openDialog(dialog: VersionDialog): void;
}

export const initialHistoryUi = (): HistoryUiData => ({ docId: null, open: false, viewing: null, dialog: null });

export const createHistoryUiStore = (initial: HistoryUiData = initialHistoryUi()) =>
  create<HistoryUiState>()((set, get) => ({
    ...initial,
    forDoc: (docId) => {
      if (get().docId !== docId) set({ ...initialHistoryUi(), docId, open: get().open });
    },
    setOpen: (open) => set({ open }),
    view: (viewing) => set({ viewing }),
    openDialog: (dialog) => set({ dialog }),
  }));

export const useHistoryUi = createHistoryUiStore();
