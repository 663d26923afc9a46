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
  /** A toast with an action (e.g. "Undo") stays until it is used or dismissed; others time out. */
  action?: ToastAction;
}

export interface ToastAction {
  label: string;
  run: () => void;
}

export interface UiData {
  route: Route;
  filter: DocumentFilter;
  dialog: Dialog;
  saveState: SaveState;
  toasts: Toast[];
}

/** At most this many toasts show at once; a new one pushes out the oldest (one without an action first). */
export const MAX_TOASTS = 3;

/** How long a toast stays (ms): info 6 s, errors 12 s (longer to read), null (until dismissed) with an action. */
export function toastLifetime(toast: Pick<Toast, 'kind' | 'action'>): number | null {
  return toast.action ? null : toast.kind === 'error' ? 12_000 : 6_000;
}

export function initialUiState(hash = ''): UiData {
  return { route: parseRoute(hash), filter: {}, dialog: null, saveState: 'saved', toasts: [] };
}

export function withToast(toasts: readonly Toast[], toast: Toast): Toast[] {
  const next = [...toasts, toast];
  while (next.length > MAX_TOASTS) {
    const plain = next.findIndex((t) => !t.action && t !== toast);
    next.splice(plain >= 0 ? plain : 0, 1);
  }
  return next;
}

export const withoutToast = (toasts: readonly Toast[], id: number): Toast[] => toasts.filter((t) => t.id !== id);

export const withFilter = (filter: DocumentFilter, patch: Partial<DocumentFilter>): DocumentFilter => ({ ...filter, ...patch });
