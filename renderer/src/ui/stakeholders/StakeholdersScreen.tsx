import { useEffect, useState } from 'react';
import { useWorkspace } from '../../state/workspaceContext';
import { useUi } from '../../state/uiStore';
import { addStakeholder, deleteStakeholder, findDuplicateCandidates, listStakeholders, mergeStakeholders, restoreStakeholder, updateStakeholder, type Stakeholder } from '../../model/stakeholders';
import { wsStakeholders } from '../../model/workspaceDoc';
import { distinctNames, filterStakeholders } from '../../model/stakeholderView';
import { STAKEHOLDER_GROUPS, type StakeholderGroup } from '../../model/kinds';
import { useY } from '../hooks';
import { Modal } from '../Modal';
import { t, tp } from '../../i18n';
import { EMPTY_STAKEHOLDER, StakeholderForm } from './StakeholderForm';
import { MergeDialog } from './MergeDialog';
import { RowActionsHeader } from '../RowActionsHeader';
import { ChoiceSelect } from '../ChoiceSelect';
import { useStakeholderReveal } from '../search/SearchReveal';

function reviewLabel(a: Stakeholder, b: Stakeholder): string {
  const [first, second] = distinctNames(a, b, t);
  return t('stakeholders.reviewPairLabel', { a: first, b: second });
}

