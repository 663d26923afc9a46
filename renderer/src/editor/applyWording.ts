// "Apply" of a commenter's proposed wording (issue 12): one transaction replacing the anchored range with the
// wording. In suggesting mode the editor's transform turns it into a tracked suggestion whose meta entry says
// source 'comment' and the thread; otherwise it is a direct edit.
import { SUGGESTION_SOURCE, type SuggestionSourceMeta } from './suggesting';
import type { Dispatcher } from './suggestionActions';

export function applyWording(view: Dispatcher, range: { from: number; to: number }, wording: string, threadId: string): { suggestionId: string | null; blockId: string | null } {
  let suggestionId: string | null = null;
  const { state } = view;
  const $from = state.doc.resolve(range.from);
  const blockId = ($from.parent.attrs.bid as string | undefined) ?? null;
  const source: SuggestionSourceMeta = { source: 'comment', threadId, onIds: (ids) => (suggestionId = ids[0] ?? null) };
  const tr = state.tr.insertText(wording, range.from, range.to).setMeta(SUGGESTION_SOURCE, source).scrollIntoView();
  view.dispatch(tr);
  return { suggestionId, blockId };
}
