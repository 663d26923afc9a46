import type * as Y from 'yjs';
import { setField } from '../../../model/documentDoc';
import { t } from '../../../i18n';
import { CommitInput } from './CommitInput';
import { LabeledField } from './LabeledField';

/** A date field of the document that also keeps the document list's date in step. */
export function DocDateField({ doc, field, label, value, onDate }: { doc: Y.Doc; field: string; label: string; value: string; onDate: (iso: string) => void }) {
  return (
    <label className="field">
      <span className="field-label">{label}</span>
      <CommitInput
        type="date"
        value={value}
        commitOnChange
        onCommit={(v) => {
          if (!v) return; // an incomplete date is dropped: the stored one stays
          setField(doc, field, v);
          onDate(v);
        }}
      />
    </label>
  );
}

/** A select over one of the domain's vocabularies (labels are `${prefix}.${value}` messages). */
export function DocChoiceField<T extends string>(props: { doc: Y.Doc; field: string; label: string; value: T; values: readonly T[]; prefix: string }) {
  const { doc, field, label, value, values, prefix } = props;
  return (
    <LabeledField label={label} className="field">
      {(id) => (
        <select id={id} value={value} onChange={(e) => setField(doc, field, e.target.value)}>
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
