// "Changes since version": the new body with every difference from the old one as suggestion marks (issue 12).
// Contract in briefs/i12-shared.md; the compare work owns the real implementation. This is the Word helper's
// minimal stand-in with the same signature, so the tracked-changes export can be built and tested: blocks are
// matched by their persistent `bid`, the inline content of a matched block is diffed word by word (LCS), blocks
// only in the new body are insertions, blocks only in the old one come back under a deletion mark after the
// block that preceded them.
import type { JSONContent } from '@tiptap/core';
import type { SuggestionMeta } from '../suggestions/suggestionMeta';

type Node = JSONContent;
type Mark = NonNullable<Node['marks']>[number];

const TEXTBLOCK = new Set(['paragraph', 'heading']);
const SUGGESTION = new Set(['insertion', 'deletion', 'modification']);

interface Token {
  key: string;
  node: Node;
}

const marksKey = (marks: Node['marks']) => JSON.stringify((marks ?? []).filter((m) => !SUGGESTION.has(m.type)));

/** Inline content as tokens: words, runs of spaces and punctuation, each atom on its own. Existing suggestion
 * marks are dropped (the old version's pending suggestions are not changes since it). */
function tokens(content: Node[] | undefined): Token[] {
  const out: Token[] = [];
  for (const n of content ?? []) {
    if (n.marks?.some((m) => m.type === 'deletion')) continue;
    const marks = (n.marks ?? []).filter((m) => !SUGGESTION.has(m.type));
    if (n.type === 'text') {
      for (const part of (n.text ?? '').match(/[\p{L}\p{N}]+|\s+|[^\p{L}\p{N}\s]/gu) ?? [])
        out.push({ key: `t${marksKey(marks)}${part}`, node: { type: 'text', text: part, ...(marks.length ? { marks } : {}) } });
    } else {
      const node = { ...n, ...(marks.length ? { marks } : {}) };
      if (!marks.length) delete node.marks;
      out.push({ key: `a${JSON.stringify(node)}`, node });
    }
  }
  return out;
}

type Op = { op: 'eq' | 'del' | 'ins'; node: Node };

function diffTokens(a: Token[], b: Token[]): Op[] {
  // Common prefix and suffix first, LCS on what is left.
  let pre = 0;
  while (pre < a.length && pre < b.length && a[pre].key === b[pre].key) pre++;
  let suf = 0;
  while (suf < a.length - pre && suf < b.length - pre && a[a.length - 1 - suf].key === b[b.length - 1 - suf].key) suf++;
  const A = a.slice(pre, a.length - suf);
  const B = b.slice(pre, b.length - suf);
  const n = A.length;
  const m = B.length;
  const ops: Op[] = a.slice(0, pre).map((t) => ({ op: 'eq', node: t.node }));
  if (n * m > 4_000_000) {
    for (const t of A) ops.push({ op: 'del', node: t.node });
    for (const t of B) ops.push({ op: 'ins', node: t.node });
  } else {
    const L = new Uint32Array((n + 1) * (m + 1));
    for (let i = n - 1; i >= 0; i--)
      for (let j = m - 1; j >= 0; j--)
        L[i * (m + 1) + j] = A[i].key === B[j].key ? L[(i + 1) * (m + 1) + j + 1] + 1 : Math.max(L[(i + 1) * (m + 1) + j], L[i * (m + 1) + j + 1]);
    let i = 0;
    let j = 0;
    while (i < n || j < m) {
      if (i < n && j < m && A[i].key === B[j].key) {
        ops.push({ op: 'eq', node: B[j].node });
        i++;
        j++;
      } else if (j < m && (i === n || L[i * (m + 1) + j + 1] >= L[(i + 1) * (m + 1) + j])) ops.push({ op: 'ins', node: B[j++].node });
      else ops.push({ op: 'del', node: A[i++].node });
    }
  }
  for (const t of a.slice(a.length - suf)) ops.push({ op: 'eq', node: t.node });
  // A deletion before an insertion reads better in Word ("old" then "new"): reorder del/ins runs.
  const out: Op[] = [];
  for (let k = 0; k < ops.length; ) {
    if (ops[k].op === 'eq') {
      out.push(ops[k++]);
      continue;
    }
    const dels: Op[] = [];
    const inss: Op[] = [];
    while (k < ops.length && ops[k].op !== 'eq') (ops[k].op === 'del' ? dels : inss).push(ops[k++]);
    out.push(...dels, ...inss);
  }
  return out;
}

