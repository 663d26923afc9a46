// The comments feature inside the text view: the editor extension (highlights, paragraph numbers), the sync of
// those decorations with the threads, the Comment button and its shortcut (Ctrl+Alt+M), and the view toggles.
import { useEffect, useMemo, useRef } from 'react';
import type { Editor } from '@tiptap/core';
import type * as Y from 'yjs';
import type { BodyIndex } from '../../model/comments/bodyIndex';
import { isHighlighted, paragraphMarks, seedRanges, type ParagraphMark } from '../../model/comments/highlightPreview';
import { contentStamp, sameBytes } from '../../model/contentStamp';
import { t } from '../../i18n';
import { CommentDecorations, commentDecorationsKey, type CommentDecorationInput, type HighlightRange } from './commentDecorations';
import { useComments } from './CommentsContext';
import { useCommentsUi } from './commentsUiStore';
import { startComment } from './startComment';
import { whenIdle } from '../../platform/idle';

export const COMMENT_SHORTCUT = 'Ctrl+Alt+M';

/** The editor extension, made once per editor instance; clicks on highlighted text open their thread. */
export function useCommentExtension(key: unknown) {
  const onActivate = useRef<((ids: string[]) => void) | null>(null);
  onActivate.current = (ids) => {
    const { activeThreadId, activate } = useCommentsUi.getState();
    // Repeated clicks in overlapping highlights cycle through their threads.
    const i = activeThreadId ? ids.indexOf(activeThreadId) : -1;
    activate(ids[(i + 1) % ids.length], { scrollPanel: true });
    useCommentsUi.getState().setPanelOpen(true);
  };
  // eslint-disable-next-line react-hooks/exhaustive-deps
  return useMemo(() => CommentDecorations.configure({ onActivate }), [key]);
}

