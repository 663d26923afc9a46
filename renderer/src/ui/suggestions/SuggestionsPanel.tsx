// The pending suggestions of the document, beside its comments (issue 12): each with its author, time, place and
// text; Accept / Reject one at a time, all by one author, or all (editors only). Selecting one shows it in the text.
import { useMemo, type CSSProperties } from 'react';
import type { Editor } from '@tiptap/core';
import type * as Y from 'yjs';
import { acceptAll, acceptSuggestions, idsByAuthor, rejectAll, rejectSuggestions, type BlockTypeName, type ListedSuggestion } from '../../editor/suggestionActions';
import { colorFor } from '../../model/identity';
import { formatWhen } from '../comments/format';
import { t, tp } from '../../i18n';
import { useSuggestions } from './useSuggestions';
import { useComments } from '../comments/CommentsContext';
import { blockAt } from '../../model/comments/bodyIndex';

/** "Paragraph", "Heading 2": a block type as the toolbar names it. */
export function blockTypeLabel(b: BlockTypeName): string {
  if (b.type === 'heading') return t('suggest.type.heading', { level: String(b.level ?? '') });
  if (b.type === 'paragraph') return t('suggest.type.paragraph');
  return b.type;
}

function view(editor: Editor) {
  return { state: editor.state, dispatch: (tr: Parameters<Editor['view']['dispatch']>[0]) => editor.view.dispatch(tr) };
}

/** Selects a suggestion's text and brings it to the middle of the screen. */
export function showSuggestion(editor: Editor, s: ListedSuggestion): void {
  if (editor.isEditable) editor.commands.setTextSelection({ from: s.from, to: s.to });
  const marked = editor.view.dom.querySelector(`[data-suggestion="${CSS.escape(s.id)}"]`);
  const at = editor.view.domAtPos(s.from).node;
  const el = marked ?? (at instanceof Element ? at : at.parentElement);
  el?.scrollIntoView({ block: 'center' });
}

export function SuggestionsPanel({ editor, doc, canEdit }: { editor: Editor | null; doc: Y.Doc; canEdit: boolean }) {
  const list = useSuggestions(editor, doc);
  const { index } = useComments();
  const authors = useMemo(() => {
    const seen = new Map<string, string>();
    for (const s of list) if (s.meta && !seen.has(s.meta.authorId)) seen.set(s.meta.authorId, s.meta.authorName || t('suggest.unknownAuthor'));
    return [...seen];
  }, [list]);
  if (!editor || list.length === 0) return null;
  const act = (fn: () => void) => () => {
    fn();
    editor.commands.focus(undefined, { scrollIntoView: false });
  };
  return (
    <section className="suggestions-section" aria-labelledby="suggestions-heading">
      <h3 id="suggestions-heading" className="suggestions-title">
        {t('suggest.panel')} <span className="count" aria-label={tp('suggest.count', list.length)}>{list.length}</span>
      </h3>
      {canEdit && (
        <div className="suggestions-bulk">
          <button type="button" className="small-button" onClick={act(() => acceptAll(view(editor), doc))}>
            {t('suggest.acceptAll')}
          </button>
          <button type="button" className="small-button" onClick={act(() => rejectAll(view(editor), doc))}>
            {t('suggest.rejectAll')}
          </button>
          {authors.length > 0 && (
            <ul className="suggestions-authors" aria-label={t('suggest.byAuthor')}>
              {authors.map(([id, name]) => (
                <li key={id} style={{ '--author': colorFor(id) } as CSSProperties}>
                  <span className="author-dot" aria-hidden="true" />
                  <span className="author-name">{name}</span>
                  <button type="button" className="link-button" aria-label={t('suggest.acceptByAuthor', { name })} onClick={act(() => acceptSuggestions(view(editor), doc, idsByAuthor(list, id)))}>
                    {t('suggest.accept')}
                  </button>
                  <button type="button" className="link-button" aria-label={t('suggest.rejectByAuthor', { name })} onClick={act(() => rejectSuggestions(view(editor), doc, idsByAuthor(list, id)))}>
                    {t('suggest.reject')}
                  </button>
                </li>
              ))}
            </ul>
          )}
        </div>
      )}
      <ol className="suggestion-list" aria-label={t('suggest.list')}>
        {list.map((s, i) => {
          const name = s.meta?.authorName || t('suggest.unknownAuthor');
          const n = String(i + 1);
          // "¶ N" as the paragraph numbers in the margin count (headings and table cells have none).
          const para = index && editor && index.size === editor.state.doc.content.size ? (blockAt(index, Math.min(s.from + 1, index.size))?.para ?? null) : null;
          return (
            <li key={s.id} className="suggestion-card" style={{ '--author': s.meta ? colorFor(s.meta.authorId) : '#6b7280' } as CSSProperties} data-suggestion-card={s.id}>
              <button type="button" className="suggestion-show" aria-label={t('suggest.show', { n })} onClick={() => showSuggestion(editor, s)}>
                <span className="author-dot" aria-hidden="true" />
                <strong>{name}</strong>
                {s.meta && <span className="muted"> · {formatWhen(s.meta.at)}</span>}
                {para !== null && <span className="muted"> · {t('suggest.where', { n: String(para) })}</span>}
                {s.meta?.source === 'comment' && <span className="chip">{t('suggest.fromComment')}</span>}
                {s.meta?.source === 'docx' && <span className="chip">{t('suggest.fromWord')}</span>}
              </button>
              {s.deleted && (
                <p className="suggestion-text">
                  <span className="field-label">{t('suggest.deleted')}</span> <del>{s.deleted.replace(/¶/g, ` ¶ `)}</del>
                </p>
              )}
              {s.inserted && (
                <p className="suggestion-text">
                  <span className="field-label">{t('suggest.inserted')}</span> <ins>{s.inserted.replace(/¶/g, ` ¶ `)}</ins>
                </p>
              )}
              {s.blockType && (
                <p className="suggestion-text">
                  <span className="field-label">{t('suggest.blockType')}</span> {t('suggest.blockTypeChange', { from: blockTypeLabel(s.blockType.from), to: blockTypeLabel(s.blockType.to) })}
                </p>
              )}
              {s.modified.length > 0 && (
                <p className="suggestion-text">
                  <span className="field-label">{t('suggest.formatted')}</span> {s.modified.join(', ')}
                </p>
              )}
              {canEdit && (
                <div className="suggestion-actions">
                  <button type="button" className="small-button" aria-label={t('suggest.acceptOne', { n, name })} onClick={act(() => acceptSuggestions(view(editor), doc, [s.id]))}>
                    {t('suggest.accept')}
                  </button>
                  <button type="button" className="small-button" aria-label={t('suggest.rejectOne', { n, name })} onClick={act(() => rejectSuggestions(view(editor), doc, [s.id]))}>
                    {t('suggest.reject')}
                  </button>
                </div>
              )}
            </li>
          );
        })}
      </ol>
    </section>
  );
}
