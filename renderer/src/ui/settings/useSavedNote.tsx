import { useEffect, useState, type ReactElement } from 'react';
import { t } from '../../i18n';

/** "Saved" shown (and announced) for a few seconds after a change was written. */
export function useSavedNote(): [ReactElement, () => void] {
  const [savedAt, setSavedAt] = useState(0);
  useEffect(() => {
    if (!savedAt) return;
    const id = setTimeout(() => setSavedAt(0), 3000);
    return () => clearTimeout(id);
  }, [savedAt]);
  const note = (
    <span className={`saved-note${savedAt ? ' visible' : ''}`} role="status">
      {savedAt ? t('settings.saved') : ''}
    </span>
  );
  return [note, () => setSavedAt(Date.now())];
}