/** Keeps the editor's decorations in step with the threads and the body index; shows a thread's anchor on request. */
export function EditorCommentSync({ editor, visible }: { editor: Editor | null; visible: boolean }) {
  const { doc, threads, index, rowById, preview, previewShown } = useComments();
  const activeId = useCommentsUi((s) => s.activeThreadId);
  const revealId = useCommentsUi((s) => s.revealThreadId);
  const ranges = useRef<readonly HighlightRange[]>([]);
  const shownInput = useRef<{ doc: object; input: CommentDecorationInput } | null>(null);
  const applied = useRef<{ editor: Editor; index: BodyIndex | null; activeId: string | null; shown: Map<string, object> | object } | null>(null);

  useEffect(() => {
    if (!editor || editor.isDestroyed) return;
    // Highlights placed ahead (storage/highlightCache.ts) stand only on the very body they were placed on: with
    // them, the text shows its highlights before its index is derived.
    const placed = preview?.placed && sameBytes(preview.placed.body, contentStamp(doc)) ? preview.placed : null;
    // Placed on a body that has changed since (and not read otherwise): nothing to show ahead, the comments doc loads.
    if (preview && !placed && !preview.seeds) return previewShown();
    // The index follows the body after edits settle; while the two differ, the mapped decorations stand.
    if (!placed && (!index || index.size !== editor.state.doc.content.size)) return;
    // Highlighted threads and their anchors (anchor objects keep their identity across reads): when a change
    // touched neither (a reply, a disposition, a response being typed), the decorations stand as they are.
    // While the comments doc loads, the preview read ahead of it stands for them.
    const shown = new Map<string, object>();
    if (!preview) for (const th of threads) if (isHighlighted(th, activeId)) shown.set(th.id, th.anchor!);
    const key = placed ?? preview ?? shown;
    const last = applied.current;
    if (last && last.editor === editor && last.index === index && last.activeId === activeId && sameShown(last.shown, key)) return;
    applied.current = { editor, index, activeId, shown: key };
    let list: HighlightRange[] = [];
    let paragraphs: readonly ParagraphMark[] = [];
    if (placed) ({ ranges: list, paragraphs } = placed);
    else if (index) {
      // Where each anchor is now: resolved once, by the matrix rows (CommentsContext), against this same index.
      if (preview) list = seedRanges(index, preview.seeds ?? []);
      else
        for (const th of threads) {
          const row = shown.has(th.id) ? rowById.get(th.id) : undefined;
          if (row?.status === 'ok' && row.position !== null && row.end !== null) list.push({ threadId: th.id, from: row.position, to: row.end });
        }
      paragraphs = paragraphMarks(index);
    }
    ranges.current = list;
    const input: CommentDecorationInput = { ranges: list, activeId, paragraphs };
    const show = (i: CommentDecorationInput) => {
      // Redrawing the same decorations walks the whole document: when the comments doc comes in after its preview,
      // the highlights are most often those already shown.
      if (shownInput.current?.doc === editor.state.doc && sameInput(shownInput.current.input, i)) return;
      shownInput.current = { doc: editor.state.doc, input: i };
      editor.view.dispatch(editor.state.tr.setMeta(commentDecorationsKey, i).setMeta('addToHistory', false));
    };
    if (!preview) return show(input);
    // The highlights read ahead: those on screen first, the rest once the page is painted (drawing 2,000 of them
    // is a long task), then the comments doc loads. Typed-over positions are not shown: the index catches up.
    const body = editor.state.doc;
    const bottom = screenBottom(editor);
    show({ ranges: list.filter((r) => r.from <= bottom), activeId, paragraphs: paragraphs.filter((p) => p.start <= bottom) });
    return (
      whenIdle(() => {
        if (!editor.isDestroyed && editor.state.doc === body) show(input);
        previewShown();
      }, 300) ?? undefined
    );
  }, [editor, doc, index, threads, rowById, activeId, preview, previewShown]);

  useEffect(() => {
    if (!revealId || !visible || !editor || editor.isDestroyed || !index || index.size !== editor.state.doc.content.size) return;
    // The body index can be ready before the comments doc has loaded: keep the reveal until the thread is there.
    if (!threads.some((th) => th.id === revealId)) return;
    const range = ranges.current.find((r) => r.threadId === revealId);
    useCommentsUi.getState().reveal(null);
    useCommentsUi.getState().activate(revealId, { scrollPanel: true });
    // Coming from the matrix, focus was on a row that is now hidden: give it to the thread in the panel.
    const focused = document.activeElement as HTMLElement | null;
    if (!focused || focused === document.body || focused.offsetParent === null)
      requestAnimationFrame(() => focusWhenShown(`thread-${revealId}-open`));
    if (!range) return;
    if (editor.isEditable) editor.commands.setTextSelection({ from: range.from, to: range.to });
    // After the decoration update has rendered: centre the highlighted text.
    requestAnimationFrame(() => {
      const el = editor.view.dom.querySelector(`[data-thread="${CSS.escape(revealId)}"]`);
      el?.scrollIntoView({ block: 'center' });
    });
  }, [revealId, visible, editor, index, threads]);

  return null;
}

/** The last position shown at the bottom of the window (a document opens at its top); the end when unknown. */
function screenBottom(editor: Editor): number {
  const box = editor.view.dom.getBoundingClientRect();
  return editor.view.posAtCoords({ left: box.left + 1, top: Math.min(box.bottom, window.innerHeight) - 1 })?.pos ?? editor.state.doc.content.size;
}

/** Focuses the element `id` once it is rendered (the panel may draw the card a few frames later), for about a second at most. */
function focusWhenShown(id: string, frames = 60): void {
  const el = document.getElementById(id);
  if (el) el.focus({ preventScroll: true });
  else if (frames > 0) requestAnimationFrame(() => focusWhenShown(id, frames - 1));
}

