import { useWorkspace } from '../state/workspaceContext';
import { useSyncSnapshot } from '../sync/useWorkspaceSync';
import { formatDate, formatTime, t, tp } from '../i18n';
import { useUi } from '../state/uiStore';

/** Connection state of the workspace, always truthful: local only, offline, connecting, synced or N waiting. */
export function SyncStatus() {
  const { id, local } = useWorkspace();
  const snapshot = useSyncSnapshot(id);
  const openDialog = useUi((s) => s.openDialog);
  if (!local?.serverUrl || !snapshot) return <span className="sync-state sync-local">{t('sync.localOnly')}</span>;
  const retry = snapshot.retry;
  const label =
    snapshot.state === 'refused' || snapshot.state === 'invite-invalid'
      ? t(snapshot.refusal ?? 'sync.closed.other')
      : snapshot.state === 'retrying' && retry
        ? `${retry.reason ? t(retry.reason) : t('sync.closed.code', { code: retry.code })} ${t('sync.retryIn', { seconds: retry.seconds })}`
      : snapshot.state === 'pending' || (snapshot.state === 'offline' && snapshot.pending > 0)
        ? `${snapshot.state === 'offline' ? `${t('sync.offline')} · ` : snapshot.connecting ? `${t('sync.connecting')} · ` : ''}${tp('sync.pending', snapshot.pending)}`
        : t(`sync.${snapshot.state}`);
  const last = snapshot.lastFullSyncAt;
  return (
    <>
      <span role="status" aria-label={t('sync.label')} className={`sync-state sync-${snapshot.state}`}>
        {label}
      </span>
      {snapshot.state === 'invite-invalid' && (
        <button type="button" className="link-button" onClick={() => openDialog({ type: 'join' })}>
          {t('sync.pasteInvite')}
        </button>
      )}
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
