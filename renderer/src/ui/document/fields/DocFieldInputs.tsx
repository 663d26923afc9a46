import type * as Y from 'yjs';
import { setField } from '../../../model/documentDoc';
import { DateInput } from '../../DateInput';
import { ChoiceSelect } from '../../ChoiceSelect';

/** A date field of the document that also keeps the document list's date in step. */
export function DocDateField({ doc, field, label, value, onDate }: { doc: Y.Doc; field: string; label: string; value: string; onDate: (iso: string) => void }) {
  return (
    <label className="field">
      <span className="field-label">{label}</span>
      <DateInput
        value={value}
        onChange={(v) => {
          if (!v) return; // an emptied date is dropped: the stored one stays
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
    <ChoiceSelect label={label} value={value} values={values} prefix={prefix} onChange={(v) => setField(doc, field, v)} />
  );
}
