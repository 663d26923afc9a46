// Keeps the workspace search index current with an open document: each settled change of its catalog row is
// re-indexed at once in memory. The search store saves the index ten seconds after the last change; closing a
// document does not force a save (serialising a large index takes a moment), and a change not yet saved when
// the app stops is caught up from the catalog row the next time the index loads. A document opened and closed
// unchanged changes nothing.
import type { DerivedDocument } from '../../model/derive';
import type { CatalogRowWithText } from '../../model/catalog';
import type { DerivedSink } from './documentPipeline';

export interface SearchSinkTarget {
  upsertRow(row: CatalogRowWithText): Promise<void>;
}

export function searchSink(target: SearchSinkTarget): DerivedSink {
  return {
    accept(derived: DerivedDocument, changed: boolean) {
      if (!changed) return;
      void target.upsertRow(derived.catalogRow).catch((e) => console.error('Search entry not indexed', e));
    },
    flush() {},
  };
}
