import { useState, type InputHTMLAttributes, type TextareaHTMLAttributes } from 'react';

// Inputs bound to a shared value: the typed text is a local draft until Enter or blur commits it (one write per
// edit, not per keystroke); Escape drops the draft. While not editing, the input shows the shared value, so a
// co-editor's change appears at once. `onCommit` returns false to reject the draft (the caller shows why).

type Commit = (value: string) => boolean | void;

export function CommitInput({
  value,
  onCommit,
  commitOnChange,
  onRevert,
  ...rest
}: Omit<InputHTMLAttributes<HTMLInputElement>, 'value' | 'onChange' | 'defaultValue'> & {
  value: string;
  onCommit: Commit;
  /** Escape dropped the draft (clear any error shown for it) */
  onRevert?: () => void;
  /** commit as soon as the value is complete (dates picked from a calendar, checkable values) */
  commitOnChange?: boolean;
}) {
  const [draft, setDraft] = useState<string | null>(null);
  const commit = (next: string | null) => {
    if (next === null) return;
    if (next === value || onCommit(next) !== false) setDraft(null);
  };
  return (
    <input
      {...rest}
      value={draft ?? value}
      onChange={(e) => {
        setDraft(e.target.value);
        if (commitOnChange && e.target.value !== '') commit(e.target.value);
      }}
      onBlur={(e) => {
        commit(draft);
        rest.onBlur?.(e);
      }}
      onKeyDown={(e) => {
        if (e.key === 'Enter') {
          e.preventDefault();
          commit(draft);
        } else if (e.key === 'Escape' && draft !== null) {
          e.preventDefault();
          e.stopPropagation();
          setDraft(null);
          onRevert?.();
        }
        rest.onKeyDown?.(e);
      }}
    />
  );
}

/**
 * A multi-line variant: commits on blur; Enter makes a new line, or commits when `commitOnEnter` (for one-line
 * values that should wrap, such as a task; Shift+Enter still breaks the line).
 */
export function CommitTextarea({
  value,
  onCommit,
  commitOnEnter,
  ...rest
}: Omit<TextareaHTMLAttributes<HTMLTextAreaElement>, 'value' | 'onChange' | 'defaultValue'> & { value: string; onCommit: Commit; commitOnEnter?: boolean }) {
  const [draft, setDraft] = useState<string | null>(null);
  const commit = () => {
    if (draft !== null && (draft === value || onCommit(draft) !== false)) setDraft(null);
  };
  return (
    <textarea
      {...rest}
      value={draft ?? value}
      onChange={(e) => setDraft(e.target.value)}
      onBlur={(e) => {
        commit();
        rest.onBlur?.(e);
      }}
      onKeyDown={(e) => {
        if (commitOnEnter && e.key === 'Enter' && !e.shiftKey && !e.nativeEvent.isComposing) {
          e.preventDefault();
          commit();
        } else if (e.key === 'Escape' && draft !== null) {
          e.preventDefault();
          e.stopPropagation();
          setDraft(null);
        }
        rest.onKeyDown?.(e);
      }}
    />
  );
}
