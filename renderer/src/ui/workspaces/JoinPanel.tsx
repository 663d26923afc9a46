import { t } from '../../i18n';

/** Joining a workspace from an invite link; the sync client fills this in (issue: sync). */
export function JoinPanel({ initialQuery }: { initialQuery: string }) {
  if (!initialQuery) return null;
  return (
    <section className="card" aria-labelledby="join-heading">
      <h2 id="join-heading">{t('sync.join')}</h2>
      <p className="muted">{t('sync.joinUnavailable')}</p>
    </section>
  );
}
