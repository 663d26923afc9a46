import { useEffect, useRef, type ReactNode } from 'react';
import { useEditor, EditorContent, type Editor } from '@tiptap/react';
import type { Extensions } from '@tiptap/core';
import type * as Y from 'yjs';
import { editorExtensions } from '../../editor/editorExtensions';
import { docBody } from '../../model/bodyJson';
import { Toolbar } from './Toolbar';
import { FootnotePopover, type FootnoteHandlers } from './FootnotePopover';
import { t } from '../../i18n';
import { applySpellCheckLanguage } from '../../state/languageActions';

interface Props {
  doc: Y.Doc;
  editable: boolean;
  /** e.g. collaboration carets, comment highlights */
  extra?: Extensions;
  label: string;
  onReady?: (editor: Editor | null) => void;
  /** extra toolbar controls (e.g. the Comment button), shown after the formatting groups */
  toolbarExtra?: ReactNode;
  /** the document's language: the editor element carries it, so the spell-checker checks in it */
  lang?: string;
}

/** The rich-text body of a document, bound to its Y.XmlFragment `body`. */
export function RichTextEditor({ doc, editable, extra, label, onReady, toolbarExtra, lang }: Props) {
  const footnotes = useRef<FootnoteHandlers | null>(null);
  const editor = useEditor(
    {
      extensions: editorExtensions({ fragment: docBody(doc), extra }),
      editable,
      immediatelyRender: true,
      shouldRerenderOnTransaction: false,
      // Tiptap's Delete extension re-applies every change's steps to the whole document after it, to emit 'delete'
      // events; nothing here listens to them.
      enableCoreExtensions: { delete: false },
      editorProps: {
        handleKeyDown: (view, event) => footnotes.current?.keyDown(view, event) ?? false,
        handleClickOn: (view, _pos, node, nodePos) => footnotes.current?.clickOn(view, nodePos, node.type.name) ?? false,
        attributes: {
          class: 'prose',
          role: 'textbox',
          'aria-multiline': 'true',
          'aria-label': label,
          spellcheck: 'true',
          ...(lang ? { lang } : {}),
        },
      },
    },
    [doc],
  );

  useEffect(() => {
    editor?.setEditable(editable);
  }, [editor, editable]);

  useEffect(() => {
    if (!editor || !lang) return;
    const attributes = { ...(editor.options.editorProps.attributes as Record<string, string>), lang };
    editor.setOptions({ editorProps: { ...editor.options.editorProps, attributes } });
    applySpellCheckLanguage(lang);
  }, [editor, lang]);

  useEffect(() => {
    onReady?.(editor);
    return () => onReady?.(null);
  }, [editor, onReady]);

  if (!editor) return <p aria-busy="true">{t('common.loading')}</p>;
  return (
    <div className="editor">
      {editable && <Toolbar editor={editor} extra={toolbarExtra} />}
      <EditorContent editor={editor} className="page" />
      <FootnotePopover editor={editor} handlersRef={footnotes} />
    </div>
  );
}
