import { Mark } from '@tiptap/core';
import { deletion, insertion, modification } from '@handlewithcare/prosemirror-suggest-changes';

// Suggestions (issue 12): tracked changes in the body, as the marks of @handlewithcare/prosemirror-suggest-changes
// (MIT). The mark names and their `id` attribute are that library's contract: its transaction transform and its
// accept/reject commands find the marks by these names. Ids are strings minted per replica (see
// model/suggestions/suggestionMeta.ts), so two offline replicas never mint the same id. Who made a suggestion and
// when lives beside the text, in the document doc's `suggestions` map keyed by id, not in the mark: the library
// creates marks with the id only.
//
// Deleted text stays in the document under a `deletion` mark until accepted; readers that want the text "as if
// accepted" or "as if rejected" use model/suggestions helpers, never the raw text.

const fromSpec = (name: string, spec: typeof insertion) =>
  Mark.create({
    name,
    inclusive: spec.inclusive,
    excludes: spec.excludes,
    addAttributes() {
      const attrs = (spec.attrs ?? {}) as Record<string, { default?: unknown }>;
      return Object.fromEntries(
        Object.entries(attrs).map(([k, a]) => [k, { default: 'default' in a ? a.default : null, rendered: false }]),
      );
    },
    parseHTML() {
      return (spec.parseDOM ?? []).map((rule) => ({ ...rule }));
    },
    renderHTML({ mark }) {
      return spec.toDOM!(mark as never, true) as never;
    },
  });

export const Insertion = fromSpec('insertion', insertion);
export const Deletion = fromSpec('deletion', deletion);
export const Modification = fromSpec('modification', modification);
export const SUGGESTION_MARKS = ['insertion', 'deletion', 'modification'] as const;
