import { useEffect, useState } from 'react';
import { t } from '../../i18n';

type Views = typeof import('./draftViews');
let loaded: Views | null = null;
let loading: Promise<Views> | null = null;

/**
 * Loads the matrix and balance views. Called by the view tabs shortly after a draft opens, so switching views
 * later renders at once (React.lazy would suspend on first render even with the chunk cached, and React holds a
 * suspended boundary's fallback for 300 ms).
 */
export function preloadDraftViews(): Promise<Views> {
  loading ??= import('./draftViews').then((m) => (loaded = m));
  return loading;
}

/** The comment matrix or the balance of the open draft. */
export function DraftView({ view }: { view: 'matrix' | 'balance' }) {
  const [views, setViews] = useState<Views | null>(loaded);
  const [error, setError] = useState<unknown>(null);
  useEffect(() => {
    if (!views) preloadDraftViews().then(setViews, setError);
  }, [views]);
  if (error) return <p role="alert" className="error">{t('storage.error.open', { message: String(error) })}</p>;
  if (!views) return <p aria-busy="true">{t('common.loading')}</p>;
  return view === 'matrix' ? <views.MatrixView /> : <views.BalanceView />;
}
