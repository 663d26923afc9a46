import { ImportError } from '../../export/import/importError';
import { IMPORT_TIME_LIMIT_MS, ImportWorkerError } from '../../state/importInWorker';
import { t } from '../../i18n';

/** What the import dialogs say when a Word file was not read: refused (hostile-file checks), too slow, or failed. */
export function importErrorMessage(e: unknown, failedId: string): string {
  if (e instanceof ImportError) return t('import.refused', { message: e.message });
  if (e instanceof ImportWorkerError && e.code === 'timeout') return t('import.timeout', { seconds: Math.round(IMPORT_TIME_LIMIT_MS / 1000) });
  return t(failedId, { message: e instanceof Error ? e.message : String(e) });
}
