import { useUi } from '../state/uiStore';
import { pageTargetState } from '../model/pageEstimate';
import { t, tp } from '../i18n';
import { SyncStatus } from './SyncStatus';

const SAVE_LABEL = { loading: 'storage.loading', saving: 'storage.saving', saved: 'storage.saved', error: 'storage.error' } as const;

export function StatusBar() {
  const saveState = useUi((s) => s.saveState);
  const stats = useUi((s) => s.docStats);
  const target = stats ? pageTargetState(stats.pages, stats.targetMin, stats.targetMax) : null;
  return (
    <footer className="statusbar" aria-label={t('status.bar')}>
      <span role="status" className={`save-state save-${saveState}`}>
        {t(SAVE_LABEL[saveState])}
      </span>
      <SyncStatus />
      <span className="spacer" />
      {stats && (
        <>
          <span>{tp('status.words', stats.words)}</span>
          <span className={`page-estimate target-${target}`} title={t('status.pagesTitle')}>
            {tp('status.pages', stats.pages, { min: stats.targetMin, max: stats.targetMax })}
            {target !== 'within' && <span className="target-note"> · {t(`status.target.${target}`)}</span>}
          </span>
        </>
      )}
    </footer>
  );
}