/** The workspace's stakeholder registry: list, filter, add, edit in place, delete, merge duplicates. */
export function StakeholdersScreen() {
  const { id: workspaceId, doc: ws, canEdit } = useWorkspace();
  const notify = useUi((s) => s.notify);
  const navigate = useUi((s) => s.navigate);
  const registry = useY(wsStakeholders(ws), () => ({ list: listStakeholders(ws), duplicates: findDuplicateCandidates(ws) }));
  const [query, setQuery] = useState('');
  const [group, setGroup] = useState<StakeholderGroup | ''>('');
  const [adding, setAdding] = useState(false);
  const [editingId, setEditingId] = useState<string | null>(null);
  const [selected, setSelected] = useState<string[]>([]);
  const [mergePair, setMergePair] = useState<[Stakeholder, Stakeholder] | null>(null);
  const [deleting, setDeleting] = useState<Stakeholder | null>(null);
  const [focusTarget, setFocusTarget] = useState<string | null>(null);

  useEffect(() => {
    if (!focusTarget) return;
    document.getElementById(focusTarget)?.focus();
    setFocusTarget(null);
  }, [focusTarget, registry]);

  const columns = canEdit ? 8 : 6;
  const byId = new Map(registry.list.map((s) => [s.id, s]));
  const liveSelection = selected.filter((id) => byId.has(id));
  const visible = filterStakeholders(registry.list, { query, group });
  const filtered = visible.length !== registry.list.length;
  const revealedId = useStakeholderReveal(visible.length > 0);
  const selectedPair = liveSelection.length === 2 ? ([byId.get(liveSelection[0])!, byId.get(liveSelection[1])!] as [Stakeholder, Stakeholder]) : null;

  const toggle = (id: string, on: boolean) => setSelected((s) => (on ? [...s.filter((x) => byId.has(x)), id] : s.filter((x) => x !== id)));

  return (
    <div className="screen stakeholders-screen">
      <header className="screen-header">
        <div>
          <h1>{t('nav.stakeholders')}</h1>
          {registry.list.length > 0 && (
            <p className="muted small screen-subtitle">
              {tp('stakeholders.count', registry.list.length)}
            </p>
          )}
        </div>
        {canEdit && !adding && (
          <button type="button" className="primary" id="add-stakeholder" onClick={() => setAdding(true)}>
            {t('stakeholders.add')}
          </button>
        )}
      </header>

      {adding && (
        <section className="card form-card" aria-labelledby="add-stakeholder-heading">
          <h2 id="add-stakeholder-heading">{t('stakeholders.add')}</h2>
          <StakeholderForm
            idPrefix="add-stakeholder"
            initial={EMPTY_STAKEHOLDER}
            label={t('stakeholders.add')}
            submitLabel={t('stakeholders.addSubmit')}
            onCancel={() => {
              setAdding(false);
              setFocusTarget('add-stakeholder');
            }}
            onSubmit={(input) => {
              addStakeholder(ws, input);
              setAdding(false);
              setFocusTarget('add-stakeholder');
            }}
          />
        </section>
      )}

      {canEdit && registry.duplicates.length > 0 && (
        <section className="notice" aria-labelledby="duplicates-heading">
          <h2 id="duplicates-heading">{t('stakeholders.duplicates')}</h2>
          <p className="small">{t('stakeholders.duplicatesIntro')}</p>
          <ul className="duplicate-list">
            {registry.duplicates.map(([a, b]) => (
              <li key={`${a.id}-${b.id}`}>
                <span>
                  <strong>{a.name}</strong> {a.organisation && <span className="muted">({a.organisation})</span>} · <strong>{b.name}</strong>{' '}
                  {b.organisation && <span className="muted">({b.organisation})</span>}
                </span>
                <button type="button" onClick={() => setMergePair([a, b])} aria-label={reviewLabel(a, b)}>
                  {t('stakeholders.reviewPair')}
                </button>
              </li>
            ))}
          </ul>
        </section>
      )}

      {registry.list.length > 0 && (
      <div className="filters" role="search" aria-label={t('stakeholders.filter')}>
        <label className="field compact grow">
          <span className="field-label">{t('stakeholders.search')}</span>
          <input type="search" value={query} onChange={(e) => setQuery(e.target.value)} placeholder={t('stakeholders.searchPlaceholder')} />
        </label>
        <ChoiceSelect<StakeholderGroup | ''>
          label={t('stakeholder.group')}
          className="field compact"
          value={group}
          values={STAKEHOLDER_GROUPS}
          prefix="group"
          emptyLabel={t('stakeholders.allGroups')}
          onChange={setGroup}
        />
        {filtered && (
          <button
            type="button"
            className="link-button"
            onClick={() => {
              setQuery('');
              setGroup('');
            }}
          >
            {t('filter.clear')}
          </button>
        )}
      </div>
      )}

      {canEdit && registry.list.length > 1 && (
        <div className="table-toolbar">
          <p className="muted small" aria-live="polite">
            {liveSelection.length === 0 ? t('stakeholders.selectHint') : t('stakeholders.selected', { count: liveSelection.length })}
          </p>
          <button type="button" disabled={!selectedPair} onClick={() => selectedPair && setMergePair(selectedPair)}>
            {t('stakeholders.mergeSelected')}
          </button>
          {liveSelection.length > 0 && (
            <button type="button" className="link-button" onClick={() => setSelected([])}>
              {t('stakeholders.clearSelection')}
            </button>
          )}
        </div>
      )}

      {registry.list.length === 0 ? (
        <div className="empty">
          <p>{t('stakeholders.none')}</p>
        </div>
      ) : (
        <table className="data-table stakeholder-table" aria-label={t('stakeholders.table')}>
          <thead>
            <tr>
              {canEdit && (
                <th scope="col" className="col-select">
                  <span className="visually-hidden">{t('stakeholders.selectColumn')}</span>
                </th>
              )}
              <th scope="col">{t('stakeholder.name')}</th>
              <th scope="col">{t('stakeholder.organisation')}</th>
              <th scope="col">{t('stakeholder.group')}</th>
              <th scope="col">{t('stakeholder.region')}</th>
              <th scope="col">{t('stakeholder.gender')}</th>
              <th scope="col">{t('stakeholder.themes')}</th>
              {canEdit && (
                <RowActionsHeader />
              )}
            </tr>
          </thead>
          <tbody>
            {visible.map((s) =>
              editingId === s.id ? (
                <tr key={s.id} className="editing-row">
                  <td colSpan={columns}>
                    <StakeholderForm
                      idPrefix={`edit-${s.id}`}
                      initial={{ name: s.name, organisation: s.organisation, group: s.group, region: s.region, gender: s.gender, themes: s.themes, languages: s.languages }}
                      label={t('stakeholders.editTitle', { name: s.name })}
                      submitLabel={t('stakeholders.saveChanges')}
                      onCancel={() => {
                        setEditingId(null);
                        setFocusTarget(`edit-${s.id}`);
                      }}
                      onSubmit={(input) => {
                        updateStakeholder(ws, s.id, input);
                        setEditingId(null);
                        setFocusTarget(`edit-${s.id}`);
                      }}
                    />
                  </td>
                </tr>
              ) : (
                  <tr key={s.id} id={`stakeholder-row-${s.id}`} tabIndex={-1} className={[liveSelection.includes(s.id) ? 'is-selected' : '', revealedId === s.id ? 'is-revealed' : ''].join(' ').trim() || undefined}>
                    {canEdit && (
                      <td className="col-select">
                        <input type="checkbox" aria-label={t('stakeholders.selectRow', { name: s.name })} checked={liveSelection.includes(s.id)} onChange={(e) => toggle(s.id, e.target.checked)} />
                      </td>
                    )}
                    <th scope="row" className="cell-name">
                      {/* the name opens the stakeholder's profile (derived: contributions, comments, meetings) */}
                      <a
                        href={`#/w/${workspaceId}/profile/${s.id}`}
                        onClick={(e) => {
                          e.preventDefault();
                          navigate({ screen: 'profile', workspaceId, stakeholderId: s.id });
                        }}
                      >
                        {s.name}
                      </a>
                    </th>
                    <td>{s.organisation || <span className="muted">—</span>}</td>
                    <td>{t(`group.${s.group}`)}</td>
                    <td>{t(`region.${s.region}`)}</td>
                    <td>{s.gender ? t(`gender.${s.gender}`) : <span className="muted">—</span>}</td>
                    <td>
                      {s.themes.map((th) => (
                        <span key={th} className="tag">
                          {th}
                        </span>
                      ))}
                    </td>
                    {canEdit && (
                      <td className="cell-actions">
                        <button type="button" className="link-button" id={`edit-${s.id}`} aria-label={t('stakeholders.editLabel', { name: s.name })} onClick={() => setEditingId(s.id)}>
                          {t('common.edit')}
                        </button>
                        <button type="button" className="link-button danger-link" aria-label={t('stakeholders.deleteLabel', { name: s.name })} onClick={() => setDeleting(s)}>
                          {t('common.delete')}
                        </button>
                      </td>
                    )}
                  </tr>
              ),
            )}
            {visible.length === 0 && (
              <tr>
                <td colSpan={columns} className="muted">
                  {t('stakeholders.noMatch')}
                </td>
              </tr>
            )}
          </tbody>
        </table>
      )}

      {filtered && <p className="muted small">{t('stakeholders.showing', { shown: visible.length, total: registry.list.length })}</p>}

      {mergePair && (
        <MergeDialog
          pair={mergePair}
          onClose={() => setMergePair(null)}
          onMerge={(keepId, dropId) => {
            // Named as the dialog named them, so two entries with the same name read apart.
            const [first, second] = distinctNames(mergePair[0], mergePair[1], t);
            const shown = (id: string) => (id === mergePair[0].id ? first : second);
            mergeStakeholders(ws, keepId, dropId);
            setMergePair(null);
            setSelected([]);
            notify('info', t('stakeholders.mergedPair', { drop: shown(dropId), keep: shown(keepId) }));
          }}
        />
      )}
      {deleting && (
        <Modal title={t('stakeholders.deleteTitle', { name: deleting.name })} onClose={() => setDeleting(null)}>
          <p>{t('stakeholders.deleteExplain')}</p>
          <div className="modal-actions">
            <button type="button" onClick={() => setDeleting(null)} autoFocus>
              {t('common.cancel')}
            </button>
            <button
              type="button"
              className="primary danger-primary"
              onClick={() => {
                deleteStakeholder(ws, deleting.id);
                setSelected((sel) => sel.filter((x) => x !== deleting.id));
                setDeleting(null);
                const id = deleting.id;
                notify('info', t('stakeholders.deleted', { name: deleting.name }), { label: t('common.undo'), run: () => restoreStakeholder(ws, id) });
              }}
            >
              {t('stakeholders.deleteConfirm')}
            </button>
          </div>
        </Modal>
      )}
    </div>
  );
}
