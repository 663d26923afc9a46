// React bindings of the workspace search: the comment entries pipeline of an open document, the registry kept in
// the index while a workspace is shown, and queries against the index.
import { useEffect, useState } from 'react';
import type * as Y from 'yjs';
import { CommentEntriesPipeline } from '../storage/derived/commentEntriesPipeline';
import { writeCommentEntries } from '../storage/commentEntriesStore';
import { searchStore, textsForHits } from '../storage/searchStore';
import { listStakeholders, resolveStakeholder } from '../model/stakeholders';
import { wsStakeholders } from '../model/workspaceDoc';
import { whenIdle } from '../platform/idle';
import type { SearchFilters, SearchHit } from '../model/search/workspaceSearch';

/** Keeps the open document's comment entries (Dexie and search index) in step with its comments doc. */
export function useCommentEntriesPipeline(workspaceId: string, docId: string, comments: Y.Doc | null, ws: Y.Doc): void {
  useEffect(() => {
    if (!comments) return;
    const pipeline = new CommentEntriesPipeline({ workspaceId, docId, comments, ws }, writeCommentEntries);
    return () => pipeline.destroy();
  }, [workspaceId, docId, comments, ws]);
}

/** Indexes the registry (from the workspace doc) while the workspace is shown, and follows its changes. */
export function useRegistrySearchSync(workspaceId: string, ws: Y.Doc, readRegistry: boolean): void {
  useEffect(() => {
    const sync = () => void searchStore.syncStakeholders(workspaceId, readRegistry ? listStakeholders(ws) : []).catch((e) => console.error('Registry not indexed', e));
    // The first sync loads the search index: once the start is drawn (idle, at most 2 s), not during it.
    const cancelFirst = whenIdle(sync, 2_000);
    let timer: ReturnType<typeof setTimeout> | null = null;
    const onChange = () => {
      cancelFirst?.();
      if (timer) clearTimeout(timer);
      timer = setTimeout(sync, 300);
    };
    const registry = wsStakeholders(ws);
    registry.observeDeep(onChange);
    return () => {
      registry.unobserveDeep(onChange);
      cancelFirst?.();
      if (timer) clearTimeout(timer);
      timer = null;
    };
  }, [workspaceId, ws, readRegistry]);
}

export interface SearchState {
  ready: boolean;
  hits: SearchHit[];
  /** entry id -> the text its snippet is cut from (only the hits shown) */
  texts: Map<string, string>;
}

/** Runs the query against the workspace's index (again whenever the index changes). */
export function useSearchResults(workspaceId: string, ws: Y.Doc, query: string, filters: SearchFilters, limit = 50): SearchState {
  const [state, setState] = useState<SearchState>({ ready: false, hits: [], texts: new Map() });
  const [version, setVersion] = useState(0);
  useEffect(() => searchStore.subscribe((id) => id === workspaceId && setVersion((v) => v + 1)), [workspaceId]);
  useEffect(() => {
    let cancelled = false;
    void (async () => {
      const index = await searchStore.get(workspaceId);
      const hits = index.search(query, filters, {
        limit,
        resolveStakeholder: (id) => {
          const s = resolveStakeholder(ws, id);
          return s ? { group: s.group, region: s.region } : null;
        },
      });
      if (cancelled) return;
      setState((s) => ({ ready: true, hits, texts: s.texts }));
      const texts = await textsForHits(workspaceId, hits);
      if (!cancelled) setState({ ready: true, hits, texts });
    })().catch((e) => console.error('Search failed', e));
    return () => {
      cancelled = true;
    };
  }, [workspaceId, ws, query, filters, limit, version]);
  return state;
}
