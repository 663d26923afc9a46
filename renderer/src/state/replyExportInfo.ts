// What the DOCX export of a consolidated reply needs beyond its body: who each cited contribution is from (for
// the footnotes) and the generated contributors list. Read from the catalog and the workspace doc, never by
// opening the contributions.
import type * as Y from 'yjs';
import { catalogDb } from '../storage/catalogDb';
import { bodyToJSON } from '../model/bodyJson';
import { listDocumentMetas, type DocumentMeta } from '../model/workspaceDoc';
import { resolveStakeholder } from '../model/stakeholders';
import { citedSources } from '../model/network/citations';
import { contributorsList } from '../model/network/contributors';
import { doNotNameSet } from '../model/network/doNotName';
import type { ExportReplyInfo } from '../export/replyExport';

export async function replyExportInfo(workspaceId: string, ws: Y.Doc, meta: DocumentMeta, doc: Y.Doc): Promise<ExportReplyInfo> {
  const rows = await catalogDb.catalog.where('workspaceId').equals(workspaceId).toArray();
  const stakeholderByDoc = new Map(rows.map((r) => [r.docId, r.activity?.stakeholderId ?? '']));
  const metas = new Map(listDocumentMetas(ws).map((m) => [m.id, m]));
  const cited = citedSources(bodyToJSON(doc));
  const hidden = doNotNameSet(doc);
  const person = (id: string) => (id ? resolveStakeholder(ws, id) : null);
  const contributors = contributorsList({
    queryContributions: [...metas.values()].filter((m) => m.kind === 'contribution' && m.inReplyTo === meta.replyTo).map((m) => m.id),
    cited,
    stakeholderOf: (id) => stakeholderByDoc.get(id),
    person,
    doNotName: hidden,
  });
  const sources: ExportReplyInfo['sources'] = {};
  for (const id of cited) {
    const p = person(stakeholderByDoc.get(id) ?? '');
    const named = p && !hidden.has(p.id);
    sources[id] = { organisation: p?.organisation ?? '', name: named ? p.name : '', date: metas.get(id)?.date ?? '' };
  }
  return { sources, contributors };
}
