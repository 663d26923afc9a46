import { useEditorState } from '@tiptap/react';
import type { Editor } from '@tiptap/core';
import { isSuggestChangesEnabled } from '../../editor/suggesting';
import { t } from '../../i18n';

/** The toolbar toggle of suggesting mode (also Ctrl+Alt+Shift+S in the text). */
export function SuggestingToggle({ editor }: { editor: Editor | null }) {
  const on = useEditorState({ editor, selector: ({ editor: e }) => (e ? isSuggestChangesEnabled(e.state) : false) }) ?? false;
  if (!editor) return null;
  return (
    <button
      type="button"
      className={`tool suggesting-toggle${on ? ' is-on' : ''}`}
      aria-pressed={on}
      aria-keyshortcuts="Control+Alt+Shift+S"
      title={`${t('suggest.modeHint')} (Ctrl+Alt+Shift+S)`}
      onMouseDown={(e) => e.preventDefault()}
      onClick={() => editor.chain().focus().toggleSuggesting().run()}
    >
      <svg viewBox="0 0 16 16" aria-hidden="true" focusable="false">
        <path d="M3 13l1-3.5L11 2.5l2.5 2.5L6.5 12z M9.5 4l2.5 2.5" fill="none" stroke="currentColor" strokeWidth="1.3" strokeLinejoin="round" />
      </svg>
      {/* The word shows while the mode is on (the toolbar stays narrow otherwise); it is the button's name either way. */}
      <span className={on ? undefined : 'visually-hidden'}>{t('suggest.mode')}</span>
    </button>
  );
}
