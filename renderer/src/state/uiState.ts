// The UI store's data and its transitions, as pure functions (tested in Node). The store (uiStore.ts) holds one
// instance and its actions call these.
import { parseRoute, type Route } from './route';
import type { DocumentFilter } from '../model/catalog';
import type { SaveState } from '../storage/docPersistence';

export type Dialog = null | { type: 'new-document' } | { type: 'import-docx' } | { type: 'export'; docIds?: string[] } | { type: 'join' } | { type: 'rebuild-index' } | { type: 'import-changes'; docId: string };

export interface Toast {
  id: number;
  kind: 'info' | 'error';
  text: string;
}

export interface UiData {
  route: Route;
  filter: DocumentFilter;
  dialog: Dialog;
  saveState: SaveState;
  toasts: Toast[];
}

/** At most this many toasts show at once; a new one pushes out the oldest. */
export const MAX_TOASTS = 4;

export function initialUiState(hash = ''): UiData {
  return { route: parseRoute(hash), filter: {}, dialog: null, saveState: 'saved', toasts: [] };
}

export const withToast = (toasts: readonly Toast[], toast: Toast): Toast[] => [...toasts.slice(-(MAX_TOASTS - 1)), toast];

export const withoutToast = (toasts: readonly Toast[], id: number): Toast[] => toasts.filter((t) => t.id !== id);

export const withFilter = (filter: DocumentFilter, patch: Partial<DocumentFilter>): DocumentFilter => ({ ...filter, ...patch });
