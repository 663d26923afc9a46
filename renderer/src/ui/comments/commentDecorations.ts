// Decorations the comments feature draws over the body: the anchored ranges of comments (inline highlights, the
// active thread stronger) and paragraph numbers (a node decoration carrying data-para, shown in the margin by CSS
// so no foreign node sits inside the editable text and the caret is never disturbed). The numbers of top-level
// blocks are a set of their own (editor/blockDecorations.ts), drawn by a second plugin: in one set with the
// highlights, ProseMirror scanned all of them for every block at every update.
//
// They are computed outside the editor from the body index (debounced, see EditorCommentSync) and handed in with
// a transaction meta; between two recomputes the set is only mapped through the document's changes, so typing
// in a long draft never walks the whole document.
import { Extension } from '@tiptap/core';
import { Plugin, PluginKey, type EditorState } from '@tiptap/pm/state';
import { Decoration, DecorationSet } from '@tiptap/pm/view';
import type { HighlightRange, ParagraphMark } from '../../model/comments/highlightPreview';
import { blockDecorationSet, topLevelStarts } from '../../editor/blockDecorations';

export type { HighlightRange };

export interface CommentDecorationInput {
  ranges: readonly HighlightRange[];
  activeId: string | null;
  paragraphs: readonly ParagraphMark[];
}

interface PluginState {
  /** highlights, and the numbers of nested blocks (lettered list items) */
  set: DecorationSet;
  /** the numbers of top-level blocks */
  blocks: DecorationSet;
}

export const commentDecorationsKey = new PluginKey<PluginState>('commentDecorations');
const paragraphNumbersKey = new PluginKey('paragraphNumbers');

function build(state: EditorState, input: CommentDecorationInput): PluginState {
  const size = state.doc.content.size;
  const decos: Decoration[] = [];
  const blocks: Decoration[] = [];
  const topLevel = topLevelStarts(state.doc);
  for (const p of input.paragraphs) {
    if (p.end + 1 <= size) (topLevel.has(p.start) ? blocks : decos).push(Decoration.node(p.start, p.end + 1, { 'data-para': p.label }, { para: p.label }));
  }
  for (const r of input.ranges) {
    if (r.to > size || r.from >= r.to) continue;
    const active = r.threadId === input.activeId;
    decos.push(
      Decoration.inline(r.from, r.to, { class: active ? 'comment-anchor is-active' : 'comment-anchor', 'data-thread': r.threadId }, { threadId: r.threadId, inclusiveStart: false, inclusiveEnd: false }),
    );
  }
  return { set: DecorationSet.create(state.doc, decos), blocks: blockDecorationSet(state.doc, blocks) };
}

/** Thread ids whose highlight covers `pos`, innermost (shortest) first. */
export function threadsAt(state: EditorState, pos: number): string[] {
  const plugin = commentDecorationsKey.getState(state);
  if (!plugin) return [];
  return plugin.set
    .find(pos, pos, (spec) => typeof spec.threadId === 'string')
    .sort((a, b) => a.to - a.from - (b.to - b.from))
    .map((d) => (d.spec as { threadId: string }).threadId);
}

export interface CommentDecorationsOptions {
  /** called when the user clicks into highlighted text; a ref-like holder so the editor never needs re-creating */
  onActivate: { current: ((threadIds: string[]) => void) | null };
}

export const CommentDecorations = Extension.create<CommentDecorationsOptions>({
  name: 'commentDecorations',
  addOptions() {
    return { onActivate: { current: null } };
  },
  addProseMirrorPlugins() {
    const options = this.options;
    return [
      new Plugin<PluginState>({
        key: commentDecorationsKey,
        state: {
          init: () => ({ set: DecorationSet.empty, blocks: DecorationSet.empty }),
          apply(tr, value, _old, state) {
            const input = tr.getMeta(commentDecorationsKey) as CommentDecorationInput | undefined;
            if (input) return build(state, input);
            return tr.docChanged ? { set: value.set.map(tr.mapping, tr.doc), blocks: value.blocks.map(tr.mapping, tr.doc) } : value;
          },
        },
        props: {
          decorations: (state) => commentDecorationsKey.getState(state)?.set,
          handleClick(view, pos) {
            const ids = threadsAt(view.state, pos);
            if (ids.length) options.onActivate.current?.(ids);
            return false;
          },
        },
      }),
      new Plugin({ key: paragraphNumbersKey, props: { decorations: (state) => commentDecorationsKey.getState(state)?.blocks } }),
    ];
  },
});
