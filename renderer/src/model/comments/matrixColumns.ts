// Which columns the comment matrix screen shows, in what order: a person's choice, remembered on their device
// (state/devicePrefs.ts). The default puts the decision columns (Comment, Proposed wording, Disposition, Response)
// right after who commented, so they fit a 1280 px window; who they are (organisation, group, region) follows.
// Files (CSV, Excel: matrixTable.ts) keep their own fixed layout.
import type { MatrixColumn } from './matrix';

/** The columns the screen can show, in the default order. */
export const SCREEN_COLUMNS = ['number', 'para', 'commenter', 'comment', 'proposedWording', 'disposition', 'response', 'type', 'section', 'organisation', 'group', 'region'] as const satisfies readonly MatrixColumn[];
export type ScreenColumn = (typeof SCREEN_COLUMNS)[number];

/** Shown always: a row needs its number (it is also the row's sticky first cell). */
export const FIXED_COLUMN: ScreenColumn = 'number';
export const DECISION_COLUMNS: readonly ScreenColumn[] = ['comment', 'proposedWording', 'disposition', 'response'];

export interface MatrixColumnPrefs {
  order: ScreenColumn[];
  hidden: ScreenColumn[];
}

export const DEFAULT_COLUMN_PREFS: MatrixColumnPrefs = { order: [...SCREEN_COLUMNS], hidden: [] };

const isScreenColumn = (v: unknown): v is ScreenColumn => typeof v === 'string' && (SCREEN_COLUMNS as readonly string[]).includes(v);

/** Reads a stored choice (anything): unknown columns are dropped, missing ones appended in default order. */
export function readColumnPrefs(raw: unknown): MatrixColumnPrefs {
  const o = (raw && typeof raw === 'object' ? raw : {}) as { order?: unknown; hidden?: unknown };
  const order = Array.isArray(o.order) ? [...new Set(o.order.filter(isScreenColumn))] : [];
  for (const c of SCREEN_COLUMNS) if (!order.includes(c)) order.push(c);
  // The number stays first.
  const withNumber = [FIXED_COLUMN, ...order.filter((c) => c !== FIXED_COLUMN)];
  const hidden = Array.isArray(o.hidden) ? [...new Set(o.hidden.filter(isScreenColumn))].filter((c) => c !== FIXED_COLUMN) : [];
  return { order: withNumber, hidden };
}

export const visibleColumns = (p: MatrixColumnPrefs): ScreenColumn[] => p.order.filter((c) => !p.hidden.includes(c));

export function setColumnShown(p: MatrixColumnPrefs, column: ScreenColumn, shown: boolean): MatrixColumnPrefs {
  if (column === FIXED_COLUMN) return p;
  const hidden = p.hidden.filter((c) => c !== column);
  return { ...p, hidden: shown ? hidden : [...hidden, column] };
}

/** Moves a column one place earlier (-1) or later (+1); the number column stays first. */
export function moveColumn(p: MatrixColumnPrefs, column: ScreenColumn, delta: -1 | 1): MatrixColumnPrefs {
  const i = p.order.indexOf(column);
  const j = i + delta;
  if (column === FIXED_COLUMN || i < 0 || j < 1 || j >= p.order.length) return p;
  const order = [...p.order];
  [order[i], order[j]] = [order[j] as ScreenColumn, order[i] as ScreenColumn];
  return { ...p, order };
}