const withMark = (node: Node, mark: Mark): Node => ({ ...node, marks: [...(node.marks ?? []), mark] });

/** Merges neighbouring text nodes with the same marks. */
function merge(nodes: Node[]): Node[] {
  const out: Node[] = [];
  for (const n of nodes) {
    const last = out[out.length - 1];
    if (last && last.type === 'text' && n.type === 'text' && JSON.stringify(last.marks ?? []) === JSON.stringify(n.marks ?? []))
      out[out.length - 1] = { ...last, text: (last.text ?? '') + (n.text ?? '') };
    else out.push(n);
  }
  return out;
}

export function markChangesSince(
  oldBody: JSONContent,
  newBody: JSONContent,
  by: { authorId: string; authorName: string; at: number },
): { body: JSONContent; suggestions: SuggestionMeta[] } {
  const suggestions: SuggestionMeta[] = [];
  let counter = 0;
  const mint = (): string => {
    const id = `since-${(++counter).toString(36)}`;
    suggestions.push({ id, authorId: by.authorId, authorName: by.authorName, at: by.at, source: 'editor' });
    return id;
  };

  const oldBlocks = new Map<string, Node>();
  const oldOrder: Array<{ bid: string | null; node: Node }> = [];
  const collect = (n: Node) => {
    if (TEXTBLOCK.has(n.type ?? '')) {
      const bid = typeof n.attrs?.bid === 'string' ? n.attrs.bid : null;
      if (bid && !oldBlocks.has(bid)) oldBlocks.set(bid, n);
      oldOrder.push({ bid, node: n });
      return;
    }
    n.content?.forEach(collect);
  };
  collect(oldBody);
  const newBids = new Set<string>();
  const collectNew = (n: Node) => {
    if (TEXTBLOCK.has(n.type ?? '')) {
      if (typeof n.attrs?.bid === 'string') newBids.add(n.attrs.bid);
      return;
    }
    n.content?.forEach(collectNew);
  };
  collectNew(newBody);

  // Old blocks gone from the new body, keyed by the bid of the surviving block they followed ('' = the start).
  const removedAfter = new Map<string, Node[]>();
  let anchor = '';
  for (const { bid, node } of oldOrder) {
    if (bid && newBids.has(bid)) anchor = bid;
    else {
      const list = removedAfter.get(anchor) ?? [];
      list.push(node);
      removedAfter.set(anchor, list);
    }
  }

  const deletedBlock = (node: Node): Node => {
    const toks = tokens(node.content);
    if (!toks.length) return node;
    // One suggestion for the whole removed block.
    const id = mint();
    return { ...node, content: merge(toks.map((t) => withMark(t.node, { type: 'deletion', attrs: { id } }))) };
  };

  const diffInline = (oldNode: Node | undefined, node: Node): Node => {
    // Most blocks are unchanged: compare them whole before tokenising.
    if (oldNode && JSON.stringify(oldNode.content ?? []) === JSON.stringify(node.content ?? []) && !JSON.stringify(node.content ?? []).includes('"deletion"')) return node;
    const ops = diffTokens(tokens(oldNode?.content), tokens(node.content));
    const out: Node[] = [];
    let prev: Op['op'] = 'eq';
    let id = '';
    for (const o of ops) {
      if (o.op === 'eq') out.push(o.node);
      else {
        if (o.op !== prev) id = mint();
        out.push(withMark(o.node, { type: o.op === 'ins' ? 'insertion' : 'deletion', attrs: { id } }));
      }
      prev = o.op;
    }
    const content = merge(out);
    const copy: Node = { ...node };
    if (content.length) copy.content = content;
    else delete copy.content;
    return copy;
  };

  const walk = (n: Node): Node[] => {
    if (TEXTBLOCK.has(n.type ?? '')) {
      const bid = typeof n.attrs?.bid === 'string' ? n.attrs.bid : '';
      const out = [diffInline(bid ? oldBlocks.get(bid) : undefined, n)];
      for (const removed of (bid && removedAfter.get(bid)) || []) out.push(deletedBlock(removed));
      return out;
    }
    if (!n.content) return [n];
    const content: Node[] = [];
    for (const c of n.content) content.push(...walk(c));
    return [{ ...n, content }];
  };
  const [walked] = walk(newBody);
  const body: Node = { ...walked, content: [...(removedAfter.get('') ?? []).map(deletedBlock), ...(walked.content ?? [])] };
  return { body, suggestions };
}
