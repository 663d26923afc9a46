import { useEffect, useSyncExternalStore } from 'react';
import type { WebsocketProvider } from 'y-websocket';
import { catalogDb, type LocalWorkspace } from '../storage/catalogDb';
import { readClaimsUnverified } from '../../../common/tokenClaims';
import { colorFor, type Identity } from '../model/identity';
import { WorkspaceSync, type SyncSnapshot } from './workspaceSync';

// One WorkspaceSync per connected workspace, started while the workspace is open.

const active = new Map<string, WorkspaceSync>();
const changeListeners = new Set<() => void>();
const notify = () => changeListeners.forEach((l) => l());

/** Who we are on the server: the token's name and user id when joined by invite, else the local identity. */
export function syncUserFor(local: LocalWorkspace, identity: Identity) {
  const claims = local.token ? readClaimsUnverified(local.token) : null;
  return claims ? { id: claims.sub, name: claims.name, color: colorFor(claims.sub) } : identity;
}

export function useWorkspaceSync(local: LocalWorkspace | undefined, identity: Identity): void {
  const id = local?.id;
  const server = local?.serverUrl;
  const token = local?.token;
  useEffect(() => {
    if (!local || !server || !token) return;
    const sync = new WorkspaceSync(local.id, server, token, syncUserFor(local, identity), local.lastFullSyncAt ?? null, (at) => {
      void catalogDb.workspaces.update(local.id, { lastFullSyncAt: at });
    });
    active.set(local.id, sync);
    sync.start();
    notify();
    return () => {
      sync.stop();
      active.delete(local.id);
      notify();
    };
    // identity changes are pushed with setUser below; restart only when the connection changes
    // eslint-disable-next-line react-hooks/exhaustive-deps
  }, [id, server, token]);
  useEffect(() => {
    if (local && id) active.get(id)?.setUser(syncUserFor(local, identity));
  }, [id, local, identity]);
}

function useActive(workspaceId: string): WorkspaceSync | undefined {
  return useSyncExternalStore(
    (l) => {
      changeListeners.add(l);
      return () => changeListeners.delete(l);
    },
    () => active.get(workspaceId),
  );
}

export function useSyncSnapshot(workspaceId: string): SyncSnapshot | null {
  const sync = useActive(workspaceId);
  return useSyncExternalStore(
    (l) => (sync ? sync.subscribe(l) : () => {}),
    () => sync?.getSnapshot() ?? null,
  );
}

/** The provider of an open doc (for presence and carets), once the workspace is connected. */
export function useProvider(workspaceId: string, docName: string): WebsocketProvider | undefined {
  const sync = useActive(workspaceId);
  const snapshot = useSyncSnapshot(workspaceId);
  void snapshot; // re-read when providers come and go
  return sync?.providerFor(docName);
}
