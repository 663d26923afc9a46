import { DRAFT_SUBTYPES, type DraftSubtype } from '../../model/kinds';
import type { Stakeholder } from '../../model/stakeholders';
import { t } from '../../i18n';
import { ChoiceSelect } from '../ChoiceSelect';

/** The options of a stakeholder select: "Choose…" then each entry as name (organisation). */
export function StakeholderOptions({ stakeholders }: { stakeholders: readonly Stakeholder[] }) {
  return (
    <>
      <option value="">{t('contribution.chooseStakeholder')}</option>
      {stakeholders.map((s) => (
        <option key={s.id} value={s.id}>
          {s.name}
          {s.organisation ? ` (${s.organisation})` : ''}
        </option>
      ))}
    </>
  );
}

/** Who a contribution is from: a registered stakeholder (name and organisation). */
export function StakeholderSelect({ stakeholders, value, onChange }: { stakeholders: Stakeholder[]; value: string; onChange: (id: string) => void }) {
  return (
    <label className="field">
      <span className="field-label">{t('contribution.who')}</span>
      <select value={value} onChange={(e) => onChange(e.target.value)}>
        <StakeholderOptions stakeholders={stakeholders} />
      </select>
    </label>
  );
}

/** The type of a draft output. */
export function SubtypeSelect({ value, onChange }: { value: DraftSubtype; onChange: (subtype: DraftSubtype) => void }) {
  return <ChoiceSelect label={t('document.subtype')} value={value} values={DRAFT_SUBTYPES} prefix="subtype" onChange={onChange} />;
}
