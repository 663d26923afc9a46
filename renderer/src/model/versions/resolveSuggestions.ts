// Accept all or reject all suggestion marks of a ProseMirror JSON body, pure (no editor state), with the block
// boundary convention of changesSince.ts: a suggestion-marked U+200B ending a block stands for that block's
// paragraph break. Accepting removes deleted text and deleted breaks (joining the block with the next) and keeps
// inserted text; rejecting does the opposite. When a block loses all its text that way, the join keeps the next
// block (the whole block was inserted or deleted); otherwise it keeps the first, as joining paragraphs does.
// A pending change of a paragraph's or heading's type (its `suggestion` attribute) is kept or undone too.
import type { PMNode } from '../bodyJson';
import type { PMMark } from './compare';
import { BLOCK_SUGGESTION_ATTR, readBlockSuggestion } from '../../schema/blockTypeSuggestion';

const LEAF = new Set(['paragraph', 'heading']);
const ZWSP = '\u200B';

interface Resolved {
  node: PMNode;
  joinNext: boolean;
  emptied: boolean;
}

function resolveLeaf(node: PMNode, drop: string, keep: string): Resolved {
  const content = node.content ?? [];
  let joinNext = false;
  const out: PMNode[] = [];
  content.forEach((child, i) => {
    const marks = child.marks ?? [];
    const dropped = marks.some((m) => m.type === drop);
    const kept = marks.some((m) => m.type === keep);
    let text = child.text;
    if (i === content.length - 1 && child.type === 'text' && text?.endsWith(ZWSP) && (dropped || kept)) {
      text = text.slice(0, -1);
      if (dropped) joinNext = true;
    }
    if (dropped) return;
    const rest = marks.filter((m) => m.type !== keep);
    if (child.type === 'text') {
      if (kept) text = text?.replaceAll(ZWSP, '');
      if (!text) return;
      out.push({ ...child, text, ...(rest.length ? { marks: rest } : { marks: undefined }) });
    } else out.push({ ...child, ...(rest.length ? { marks: rest } : { marks: undefined }) });
  });
  const { content: _c, ...attrs } = resolveBlockType(node, drop === 'deletion');
  const merged = normalizeInline(out);
  return { node: merged.length ? { ...attrs, content: merged } : attrs, joinNext, emptied: content.length > 0 && merged.length === 0 };
}

/** A pending block-type suggestion (schema/blockTypeSuggestion.ts): accepted keeps the type, rejected restores the old one. */
function resolveBlockType(node: PMNode, accept: boolean): PMNode {
  const pending = readBlockSuggestion(node.attrs?.[BLOCK_SUGGESTION_ATTR]);
  if (!pending) return node;
  const { [BLOCK_SUGGESTION_ATTR]: _s, ...rest } = node.attrs ?? {};
  if (accept) return { ...node, attrs: rest };
  return { ...node, type: pending.fromType, attrs: { ...pending.fromAttrs, ...(rest.bid !== undefined ? { bid: rest.bid } : {}) } };
}

/** Adjacent text nodes with the same marks merged; `marks` left out when empty. */
export function normalizeInline(nodes: PMNode[]): PMNode[] {
  const out: PMNode[] = [];
  for (const n of nodes) {
    const clean: PMNode = { ...n };
    if (!clean.marks?.length) delete clean.marks;
    const last = out[out.length - 1];
    if (last && last.type === 'text' && clean.type === 'text' && JSON.stringify(last.marks ?? []) === JSON.stringify(clean.marks ?? [])) last.text = (last.text ?? '') + (clean.text ?? '');
    else out.push(clean);
  }
  return out;
}

function resolveContainer(node: PMNode, drop: string, keep: string): PMNode | null {
  if (LEAF.has(node.type)) return resolveLeaf(node, drop, keep).node;
  if (!node.content) return node;
  const items: Array<Resolved | { node: PMNode; leaf: false }> = [];
  for (const child of node.content) {
    if (LEAF.has(child.type)) items.push(resolveLeaf(child, drop, keep));
    else {
      const r = resolveContainer(child, drop, keep);
      if (r) items.push({ node: r, leaf: false });
    }
  }
  const out: PMNode[] = [];
  for (let i = 0; i < items.length; i++) {
    let cur = items[i];
    let dropped = false;
    while ('joinNext' in cur && cur.joinNext) {
      const next = items[i + 1];
      if (!next || !('joinNext' in next)) {
        // nothing to join with in this container: a block that lost all its text goes, another stays
        dropped = cur.emptied;
        break;
      }
      i++;
      if (cur.emptied) cur = next;
      else {
        const content = normalizeInline([...(cur.node.content ?? []), ...(next.node.content ?? [])]);
        const { content: _c, ...attrs } = cur.node;
        cur = { node: content.length ? { ...attrs, content } : attrs, joinNext: next.joinNext, emptied: false };
      }
    }
    if (!dropped) out.push(cur.node);
  }
  // a container left without blocks goes too (a rejected table row, list item, quote)
  if (!out.length && node.type !== 'doc') return null;
  return { ...node, content: out };
}

/** The body as if every suggestion were accepted ('accept') or rejected ('reject'). */
export function resolveSuggestions(body: PMNode, how: 'accept' | 'reject'): PMNode {
  const [drop, keep] = how === 'accept' ? ['deletion', 'insertion'] : ['insertion', 'deletion'];
  return resolveContainer(body, drop, keep) ?? { type: 'doc', content: [] };
}

/** A body in a canonical form for comparing: text nodes merged, empty marks left out, `bid` optionally dropped. */
export function canonicalBody(body: PMNode, opts: { dropBids?: boolean } = {}): PMNode {
  const walk = (n: PMNode): PMNode => {
    const out: PMNode = { type: n.type };
    if (n.attrs) {
      const attrs = { ...n.attrs };
      if (opts.dropBids) delete attrs.bid;
      if (Object.keys(attrs).length) out.attrs = attrs;
    }
    if (n.text !== undefined) out.text = n.text;
    if (n.marks?.length) out.marks = n.marks.map((m: PMMark) => ({ ...m }));
    if (n.content) {
      const kids = n.content.map(walk);
      out.content = LEAF.has(n.type) ? normalizeInline(kids) : kids;
      if (!out.content.length) delete out.content;
    }
    return out;
  };
  return walk(body);
}
