import { createContext, useContext } from 'react';
import type * as Y from 'yjs';
import type { LocalWorkspace } from '../storage/catalogDb';

/** The open workspace: its id, its Y.Doc (loaded) and its local settings. */
export interface WorkspaceContextValue {
  id: string;
  doc: Y.Doc;
  local: LocalWorkspace | undefined;
  /** false for viewer and commenter roles: the UI never offers changes the server would refuse */
  canEdit: boolean;
  canComment: boolean;
}

export const WorkspaceContext = createContext<WorkspaceContextValue | null>(null);

export function useWorkspace(): WorkspaceContextValue {
  const value = useContext(WorkspaceContext);
  if (!value) throw new Error('useWorkspace outside a workspace');
  return value;
}
