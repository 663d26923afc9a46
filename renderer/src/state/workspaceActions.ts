import { catalogDb } from '../storage/catalogDb';
import { openDocs } from '../storage/openDocs';
import { initWorkspace } from '../model/workspaceDoc';
import { newId } from '../../../common/ids';
import { workspaceDocName } from '../../../common/rooms';

/** Creates a workspace locally: its Y.Doc (seeded once, here) and its row in the local catalog. */
export async function createWorkspace(input: { name: string; description: string }): Promise<string> {
  const name = input.name.trim();
  if (!name) throw new Error('workspace.error.nameRequired');
  const id = newId();
  await openDocs.withDoc(workspaceDocName(id), async (doc) => {
    initWorkspace(doc, { name, description: input.description });
  });
  await catalogDb.workspaces.put({ id, name, lastOpenedAt: Date.now() });
  return id;
}

export async function touchWorkspace(id: string, name?: string): Promise<void> {
  const existing = await catalogDb.workspaces.get(id);
  if (existing) await catalogDb.workspaces.update(id, { lastOpenedAt: Date.now(), ...(name ? { name } : {}) });
  else await catalogDb.workspaces.put({ id, name: name ?? '', lastOpenedAt: Date.now() });
}
