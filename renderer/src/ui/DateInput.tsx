import { useRef, useState, type InputHTMLAttributes } from 'react';
import { formatDate, formatMonth, getLocale, t, todayIso } from '../i18n';
import { parseDateInput, parseMonthInput } from '../i18n/dateInput';

type Props = Omit<InputHTMLAttributes<HTMLInputElement>, 'value' | 'onChange' | 'type' | 'min' | 'max'> & {
  /** ISO yyyy-mm-dd, or '' */
  value: string;
  /** called with the ISO date as soon as the text is a whole date ('' when cleared) */
  onChange: (iso: string) => void;
  /** the earliest day the calendar offers (ISO) */
  min?: string;
};

/**
 * A date field in the interface language: it shows the screens' one date format ("14 Mar 2025", "14 mars 2025"),
 * reads what a person types in that language (i18n/dateInput.ts), and offers the system calendar through a
 * button. A native date input would show mm/dd/yyyy whatever the language. The stored value stays ISO.
 */
export function DateInput({ value, onChange, min, className, onBlur, onFocus, ...rest }: Props) {
  const [draft, setDraft] = useState<string | null>(null);
  const picker = useRef<HTMLInputElement>(null);
  const lang = getLocale();
  const shown = draft ?? (value ? formatDate(value) : '');
  const openPicker = () => {
    try {
      picker.current?.showPicker();
    } catch {
      // no calendar here (an old engine): typing works
    }
  };
  const invalid = draft !== null && draft.trim() !== '' && parseDateInput(draft, lang) === null;
  return (
    <span className={`date-input${className ? ` ${className}` : ''}`}>
      <input
        {...rest}
        type="text"
        inputMode="text"
        autoComplete="off"
        value={shown}
        placeholder={formatDate(todayIso())}
        aria-invalid={invalid || undefined}
        onFocus={(e) => {
          setDraft(shown);
          onFocus?.(e);
        }}
        onChange={(e) => {
          const text = e.target.value;
          setDraft(text);
          if (text.trim() === '') return onChange('');
          const iso = parseDateInput(text, lang);
          if (iso && iso !== value) onChange(iso);
        }}
        onBlur={(e) => {
          setDraft(null);
          onBlur?.(e);
        }}
        aria-keyshortcuts="Alt+ArrowDown"
        title={t('date.hint', { example: formatDate(todayIso()) })}
        onKeyDown={(e) => {
          if (e.key === 'ArrowDown' && e.altKey) openPicker();
          if (e.key === 'Enter') setDraft(null);
          if (e.key === 'Escape' && draft !== null) setDraft(value ? formatDate(value) : '');
          rest.onKeyDown?.(e);
        }}
      />
      {/* For the pointer; the keyboard opens the calendar with Alt+Down. Hidden from the accessible name the
          field takes from its label. */}
      <button type="button" className="icon-button date-pick" aria-hidden="true" tabIndex={-1} title={t('date.pick')} disabled={rest.disabled} onClick={openPicker}>
        <svg width="16" height="16" viewBox="0 0 16 16" aria-hidden="true" focusable="false">
          <rect x="1.5" y="2.5" width="13" height="12" rx="1.5" fill="none" stroke="currentColor" />
          <path d="M1.5 6h13M5 1v3M11 1v3" stroke="currentColor" fill="none" />
        </svg>
      </button>
      <input ref={picker} type="date" className="date-picker-proxy" tabIndex={-1} aria-hidden="true" value={value} min={min} onChange={(e) => e.target.value && onChange(e.target.value)} />
    </span>
  );
}

/** A month field in the interface language ("mars 2025"), read as typed (i18n/dateInput.ts); the value is yyyy-mm. */
export function MonthInput({ value, onChange, onFocus, onBlur, ...rest }: Omit<Props, 'min'>) {
  const [draft, setDraft] = useState<string | null>(null);
  const lang = getLocale();
  const shown = draft ?? (value ? formatMonth(value) : '');
  const invalid = draft !== null && draft.trim() !== '' && parseMonthInput(draft, lang) === null;
  return (
    <input
      {...rest}
      type="text"
      autoComplete="off"
      value={shown}
      placeholder={formatMonth(todayIso().slice(0, 7))}
      aria-invalid={invalid || rest['aria-invalid'] || undefined}
      onFocus={(e) => {
        setDraft(shown);
        onFocus?.(e);
      }}
      onChange={(e) => {
        const text = e.target.value;
        setDraft(text);
        if (text.trim() === '') return onChange('');
        const month = parseMonthInput(text, lang);
        if (month && month !== value) onChange(month);
      }}
      onBlur={(e) => {
        setDraft(null);
        onBlur?.(e);
      }}
    />
  );
}
