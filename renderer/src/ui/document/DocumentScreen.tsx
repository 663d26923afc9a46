import { useEffect, useMemo, useRef, useState } from 'react';
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
import { remoteCaretAwareness } from '../../editor/caretAwareness';
import { CommentsProvider, useCommentsPreview } from '../comments/CommentsContext';
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
import { useHistoryUi } from '../versions/historyUi';
import { VersionActions } from '../versions/VersionActions';
import { HistoryPanel } from '../versions/HistoryPanel';
import { VersionView } from '../versions/VersionView';
import { VersionDialogs } from '../versions/VersionDialogs';
import { Suggesting } from '../../editor/suggesting';
import { SuggestionLook } from '../../editor/suggestionDecorations';
import { SuggestingToggle } from '../suggestions/SuggestingToggle';
import { useSuggestingEditor } from '../suggestions/suggestingEditorStore';
import { useSuggestionLook } from '../suggestions/useSuggestions';
import { CompareButton } from '../versions/CompareButton';

export function DocumentScreen({ docId, view }: { docId: string; view?: 'matrix' | 'balance' }) {
  const { id: workspaceId, doc: ws, canEdit, canComment } = useWorkspace();
  const [editor, setEditor] = useState<Editor | null>(null);
  const panelOpen = useCommentsUi((s) => s.panelOpen);
  const historyOpen = useHistoryUi((s) => s.open && s.docId === docId);
  const viewing = useHistoryUi((s) => (s.docId === docId ? s.viewing : null));
  const meta = useY(wsDocuments(ws), () => {
    const entry = wsDocuments(ws).get(docId);
    return entry ? readDocumentMeta(entry) : null;
  });
  const docName = documentDocName(workspaceId, docId);
  const { doc, handle, error } = useDocHandle(docName, { gc: false });
  const commentsPreview = useCommentsPreview(workspaceId, docId, view === undefined);
  const { local } = useWorkspace();
  const identity = useIdentity();
  const provider = useProvider(workspaceId, docName);
  const user = local ? syncUserFor(local, identity) : identity;
  const carets = useMemo(
    () => (provider ? [CollaborationCaret.configure({ provider: { awareness: remoteCaretAwareness(provider.awareness) }, user: { name: user.name, color: user.color }, render: renderCaret })] : []),
    [provider, user.name, user.color],
  );
  const commentDecorations = useCommentExtension(provider ? 'live' : 'local');
  // Suggesting mode (issue 12): the author of suggestions is read at each edit (the sync identity when synced).
  const author = useRef({ id: user.id, name: user.name });
  author.current = { id: user.id, name: user.name };
  const suggesting = useMemo(() => [Suggesting.configure({ ydoc: doc ?? null, author: () => author.current }), SuggestionLook], [doc]);
  const extensions = useMemo(() => [...carets, commentDecorations, ...suggesting], [carets, commentDecorations, suggesting]);
  useEffect(() => {
    useSuggestingEditor.setState({ editor });
    return () => useSuggestingEditor.setState({ editor: null });
  }, [editor]);
  useSuggestionLook(editor, doc ?? null);
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
    <CommentsProvider docId={docId} doc={doc} preview={commentsPreview}>
      <SearchRevealInDocument docId={docId} editor={editor} />
      <article className={`document view-${activeView}${activeView === 'text' && panelOpen ? ' with-comments' : ''}${meta.replyTo ? ' with-sources' : ''}`} aria-labelledby="doc-title">
        <DocumentHeader
          meta={meta}
          badge={<PhaseBadge doc={doc} />}
          actions={
            <>
              <VersionActions docId={docId} canEdit={canEdit} />
              <CompareButton workspaceId={workspaceId} docId={docId} doc={doc} />
            </>
          }
        >
          {meta.kind === 'draft' && <DocumentTabs workspaceId={workspaceId} docId={docId} view={activeView} balance={allComments} />}
        </DocumentHeader>
        {activeView !== 'text' && <DraftView view={activeView} />}
        {activeView === 'text' && viewing && <VersionView key={viewing} doc={doc} versionId={viewing} canEdit={canEdit} lang={language} />}
        <VersionDialogs doc={doc} editor={editor} />
        <SourcesLayout meta={meta} doc={doc} editor={editor} hidden={activeView !== 'text' || !!viewing}>
        <CommentsTextLayout
          hidden={activeView !== 'text' || !!viewing}
          editor={editor}
          doc={doc}
          aside={historyOpen ? <HistoryPanel workspaceId={workspaceId} docId={docId} doc={doc} canEdit={canEdit} /> : undefined}
        >
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
              toolbarExtra={
                <>
                  <CommentButton editor={editor} doc={doc} />
                  <SuggestingToggle editor={editor} />
                </>
              }
              lang={language}
            />
          </section>
        </CommentsTextLayout>
        </SourcesLayout>
      </article>
    </CommentsProvider>
  );
}

/**
 * Mirrors the document's local persistence state into the status bar. Each keystroke's write takes a few ms: the
 * status bar says "Saving…" only when a write is still under way after SAVING_SHOWN_AFTER_MS, so typing re-renders
 * nothing outside the editor; "Saved", errors and loading show at once.
 */
const SAVING_SHOWN_AFTER_MS = 1000;
function useSaveState(persistence: DocPersistence | undefined) {
  const setSaveState = useUi((s) => s.setSaveState);
  useEffect(() => {
    if (!persistence) return;
    let timer: ReturnType<typeof setTimeout> | null = null;
    const update = () => {
      if (persistence.state !== 'saving') {
        if (timer) clearTimeout(timer);
        timer = null;
        setSaveState(persistence.state);
      } else if (!timer) {
        timer = setTimeout(() => {
          timer = null;
          setSaveState(persistence.state);
        }, SAVING_SHOWN_AFTER_MS);
      }
    };
    update();
    persistence.on('state', update);
    return () => {
      if (timer) clearTimeout(timer);
      persistence.off('state', update);
    };
  }, [persistence, setSaveState]);
}
