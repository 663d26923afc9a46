import { useEditor, EditorContent } from '@tiptap/react';
import type * as Y from 'yjs';
import { schemaExtensions } from '../../schema/extensions';
import { collaboration } from '../../editor/collaboration';
import { t } from '../../i18n';

/**
 * The rapporteur's response to a comment: rich text bound to the thread's response Y.XmlFragment, so it syncs and
 * merges like the body. Bold, italic and lists by their usual shortcuts; no toolbar, it is a short answer.
 */
export function ResponseEditor({ fragment, label, autofocus }: { fragment: Y.XmlFragment; label: string; autofocus?: boolean }) {
  const editor = useEditor(
    {
      extensions: [...schemaExtensions(), ...collaboration(fragment)],
      immediatelyRender: true,
      autofocus: autofocus ? 'end' : false,
      shouldRerenderOnTransaction: false,
      editorProps: {
        attributes: { class: 'prose response-prose', role: 'textbox', 'aria-multiline': 'true', 'aria-label': label },
      },
    },
    [fragment],
  );
  if (!editor) return <p aria-busy="true">{t('common.loading')}</p>;
  return <EditorContent editor={editor} className="response-editor" />;
}
