import { useWorkspace } from '../state/workspaceContext';
import { useSyncSnapshot } from '../sync/useWorkspaceSync';
import { formatDate, formatTime, t, tp } from '../i18n';

/** Connection state of the workspace, always truthful: local only, offline, connecting, synced or N waiting. */
export function SyncStatus() {
  const { id, local } = useWorkspace();
  const snapshot = useSyncSnapshot(id);
  if (!local?.serverUrl || !snapshot) return <span className="sync-state sync-local">{t('sync.localOnly')}</span>;
  const label =
    snapshot.state === 'refused'
      ? t(snapshot.refusal ?? 'sync.closed.other')
      : snapshot.state === 'pending' || (snapshot.state === 'offline' && snapshot.pending > 0)
        ? `${snapshot.state === 'offline' ? `${t('sync.offline')} · ` : snapshot.connecting ? `${t('sync.connecting')} · ` : ''}${tp('sync.pending', snapshot.pending)}`
        : t(`sync.${snapshot.state}`);
  const last = snapshot.lastFullSyncAt;
  return (
    <>
      <span role="status" aria-label={t('sync.label')} className={`sync-state sync-${snapshot.state}`}>
        {label}
      </span>
      {snapshot.progress && (
        <span className="sync-progress">
          <label>
            {t('sync.firstSync', { done: snapshot.progress.done, total: snapshot.progress.total })}{' '}
            <progress max={Math.max(1, snapshot.progress.total)} value={snapshot.progress.done} />
          </label>
        </span>
      )}
      {last && <span className="muted">{t('sync.lastFull', { when: `${formatDate(last, 'short')} ${formatTime(last)}` })}</span>}
    </>
  );
}
