import { useState } from 'react';
import { Modal } from './Modal';
import { rebuildAllIndexes } from '../storage/catalogIndexer';
import { t } from '../i18n';

export function RebuildIndexDialog({ onClose }: { onClose: () => void }) {
  const [progress, setProgress] = useState<{ done: number; total: number } | null>(null);
  const [result, setResult] = useState<string | null>(null);
  const run = async () => {
    setProgress({ done: 0, total: 0 });
    try {
      const count = await rebuildAllIndexes((done, total) => setProgress({ done, total }));
      setResult(t('maintenance.rebuilt', { count }));
    } catch (e) {
      setResult(t('maintenance.failed', { message: String(e) }));
    }
  };
  return (
    <Modal title={t('maintenance.rebuild')} onClose={onClose}>
      <p>{t('maintenance.rebuildExplain')}</p>
      {progress && !result && (
        <progress max={Math.max(1, progress.total)} value={progress.done} aria-label={t('maintenance.progress')}>
          {progress.done}/{progress.total}
        </progress>
      )}
      {result && <p role="status">{result}</p>}
      <div className="modal-actions">
        <button type="button" onClick={onClose}>
          {t('common.close')}
        </button>
        {!result && (
          <button type="button" className="primary" onClick={run} disabled={!!progress}>
            {t('maintenance.rebuildNow')}
          </button>
        )}
      </div>
    </Modal>
  );
}
