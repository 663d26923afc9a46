import { useState } from 'react';
import type { Editor } from '@tiptap/core';
import type * as Y from 'yjs';
import { t } from '../../i18n';
import { listVersions } from '../../model/consultation/snapshots';
import type { Actor } from '../../model/comments/threadTypes';
import { useUi } from '../../state/uiStore';
import { Modal } from '../Modal';
import { FormActions } from '../FormActions';
import { modelMessage } from '../errors';
import { restoreInEditor } from './useRestore';
import { useHistoryUi } from './historyUi';

/** Confirms a restore, says what it does (a new change, undoable; the current text kept as a version; comments untouched). */
export function RestoreDialog(props: { doc: Y.Doc; comments: Y.Doc | null; actor: Actor; editor: Editor | null; versionId: string; onClose: () => void }) {
  const { doc, comments, actor, editor, versionId, onClose } = props;
  const version = listVersions(doc).find((v) => v.id === versionId);
  const [error, setError] = useState<string | null>(version ? null : t('versions.error.notFound'));
  const notify = useUi((s) => s.notify);
  const name = version?.name ?? '';
  const restore = () => {
    try {
      restoreInEditor({ editor, doc, comments, actor, versionId, versionName: name });
      onClose();
      useHistoryUi.getState().view(null);
      notify('info', t('versions.restored', { name }));
      // Back in the text, where Ctrl+Z undoes the restore.
      window.setTimeout(() => editor?.commands.focus(), 0);
    } catch (err) {
      setError(modelMessage(err));
    }
  };
  return (
    <Modal title={t('versions.restoreTitle', { name })} onClose={onClose}>
      <p>{t('versions.restoreExplain', { before: t('versions.beforeRestoring', { name }) })}</p>
      <p>
        <strong>{t('versions.restoreComments')}</strong>
      </p>
      <FormActions variant="modal" error={error} onCancel={onClose} submitLabel={t('versions.restoreButton')} onSubmit={restore} disabled={!version} />
    </Modal>
  );
}
