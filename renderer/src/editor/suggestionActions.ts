// Reading, accepting and rejecting suggestions (issue 12). The text operations are the library's commands
// (@handlewithcare/prosemirror-suggest-changes: applySuggestion / revertSuggestion / applySuggestions /
// revertSuggestions); this file lists the suggestions of a document with their meta entries, runs several of those
// commands as ONE transaction (one undo step, one Yjs update), and removes the meta entries of what it settled.
import type { Node as PMNode } from '@tiptap/pm/model';
import type { EditorState, Transaction } from '@tiptap/pm/state';
import type * as Y from 'yjs';
import { applySuggestion, applySuggestions, revertSuggestion, revertSuggestions, suggestChangesKey } from '@handlewithcare/prosemirror-suggest-changes';
import { suggestionsMap, type SuggestionMeta } from '../model/suggestions/suggestionMeta';
import { SUGGESTION_META_ORIGIN } from './suggesting';
import { pendingBlockTypes, settleBlockTypes } from './blockTypeSuggestions';

export type SuggestionKind = 'insertion' | 'deletion' | 'modification' | 'blockType';

/** A block's type as the panel names it: `paragraph`, or `heading` with its level. */
export interface BlockTypeName {
  type: string;
  level?: number;
}

export interface ListedSuggestion {
  id: string;
  kinds: SuggestionKind[];
  /** text under insertion marks of this id (block insertions count as a new paragraph: "¶") */
  inserted: string;
  /** text under deletion marks of this id */
  deleted: string;
  /** what a modification changes, e.g. "paragraph → heading", "bold" */
  modified: string[];
  /** a pending change of a paragraph's or heading's type (schema/blockTypeSuggestion.ts) */
  blockType?: { from: BlockTypeName; to: BlockTypeName };
  from: number;
  to: number;
  /** 1-based ordinal of the top-level block where it starts (the "¶ N" the panel shows) */
  block: number;
  meta: SuggestionMeta | null;
}

const KINDS: readonly SuggestionKind[] = ['insertion', 'deletion', 'modification'];

/** The suggestions of a document, in reading order, joined with their meta entries (null when none synced yet). */
export function listSuggestions(doc: PMNode, metas: ReadonlyMap<string, SuggestionMeta> | null): ListedSuggestion[] {
  const byId = new Map<string, ListedSuggestion>();
  let block = 0;
  doc.forEach((top, offset) => {
    block++;
    const visit = (node: PMNode, pos: number) => {
      for (const mark of node.marks) {
        const kind = mark.type.name as SuggestionKind;
        if (!KINDS.includes(kind)) continue;
        const id = String(mark.attrs.id);
        let s = byId.get(id);
        if (!s) {
          s = { id, kinds: [], inserted: '', deleted: '', modified: [], from: pos, to: pos + node.nodeSize, block, meta: metas?.get(id) ?? null };
          byId.set(id, s);
        }
        if (!s.kinds.includes(kind)) s.kinds.push(kind);
        s.from = Math.min(s.from, pos);
        s.to = Math.max(s.to, pos + node.nodeSize);
        const text = node.isText ? (node.text ?? '').replace(/\u200B/g, '') : node.isBlock ? '¶' : '';
        if (kind === 'insertion') s.inserted += text;
        else if (kind === 'deletion') s.deleted += text;
        else {
          const a = mark.attrs as { type?: string; attrName?: string | null; previousValue?: unknown; newValue?: unknown };
          const what = a.type === 'nodeType' ? `${String(a.previousValue)} → ${node.type.name}` : a.type === 'attr' ? `${a.attrName ?? ''}` : markName(a.newValue ?? a.previousValue);
          if (!s.modified.includes(what)) s.modified.push(what);
        }
      }
    };
    visit(top, offset);
    top.descendants((node, pos) => visit(node, offset + 1 + pos));
  });
  for (const p of pendingBlockTypes(doc)) {
    const end = p.pos + p.node.nodeSize;
    let s = byId.get(p.id);
    if (!s) {
      s = { id: p.id, kinds: [], inserted: '', deleted: '', modified: [], from: p.pos, to: end, block: doc.resolve(p.pos).index(0) + 1, meta: metas?.get(p.id) ?? null };
      byId.set(p.id, s);
    }
    if (!s.kinds.includes('blockType')) s.kinds.push('blockType');
    s.from = Math.min(s.from, p.pos);
    s.to = Math.max(s.to, end);
    s.blockType ??= { from: typeName(p.fromType, p.fromAttrs), to: typeName(p.node.type.name, p.node.attrs) };
  }
  return [...byId.values()].sort((a, b) => a.from - b.from);
}

function typeName(type: string, attrs: Record<string, unknown>): BlockTypeName {
  return type === 'heading' && typeof attrs.level === 'number' ? { type, level: attrs.level } : { type };
}

function markName(v: unknown): string {
  if (v && typeof v === 'object' && 'type' in v) return String((v as { type: unknown }).type);
  return '';
}

