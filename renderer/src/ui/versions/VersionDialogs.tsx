import type { Editor } from '@tiptap/core';
import type * as Y from 'yjs';
import { useOptionalComments } from '../comments/CommentsContext';
import { useHistoryUi } from './historyUi';
import { SaveVersionDialog } from './SaveVersionDialog';
import { RestoreDialog } from './RestoreDialog';

/** The open version dialog of the document screen, with its comments doc and the user as the comments know them. */
export function VersionDialogs({ doc, editor }: { doc: Y.Doc; editor: Editor | null }) {
  const dialog = useHistoryUi((s) => s.dialog);
  const data = useOptionalComments();
  if (!dialog || !data) return null;
  const close = () => useHistoryUi.getState().openDialog(null);
  if (dialog.type === 'save') return <SaveVersionDialog doc={doc} comments={data.comments} actor={data.actor} onClose={close} />;
  return <RestoreDialog doc={doc} comments={data.comments} actor={data.actor} editor={editor} versionId={dialog.versionId} onClose={close} />;
}
