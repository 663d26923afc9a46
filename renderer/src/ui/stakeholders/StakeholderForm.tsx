import { useState, type FormEvent } from 'react';
import { GENDERS, REGIONS, STAKEHOLDER_GROUPS, type Gender, type Region, type StakeholderGroup } from '../../model/kinds';
import { validateStakeholder, type StakeholderInput } from '../../model/stakeholders';
import { isModelError, issue, type ModelIssue } from '../../model/modelError';
import { issueText, modelMessage } from '../errors';
import { ThemeTags } from '../document/ThemeTags';
import { t } from '../../i18n';
import { LabeledField } from '../document/fields/LabeledField';
import { FormActions } from '../FormActions';

export const EMPTY_STAKEHOLDER: StakeholderInput = { name: '', organisation: '', group: 'civil-society', region: 'global', themes: [] };

/** The add and edit form of a registry entry. The draft is local until saved; the model validates it. */
export function StakeholderForm({
  initial,
  label,
  submitLabel,
  onSubmit,
  onCancel,
  idPrefix,
}: {
  initial: StakeholderInput;
  /** accessible name of the form */
  label: string;
  submitLabel: string;
  /** writes the entry; throws with message ids on failure */
  onSubmit: (input: StakeholderInput) => void;
  onCancel: () => void;
  idPrefix: string;
}) {
  const [draft, setDraft] = useState<StakeholderInput>(initial);
  const [errors, setErrors] = useState<ModelIssue[]>([]);
  const set = (patch: Partial<StakeholderInput>) => setDraft((d) => ({ ...d, ...patch }));

  const submit = (e: FormEvent) => {
    e.preventDefault();
    const found = validateStakeholder(draft);
    if (found.length) return setErrors(found);
    try {
      onSubmit(draft);
    } catch (err) {
      setErrors(isModelError(err) ? [...err.issues] : [issue('', modelMessage(err))]);
    }
  };
  const nameError = errors.some((e) => e.id === 'stakeholder.error.name');

  return (
    <form
      className="stakeholder-form"
      onSubmit={submit}
      noValidate
      aria-label={label}
      onKeyDown={(e) => {
        if (e.key === 'Escape') {
          e.preventDefault();
          onCancel();
        }
      }}
    >
      <div className="fields-grid">
        <label className="field">
          <span className="field-label">{t('stakeholder.name')}</span>
          <input
            value={draft.name}
            onChange={(e) => set({ name: e.target.value })}
            required
            autoFocus
            aria-invalid={nameError}
            aria-describedby={errors.length ? `${idPrefix}-errors` : undefined}
          />
        </label>
        <label className="field">
          <span className="field-label">{t('stakeholder.organisation')}</span>
          <input value={draft.organisation} onChange={(e) => set({ organisation: e.target.value })} />
        </label>
        <LabeledField label={t('stakeholder.group')} className="field">
          {(id) => (
            <select id={id} value={draft.group} onChange={(e) => set({ group: e.target.value as StakeholderGroup })}>
              {STAKEHOLDER_GROUPS.map((g) => (
                <option key={g} value={g}>
                  {t(`group.${g}`)}
                </option>
              ))}
            </select>
          )}
        </LabeledField>
        <LabeledField label={t('stakeholder.region')} className="field">
          {(id) => (
            <select id={id} value={draft.region} onChange={(e) => set({ region: e.target.value as Region })}>
              {REGIONS.map((r) => (
                <option key={r} value={r}>
                  {t(`region.${r}`)}
                </option>
              ))}
            </select>
          )}
        </LabeledField>
        <LabeledField label={t('stakeholder.genderOptional')} className="field">
          {(id) => (
            <select id={id} value={draft.gender ?? ''} onChange={(e) => set({ gender: (e.target.value || undefined) as Gender | undefined })}>
              <option value="">{t('stakeholder.genderNotRecorded')}</option>
              {GENDERS.map((g) => (
                <option key={g} value={g}>
                  {t(`gender.${g}`)}
                </option>
              ))}
            </select>
          )}
        </LabeledField>
      </div>
      <div className="field">
        <span className="field-label" id={`${idPrefix}-themes`}>
          {t('stakeholder.expertise')}
        </span>
        <ThemeTags themes={draft.themes} editable onChange={(themes) => set({ themes })} label={t('stakeholder.expertise')} />
      </div>
      {errors.length > 0 && (
        <div role="alert" className="error" id={`${idPrefix}-errors`}>
          {errors.map((e) => (
            <p key={e.id}>{issueText(e)}</p>
          ))}
        </div>
      )}
      <FormActions onCancel={onCancel} submitLabel={submitLabel} />
    </form>
  );
}
