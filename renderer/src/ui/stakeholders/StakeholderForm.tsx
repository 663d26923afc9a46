import { useState, type FormEvent } from 'react';
import { GENDERS, REGIONS, STAKEHOLDER_GROUPS, type Gender } from '../../model/kinds';
import { validateStakeholder, type StakeholderInput } from '../../model/stakeholders';
import { isModelError, issue, type ModelIssue } from '../../model/modelError';
import { issueText, modelMessage } from '../errors';
import { ThemeTags } from '../document/ThemeTags';
import { t } from '../../i18n';
import { FormActions } from '../FormActions';
import { ChoiceSelect } from '../ChoiceSelect';

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
  // Languages are typed as one comma-separated line; the model normalises the list.
  const [languages, setLanguages] = useState((initial.languages ?? []).join(', '));
  const [errors, setErrors] = useState<ModelIssue[]>([]);
  const set = (patch: Partial<StakeholderInput>) => setDraft((d) => ({ ...d, ...patch }));

  const submit = (e: FormEvent) => {
    e.preventDefault();
    const found = validateStakeholder(draft);
    if (found.length) return setErrors(found);
    try {
      onSubmit({ ...draft, languages: languages.split(',').map((l) => l.trim()).filter(Boolean) });
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
        <ChoiceSelect label={t('stakeholder.group')} value={draft.group} values={STAKEHOLDER_GROUPS} prefix="group" onChange={(group) => set({ group })} />
        <ChoiceSelect label={t('stakeholder.region')} value={draft.region} values={REGIONS} prefix="region" onChange={(region) => set({ region })} />
        <ChoiceSelect<Gender | ''>
          label={t('stakeholder.genderOptional')}
          value={draft.gender ?? ''}
          values={GENDERS}
          prefix="gender"
          emptyLabel={t('stakeholder.genderNotRecorded')}
          onChange={(g) => set({ gender: g || undefined })}
        />
        <label className="field">
          <span className="field-label">{t('stakeholder.languages')}</span>
          <input value={languages} onChange={(e) => setLanguages(e.target.value)} aria-describedby={`${idPrefix}-languages-hint`} />
          <span className="muted small" id={`${idPrefix}-languages-hint`}>
            {t('stakeholder.languagesHint')}
          </span>
        </label>
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
