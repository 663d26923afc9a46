import { useRef, useState, type FormEvent, type ReactNode } from 'react';
import type { Editor } from '@tiptap/react';
import { isAllowedLink } from '../../schema/safeUrl';
import { t } from '../../i18n';
import { ToolbarOverflow } from './ToolbarOverflow';
import { shallow } from 'zustand/shallow';
import { useEditorReading } from './useEditorReading';

/** The buttons' pressed and enabled states. */
const readToolbar = (e: Editor) => ({
  bold: e.isActive('bold'),
  italic: e.isActive('italic'),
  underline: e.isActive('underline'),
  strike: e.isActive('strike'),
  h1: e.isActive('heading', { level: 1 }),
  h2: e.isActive('heading', { level: 2 }),
  h3: e.isActive('heading', { level: 3 }),
  bullet: e.isActive('bulletList'),
  ordered: e.isActive('orderedList'),
  quote: e.isActive('blockquote'),
  link: e.isActive('link'),
  inTable: e.isActive('table'),
  canUndo: e.can().undo(),
  canRedo: e.can().redo(),
});

type Prompt = null | { kind: 'link'; value: string } | { kind: 'footnote'; value: string };

/** Formatting toolbar: a toolbar landmark with roving focus by arrow keys, every button named and stateful. */
export function Toolbar({ editor, extra }: { editor: Editor; extra?: ReactNode }) {
  const state = useEditorReading(editor, readToolbar, shallow);
  const toolbarRef = useRef<HTMLDivElement>(null);
  const [prompt, setPrompt] = useState<Prompt>(null);
  const [promptError, setPromptError] = useState<string | null>(null);
  const chain = () => editor.chain().focus();

  const submitPrompt = (e: FormEvent) => {
    e.preventDefault();
    if (!prompt) return;
    if (prompt.kind === 'link') {
      const href = prompt.value.trim();
      if (!href) chain().extendMarkRange('link').unsetLink().run();
      else if (!isAllowedLink(href)) return setPromptError(t('editor.linkInvalid'));
      else chain().extendMarkRange('link').setLink({ href }).run();
    } else if (prompt.value.trim()) {
      chain().insertFootnote(prompt.value.trim()).run();
    }
    setPrompt(null);
    setPromptError(null);
  };

  const onKeyDown = (e: React.KeyboardEvent<HTMLDivElement>) => {
    if (e.key !== 'ArrowRight' && e.key !== 'ArrowLeft') return;
    // Buttons of groups moved into the More menu (ToolbarOverflow) are skipped; the menu's own items too.
    const buttons = [...e.currentTarget.querySelectorAll<HTMLButtonElement>(':scope > .toolbar-group:not([data-overflow]):not([hidden]) > button:not(:disabled), :scope > .toolbar-group:not([data-overflow]):not([hidden]) > :not(.menu) button:not(:disabled)')];
    const i = buttons.indexOf(document.activeElement as HTMLButtonElement);
    if (i < 0) return;
    e.preventDefault();
    buttons[(i + (e.key === 'ArrowRight' ? 1 : buttons.length - 1)) % buttons.length].focus();
  };

  return (
    <div className="toolbar-wrap">
      <div className="toolbar" role="toolbar" aria-label={t('editor.toolbar')} onKeyDown={onKeyDown} ref={toolbarRef}>
        <Group>
          <Btn label={t('editor.undo')} shortcut="Ctrl+Z" disabled={!state.canUndo} onClick={() => chain().undo().run()}>↶</Btn>
          <Btn label={t('editor.redo')} shortcut="Ctrl+Shift+Z" disabled={!state.canRedo} onClick={() => chain().redo().run()}>↷</Btn>
        </Group>
        <Group>
          <Btn label={t('editor.h1')} pressed={state.h1} onClick={() => chain().toggleHeading({ level: 1 }).run()}>H1</Btn>
          <Btn label={t('editor.h2')} pressed={state.h2} onClick={() => chain().toggleHeading({ level: 2 }).run()}>H2</Btn>
          <Btn label={t('editor.h3')} pressed={state.h3} onClick={() => chain().toggleHeading({ level: 3 }).run()}>H3</Btn>
        </Group>
        <Group>
          <Btn label={t('editor.bold')} shortcut="Ctrl+B" pressed={state.bold} onClick={() => chain().toggleBold().run()}><b>B</b></Btn>
          <Btn label={t('editor.italic')} shortcut="Ctrl+I" pressed={state.italic} onClick={() => chain().toggleItalic().run()}><i>I</i></Btn>
          <Btn label={t('editor.underline')} shortcut="Ctrl+U" pressed={state.underline} onClick={() => chain().toggleUnderline().run()}><u>U</u></Btn>
          <Btn label={t('editor.strike')} shortcut="Ctrl+Shift+S" pressed={state.strike} onClick={() => chain().toggleStrike().run()}><s>S</s></Btn>
        </Group>
        <Group>
          <Btn label={t('editor.bulletList')} shortcut="Ctrl+Shift+8" pressed={state.bullet} onClick={() => chain().toggleBulletList().run()}>•≡</Btn>
          <Btn label={t('editor.orderedList')} shortcut="Ctrl+Shift+7" pressed={state.ordered} onClick={() => chain().toggleOrderedList().run()}>1≡</Btn>
          <Btn label={t('editor.quote')} shortcut="Ctrl+Shift+B" pressed={state.quote} onClick={() => chain().toggleBlockquote().run()}>❝</Btn>
        </Group>
        <Group>
          <Btn label={t('editor.link')} pressed={state.link} onClick={() => setPrompt({ kind: 'link', value: editor.getAttributes('link').href ?? '' })}>{t('editor.link')}</Btn>
          <Btn label={t('editor.footnote')} onClick={() => setPrompt({ kind: 'footnote', value: '' })}>¹</Btn>
          <Btn label={t('editor.hardBreak')} shortcut="Shift+Enter" onClick={() => chain().setHardBreak().run()}>↵</Btn>
        </Group>
        <Group>
          <Btn label={t('editor.insertTable')} onClick={() => chain().insertTable({ rows: 3, cols: 3, withHeaderRow: true }).run()}>▦</Btn>
          {state.inTable && (
            <>
              <Btn label={t('editor.addRow')} onClick={() => chain().addRowAfter().run()}>+R</Btn>
              <Btn label={t('editor.deleteRow')} onClick={() => chain().deleteRow().run()}>−R</Btn>
              <Btn label={t('editor.addColumn')} onClick={() => chain().addColumnAfter().run()}>+C</Btn>
              <Btn label={t('editor.deleteColumn')} onClick={() => chain().deleteColumn().run()}>−C</Btn>
              <Btn label={t('editor.deleteTable')} onClick={() => chain().deleteTable().run()}>✕▦</Btn>
            </>
          )}
        </Group>
        {extra && <span className="toolbar-group toolbar-pinned">{extra}</span>}
        <ToolbarOverflow toolbarRef={toolbarRef} />
      </div>
      {prompt && (
        <form className="toolbar-prompt" onSubmit={submitPrompt}>
          <label className="field compact grow">
            <span className="field-label">{prompt.kind === 'link' ? t('editor.linkUrl') : t('editor.footnoteText')}</span>
            <input
              autoFocus
              value={prompt.value}
              onChange={(e) => setPrompt({ ...prompt, value: e.target.value })}
              onKeyDown={(e) => e.key === 'Escape' && (setPrompt(null), editor.commands.focus())}
              aria-invalid={!!promptError}
            />
          </label>
          <button type="submit" className="primary">{t('common.apply')}</button>
          <button type="button" onClick={() => (setPrompt(null), setPromptError(null))}>{t('common.cancel')}</button>
          {promptError && <p role="alert" className="error">{promptError}</p>}
        </form>
      )}
    </div>
  );
}

function Group({ children }: { children: ReactNode }) {
  return <span className="toolbar-group">{children}</span>;
}

function Btn(props: { label: string; shortcut?: string; pressed?: boolean; disabled?: boolean; onClick: () => void; children: ReactNode }) {
  const title = props.shortcut ? `${props.label} (${props.shortcut})` : props.label;
  return (
    <button
      type="button"
      className="tool"
      aria-label={props.label}
      aria-pressed={props.pressed === undefined ? undefined : props.pressed}
      title={title}
      disabled={props.disabled}
      onMouseDown={(e) => e.preventDefault()}
      onClick={props.onClick}
    >
      {props.children}
    </button>
  );
}
