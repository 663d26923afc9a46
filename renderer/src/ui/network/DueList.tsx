// The Due list (issue 11): what is late or due within 14 days, from the derived catalog (model/network/due.ts).
// A screen of its own, and the same list on the workspace's home screen (the document list).
import { useMemo } from 'react';
import { useWorkspace } from '../../state/workspaceContext';
import { useUi } from '../../state/uiStore';
import { dueItems, type DueItem } from '../../model/network/due';
import { formatDate, t, todayIso, tp } from '../../i18n';
import { useCatalogRows, useMetas } from './useQueryData';

function useDueItems(): DueItem[] {
  const { id: workspaceId, doc: ws } = useWorkspace();
  const rows = useCatalogRows(workspaceId);
  const metas = useMetas(ws);
  return useMemo(() => {
    // The workspace doc says what exists (and its current title); the catalog row carries the derived dates.
    const live = new Map(metas.map((m) => [m.id, m]));
    const sources = rows.filter((r) => live.has(r.docId)).map((r) => ({ docId: r.docId, kind: r.kind, title: live.get(r.docId)!.title, network: r.network, activity: r.activity }));
    return dueItems(sources, todayIso());
  }, [rows, metas]);
}

function when(item: DueItem): string {
  if (item.overdue) return tp('due.overdueBy', -item.daysLeft);
  if (item.daysLeft === 0) return t('due.today');
  return tp('due.inDays', item.daysLeft);
}

export function DueTable({ items, label }: { items: DueItem[]; label: string }) {
  const { id: workspaceId } = useWorkspace();
  const navigate = useUi((s) => s.navigate);
  return (
    <table className="data-table due-table" aria-label={label}>
      <thead>
        <tr>
          <th scope="col">{t('due.what')}</th>
          <th scope="col">{t('due.document')}</th>
          <th scope="col">{t('due.date')}</th>
          <th scope="col">{t('due.when')}</th>
        </tr>
      </thead>
      <tbody>
        {items.map((item) => (
          <tr key={item.key} className={item.overdue ? 'overdue' : undefined}>
            <td>
              {t(`due.kind.${item.kind}`, { task: item.task || '—', owner: item.owner || '—' })}
              {item.inProgress && <span className="status-pill status-in-progress due-progress">{t('action.in-progress')}</span>}
            </td>
            <td>
              <a
                href={`#/w/${workspaceId}/d/${item.docId}`}
                onClick={(e) => {
                  e.preventDefault();
                  navigate({ screen: 'document', workspaceId, docId: item.docId });
                }}
              >
                {item.title}
              </a>
            </td>
            <td>{formatDate(item.due)}</td>
            <td>{item.overdue ? <strong className="badge badge-danger">{when(item)}</strong> : when(item)}</td>
          </tr>
        ))}
      </tbody>
    </table>
  );
}

export function DueScreen() {
  const items = useDueItems();
  return (
    <div className="screen">
      <header className="screen-header">
        <h1>{t('due.title')}</h1>
      </header>
      <p className="muted">{t('due.explain')}</p>
      {items.length ? <DueTable items={items} label={t('due.table')} /> : <p className="empty">{t('due.none')}</p>}
    </div>
  );
}

/** The Due list on the home screen: shown only when something is due. */
export function HomeDueList() {
  const { id: workspaceId } = useWorkspace();
  const navigate = useUi((s) => s.navigate);
  const items = useDueItems();
  if (!items.length) return null;
  return (
    <section className="home-due" aria-labelledby="home-due-heading">
      <h2 id="home-due-heading">{t('due.title')}</h2>
      <DueTable items={items} label={t('due.table')} />
      <p className="small">
        <a
          href={`#/w/${workspaceId}/due`}
          onClick={(e) => {
            e.preventDefault();
            navigate({ screen: 'due', workspaceId });
          }}
        >
          {t('due.showAll')}
        </a>
      </p>
    </section>
  );
}
