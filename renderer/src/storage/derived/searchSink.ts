// Keeps the workspace search index current with an open document: each settled change of its catalog row is
// re-indexed at once in memory (the search store saves the index ten seconds after the last change, and when the document
// closes). A document opened and closed unchanged changes nothing.
import type { DerivedDocument } from '../../model/derive';
import type { CatalogRow } from '../../model/catalog';
import type { DerivedSink } from './documentPipeline';

export interface SearchSinkTarget {
  upsertRow(row: CatalogRow): Promise<void>;
  flush(workspaceId?: string): Promise<void>;
}

export function searchSink(target: SearchSinkTarget): DerivedSink {
  let workspaceId: string | null = null;
  return {
    accept(derived: DerivedDocument, changed: boolean) {
      if (!changed) return;
      workspaceId = derived.catalogRow.workspaceId;
      void target.upsertRow(derived.catalogRow).catch((e) => console.error('Search entry not indexed', e));
    },
    flush() {
      if (workspaceId) void target.flush(workspaceId).catch((e) => console.error('Search index not saved', e));
    },
  };
}
