import { Node, mergeAttributes } from '@tiptap/core';

// A footnote is an inline atom carrying its note text. The export turns it into a real Word footnote;
// the editor shows its number (editor/footnoteNumbers.ts: a decoration, as the export numbers notes) and opens
// its text in an editable popover (ui/editor/FootnotePopover.tsx).

/**
 * Inline atoms that become a footnote in the export, numbered together in reading order: a footnote, and a
 * citation (the export writes its source as a footnote, export/word/inline.ts).
 */
export const NOTE_NODE_TYPES = ['footnote', 'citation'];

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
