import { useId } from 'react';

/** A labelled value for read-only roles, in the same grid as the editable fields. */
export function ReadOnlyField({ label, value, wide }: { label: string; value: string; wide?: boolean }) {
  const id = useId();
  return (
    <div className={`field${wide ? ' field-wide' : ''}`} role="group" aria-labelledby={id}>
      <span className="field-label" id={id}>
        {label}
      </span>
      <span className="field-value">{value || '—'}</span>
    </div>
  );
}
