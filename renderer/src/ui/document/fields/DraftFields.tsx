import { Fragment, useState } from 'react';
import type * as Y from 'yjs';
import { useWorkspace } from '../../../state/workspaceContext';
import { docFields, setField } from '../../../model/documentDoc';
import { readHouseStyle, wsSettings } from '../../../model/workspaceDoc';
import { DRAFT_STATUSES, DRAFT_SUBTYPES, isOneOf, type DraftStatus } from '../../../model/kinds';
import { effectivePageTarget, parsePageCount, storedPageCount, validatePageTarget } from '../../../model/pageTargets';
import { issueText } from '../../errors';
import { useY } from '../../hooks';
import { t } from '../../../i18n';
import { CommitInput } from './CommitInput';
import { ReadOnlyField } from './ReadOnlyField';
import { LabeledField } from './LabeledField';
import { DraftPhase } from '../../consultation/PhaseControl';
import { reportStatus } from '../../../model/consultation/reportStatus';

type Bound = 'targetMin' | 'targetMax';

/** A draft output's type, status and target length (empty bounds use the workspace default from Settings). */
export function DraftFields({ doc }: { doc: Y.Doc }) {
  const { doc: ws, canEdit } = useWorkspace();
  const fields = docFields(doc);
  const values = useY(fields, () => {
    const subtype = fields.get('subtype');
    const status = fields.get('status');
    return {
      subtype: isOneOf(DRAFT_SUBTYPES, subtype) ? subtype : null,
      status: isOneOf(DRAFT_STATUSES, status) ? status : 'outline',
      // One status: from the consultation on, the phase sets it (model/consultation/reportStatus.ts).
      shown: reportStatus(status, fields.get('phase')),
      targetMin: storedPageCount(fields.get('targetMin')),
      targetMax: storedPageCount(fields.get('targetMax')),
    };
  });
  const style = useY(wsSettings(ws), () => readHouseStyle(ws));
  const [errors, setErrors] = useState<Partial<Record<Bound, string>>>({});
  const range = effectivePageTarget(values.targetMin, values.targetMax, style);

  const commitBound = (key: Bound, input: string): boolean => {
    const parsed = parsePageCount(input);
    let error = 'error' in parsed ? issueText(parsed.error) : null;
    if (!('error' in parsed)) {
      const min = key === 'targetMin' ? parsed.value : values.targetMin;
      const max = key === 'targetMax' ? parsed.value : values.targetMax;
      const invalid = validatePageTarget(min, max, style);
      if (invalid) error = issueText(invalid);
      else setField(doc, key, parsed.value);
    }
    setErrors((e) => ({ ...e, [key]: error ?? undefined }));
    return !error;
  };
  const rangeError = validatePageTarget(values.targetMin, values.targetMax, style);
  const shownError = errors.targetMin ?? errors.targetMax ?? (rangeError && issueText(rangeError));

  return (
    <section className="fields-panel draft-fields" aria-labelledby="draft-fields-heading">
      <h2 id="draft-fields-heading" className="fields-heading">
        {t('draft.details')}
      </h2>
      <div className="fields-grid draft-grid">
        <ReadOnlyField label={t('document.subtype')} value={values.subtype ? t(`subtype.${values.subtype}`) : ''} />
        {canEdit ? (
          <>
            {values.shown.by === 'draft' ? (
              <LabeledField label={t('draft.status')} className="field">
                {(id) => (
                  <select id={id} value={values.status} onChange={(e) => setField(doc, 'status', e.target.value as DraftStatus)} aria-describedby="draft-status-note">
                    {DRAFT_STATUSES.filter((s) => s !== 'final' || values.status === 'final').map((s) => (
                      <option key={s} value={s}>
                        {t(`status.${s}`)}
                      </option>
                    ))}
                  </select>
                )}
              </LabeledField>
            ) : (
              <ReadOnlyField label={t('draft.status')} value={t('draft.statusByPhase', { phase: t(`phase.${values.shown.phase}`) })} />
            )}
            <fieldset className="field target-range" aria-describedby="draft-target-note">
              <legend className="field-label">{t('draft.targetLength')}</legend>
              <span className="range-inputs">
                {(['targetMin', 'targetMax'] as const).map((key, i) => (
                  <Fragment key={key}>
                    {i === 1 && (
                      <span className="range-sep" aria-hidden="true">
                        –
                      </span>
                    )}
                    <CommitInput
                      inputMode="numeric"
                      className="input-pages"
                      aria-label={t(key === 'targetMin' ? 'draft.targetMin' : 'draft.targetMax')}
                      value={values[key] === null ? '' : String(values[key])}
                      placeholder={String(key === 'targetMin' ? style.pageTargetMin : style.pageTargetMax)}
                      aria-invalid={!!errors[key]}
                      onCommit={(v) => commitBound(key, v)}
                      onRevert={() => setErrors((e) => ({ ...e, [key]: undefined }))}
                    />
                  </Fragment>
                ))}
                <span className="unit">{t('draft.pages')}</span>
              </span>
            </fieldset>
          </>
        ) : (
          <>
            <ReadOnlyField label={t('draft.status')} value={values.shown.by === 'draft' ? t(`status.${values.shown.status}`) : t('draft.statusByPhase', { phase: t(`phase.${values.shown.phase}`) })} />
            <ReadOnlyField label={t('draft.targetLength')} value={t('draft.range', range)} />
          </>
        )}
      </div>
      {shownError ? (
        <p role="alert" className="error" id="draft-target-note">
          {shownError}
        </p>
      ) : (
        canEdit && (
          <p className="muted small field-note" id="draft-target-note">
            {t('draft.targetNote', { min: style.pageTargetMin, max: style.pageTargetMax })}
          </p>
        )
      )}
      {canEdit && (
        <p className="muted small field-note" id="draft-status-note">
          {values.shown.by === 'draft' ? t('draft.statusNoteDrafting') : t('draft.statusNotePhase')}
        </p>
      )}
      <DraftPhase doc={doc} />
    </section>
  );
}
