import { Node, mergeAttributes } from '@tiptap/core';
import { citationLabel } from './citationLabel';

// A citation in a consolidated reply (issue 11): an inline atom carrying the cited contribution's doc id
// (`source`), the quoted passage (`quote`) and its own id (`cid`). One atom is one Yjs item, so a citation moves
// whole through concurrent and offline edits: it is never split, half-deleted or merged with typed text. The
// editor shows the quote; the DOCX export writes the quote and a footnote naming the source.

declare module '@tiptap/core' {
  interface Commands<ReturnType> {
    citation: { insertCitation: (attrs: { source: string; quote: string; cid: string }) => ReturnType };
  }
}


export const Citation = Node.create({
  name: 'citation',
  group: 'inline',
  inline: true,
  atom: true,
  selectable: true,
  addAttributes() {
    return {
      source: { default: '', parseHTML: (el) => el.getAttribute('data-source') ?? '', renderHTML: (a) => ({ 'data-source': a.source }) },
      quote: { default: '', parseHTML: (el) => el.getAttribute('data-quote') ?? '', renderHTML: (a) => ({ 'data-quote': a.quote, title: a.quote }) },
      cid: { default: '', parseHTML: (el) => el.getAttribute('data-cid') ?? '', renderHTML: (a) => ({ 'data-cid': a.cid }) },
    };
  },
  parseHTML() {
    return [{ tag: 'cite[data-source]' }];
  },
  renderHTML({ node, HTMLAttributes }) {
    return ['cite', mergeAttributes(HTMLAttributes, { class: 'citation' }), citationLabel(String(node.attrs.quote ?? ''))];
  },
  renderText({ node }) {
    return citationLabel(String(node.attrs.quote ?? ''));
  },
  addCommands() {
    return {
      insertCitation:
        (attrs) =>
        ({ commands }) =>
          commands.insertContent([{ type: this.name, attrs }, { type: 'text', text: ' ' }]),
    };
  },
});
