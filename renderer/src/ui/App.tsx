import { Fragment, useEffect } from 'react';
import { useUi } from '../state/uiStore';
import { routeWorkspaceId } from '../state/route';
import { rebuildIfOutdated } from '../storage/catalogIndexer';
import { WorkspacesScreen } from './workspaces/WorkspacesScreen';
import { WorkspaceShell } from './WorkspaceShell';
import { Toasts } from './Toasts';
import { useMenuCommands } from './useMenuCommands';
import { useLocale } from '../state/languageActions';

export function App() {
  const route = useUi((s) => s.route);
  const workspaceId = routeWorkspaceId(route);
  // A new interface language re-renders every screen at once (keyed: memoised parts too), without a reload.
  const locale = useLocale();
  useMenuCommands();
  useEffect(() => {
    rebuildIfOutdated().catch((e) => console.error('catalog rebuild failed', e));
  }, []);
  return (
    <Fragment key={locale}>
      {workspaceId ? <WorkspaceShell key={workspaceId} workspaceId={workspaceId} /> : <WorkspacesScreen />}
      <Toasts />
    </Fragment>
  );
}
