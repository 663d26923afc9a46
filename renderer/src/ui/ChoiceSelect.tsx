import { t } from '../i18n';
import { LabeledField } from './document/fields/LabeledField';

/**
 * A labelled select over one of the domain's vocabularies (option labels are `${prefix}.${value}` messages).
 * With `emptyLabel`, a first option with the value '' ("all", "not recorded") comes before the vocabulary.
 */
export function ChoiceSelect<T extends string>(props: {
  label: string;
  value: T;
  values: readonly T[];
  prefix: string;
  onChange: (value: T) => void;
  emptyLabel?: string;
  className?: string;
}) {
  const { label, value, values, prefix, onChange, emptyLabel, className = 'field' } = props;
  return (
    <LabeledField label={label} className={className}>
      {(id) => (
        <select id={id} value={value} onChange={(e) => onChange(e.target.value as T)}>
          {emptyLabel !== undefined && <option value="">{emptyLabel}</option>}
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
