import { useState } from 'react';
import type * as Y from 'yjs';
import { formatNumber, t, tp } from '../../i18n';
import { listVersions, versionsArray, type VersionMeta } from '../../model/consultation/snapshots';
import { useUi } from '../../state/uiStore';
import { useY } from '../hooks';
import { formatWhen } from '../comments/format';
import { useHistoryUi } from './historyUi';

/** The History panel: the document's versions, newest first, each to view, restore or compare. */
export function HistoryPanel({ workspaceId, docId, doc, canEdit }: { workspaceId: string; docId: string; doc: Y.Doc; canEdit: boolean }) {
  const versions = useY(versionsArray(doc), () => listVersions(doc));
  const newestFirst = [...versions].sort((a, b) => b.createdAt - a.createdAt || (a.id < b.id ? 1 : -1));
  const navigate = useUi((s) => s.navigate);
  const { setOpen, view, openDialog } = useHistoryUi.getState();
  const [picked, setPicked] = useState<string[]>([]);
  const toggle = (id: string) => setPicked((p) => (p.includes(id) ? p.filter((x) => x !== id) : [...p.slice(-1), id]));
  const compare = (from: string, to: string) => navigate({ screen: 'compare', workspaceId, docId, from, to });
  const compareSelected = () => {
    const [a, b] = picked.map((id) => versions.find((v) => v.id === id)!).sort((x, y) => x.createdAt - y.createdAt);
    if (a && b) compare(a.id, b.id);
  };
  return (
    <aside className="comments-panel history-panel" aria-label={t('versions.panel')}>
      <header className="comments-panel-header">
        <h2 className="comments-panel-title">
          {t('versions.panel')} <span className="count">{versions.length}</span>
        </h2>
        <button type="button" className="icon-button" aria-label={t('versions.close')} onClick={() => setOpen(false)}>
          ×
        </button>
      </header>
      {versions.length === 0 ? (
        <p className="muted">{t('versions.empty')}</p>
      ) : (
        <>
          <p className="muted small history-count">{tp('versions.count', versions.length)}</p>
          <ol className="history-list" aria-label={t('versions.list')}>
            {newestFirst.map((v) => (
              <VersionItem
                key={v.id}
                v={v}
                picked={picked.includes(v.id)}
                onPick={() => toggle(v.id)}
                onView={() => view(v.id)}
                onRestore={canEdit ? () => openDialog({ type: 'restore', versionId: v.id }) : undefined}
                onCompare={() => compare(v.id, 'current')}
              />
            ))}
          </ol>
          <div className="history-compare">
            <button type="button" disabled={picked.length !== 2} aria-describedby="history-pick-two" onClick={compareSelected}>
              {t('versions.compareSelected')}
            </button>
            <p className="muted small" id="history-pick-two">
              {t('versions.pickTwo')}
            </p>
          </div>
        </>
      )}
    </aside>
  );
}

function VersionItem(props: { v: VersionMeta; picked: boolean; onPick: () => void; onView: () => void; onRestore?: () => void; onCompare: () => void }) {
  const { v } = props;
  return (
    <li className={`history-item kind-${v.kind}`} aria-label={v.name}>
      <div className="history-item-head">
        <input type="checkbox" checked={props.picked} onChange={props.onPick} aria-label={t('versions.pick', { name: v.name })} />
        <strong className="history-name">{v.name}</strong>
        <span className="history-kind">{t(`versions.kind.${v.kind}`)}</span>
      </div>
      {v.note && <p className="history-note">{v.note}</p>}
      <p className="muted small history-meta">
        {t('versions.byWhen', { name: v.createdByName, when: formatWhen(v.createdAt) })} · {t('versions.size', { size: formatNumber(Math.max(0.1, v.bytes / 1024), { maximumFractionDigits: 1 }) })}
      </p>
      <div className="history-actions">
        <button type="button" aria-label={t('versions.viewLabel', { name: v.name })} onClick={props.onView}>
          {t('versions.view')}
        </button>
        {props.onRestore && (
          <button type="button" aria-label={t('versions.restoreLabel', { name: v.name })} onClick={props.onRestore}>
            {t('versions.restore')}
          </button>
        )}
        <button type="button" aria-label={t('versions.compareCurrentLabel', { name: v.name })} onClick={props.onCompare}>
          {t('versions.compareCurrent')}
        </button>
      </div>
    </li>
  );
}
