import { ExternalHyperlink, FootnoteReferenceRun, TextRun, UnderlineType, type ParagraphChild } from 'docx';
import type { PMNode } from '../../model/bodyJson';
import { isAllowedLink } from '../../schema/safeUrl';
import type { Span } from '../chathamHouse';
import type { DocState, Marker, RenderContext } from './context';
import { clean, textRuns, type RunProps } from './text';
import { blockIdBookmark, changeOf, trackedRuns, type Change } from './tracked';
import { S } from './styles';
import { citationNote } from '../replyExport';
import { citationLabel } from '../../schema/citationLabel';

// Inline content of one paragraph or heading: text with marks, links, footnotes, hard breaks, and the comment
// range markers that fall inside it. Offsets are the ones of BlockPoint: each text character (UTF-16 unit)
// and each inline atom counts 1. Under Chatham House, names are replaced across text nodes (a name half bold
// is still a name), and a marker inside a replaced name moves to its start.

const ATOM = '\uFFFC';

interface Marks {
  bold: boolean;
  italic: boolean;
  underline: boolean;
  strike: boolean;
  href: string | null;
  /** a pending suggestion: insertion or deletion (word/tracked.ts) */
  change: Change | null;
}

function marksOf(node: PMNode, ctx: RenderContext): Marks {
  const m: Marks = { bold: false, italic: false, underline: false, strike: false, href: null, change: changeOf(node) };
  for (const mark of node.marks ?? []) {
    if (mark.type === 'bold') m.bold = true;
    else if (mark.type === 'italic') m.italic = true;
    else if (mark.type === 'underline') m.underline = true;
    else if (mark.type === 'strike') m.strike = true;
    else if (mark.type === 'link') {
      const href = typeof mark.attrs?.href === 'string' ? clean(mark.attrs.href).trim() : '';
      // Only http, https and mailto become links; under Chatham House a link that spells a name stays plain text.
      if (isAllowedLink(href) && ctx.redactor.redact(href) === href) m.href = href;
    }
  }
  return m;
}

function runProps(marks: Marks, bold: boolean | undefined): RunProps {
  return {
    ...(marks.href ? { style: S.hyperlink } : {}),
    ...(marks.bold || bold ? { bold: true } : {}),
    ...(marks.italic ? { italics: true } : {}),
    ...(marks.strike ? { strike: true } : {}),
    ...(marks.underline ? { underline: { type: UnderlineType.SINGLE } } : {}),
  };
}

type Piece = { children: ParagraphChild[]; href: string | null };

export interface InlineOptions {
  /** extra run properties for every run (header cells are bold) */
  bold?: boolean;
}

export function renderInline(block: PMNode, ctx: RenderContext, doc: DocState, o: InlineOptions = {}): ParagraphChild[] {
  const children = block.content ?? [];
  const bid = typeof block.attrs?.bid === 'string' ? block.attrs.bid : null;
  const markers: Marker[] = (bid && doc.markers.get(bid)) || [];
  // Markers of a block id are written once, at its first occurrence.
  if (bid) doc.markers.delete(bid);

  let spans: Span[] = [];
  if (ctx.opts.chathamHouse) spans = ctx.redactor.spans(children.map((c) => (c.type === 'text' ? (c.text ?? '') : ATOM)).join(''));
  const snap = (offset: number) => {
    for (const s of spans) if (offset > s.start && offset < s.end) return s.start;
    return offset;
  };
  const pending = markers.map((m, i) => ({ ...m, offset: snap(Math.max(0, m.offset)), i })).sort((a, b) => a.offset - b.offset || a.i - b.i);
  let next = 0;
  const pieces: Piece[] = [{ children: blockIdBookmark(block, ctx), href: null }];
  const flushMarkers = (upTo: number) => {
    while (next < pending.length && pending[next].offset <= upTo) pieces.push({ children: pending[next++].children, href: null });
  };

  let pos = 0;
  let spanIdx = 0;
  for (const child of children) {
    if (child.type === 'text') {
      const text = child.text ?? '';
      const marks = marksOf(child, ctx);
      const props = runProps(marks, o.bold);
      const end = pos + text.length;
      let at = pos;
      while (at < end) {
        flushMarkers(at);
        while (spanIdx < spans.length && spans[spanIdx].end <= at) spanIdx++;
        const span = spans[spanIdx];
        let stop = end;
        if (next < pending.length && pending[next].offset > at) stop = Math.min(stop, pending[next].offset);
        if (span && span.start > at) stop = Math.min(stop, span.start);
        if (span && span.start <= at) {
          // Inside a name: its replacement is written once, where the name starts.
          stop = Math.min(end, span.end);
          if (span.start === at) pieces.push({ children: trackedRuns(span.replacement, props, marks.change, ctx, doc), href: marks.href });
        } else {
          pieces.push({ children: trackedRuns(text.slice(at - pos, stop - pos), props, marks.change, ctx, doc), href: marks.href });
        }
        at = stop;
      }
      pos = end;
    } else {
      flushMarkers(pos);
      if (child.type === 'hardBreak') pieces.push({ children: [new TextRun({ break: 1 })], href: null });
      else if (child.type === 'footnote') pieces.push({ children: [new FootnoteReferenceRun(ctx.footnotes.add(ctx.redactor.redact(String(child.attrs?.text ?? ''))))], href: null });
      else if (child.type === 'citation') {
        // A citation: its quoted passage, then a footnote naming the contribution it comes from.
        const note = citationNote(doc.reply?.sources[String(child.attrs?.source ?? '')], ctx.labels);
        pieces.push({ children: [...textRuns(ctx.redactor.redact(citationLabel(String(child.attrs?.quote ?? ''))), runProps(marksOf(child, ctx), o.bold)), new FootnoteReferenceRun(ctx.footnotes.add(ctx.redactor.redact(note)))], href: null });
      }
      pos += 1;
    }
  }
  flushMarkers(Number.POSITIVE_INFINITY);

  // Consecutive pieces with the same link target form one hyperlink.
  const out: ParagraphChild[] = [];
  for (let i = 0; i < pieces.length; ) {
    const href = pieces[i].href;
    const group: ParagraphChild[] = [];
    while (i < pieces.length && pieces[i].href === href) group.push(...pieces[i++].children);
    if (href) out.push(new ExternalHyperlink({ link: href, children: group }));
    else out.push(...group);
  }
  return out;
}
