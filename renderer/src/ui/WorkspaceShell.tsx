import { useEffect, useMemo, useState } from 'react';
import { lazyLoaded } from './lazyLoaded';
import { useUi } from '../state/uiStore';
import { useDocHandle } from '../state/useDocHandle';
import { WorkspaceContext, type WorkspaceContextValue } from '../state/workspaceContext';
import { touchWorkspace } from '../state/workspaceActions';
import { catalogDb } from '../storage/catalogDb';
import { openDocs } from '../storage/openDocs';
import { readWorkspaceInfo, wsInfo } from '../model/workspaceDoc';
import { workspaceDocName } from '../../../common/rooms';
import { capabilitiesOf, OWN_WORKSPACE_ROLE } from '../../../common/roles';
import { useLiveQuery, useY } from './hooks';
import { Sidebar } from './Sidebar';
import { StatusBar } from './StatusBar';
import { DocumentsScreen } from './documents/DocumentsScreen';
import { readCatalogRowsEarly } from './documents/catalogRows';
import { StakeholdersScreen } from './stakeholders/StakeholdersScreen';
import { SettingsScreen } from './settings/SettingsScreen';
import { ExpertsScreen } from './network/ExpertsScreen';
import { ProfileScreen } from './network/ProfileScreen';
import { Dialogs } from './Dialogs';
import { DueScreen } from './network/DueList';
import { WorkspaceSearch } from './search/WorkspaceSearch';
import { t } from '../i18n';
import { useIdentity } from '../state/identityStore';
import { useWorkspaceSync } from '../sync/useWorkspaceSync';
import { whenIdle } from '../platform/idle';
import { warmPreviewWorker } from '../storage/commentsPreview';

// The screens that load the editor (Tiptap, ProseMirror and the schema) are their own chunks, out of a start's
// critical path. The document and compare screens are loaded once the start has drawn the workspace (idle), so
// that opening a document does not wait for its code.
const { Component: DocumentScreen, preload: preloadDocumentScreen } = lazyLoaded(() => import('./document/DocumentScreen').then((m) => m.DocumentScreen));
const { Component: CompareView, preload: preloadCompareView } = lazyLoaded(() => import('./versions/CompareView').then((m) => m.CompareView));
const { Component: DigestScreen } = lazyLoaded(() => import('./network/DigestScreen').then((m) => m.DigestScreen));
function preloadEditorScreens(): void {
  whenIdle(() => {
    warmPreviewWorker(); // reads a document's comment highlights while its body opens
    void Promise.all([preloadDocumentScreen(), preloadCompareView()]).catch(() => undefined); // retried on use
  }, 1_000);
}

/** How long what a start loads ahead is held for the screen to take it over. */
const AHEAD_HOLD_MS = 10_000;

/**
 * Starts loading what a workspace screen shows first, before it renders: its workspace doc and, for the document
 * list, the list's rows (read beside the doc's load, so the list draws as soon as the doc is in). The app's start
 * calls it while the interface language loads (main.tsx), the shell again as it opens.
 */
export function loadWorkspaceAhead(workspaceId: string, screen: string): void {
  const handle = openDocs.acquire(workspaceDocName(workspaceId));
  setTimeout(handle.release, AHEAD_HOLD_MS);
  if (screen === 'documents') readCatalogRowsEarly(workspaceId);
}

export function WorkspaceShell({ workspaceId }: { workspaceId: string }) {
  const route = useUi((s) => s.route);
  useState(() => loadWorkspaceAhead(workspaceId, route.screen));
  const { doc, error } = useDocHandle(workspaceDocName(workspaceId));
  const local = useLiveQuery(() => catalogDb.workspaces.get(workspaceId), [workspaceId], undefined);
  const info = useY(doc ? wsInfo(doc) : null, () => (doc ? readWorkspaceInfo(doc) : null));
  const identity = useIdentity();
  useWorkspaceSync(local, identity);

  useEffect(() => {
    if (info?.name) void touchWorkspace(workspaceId, info.name);
  }, [workspaceId, info?.name]);

  useEffect(() => {
    document.title = info?.name ? `${info.name} · Rapporteur` : 'Rapporteur';
  }, [info?.name]);

  useEffect(() => {
    if (doc) preloadEditorScreens();
  }, [doc]);

  const value = useMemo<WorkspaceContextValue | null>(() => {
    if (!doc) return null;
    const can = capabilitiesOf(local?.role ?? OWN_WORKSPACE_ROLE);
    return { id: workspaceId, doc, local, canEdit: can.editBody, canComment: can.comment };
  }, [doc, local, workspaceId]);

  if (error) return <p role="alert" className="fatal">{t('storage.error.open', { message: String(error) })}</p>;
  if (!value) return <p className="loading" aria-busy="true">{t('common.loading')}</p>;

  return (
    <WorkspaceContext.Provider value={value}>
      <div className="shell">
        <Sidebar />
        <main className="main" id="main">
          {route.screen === 'documents' && <DocumentsScreen />}
          {route.screen === 'document' && <DocumentScreen key={route.docId} docId={route.docId} view={route.view} />}
          {route.screen === 'stakeholders' && (capabilitiesOf(local?.role ?? OWN_WORKSPACE_ROLE).readRegistry ? <StakeholdersScreen /> : <DocumentsScreen />)}
          {route.screen === 'settings' && <SettingsScreen />}
          {route.screen === 'digest' && <DigestScreen />}
          {route.screen === 'experts' && (capabilitiesOf(local?.role ?? OWN_WORKSPACE_ROLE).readRegistry ? <ExpertsScreen /> : <DocumentsScreen />)}
          {route.screen === 'profile' && (capabilitiesOf(local?.role ?? OWN_WORKSPACE_ROLE).readRegistry ? <ProfileScreen key={route.stakeholderId} stakeholderId={route.stakeholderId} /> : <DocumentsScreen />)}
          {route.screen === 'due' && <DueScreen />}
          {route.screen === 'compare' && <CompareView key={route.docId} docId={route.docId} from={route.from} to={route.to} />}
        </main>
        <StatusBar />
      </div>
      <Dialogs />
      <WorkspaceSearch />
    </WorkspaceContext.Provider>
  );
}