function sameInput(a: CommentDecorationInput, b: CommentDecorationInput): boolean {
  if (a.activeId !== b.activeId || a.ranges.length !== b.ranges.length || a.paragraphs.length !== b.paragraphs.length) return false;
  if (a.paragraphs.some((p, i) => p.start !== b.paragraphs[i]!.start || p.end !== b.paragraphs[i]!.end || p.label !== b.paragraphs[i]!.label)) return false;
  const key = (r: HighlightRange) => `${r.threadId}:${r.from}:${r.to}`;
  const inA = new Set(a.ranges.map(key));
  return b.ranges.every((r) => inA.has(key(r)));
}

function sameShown(a: Map<string, object> | object, b: Map<string, object> | object): boolean {
  if (!(a instanceof Map) || !(b instanceof Map)) return a === b;
  if (a.size !== b.size) return false;
  for (const [k, v] of a) if (b.get(k) !== v) return false;
  return true;
}

/** Ctrl+Alt+M (Cmd+Alt+M on macOS) from the text or with nothing focused: comment on the selection. */
export function useCommentShortcut(editor: Editor | null, doc: Y.Doc, enabled: boolean) {
  useEffect(() => {
    if (!enabled) return;
    const onKey = (e: KeyboardEvent) => {
      if (!(e.ctrlKey || e.metaKey) || !e.altKey || e.code !== 'KeyM') return;
      const target = e.target as Node | null;
      const inEditor = !!editor && !!target && editor.view.dom.contains(target);
      if (!inEditor && target !== document.body) return;
      e.preventDefault();
      startComment(editor, doc);
    };
    window.addEventListener('keydown', onKey);
    return () => window.removeEventListener('keydown', onKey);
  }, [editor, doc, enabled]);
}

/** The Comment button; keeps the editor's selection (it never takes focus on mouse down). */
export function CommentButton({ editor, doc, className = 'tool' }: { editor: Editor | null; doc: Y.Doc; className?: string }) {
  return (
    <button
      type="button"
      className={`${className} comment-button`}
      aria-label={t('comments.comment')}
      aria-keyshortcuts="Control+Alt+M"
      title={`${t('comments.comment')} (${COMMENT_SHORTCUT})`}
      onMouseDown={(e) => e.preventDefault()}
      onClick={() => startComment(editor, doc)}
    >
      <svg viewBox="0 0 16 16" aria-hidden="true" focusable="false">
        <path d="M2.5 2.5h11a1 1 0 0 1 1 1v6.5a1 1 0 0 1-1 1H7l-3 2.5v-2.5H2.5a1 1 0 0 1-1-1V3.5a1 1 0 0 1 1-1z" fill="none" stroke="currentColor" strokeWidth="1.3" strokeLinejoin="round" />
      </svg>
      {t('comments.comment')}
    </button>
  );
}

/** Above the text: the comment button for those who cannot edit the body, and the view toggles. */
export function CommentsViewBar({ editor, doc, showCommentButton }: { editor: Editor | null; doc: Y.Doc; showCommentButton: boolean }) {
  const panelOpen = useCommentsUi((s) => s.panelOpen);
  const paraNumbers = useCommentsUi((s) => s.paraNumbers);
  const { threads } = useComments();
  const open = threads.filter((th) => !th.resolved).length;
  return (
    <div className="comments-viewbar" role="group" aria-label={t('comments.viewOptions')}>
      {showCommentButton && <CommentButton editor={editor} doc={doc} className="primary" />}
      <span className="spacer" />
      <button type="button" className="toggle" aria-pressed={paraNumbers} onClick={() => useCommentsUi.getState().setParaNumbers(!paraNumbers)}>
        {t('comments.paraNumbers')}
      </button>
      <button
        type="button"
        className="toggle"
        aria-pressed={panelOpen}
        title={t('comments.openCount', { n: open })}
        onClick={() => useCommentsUi.getState().setPanelOpen(!panelOpen)}
      >
        {t('comments.panelToggle')}{' '}
        <span className="count" aria-hidden="true">
          {open}
        </span>
      </button>
    </div>
  );
}
