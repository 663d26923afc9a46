// Block-type changes as suggestions (issue 12). In suggesting mode a transaction that only changes the type or the
// attributes of paragraphs and headings (the toolbar's Paragraph / Heading 1-3, Ctrl+Alt+0-3) is not handed to the
// suggest-changes library, whose node marks the Yjs binding drops: it is rewritten here so each changed block has
// its new type plus a `suggestion` attribute (schema/blockTypeSuggestion.ts) remembering the old one, which syncs.
// Accept drops the attribute; reject restores the old type and attributes.
import { Mark, type Node as PMNode } from '@tiptap/pm/model';
import type { EditorState, Transaction } from '@tiptap/pm/state';
import { BLOCK_SUGGESTION_ATTR, BLOCK_SUGGESTION_TYPES, readBlockSuggestion, writeBlockSuggestion, type BlockTypeSuggestion } from '../schema/blockTypeSuggestion';
import { BLOCK_ID_ATTR } from '../schema/blockId';

const TYPES: readonly string[] = BLOCK_SUGGESTION_TYPES;

/** A block's attributes that make its "type" (level…), without its id and pending suggestion. */
function ownAttrs(node: PMNode): Record<string, unknown> {
  const out: Record<string, unknown> = {};
  for (const [k, v] of Object.entries(node.attrs)) if (k !== BLOCK_ID_ATTR && k !== BLOCK_SUGGESTION_ATTR) out[k] = v;
  return out;
}

const sameAttrs = (a: Record<string, unknown>, b: Record<string, unknown>) => JSON.stringify(a, Object.keys(a).sort()) === JSON.stringify(b, Object.keys(b).sort());

interface Changed {
  pos: number;
  before: PMNode;
  after: PMNode;
}

/**
 * The paragraphs and headings whose type or type attributes a change from `before` to `after` alters, when that is
 * ALL it alters (same structure, same content and ids everywhere); null otherwise.
 */
export function blockTypeChanges(before: PMNode, after: PMNode): Changed[] | null {
  const out: Changed[] = [];
  const walk = (a: PMNode, b: PMNode, pos: number): boolean => {
    if (a.childCount !== b.childCount) return false;
    let ok = true;
    a.forEach((ca, offset, i) => {
      if (!ok) return;
      const cb = b.child(i);
      const at = pos + offset;
      if (ca === cb) return;
      if (ca.isTextblock && cb.isTextblock) {
        // The block-id plugin or setBlockType may leave the id aside: only the content and the type count.
        if (!ca.content.eq(cb.content) || !Mark.sameSet(ca.marks, cb.marks)) ok = false;
        else if (ca.type !== cb.type || !sameAttrs(ownAttrs(ca), ownAttrs(cb))) {
          if (!TYPES.includes(ca.type.name) || !TYPES.includes(cb.type.name)) ok = false;
          else out.push({ pos: at, before: ca, after: cb });
        }
        return;
      }
      if (!ca.sameMarkup(cb)) {
        ok = false;
        return;
      }
      if (!ca.isLeaf) ok = walk(ca, cb, at + 1);
    });
    return ok;
  };
  if (!walk(before, after, 0) || out.length === 0) return null;
  return out;
}

/**
 * In suggesting mode: if `tr` only changes block types, the transaction that records them as suggestions instead
 * (minting ids with `mint`), with the ids it minted; null when `tr` is something else.
 */
export function suggestBlockTypeChange(state: EditorState, tr: Transaction, mint: () => string): { tr: Transaction; ids: string[] } | null {
  const changes = blockTypeChanges(state.doc, tr.doc);
  if (!changes) return null;
  const out = state.tr;
  const ids: string[] = [];
  for (const { pos, before, after } of changes) {
    const pending = readBlockSuggestion(before.attrs[BLOCK_SUGGESTION_ATTR]);
    const from = pending ?? { fromType: before.type.name, fromAttrs: ownAttrs(before) };
    const back = from.fromType === after.type.name && sameAttrs(from.fromAttrs, ownAttrs(after));
    let value: string | null = null;
    if (!back) {
      const id = pending?.id ?? mint();
      if (!pending) ids.push(id);
      value = writeBlockSuggestion({ id, fromType: from.fromType, fromAttrs: from.fromAttrs });
    }
    out.setNodeMarkup(pos, after.type, { ...ownAttrs(after), [BLOCK_ID_ATTR]: before.attrs[BLOCK_ID_ATTR], [BLOCK_SUGGESTION_ATTR]: value }, before.marks);
  }
  return { tr: out, ids };
}

export interface PendingBlockType extends BlockTypeSuggestion {
  pos: number;
  node: PMNode;
}

/** Every pending block-type suggestion of a document, in reading order. */
export function pendingBlockTypes(doc: PMNode): PendingBlockType[] {
  const out: PendingBlockType[] = [];
  doc.descendants((node, pos) => {
    if (!node.isTextblock) return true;
    const s = readBlockSuggestion(node.attrs[BLOCK_SUGGESTION_ATTR]);
    if (s) out.push({ ...s, pos, node });
    return false;
  });
  return out;
}

/** Accepts (keeps the new type) or rejects (restores the old one) the block-type suggestions with the given ids, on `tr`. */
export function settleBlockTypes(tr: Transaction, ids: ReadonlySet<string> | null, accept: boolean): string[] {
  const done: string[] = [];
  for (const p of pendingBlockTypes(tr.doc)) {
    if (ids && !ids.has(p.id)) continue;
    if (accept) tr.setNodeAttribute(p.pos, BLOCK_SUGGESTION_ATTR, null);
    else {
      const type = tr.doc.type.schema.nodes[p.fromType];
      if (!type) tr.setNodeAttribute(p.pos, BLOCK_SUGGESTION_ATTR, null);
      else tr.setNodeMarkup(p.pos, type, { ...p.fromAttrs, [BLOCK_ID_ATTR]: p.node.attrs[BLOCK_ID_ATTR], [BLOCK_SUGGESTION_ATTR]: null }, p.node.marks);
    }
    if (!done.includes(p.id)) done.push(p.id);
  }
  return done;
}
