import { Node, mergeAttributes } from '@tiptap/core';

// Where a consolidated reply's generated Contributors list goes (issue 11). The block holds no text: the list is
// computed from the reply's citations and the query's contributions wherever it is shown (the sources panel) or
// exported (a table), so it is always current and never conflicts between replicas.

export const ContributorsList = Node.create({
  name: 'contributorsList',
  group: 'block',
  atom: true,
  selectable: true,
  draggable: false,
  parseHTML() {
    return [{ tag: 'div[data-contributors-list]' }];
  },
  renderHTML({ HTMLAttributes }) {
    // No text of its own: the editor's stylesheet shows a translated note (--contributors-note, set by the UI).
    return ['div', mergeAttributes(HTMLAttributes, { 'data-contributors-list': '', class: 'contributors-list', contenteditable: 'false' })];
  },
});
