import { useState, type FormEvent } from 'react';
import { readInvite, joinChangesReadScope, joinWorkspace, type ParsedInvite } from '../../sync/joinWorkspace';
import { useUi } from '../../state/uiStore';
import { routeWorkspaceId } from '../../state/route';
import { formatDate, t } from '../../i18n';
import { modelMessage } from '../errors';

/** Joining a shared workspace with an invite link (pasted, or opened from a browser/desktop invite link). */
export function JoinPanel({ initialQuery, expectWorkspaceId, onJoined }: { initialQuery?: string; expectWorkspaceId?: string; onJoined?: () => void }) {
  const navigate = useUi((s) => s.navigate);
  const [text, setText] = useState(initialQuery ? `rapporteur://join${initialQuery}` : '');
  const [error, setError] = useState<string | null>(null);
  const parsed = text.trim() ? readInvite(text) : null;
  const invite: ParsedInvite | null = parsed && !('error' in parsed) ? parsed : null;

  const submit = async (e: FormEvent) => {
    e.preventDefault();
    if (!parsed) return setError(t('join.error.invalid'));
    if ('error' in parsed) return setError(t(parsed.error));
    try {
      const reload = await joinChangesReadScope(parsed);
      const id = await joinWorkspace(parsed, expectWorkspaceId);
      onJoined?.();
      // Connecting the open workspace (Maintenance › Connect to a server…) keeps the person where they were.
      if (routeWorkspaceId(useUi.getState().route) !== id) navigate({ screen: 'documents', workspaceId: id });
      // Another role or user: local copies are checked again as they load (storage/localCopyScope.ts).
      if (reload) window.location.reload();
    } catch (err) {
      setError(modelMessage(err));
    }
  };

  return (
    <section className="card" aria-labelledby="join-heading">
      <h2 id="join-heading">{t('sync.join')}</h2>
      <form onSubmit={submit} noValidate>
        <label className="field">
          <span className="field-label">{t('join.link')}</span>
          <textarea rows={3} value={text} onChange={(e) => (setText(e.target.value), setError(null))} placeholder="rapporteur://join?server=…&token=…" />
        </label>
        {invite && (
          <p className="muted small" role="status">
            {t('join.preview', { role: t(`role.${invite.claims.role}`), name: invite.claims.name, server: invite.server, until: formatDate(invite.claims.exp * 1000) })}
          </p>
        )}
        {error && (
          <p role="alert" className="error">
            {error}
          </p>
        )}
        <button type="submit" className="primary">
          {t('join.button')}
        </button>
      </form>
    </section>
  );
}
