import { useState, type ReactNode } from 'react';
import type * as Y from 'yjs';
import { applyMatrixImport, type FieldChange, type FieldConflict, type ImportIssue, type ImportPreview } from '../../model/comments/matrixImport';
import type { Actor } from '../../model/comments/threadTypes';
import { t, tp } from '../../i18n';
import { useUi } from '../../state/uiStore';
import { Modal } from '../Modal';
import { modelMessage } from '../errors';
import { FormActions } from '../FormActions';

const key = (c: { threadId: string; field: string }) => `${c.threadId}:${c.field}`;

/** An issue's text from the catalog when it has the id, else the model's English (its "Row N:" shown apart). */
function issueText(i: ImportIssue): string {
  const text = t(i.id, { row: i.row, id: i.threadId ?? '' });
  if (text !== i.id) return text;
  const rest = i.message.replace(/^Row \d+:?\s*/, '');
  return rest.charAt(0).toUpperCase() + rest.slice(1);
}

/**
 * What re-importing an edited matrix file would change, before anything is written: refused rows (with their row
 * numbers), conflicts (the file and the document both changed; the user picks per field), and the changes
 * (field, old -> new). Nothing is applied until "Apply" is pressed.
 */
export function ImportMatrixDialog({ fileName, preview, comments, actor, onClose }: { fileName: string; preview: ImportPreview; comments: Y.Doc; actor: Actor; onClose: () => void }) {
  const notify = useUi((s) => s.notify);
  const [overwrite, setOverwrite] = useState<Set<string>>(new Set());
  const [error, setError] = useState<string | null>(null);
  const hasErrors = preview.errors.length > 0;
  const count = preview.changes.length + overwrite.size;

  const apply = () => {
    try {
      const result = applyMatrixImport(comments, preview, actor, { overwrite: [...overwrite] });
      notify('info', t('matrixImport.applied', { applied: result.applied.length, skipped: result.skipped.length }));
      onClose();
    } catch (e) {
      setError(modelMessage(e));
    }
  };

  return (
    <Modal title={t('matrixImport.title')} onClose={onClose} wide>
      <div className="import-preview">
        <p className="muted">
          {t('matrixImport.summary', { file: fileName, rows: preview.rows })}{' '}
          <strong>
            {tp('matrixImport.changes', preview.changes.length)}, {tp('matrixImport.conflicts', preview.conflicts.length)}, {tp('matrixImport.errors', preview.errors.length)}
          </strong>
        </p>
        {hasErrors && (
          <section className="import-section import-errors" aria-labelledby="import-errors-h">
            <h3 id="import-errors-h">{t('matrixImport.errorsTitle')}</h3>
            <p role="alert" className="error">
              {t('matrixImport.errorsExplain')}
            </p>
            <ul>
              {preview.errors.map((e, i) => (
                <li key={i}>
                  <span className="row-ref">{t('matrixImport.row', { row: e.row })}</span> {issueText(e)}
                </li>
              ))}
            </ul>
          </section>
        )}
        {preview.warnings.length > 0 && (
          <section className="import-section import-warnings" aria-labelledby="import-warnings-h">
            <h3 id="import-warnings-h">{t('matrixImport.warningsTitle')}</h3>
            <ul>
              {preview.warnings.map((w, i) => (
                <li key={i}>
                  <span className="row-ref">{t('matrixImport.row', { row: w.row })}</span> {issueText(w)}
                </li>
              ))}
            </ul>
          </section>
        )}
        {preview.conflicts.length > 0 && (
          <section className="import-section import-conflicts" aria-labelledby="import-conflicts-h">
            <h3 id="import-conflicts-h">{t('matrixImport.conflictsTitle')}</h3>
            <p className="muted small">{t('matrixImport.conflictsExplain')}</p>
            <ChangeTable
              items={preview.conflicts}
              fromLabel={t('matrixImport.inDocumentNow')}
              choose={(c: FieldConflict) => (
                <label className="check-line">
                  <input
                    type="checkbox"
                    disabled={hasErrors}
                    checked={overwrite.has(key(c))}
                    onChange={(e) =>
                      setOverwrite((s) => {
                        const next = new Set(s);
                        if (e.target.checked) next.add(key(c));
                        else next.delete(key(c));
                        return next;
                      })
                    }
                  />
                  {t('matrixImport.useFileValue', { n: String(c.number), field: t(`matrix.column.${c.field}`) })}
                </label>
              )}
            />
          </section>
        )}
        <section className="import-section" aria-labelledby="import-changes-h">
          <h3 id="import-changes-h">{t('matrixImport.changesTitle')}</h3>
          {preview.changes.length ? <ChangeTable items={preview.changes} fromLabel={t('matrixImport.old')} /> : <p className="muted">{t('matrixImport.noChanges')}</p>}
        </section>
        <FormActions variant="modal" error={error} onCancel={onClose} submitLabel={tp('matrixImport.apply', count)} disabled={hasErrors || count === 0} onSubmit={apply} />
      </div>
    </Modal>
  );
}

function ChangeTable<T extends FieldChange>({ items, fromLabel, choose }: { items: readonly T[]; fromLabel: string; choose?: (c: T) => ReactNode }) {
  return (
    <div className="import-table-wrap">
      <table className={`data-table import-table${choose ? ' is-conflicts' : ''}`}>
        <thead>
          <tr>
            <th scope="col">{t('matrixImport.rowColumn')}</th>
            <th scope="col">{t('matrix.column.number')}</th>
            <th scope="col">{t('matrixImport.field')}</th>
            <th scope="col">{fromLabel}</th>
            <th scope="col">{t('matrixImport.new')}</th>
            {choose && <th scope="col">{t('matrixImport.choice')}</th>}
          </tr>
        </thead>
        <tbody>
          {items.map((c) => (
            <tr key={key(c)}>
              <td className="num">{c.row}</td>
              <td className="num">#{c.number}</td>
              <td>{t(`matrix.column.${c.field}`)}</td>
              <td className="old-value">{c.from || <span className="muted">{t('matrixImport.empty')}</span>}</td>
              <td className="new-value">
                <span aria-hidden="true">→ </span>
                {c.to || <span className="muted">{t('matrixImport.empty')}</span>}
              </td>
              {choose && <td>{choose(c)}</td>}
            </tr>
          ))}
        </tbody>
      </table>
    </div>
  );
}
