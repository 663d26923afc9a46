import { useEffect, useLayoutEffect, useRef } from 'react';
import * as Y from 'yjs';
import { applyTextChange, caretAfterDelta, transformIndex } from '../../../model/textDiff';
import { useY } from '../../hooks';

// A plain <textarea> bound to a Y.Text. Each input applies only the changed span (see model/textDiff.ts), so
// co-editors typing in the same field merge instead of overwriting each other; remote edits keep the caret
// where it was relative to the surrounding text. Undo and redo (Ctrl/Cmd+Z, Ctrl+Y, Shift+Ctrl/Cmd+Z) go through a
// Y.UndoManager that tracks only this textarea's own edits, so they never revert what a co-editor typed.

const LOCAL = Symbol('YTextArea');

export function YTextArea({
  text,
  ensure,
  label,
  editable,
  rows = 4,
  id,
  placeholder,
}: {
  /** the bound text; null when the document has none yet */
  text: Y.Text | null;
  /** creates the Y.Text on first write when `text` is null */
  ensure?: () => Y.Text;
  label: string;
  editable: boolean;
  rows?: number;
  id?: string;
  placeholder?: string;
}) {
  const value = useY(text, () => text?.toString() ?? '');
  const ref = useRef<HTMLTextAreaElement>(null);
  const selection = useRef<{ start: number; end: number; direction: 'forward' | 'backward' | 'none' } | null>(null);

  useEffect(() => {
    if (!text) return;
    // Runs before the deep observer that re-renders (Yjs calls `observe` handlers first), so the textarea still
    // holds the old text and the old caret.
    const onChange = (event: Y.YTextEvent, transaction: Y.Transaction) => {
      const el = ref.current;
      if (transaction.origin === LOCAL || !el || document.activeElement !== el) return;
      const own = transaction.origin instanceof Y.UndoManager ? caretAfterDelta(event.delta) : null;
      if (own !== null) {
        selection.current = { start: own, end: own, direction: 'none' };
        return;
      }
      selection.current = {
        start: transformIndex(el.selectionStart, event.delta),
        end: transformIndex(el.selectionEnd, event.delta),
        direction: el.selectionDirection ?? 'none',
      };
    };
    text.observe(onChange);
    return () => text.unobserve(onChange);
  }, [text]);

  const undo = useRef<Y.UndoManager | null>(null);
  useEffect(() => {
    if (!text) return;
    const manager = new Y.UndoManager(text, { trackedOrigins: new Set([LOCAL]), captureTimeout: 600 });
    undo.current = manager;
    return () => {
      manager.destroy();
      if (undo.current === manager) undo.current = null;
    };
  }, [text]);

  useLayoutEffect(() => {
    const el = ref.current;
    const sel = selection.current;
    if (el && sel) {
      selection.current = null;
      el.setSelectionRange(sel.start, sel.end, sel.direction);
    }
  }, [value]);

  if (!editable)
    return (
      <div className="text-readonly" id={id} role="textbox" aria-readonly="true" aria-multiline="true" aria-label={label} tabIndex={0}>
        {value || <span className="muted">—</span>}
      </div>
    );

  return (
    <textarea
      ref={ref}
      id={id}
      className="ytext-area"
      aria-label={label}
      rows={rows}
      placeholder={placeholder}
      value={value}
      onChange={(e) => {
        const target = text ?? ensure?.();
        if (target) applyTextChange(target, e.target.value, LOCAL);
      }}
      onKeyDown={(e) => {
        if (!(e.ctrlKey || e.metaKey) || e.altKey) return;
        const key = e.key.toLowerCase();
        const isUndo = key === 'z' && !e.shiftKey;
        const isRedo = (key === 'z' && e.shiftKey) || (key === 'y' && !e.shiftKey);
        if (!isUndo && !isRedo) return;
        e.preventDefault();
        if (isUndo) undo.current?.undo();
        else undo.current?.redo();
      }}
    />
  );
}
