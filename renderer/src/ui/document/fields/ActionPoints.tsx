import { useEffect, useRef, useState } from 'react';
import * as Y from 'yjs';
import { useWorkspace } from '../../../state/workspaceContext';
import { addActionPoint, docFields, readActionPoints, removeActionPoint, updateActionPoint, type ActionPoint, type Participant } from '../../../model/documentDoc';
import { resolveStakeholder } from '../../../model/stakeholders';
import { ACTION_STATUSES, type ActionStatus } from '../../../model/kinds';
import { useY } from '../../hooks';
import { formatDate, t } from '../../../i18n';
import { CommitInput, CommitTextarea } from './CommitInput';
import { RowActionsHeader } from '../../RowActionsHeader';
import { DateInput } from '../../DateInput';

/** Action points as an editable table: every cell is an input that writes its own key of the row's Y.Map. */
export function ActionPoints({ doc }: { doc: Y.Doc }) {
  const { doc: ws, canEdit } = useWorkspace();
  const fields = docFields(doc);
  const points = useY(fields, () => (fields.get('actionPoints') instanceof Y.Array ? readActionPoints(doc) : []));
  const participantNames = useY(fields, () => {
    const list = fields.get('participants');
    if (!(list instanceof Y.Array)) return [];
    const names = (list.toArray() as Participant[]).map((p) => ('stakeholderId' in p ? (resolveStakeholder(ws, p.stakeholderId)?.name ?? '') : p.name));
    return [...new Set(names.filter(Boolean))];
  });
  const [focusId, setFocusId] = useState<string | null>(null);
  const addRef = useRef<HTMLButtonElement>(null);

  useEffect(() => {
    if (!focusId) return;
    document.getElementById(`ap-owner-${focusId}`)?.focus();
    setFocusId(null);
  }, [focusId, points]);

  const update = (id: string, patch: Partial<Omit<ActionPoint, 'id'>>) => updateActionPoint(doc, id, patch);

  return (
    <div className="fields-subsection">
      <h3 className="fields-subtitle" id="action-points-heading">
        {t('meeting.actionPoints')} <span className="count">{points.length}</span>
      </h3>
      {points.length === 0 ? (
        <p className="muted small">{t('meeting.noActionPoints')}</p>
      ) : (
        <table className={`data-table compact-table${canEdit ? ' edit-table' : ''}`} aria-labelledby="action-points-heading">
          <thead>
            <tr>
              <th scope="col" className="col-owner">
                {t('meeting.action.owner')}
              </th>
              <th scope="col">{t('meeting.action.task')}</th>
              <th scope="col" className="col-due">
                {t('meeting.action.due')}
              </th>
              <th scope="col" className="col-status">
                {t('meeting.action.status')}
              </th>
              {canEdit && (
                <RowActionsHeader />
              )}
            </tr>
          </thead>
          <tbody>
            {points.map((p, i) => {
              const n = i + 1;
              if (!canEdit)
                return (
                  <tr key={p.id} className={p.status === 'done' ? 'is-done' : undefined}>
                    <td>{p.owner || <span className="muted">—</span>}</td>
                    <td>{p.task || <span className="muted">—</span>}</td>
                    <td className="nowrap">{p.due ? formatDate(p.due) : <span className="muted">—</span>}</td>
                    <td>
                      <span className={`status-pill status-${p.status}`}>{t(`action.${p.status}`)}</span>
                    </td>
                  </tr>
                );
              return (
                <tr key={p.id} className={p.status === 'done' ? 'is-done' : undefined}>
                  <td>
                    <CommitInput
                      id={`ap-owner-${p.id}`}
                      list="action-owner-suggestions"
                      aria-label={t('meeting.action.ownerOf', { n })}
                      title={p.owner || undefined}
                      value={p.owner}
                      onCommit={(v) => update(p.id, { owner: v.trim() })}
                    />
                  </td>
                  <td>
                    <CommitTextarea
                      className="task-input"
                      rows={1}
                      commitOnEnter
                      aria-label={t('meeting.action.taskOf', { n })}
                      value={p.task}
                      onCommit={(v) => update(p.id, { task: v.trim() })}
                    />
                  </td>
                  <td>
                    <DateInput aria-label={t('meeting.action.dueOf', { n })} value={p.due} onChange={(v) => update(p.id, { due: v })} />
                  </td>
                  <td>
                    <select aria-label={t('meeting.action.statusOf', { n })} value={p.status} onChange={(e) => update(p.id, { status: e.target.value as ActionStatus })}>
                      {ACTION_STATUSES.map((s) => (
                        <option key={s} value={s}>
                          {t(`action.${s}`)}
                        </option>
                      ))}
                    </select>
                  </td>
                  <td className="cell-actions">
                    <button
                      type="button"
                      className="icon-button remove-row"
                      aria-label={t('meeting.action.removeOf', { n })}
                      title={t('meeting.action.removeOf', { n })}
                      onClick={() => {
                        removeActionPoint(doc, p.id);
                        addRef.current?.focus();
                      }}
                    >
                      ×
                    </button>
                  </td>
                </tr>
              );
            })}
          </tbody>
        </table>
      )}
      {canEdit && (
        <>
          <datalist id="action-owner-suggestions">
            {participantNames.map((name) => (
              <option key={name} value={name} />
            ))}
          </datalist>
          <button type="button" ref={addRef} className="add-row" onClick={() => setFocusId(addActionPoint(doc))}>
            {t('meeting.action.add')}
          </button>
        </>
      )}
    </div>
  );
}
