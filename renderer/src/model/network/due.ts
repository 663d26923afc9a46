// The Due list (issue 11): what is late or due within 14 days, from derived catalog rows only (never a Y.Doc):
// queries past or near either deadline, open action points of meeting summaries, consultations closing soon.
import type { DocumentKind } from '../kinds';
import type { NetworkRow } from './networkRow';
import type { DocumentActivity } from './activity';
import { daysBetween, isCalendarDay } from './dates';

export const DUE_HORIZON_DAYS = 14;

export type DueKind = 'query-contributions' | 'query-reply' | 'action-point' | 'consultation';

export interface DueItem {
  /** unique within the list */
  key: string;
  kind: DueKind;
  docId: string;
  /** the document's title */
  title: string;
  due: string;
  /** due - today in days: negative when overdue, 0 today */
  daysLeft: number;
  overdue: boolean;
  /** action points: who and what */
  owner?: string;
  task?: string;
  /** an action point someone has started (status 'in-progress'): still due, shown as such */
  inProgress?: true;
}

export interface DueSource {
  docId: string;
  title: string;
  kind: DocumentKind;
  network?: NetworkRow;
  activity?: Pick<DocumentActivity, 'actionPoints'>;
}

/**
 * Items due on or before `today + horizon` (overdue ones included), soonest first. `today` is the user's calendar
 * day (yyyy-mm-dd). A query's contributions deadline counts while it is open for contributions, its reply
 * deadline until it is published; an action point while open; a consultation while the draft is in consultation.
 */
export function dueItems(rows: DueSource[], today: string, horizon = DUE_HORIZON_DAYS): DueItem[] {
  const out: DueItem[] = [];
  const add = (item: Omit<DueItem, 'daysLeft' | 'overdue'>) => {
    if (!isCalendarDay(item.due)) return;
    const daysLeft = daysBetween(today, item.due);
    if (daysLeft > horizon) return;
    out.push({ ...item, daysLeft, overdue: daysLeft < 0 });
  };
  for (const r of rows) {
    const n = r.network;
    if (r.kind === 'meeting') {
      for (const a of r.activity?.actionPoints ?? []) {
        if (a.status === 'done') continue;
        add({ key: `${r.docId}:action:${a.id}`, kind: 'action-point', docId: r.docId, title: r.title, due: a.due, owner: a.owner, task: a.task, ...(a.status === 'in-progress' ? { inProgress: true as const } : {}) });
      }
    }
    if (!n) continue;
    if (r.kind === 'query' && n.query) {
      if (n.query.status === 'open') add({ key: `${r.docId}:contributions`, kind: 'query-contributions', docId: r.docId, title: r.title, due: n.query.contributionsDue });
      if (n.query.status !== 'published') add({ key: `${r.docId}:reply`, kind: 'query-reply', docId: r.docId, title: r.title, due: n.query.replyDue });
    }
    if (r.kind === 'draft' && n.consultation) add({ key: `${r.docId}:consultation`, kind: 'consultation', docId: r.docId, title: r.title, due: n.consultation.closesOn });
  }
  return out.sort((a, b) => a.due.localeCompare(b.due) || a.title.localeCompare(b.title) || a.key.localeCompare(b.key));
}
