import { useEffect } from 'react';
import { useUi } from '../state/uiStore';
import { routeWorkspaceId } from '../state/route';
import { rebuildIfOutdated } from '../storage/catalogIndexer';
import { WorkspacesScreen } from './workspaces/WorkspacesScreen';
import { WorkspaceShell } from './WorkspaceShell';
import { Toasts } from './Toasts';
import { useMenuCommands } from './useMenuCommands';

export function App() {
  const route = useUi((s) => s.route);
  const workspaceId = routeWorkspaceId(route);
  useMenuCommands();
  useEffect(() => {
    rebuildIfOutdated().catch((e) => console.error('catalog rebuild failed', e));
  }, []);
  return (
    <>
      {workspaceId ? <WorkspaceShell key={workspaceId} workspaceId={workspaceId} /> : <WorkspacesScreen />}
      <Toasts />
    </>
  );
}