/** The meta entries of a document doc, as a Map. */
export function readSuggestionMetas(ydoc: Y.Doc): Map<string, SuggestionMeta> {
  return new Map(suggestionsMap(ydoc).entries());
}

export interface Dispatcher {
  state: EditorState;
  dispatch: (tr: Transaction) => void;
}

/**
 * Runs the library's one-suggestion command for each id in turn, on the state each leaves, and dispatches all their
 * steps as one transaction. Returns the ids that changed the text.
 */
function settle(view: Dispatcher, ids: readonly string[], accept: boolean): string[] {
  const start = view.state;
  const combined = start.tr;
  let state = start;
  const done: string[] = [];
  const spans = new Map(listSuggestions(start.doc, null).map((s) => [s.id, s]));
  const blockTypeIds = new Set(pendingBlockTypes(start.doc).map((p) => p.id));
  for (const id of ids) {
    if (blockTypeIds.has(id)) {
      const tr = state.tr;
      settleBlockTypes(tr, new Set([id]), accept);
      for (const step of tr.steps) combined.step(step);
      state = state.apply(tr);
      if (!done.includes(id)) done.push(id);
      if (!listSuggestions(state.doc, null).some((s) => s.id === id)) continue;
    }
    if (!spans.has(id)) continue;
    // Bound each command to the suggestion's own extent (mapped through what ran before): the library's
    // single-suggestion commands otherwise settle modifications of every id in the document.
    const span = spans.get(id)!;
    const from = combined.mapping.map(span.from, -1);
    const to = combined.mapping.map(span.to, 1);
    const libId = parseLibraryId(state.doc, id);
    const command = accept ? applySuggestion(libId, from, to) : revertSuggestion(libId, from, to);
    let produced: Transaction | null = null;
    command(state, (tr) => (produced = tr));
    if (!produced) continue;
    const tr = produced as Transaction;
    for (const step of tr.steps) combined.step(step);
    state = state.apply(tr);
    if (!done.includes(id)) done.push(id);
  }
  if (!combined.docChanged) return [];
  combined.setMeta(suggestChangesKey, { skip: true });
  view.dispatch(combined);
  return done;
}

/** Mark ids are strings here; a mark parsed from HTML may carry a number: find the id as the doc stores it. */
function parseLibraryId(doc: PMNode, id: string): string | number {
  let found: string | number = id;
  doc.descendants((node) => {
    if (found !== id) return false;
    for (const m of node.marks) if (KINDS.includes(m.type.name as SuggestionKind) && String(m.attrs.id) === id) found = m.attrs.id as string | number;
    return true;
  });
  return found;
}

function forget(ydoc: Y.Doc | null, ids: readonly string[]): void {
  if (!ydoc || ids.length === 0) return;
  const map = suggestionsMap(ydoc);
  ydoc.transact(() => {
    for (const id of ids) map.delete(id);
  }, SUGGESTION_META_ORIGIN);
}

/** Accepts the given suggestions (one transaction) and removes their meta entries. */
export function acceptSuggestions(view: Dispatcher, ydoc: Y.Doc | null, ids: readonly string[]): string[] {
  const done = settle(view, ids, true);
  forget(ydoc, done);
  return done;
}

/** Rejects the given suggestions (one transaction) and removes their meta entries. */
export function rejectSuggestions(view: Dispatcher, ydoc: Y.Doc | null, ids: readonly string[]): string[] {
  const done = settle(view, ids, false);
  forget(ydoc, done);
  return done;
}

/** The ids of one author's suggestions, in reading order. */
export function idsByAuthor(list: readonly ListedSuggestion[], authorId: string): string[] {
  return list.filter((s) => s.meta?.authorId === authorId).map((s) => s.id);
}

/** Accepts every suggestion of the document in one pass (the library's applySuggestions) and clears their metas. */
export function acceptAll(view: Dispatcher, ydoc: Y.Doc | null): string[] {
  return settleAll(view, ydoc, true);
}

/** Rejects every suggestion of the document in one pass and clears their metas. */
export function rejectAll(view: Dispatcher, ydoc: Y.Doc | null): string[] {
  return settleAll(view, ydoc, false);
}

/** The library's all-suggestions command and the block-type suggestions, as one transaction. */
function settleAll(view: Dispatcher, ydoc: Y.Doc | null, accept: boolean): string[] {
  const ids = listSuggestions(view.state.doc, null).map((s) => s.id);
  if (ids.length === 0) return [];
  let produced: Transaction | null = null;
  (accept ? applySuggestions : revertSuggestions)(view.state, (tr) => (produced = tr));
  const tr = (produced as Transaction | null) ?? view.state.tr.setMeta(suggestChangesKey, { skip: true });
  settleBlockTypes(tr, null, accept);
  if (tr.docChanged) view.dispatch(tr);
  forget(ydoc, ids);
  return ids;
}
