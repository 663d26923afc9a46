// Hooks that bind the comments model to React: the actor (who writes), the threads of a document's comments
// Y.Doc (read incrementally). The body index comes from the derived-data pipeline (state/useDerived.ts).
import { useCallback, useEffect, useMemo, useState, useSyncExternalStore } from 'react';
import type * as Y from 'yjs';
import { useWorkspace } from '../../state/workspaceContext';
import { useIdentity } from '../../state/identityStore';
import { syncUserFor } from '../../sync/useWorkspaceSync';
import { readClaimsUnverified } from '../../../../common/tokenClaims';
import { OWN_WORKSPACE_ROLE } from '../../../../common/roles';
import { commentsRoot } from '../../model/comments/commentsDoc';
import { createThreadReader, type ThreadReader } from '../../model/comments/threadReader';
import type { Actor, Thread } from '../../model/comments/threadTypes';
import { wsStakeholders } from '../../model/workspaceDoc';

/** Who writes comments here: the token's user (checked by the server against authorId) or the local identity. */
export function useActor(): Actor {
  const { local } = useWorkspace();
  const identity = useIdentity();
  const user = local ? syncUserFor(local, identity) : identity;
  const role = local?.role ?? OWN_WORKSPACE_ROLE;
  // The stakeholder an invite was issued to: a commenter's comments are attributed to it (the server checks).
  const stakeholderId = (local?.token ? readClaimsUnverified(local.token) : null)?.stakeholder;
  return useMemo(
    () => ({ id: user.id, name: user.name, role, ...(stakeholderId ? { stakeholderId } : {}) }),
    [user.id, user.name, role, stakeholderId],
  );
}

/** What useThreads gives until the comments doc has been read (a doc without threads reads as another []). */
export const NO_THREADS: Thread[] = [];

/** All threads, numbered, re-read only where a change touched them (and fully when the registry changes). */
export function useThreads(comments: Y.Doc | null, ws: Y.Doc): Thread[] {
  const [reader, setReader] = useState<ThreadReader | null>(null);
  useEffect(() => {
    if (!comments) return;
    const r = createThreadReader(comments, { ws });
    setReader(r);
    return () => {
      r.destroy();
      setReader(null);
    };
  }, [comments, ws]);
  const subscribe = useCallback(
    (onChange: () => void) => {
      if (!comments) return () => {};
      const root = commentsRoot(comments);
      const registry = wsStakeholders(ws);
      root.observeDeep(onChange);
      registry.observeDeep(onChange);
      return () => {
        root.unobserveDeep(onChange);
        registry.unobserveDeep(onChange);
      };
    },
    [comments, ws],
  );
  return useSyncExternalStore(subscribe, () => reader?.read() ?? NO_THREADS);
}
