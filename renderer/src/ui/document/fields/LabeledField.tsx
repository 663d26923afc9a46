import { useId, type ReactNode } from 'react';

/**
 * A field whose label points at its control by id instead of wrapping it: a wrapped <select> would add all its
 * option texts to the label text that tools (and some screen readers) read.
 */
export function LabeledField({ label, className = 'field', children }: { label: string; className?: string; children: (id: string) => ReactNode }) {
  const id = useId();
  return (
    <div className={className}>
      <label className="field-label" htmlFor={id}>
        {label}
      </label>
      {children(id)}
    </div>
  );
}
