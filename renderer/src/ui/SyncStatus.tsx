import { useWorkspace } from '../state/workspaceContext';
import { useSyncSnapshot } from '../sync/useWorkspaceSync';
import type { SyncSnapshot } from '../sync/workspaceSync';
import { formatDate, formatTime, t, tp } from '../i18n';
import { useUi } from '../state/uiStore';

/** The status text: why the server refused, when the next try is, or the state with its pending count. */
function syncLabel(snapshot: SyncSnapshot): string {
  if (snapshot.state === 'refused' || snapshot.state === 'invite-invalid') return t(snapshot.refusal ?? 'sync.closed.other');
  const retry = snapshot.retry;
  if (snapshot.state === 'retrying' && retry) {
    const why = retry.reason ? t(retry.reason) : t('sync.closed.code', { code: retry.code });
    return `${why} ${t('sync.retryIn', { seconds: retry.seconds })}`;
  }
  if (snapshot.state === 'pending' || (snapshot.state === 'offline' && snapshot.pending > 0)) {
    const prefix = snapshot.state === 'offline' ? `${t('sync.offline')} · ` : snapshot.connecting ? `${t('sync.connecting')} · ` : '';
    return `${prefix}${tp('sync.pending', snapshot.pending)}`;
  }
  return t(`sync.${snapshot.state}`);
}

/** Connection state of the workspace, always truthful: local only, offline, connecting, synced or N waiting. */
export function SyncStatus() {
  const { id, local } = useWorkspace();
  const snapshot = useSyncSnapshot(id);
  const openDialog = useUi((s) => s.openDialog);
  if (!local?.serverUrl || !snapshot) return <span className="sync-state sync-local">{t('sync.localOnly')}</span>;
  const label = syncLabel(snapshot);
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
      {last && <span className="muted">{t('sync.lastFull', { when: `${formatDate(last)} ${formatTime(last)}` })}</span>}
    </>
  );
}
