import { useEffect, useMemo, useState } from 'react';
import type { Editor } from '@tiptap/core';
import { useWorkspace } from '../../state/workspaceContext';
import { useUi } from '../../state/uiStore';
import { useDocHandle } from '../../state/useDocHandle';
import { readDocumentMeta, wsDocuments } from '../../model/workspaceDoc';
import { useDocumentLanguage } from '../language/useDocumentLanguage';
import { useDocumentPipeline } from '../../state/useDerived';
import type { DocPersistence } from '../../storage/docPersistence';
import { documentDocName } from '../../../../common/rooms';
import { useY } from '../hooks';
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
import { OWN_WORKSPACE_ROLE, readsAllComments } from '../../../../common/roles';
import { QueryFields } from '../network/QueryFields';
import { InReplyToField } from '../network/InReplyToField';
import { ReplyBar, SourcesLayout } from '../network/SourcesPanel';
import { SearchRevealInDocument } from '../search/SearchReveal';
import { CompareButton } from '../versions/CompareButton';

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
  const language = useDocumentLanguage(docId);

  useSaveState(handle?.persistence);
  useDocumentPipeline(workspaceId, docId, doc, ws);

  if (error) return <p role="alert" className="error">{t('storage.error.open', { message: String(error) })}</p>;
  if (!meta) return <p className="muted">{t('document.notFound')}</p>;
  if (!doc) return <p aria-busy="true">{t('common.loading')}</p>;

  // The Balance view counts the whole consultation: offered only to roles that receive all of it (common/roles.ts).
  const allComments = readsAllComments(local?.role ?? OWN_WORKSPACE_ROLE);
  const activeView = meta.kind === 'draft' && (view !== 'balance' || allComments) ? (view ?? 'text') : 'text';
  return (
    <CommentsProvider docId={docId} doc={doc}>
      <SearchRevealInDocument docId={docId} editor={editor} />
      <article className={`document view-${activeView}${activeView === 'text' && panelOpen ? ' with-comments' : ''}${meta.replyTo ? ' with-sources' : ''}`} aria-labelledby="doc-title">
        <DocumentHeader meta={meta} badge={<PhaseBadge doc={doc} />} actions={<CompareButton workspaceId={workspaceId} docId={docId} doc={doc} />}>
          {meta.kind === 'draft' && <DocumentTabs workspaceId={workspaceId} docId={docId} view={activeView} balance={allComments} />}
        </DocumentHeader>
        {activeView !== 'text' && <DraftView view={activeView} />}
        <SourcesLayout meta={meta} doc={doc} editor={editor} hidden={activeView !== 'text'}>
        <CommentsTextLayout hidden={activeView !== 'text'} editor={editor} doc={doc}>
          {provider && <PresenceList provider={provider} />}
          {meta.kind === 'meeting' && <MeetingFields doc={doc} />}
          {meta.kind === 'contribution' && <ContributionFields doc={doc} />}
          {meta.kind === 'draft' && <DraftFields doc={doc} />}
          {meta.kind === 'query' && <QueryFields doc={doc} meta={meta} />}
          {meta.kind === 'contribution' && <InReplyToField meta={meta} />}
          {meta.replyTo && <ReplyBar doc={doc} meta={meta} />}
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
              lang={language}
            />
          </section>
        </CommentsTextLayout>
        </SourcesLayout>
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
