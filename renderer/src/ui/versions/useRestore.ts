import type { Editor } from '@tiptap/core';
import type * as Y from 'yjs';
import { yUndoPluginKey } from '@tiptap/y-tiptap';
import { restoreVersion, undoScope } from '../../editor/restoreVersion';
import type { Actor } from '../../model/comments/threadTypes';
import { t } from '../../i18n';

/**
 * Restores a version through the open editor's UndoManager: the fields join its scope (the body is there), the
 * restore is captured as one undo step of its own (capturing stopped before and after), so Ctrl+Z in the text or
 * the toolbar's Undo takes the whole restore back.
 */
export function restoreInEditor(args: { editor: Editor | null; doc: Y.Doc; comments: Y.Doc | null; actor: Actor; versionId: string; versionName: string }): void {
  const { editor, doc, comments, actor, versionId, versionName } = args;
  const state = editor && !editor.isDestroyed ? (yUndoPluginKey.getState(editor.state) as { undoManager?: Y.UndoManager } | undefined) : undefined;
  const um = state?.undoManager;
  if (um) {
    for (const type of undoScope(doc)) um.addToScope(type);
    um.stopCapturing();
  }
  restoreVersion(doc, versionId, { by: actor, beforeName: t('versions.beforeRestoring', { name: versionName }), comments });
  um?.stopCapturing();
}
