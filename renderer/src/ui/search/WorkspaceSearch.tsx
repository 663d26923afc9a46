// The workspace search: Ctrl/Cmd+K from anywhere in a workspace (the editor included) opens the "Search workspace"
// dialog; the registry is kept in the index while the workspace shows.
import { useEffect } from 'react';
import { useWorkspace } from '../../state/workspaceContext';
import { useSearchUi } from '../../state/searchUi';
import { useRegistrySearchSync } from '../../state/useSearch';
import { capabilitiesOf, OWN_WORKSPACE_ROLE } from '../../../../common/roles';
import { SearchDialog } from './SearchDialog';

/** Ctrl+K, or Cmd+K on macOS (either is accepted everywhere: a keyboard is not always what the platform says). */
export const isSearchShortcut = (e: KeyboardEvent) => (e.ctrlKey || e.metaKey) && !e.altKey && !e.shiftKey && e.key.toLowerCase() === 'k';

export function WorkspaceSearch() {
  const { id, doc, local } = useWorkspace();
  const open = useSearchUi((s) => s.open);
  useRegistrySearchSync(id, doc, capabilitiesOf(local?.role ?? OWN_WORKSPACE_ROLE).readRegistry);

  useEffect(() => {
    // Capture phase: before the editor (or any field) sees the key.
    const onKey = (e: KeyboardEvent) => {
      if (!isSearchShortcut(e)) return;
      e.preventDefault();
      e.stopPropagation();
      useSearchUi.getState().setOpen(true);
    };
    window.addEventListener('keydown', onKey, true);
    return () => window.removeEventListener('keydown', onKey, true);
  }, []);

  return open ? <SearchDialog onClose={() => useSearchUi.getState().setOpen(false)} /> : null;
}
