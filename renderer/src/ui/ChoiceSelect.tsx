import { t } from '../i18n';
import { LabeledField } from './document/fields/LabeledField';

/** A labelled select over one of the domain's vocabularies (option labels are `${prefix}.${value}` messages). */
export function ChoiceSelect<T extends string>(props: { label: string; value: T; values: readonly T[]; prefix: string; onChange: (value: T) => void }) {
  const { label, value, values, prefix, onChange } = props;
  return (
    <LabeledField label={label} className="field">
      {(id) => (
        <select id={id} value={value} onChange={(e) => onChange(e.target.value as T)}>
          {values.map((v) => (
            <option key={v} value={v}>
              {t(`${prefix}.${v}`)}
            </option>
          ))}
        </select>
      )}
    </LabeledField>
  );
}
