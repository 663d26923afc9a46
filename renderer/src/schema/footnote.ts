import { Node, mergeAttributes } from '@tiptap/core';

// A footnote is an inline atom carrying its note text. The export turns it into a real Word footnote;
// the editor shows its number (numbered in reading order by CSS counters) and the text as a tooltip.

declare module '@tiptap/core' {
  interface Commands<ReturnType> {
    footnote: { insertFootnote: (text: string) => ReturnType };
  }
}

export const Footnote = Node.create({
  name: 'footnote',
  group: 'inline',
  inline: true,
  atom: true,
  selectable: true,
  addAttributes() {
    return {
      text: {
        default: '',
        parseHTML: (el) => el.getAttribute('data-footnote') ?? el.getAttribute('title') ?? '',
        renderHTML: (attrs) => ({ 'data-footnote': attrs.text, title: attrs.text }),
      },
    };
  },
  parseHTML() {
    return [{ tag: 'sup[data-footnote]' }];
  },
  renderHTML({ HTMLAttributes }) {
    return ['sup', mergeAttributes(HTMLAttributes, { class: 'footnote', role: 'note' })];
  },
  renderText({ node }) {
    return node.attrs.text ? ` [${node.attrs.text}]` : '';
  },
  addCommands() {
    return {
      insertFootnote:
        (text) =>
        ({ commands }) =>
          commands.insertContent({ type: this.name, attrs: { text } }),
    };
  },
});
