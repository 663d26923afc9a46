import { useState, type FormEvent } from 'react';
import { catalogDb } from '../../storage/catalogDb';
import { createWorkspace } from '../../state/workspaceActions';
import { useUi } from '../../state/uiStore';
import { useLiveQuery } from '../hooks';
import { formatDate, t } from '../../i18n';
import { JoinPanel } from './JoinPanel';
import { modelMessage } from '../errors';

export function WorkspacesScreen() {
  const workspaces = useLiveQuery(() => catalogDb.workspaces.orderBy('lastOpenedAt').reverse().toArray(), [], null);
  const navigate = useUi((s) => s.navigate);
  const route = useUi((s) => s.route);
  const [name, setName] = useState('');
  const [description, setDescription] = useState('');
  const [error, setError] = useState<string | null>(null);
  const [busy, setBusy] = useState(false);

  const submit = async (e: FormEvent) => {
    e.preventDefault();
    if (!name.trim()) return setError(t('workspace.error.nameRequired'));
    setBusy(true);
    try {
      const id = await createWorkspace({ name, description });
      navigate({ screen: 'documents', workspaceId: id });
    } catch (err) {
      setError(modelMessage(err));
    } finally {
      setBusy(false);
    }
  };

  return (
    <main className="welcome" id="main">
      <header className="welcome-header">
        <p className="sidebar-brand">Rapporteur</p>
        <h1>{t('workspace.title')}</h1>
        <p className="muted">{t('workspace.intro')}</p>
      </header>
      <div className="welcome-grid">
        <section aria-labelledby="ws-list-heading" className="card">
          <h2 id="ws-list-heading">{t('workspace.yours')}</h2>
          {workspaces === null ? (
            <p aria-busy="true">{t('common.loading')}</p>
          ) : workspaces.length === 0 ? (
            <p className="muted">{t('workspace.none')}</p>
          ) : (
            <ul className="workspace-list">
              {workspaces.map((w) => (
                <li key={w.id}>
                  <button type="button" className="workspace-item" onClick={() => navigate({ screen: 'documents', workspaceId: w.id })}>
                    <span className="workspace-name">{w.name || t('workspace.untitled')}</span>
                    <span className="muted small">
                      {w.serverUrl ? t('workspace.connected') : t('workspace.localOnly')} · {t('workspace.lastOpened', { date: formatDate(w.lastOpenedAt) })}
                    </span>
                  </button>
                </li>
              ))}
            </ul>
          )}
        </section>
        <section aria-labelledby="ws-new-heading" className="card">
          <h2 id="ws-new-heading">{t('workspace.create')}</h2>
          <form onSubmit={submit} noValidate>
            <label className="field">
              <span className="field-label">{t('workspace.name')}</span>
              <input value={name} onChange={(e) => setName(e.target.value)} placeholder={t('workspace.namePlaceholder')} required aria-invalid={!!error} />
            </label>
            <label className="field">
              <span className="field-label">{t('workspace.description')}</span>
              <textarea value={description} onChange={(e) => setDescription(e.target.value)} rows={3} />
            </label>
            {error && (
              <p role="alert" className="error">
                {error}
              </p>
            )}
            <button type="submit" className="primary" disabled={busy}>
              {t('workspace.createButton')}
            </button>
          </form>
        </section>
        <JoinPanel initialQuery={route.screen === 'join' ? route.query : ''} />
      </div>
    </main>
  );
}
