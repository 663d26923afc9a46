import { DRAFT_SUBTYPES, type DraftSubtype } from '../../model/kinds';
import type { Stakeholder } from '../../model/stakeholders';
import { t } from '../../i18n';

/** Who a contribution is from: a registered stakeholder (name and organisation). */
export function StakeholderSelect({ stakeholders, value, onChange }: { stakeholders: Stakeholder[]; value: string; onChange: (id: string) => void }) {
  return (
    <label className="field">
      <span className="field-label">{t('contribution.who')}</span>
      <select value={value} onChange={(e) => onChange(e.target.value)}>
        <option value="">{t('contribution.chooseStakeholder')}</option>
        {stakeholders.map((s) => (
          <option key={s.id} value={s.id}>
            {s.name}
            {s.organisation ? ` (${s.organisation})` : ''}
          </option>
        ))}
      </select>
    </label>
  );
}

/** The type of a draft output. */
export function SubtypeSelect({ value, onChange }: { value: DraftSubtype; onChange: (subtype: DraftSubtype) => void }) {
  return (
    <label className="field">
      <span className="field-label">{t('document.subtype')}</span>
      <select value={value} onChange={(e) => onChange(e.target.value as DraftSubtype)}>
        {DRAFT_SUBTYPES.map((s) => (
          <option key={s} value={s}>
            {t(`subtype.${s}`)}
          </option>
        ))}
      </select>
    </label>
  );
}
