import { CommentRangeEnd, CommentRangeStart, CommentReference, TextRun } from 'docx';
import type { PMNode } from '../../model/bodyJson';
import type { ExportThread } from '../exportInput';
import type { BlockPoint } from '../../model/comments/bodyIndex';
import type { Marker, RenderContext } from './context';
import { attribution } from './people';
import { initials } from './wordComments';
import { humanise } from '../exportLabels';
import { S } from './styles';

// Word comments on their ranges. A thread's BlockPoints become CommentRangeStart / CommentRangeEnd markers in
// the blocks they name (which may be different paragraphs), plus the CommentReference run after the end. Replies
// get their own comments on the same range (that is how Word stores them). A thread whose text was deleted
// (from === null) or whose block is no longer in the body is left to the annex.

/** Block ids in reading order (first occurrence wins) with the inline length of each block. */
export function collectBlocks(body: PMNode): Map<string, { index: number; length: number }> {
  const blocks = new Map<string, { index: number; length: number }>();
  const walk = (n: PMNode) => {
    if ((n.type === 'paragraph' || n.type === 'heading') && typeof n.attrs?.bid === 'string') {
      if (!blocks.has(n.attrs.bid)) {
        const length = (n.content ?? []).reduce((s, c) => s + (c.type === 'text' ? (c.text ?? '').length : 1), 0);
        blocks.set(n.attrs.bid, { index: blocks.size, length });
      }
      return;
    }
    n.content?.forEach(walk);
  };
  walk(body);
  return blocks;
}

function resolveRange(t: ExportThread, blocks: ReturnType<typeof collectBlocks>): { from: BlockPoint; to: BlockPoint } | null {
  if (!t.from) return null;
  const a = blocks.get(t.from.bid);
  if (!a) return null;
  const from = { bid: t.from.bid, offset: Math.min(Math.max(0, t.from.offset), a.length) };
  const b = t.to ? blocks.get(t.to.bid) : undefined;
  const ordered = t.to && b && (b.index > a.index || (b.index === a.index && t.to.offset >= from.offset));
  // An end that is missing or before the start: the comment covers the rest of its first block.
  const to = ordered && t.to ? { bid: t.to.bid, offset: Math.min(Math.max(0, t.to.offset), b.length) } : { bid: from.bid, offset: a.length };
  return { from, to };
}

/** Adds the Word comments of a document's threads and returns the markers to write into its blocks. */
export function commentMarkers(body: PMNode, threads: ExportThread[], ctx: RenderContext): Map<string, Marker[]> {
  const markers = new Map<string, Marker[]>();
  if (!ctx.opts.wordComments) return markers;
  const blocks = collectBlocks(body);
  const push = (p: BlockPoint, children: Marker['children']) => {
    const list = markers.get(p.bid) ?? [];
    list.push({ offset: p.offset, children });
    markers.set(p.bid, list);
  };
  const { labels, redactor } = ctx;
  for (const t of [...threads].sort((x, y) => x.number - y.number)) {
    const range = resolveRange(t, blocks);
    if (!range) continue;
    const author = attribution(t, ctx).display;
    const paragraphs = [
      ...(t.type !== 'general' ? [`[${labels.commentTypes[t.type] ?? humanise(t.type)}]`] : []),
      ...t.body.split('\n'),
      ...(t.proposedWording.trim() ? [`${labels.proposedWording}${labels.colon}${t.proposedWording}`] : []),
      ...(t.disposition && t.disposition !== 'open' ? [`${labels.disposition}${labels.colon}${(labels.dispositions[t.disposition] ?? humanise(t.disposition))}`] : []),
      ...(t.response.trim() ? [`${labels.response}${labels.colon}${t.response}`] : []),
    ].map((p) => redactor.redact(p));
    const parent = ctx.comments.add({ author, initials: initials(author), date: t.createdAt, paragraphs, done: t.resolved });
    const ids = [parent];
    for (const r of t.replies) {
      // Under Chatham House a reply's author is a label too: the group when the name is registered, else "Participant".
      const redacted = redactor.redact(r.author);
      const replyAuthor = !ctx.opts.chathamHouse ? r.author : redacted !== r.author ? redacted : labels.participant;
      ids.push(ctx.comments.add({ author: replyAuthor, initials: initials(replyAuthor), date: r.createdAt, paragraphs: redactor.redact(r.body).split('\n'), parentId: parent, done: t.resolved }));
    }
    push(range.from, ids.map((id) => new CommentRangeStart(id)));
    push(
      range.to,
      ids.flatMap((id) => [new CommentRangeEnd(id), new TextRun({ style: S.commentReference, children: [new CommentReference(id)] })]),
    );
  }
  return markers;
}
