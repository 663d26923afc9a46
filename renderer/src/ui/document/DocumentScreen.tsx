import { useEffect, useMemo, useState } from 'react';
import type { Editor } from '@tiptap/core';
import type * as Y from 'yjs';
import { useWorkspace } from '../../state/workspaceContext';
import { useUi } from '../../state/uiStore';
import { useDocHandle } from '../../state/useDocHandle';
import { readDocumentMeta, readHouseStyle, wsDocuments, wsSettings, type DocumentMeta } from '../../model/workspaceDoc';
import { docFields } from '../../model/documentDoc';
import { bodyToJSON, countWords, plainText } from '../../model/bodyJson';
import { estimatePages } from '../../model/pageEstimate';
import { indexDocument } from '../../storage/catalogIndexer';
import type { DocPersistence } from '../../storage/docPersistence';
import { documentDocName } from '../../../../common/rooms';
import { useSettledDocVersion, useY } from '../hooks';
import { RichTextEditor } from '../editor/RichTextEditor';
import { DocumentHeader } from './DocumentHeader';
import { MeetingFields } from './fields/MeetingFields';
import { ContributionFields } from './fields/ContributionFields';
import { DraftFields } from './fields/DraftFields';
import { t } from '../../i18n';
import { useProvider, syncUserFor } from '../../sync/useWorkspaceSync';
import { useIdentity } from '../../state/identityStore';
import { PresenceList } from './PresenceList';
import CollaborationCaret from '@tiptap/extension-collaboration-caret';
import { renderCaret } from '../../editor/caretLabel';
import { CommentsProvider, usePrefetchComments } from '../comments/CommentsContext';
import { CommentsTextLayout } from '../comments/CommentsTextLayout';
import { CommentButton, CommentsViewBar, useCommentExtension } from '../comments/EditorComments';
import { useCommentsUi } from '../comments/commentsUiStore';
import { PhaseBadge } from '../consultation/PhaseBadge';
import { DocumentTabs } from '../consultation/DocumentTabs';
import { DraftView } from '../consultation/DraftView';

export function DocumentScreen({ docId, view }: { docId: string; view?: 'matrix' | 'balance' }) {
  const { id: workspaceId, doc: ws, canEdit, canComment } = useWorkspace();
  const [editor, setEditor] = useState<Editor | null>(null);
  const panelOpen = useCommentsUi((s) => s.panelOpen);
  const meta = useY(wsDocuments(ws), () => {
    const entry = wsDocuments(ws).get(docId);
    return entry ? readDocumentMeta(entry) : null;
  });
  const docName = documentDocName(workspaceId, docId);
  const { doc, handle, error } = useDocHandle(docName, { gc: false });
  usePrefetchComments(workspaceId, docId);
  const { local } = useWorkspace();
  const identity = useIdentity();
  const provider = useProvider(workspaceId, docName);
  const user = local ? syncUserFor(local, identity) : identity;
  const carets = useMemo(() => (provider ? [CollaborationCaret.configure({ provider, user: { name: user.name, color: user.color }, render: renderCaret })] : []), [provider, user.name, user.color]);
  const commentDecorations = useCommentExtension(provider ? 'live' : 'local');
  const extensions = useMemo(() => [...carets, commentDecorations], [carets, commentDecorations]);

  useSaveState(handle?.persistence);

  if (error) return <p role="alert" className="error">{t('storage.error.open', { message: String(error) })}</p>;
  if (!meta) return <p className="muted">{t('document.notFound')}</p>;
  if (!doc) return <p aria-busy="true">{t('common.loading')}</p>;

  const activeView = meta.kind === 'draft' ? (view ?? 'text') : 'text';
  return (
    <CommentsProvider docId={docId} doc={doc}>
      <DocumentStats workspaceId={workspaceId} meta={meta} doc={doc} ws={ws} />
      <article className={`document view-${activeView}${activeView === 'text' && panelOpen ? ' with-comments' : ''}`} aria-labelledby="doc-title">
        <DocumentHeader meta={meta} badge={<PhaseBadge doc={doc} />}>
          {meta.kind === 'draft' && <DocumentTabs workspaceId={workspaceId} docId={docId} view={activeView} />}
        </DocumentHeader>
        {activeView !== 'text' && <DraftView view={activeView} />}
        <CommentsTextLayout hidden={activeView !== 'text'} editor={editor} doc={doc}>
          {provider && <PresenceList provider={provider} />}
          {meta.kind === 'meeting' && <MeetingFields doc={doc} />}
          {meta.kind === 'contribution' && <ContributionFields doc={doc} />}
          {meta.kind === 'draft' && <DraftFields doc={doc} />}
          <section className="body-section" aria-label={t(`body.${meta.kind}`)}>
            {meta.kind !== 'draft' && <h2 className="section-title">{t(`body.${meta.kind}`)}</h2>}
            <CommentsViewBar editor={editor} doc={doc} showCommentButton={!canEdit && canComment} />
            <RichTextEditor
              key={provider ? 'live' : 'local'}
              doc={doc}
              editable={canEdit}
              extra={extensions}
              label={t(`body.${meta.kind}`)}
              onReady={setEditor}
              toolbarExtra={<CommentButton editor={editor} doc={doc} />}
            />
          </section>
        </CommentsTextLayout>
      </article>
    </CommentsProvider>
  );
}

/** Mirrors the document's local persistence state into the status bar (as it is, write by write). */
function useSaveState(persistence: DocPersistence | undefined) {
  const setSaveState = useUi((s) => s.setSaveState);
  useEffect(() => {
    if (!persistence) return;
    const update = () => setSaveState(persistence.state);
    update();
    persistence.on('state', update);
    return () => persistence.off('state', update);
  }, [persistence, setSaveState]);
}

/**
 * Word count and page estimate in the status bar, and the catalog row kept current while the doc is open.
 * A component of its own (rendering nothing) so its updates never re-render the document screen, and computed
 * after the first paint and after typing pauses.
 */
function DocumentStats({ workspaceId, meta, doc, ws }: { workspaceId: string; meta: DocumentMeta; doc: Y.Doc; ws: Y.Doc }) {
  const setDocStats = useUi((s) => s.setDocStats);
  const version = useSettledDocVersion(doc, 300);
  const style = useY(wsSettings(ws), () => readHouseStyle(ws));
  const fields = docFields(doc);
  const target = useY(fields, () => ({ min: fields.get('targetMin'), max: fields.get('targetMax') }));

  useEffect(() => {
    const timer = setTimeout(() => {
      const body = bodyToJSON(doc);
      const min = typeof target.min === 'number' ? target.min : style.pageTargetMin;
      const max = typeof target.max === 'number' ? target.max : style.pageTargetMax;
      setDocStats({ words: countWords(plainText(body)), pages: estimatePages(body, style), targetMin: min, targetMax: max });
    }, 0);
    return () => clearTimeout(timer);
  }, [doc, version, style, target, setDocStats]);
  useEffect(() => () => setDocStats(null), [setDocStats]);

  // Index 1 s after typing pauses, and at once when the document is closed with changes not yet indexed.
  useEffect(() => {
    let timer: ReturnType<typeof setTimeout> | null = null;
    const index = () => {
      if (timer) clearTimeout(timer);
      timer = null;
      void indexDocument(workspaceId, meta, doc);
    };
    const onUpdate = () => {
      if (timer) clearTimeout(timer);
      timer = setTimeout(index, 1000);
    };
    doc.on('update', onUpdate);
    return () => {
      doc.off('update', onUpdate);
      if (timer) index();
    };
  }, [workspaceId, meta, doc]);
  return null;
}
