import type { PMNode } from '../../model/bodyJson';
import { isAllowedLink } from '../../editor/safeUrl';
import type { Span } from '../chathamHouse';
import type { DocState, Marker, RenderContext } from './context';
import { rPr, runContent } from './runs';
import { S } from './styles';

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
}

function marksOf(node: PMNode, ctx: RenderContext): Marks {
  const m: Marks = { bold: false, italic: false, underline: false, strike: false, href: null };
  for (const mark of node.marks ?? []) {
    if (mark.type === 'bold') m.bold = true;
    else if (mark.type === 'italic') m.italic = true;
    else if (mark.type === 'underline') m.underline = true;
    else if (mark.type === 'strike') m.strike = true;
    else if (mark.type === 'link') {
      const href = typeof mark.attrs?.href === 'string' ? mark.attrs.href.trim() : '';
      // Only http, https and mailto become links; under Chatham House a link that spells a name stays plain text.
      if (isAllowedLink(href) && ctx.redactor.redact(href) === href) m.href = href;
    }
  }
  return m;
}

type Piece = { xml: string; href: string | null };

export interface InlineOptions {
  /** extra run properties for every run (header cells are bold) */
  bold?: boolean;
}

export function renderInline(block: PMNode, ctx: RenderContext, doc: DocState, o: InlineOptions = {}): string {
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
  const pieces: Piece[] = [];
  const flushMarkers = (upTo: number) => {
    while (next < pending.length && pending[next].offset <= upTo) pieces.push({ xml: pending[next++].xml, href: null });
  };

  let pos = 0;
  let spanIdx = 0;
  for (const child of children) {
    if (child.type === 'text') {
      const text = child.text ?? '';
      const marks = marksOf(child, ctx);
      const props = rPr({ style: marks.href ? S.hyperlink : undefined, bold: marks.bold || o.bold, italic: marks.italic, underline: marks.underline, strike: marks.strike });
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
          if (span.start === at) pieces.push({ xml: `<w:r>${props}${runContent(span.replacement)}</w:r>`, href: marks.href });
        } else {
          pieces.push({ xml: `<w:r>${props}${runContent(text.slice(at - pos, stop - pos))}</w:r>`, href: marks.href });
        }
        at = stop;
      }
      pos = end;
    } else {
      flushMarkers(pos);
      if (child.type === 'hardBreak') pieces.push({ xml: '<w:r><w:br/></w:r>', href: null });
      else if (child.type === 'footnote') {
        const id = ctx.footnotes.add(ctx.redactor.redact(String(child.attrs?.text ?? '')));
        pieces.push({ xml: `<w:r><w:rPr><w:rStyle w:val="${S.footnoteReference}"/></w:rPr><w:footnoteReference w:id="${id}"/></w:r>`, href: null });
      }
      pos += 1;
    }
  }
  flushMarkers(Number.POSITIVE_INFINITY);

  // Consecutive pieces with the same link target form one w:hyperlink.
  let out = '';
  for (let i = 0; i < pieces.length; ) {
    const href = pieces[i].href;
    let j = i;
    let xml = '';
    while (j < pieces.length && pieces[j].href === href) xml += pieces[j++].xml;
    out += href ? `<w:hyperlink r:id="${ctx.rels.hyperlink(href)}" w:history="1">${xml}</w:hyperlink>` : xml;
    i = j;
  }
  return out;
}
