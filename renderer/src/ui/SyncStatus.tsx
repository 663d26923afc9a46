import { useWorkspace } from '../state/workspaceContext';
import { t } from '../i18n';

/** Connection state of the workspace; "Local only" until it is connected to a sync server. */
export function SyncStatus() {
  const { local } = useWorkspace();
  if (!local?.serverUrl) return <span className="sync-state sync-local">{t('sync.localOnly')}</span>;
  return <span className="sync-state">{t('sync.connecting')}</span>;
}
