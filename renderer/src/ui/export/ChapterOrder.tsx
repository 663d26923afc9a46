import { useRef, useState, type KeyboardEvent } from 'react';
import { t } from '../../i18n';

// The chapters of a compilation, in order: drag a chapter to a new place, or move it with its Move up / Move down
// buttons (or Alt+↑ / Alt+↓ on them); every move is announced to screen readers. The glyphs are drawn by CSS, so
// a chapter's text is its title alone.

/** `list` with the item at `from` moved to `to` (both clamped to the list). */
export function moveItem<T>(list: readonly T[], from: number, to: number): T[] {
  const out = [...list];
  if (from < 0 || from >= out.length) return out;
  const [item] = out.splice(from, 1);
  out.splice(Math.max(0, Math.min(to, out.length)), 0, item);
  return out;
}

export function ChapterOrder({ titles, onMove }: { titles: string[]; onMove: (from: number, to: number) => void }) {
  const [announce, setAnnounce] = useState('');
  const [dragging, setDragging] = useState<number | null>(null);
  const [over, setOver] = useState<number | null>(null);
  const list = useRef<HTMLOListElement>(null);

  const move = (from: number, to: number, focus: 'up' | 'down' | null) => {
    if (to < 0 || to >= titles.length || from === to) return;
    onMove(from, to);
    setAnnounce(t('export.moved', { title: titles[from], position: to + 1, count: titles.length }));
    // Keep focus on the moved chapter's button of the same direction (or the other one at either end).
    if (focus)
      requestAnimationFrame(() => {
        const items = list.current?.querySelectorAll('li');
        const item = items?.[to];
        const wanted = item?.querySelector<HTMLButtonElement>(`button[data-dir="${focus}"]:not(:disabled)`) ?? item?.querySelector<HTMLButtonElement>('button:not(:disabled)');
        wanted?.focus();
      });
  };

  const onKey = (e: KeyboardEvent, i: number) => {
    if (!e.altKey || (e.key !== 'ArrowUp' && e.key !== 'ArrowDown')) return;
    e.preventDefault();
    move(i, e.key === 'ArrowUp' ? i - 1 : i + 1, e.key === 'ArrowUp' ? 'up' : 'down');
  };

  return (
    <div className="chapter-order">
      <p className="muted small" id="chapter-order-hint">
        {t('export.reorderHint')}
      </p>
      <ol className="compile-list" aria-label={t('export.chapters')} aria-describedby="chapter-order-hint" ref={list}>
        {titles.map((title, i) => (
          <li
            key={`${i}-${title}`}
            draggable
            className={`chapter${dragging === i ? ' is-dragging' : ''}${over === i && dragging !== i ? ' is-over' : ''}`}
            onDragStart={(e) => {
              setDragging(i);
              e.dataTransfer.effectAllowed = 'move';
              e.dataTransfer.setData('text/plain', String(i));
            }}
            onDragOver={(e) => {
              e.preventDefault();
              setOver(i);
            }}
            onDragLeave={() => setOver((o) => (o === i ? null : o))}
            onDrop={(e) => {
              e.preventDefault();
              const from = dragging ?? Number(e.dataTransfer.getData('text/plain'));
              setDragging(null);
              setOver(null);
              if (Number.isInteger(from)) move(from, i, null);
            }}
            onDragEnd={() => (setDragging(null), setOver(null))}
          >
            <span className="chapter-row">
            <span className="chapter-grip" aria-hidden="true" />
            <span className="chapter-title">{title}</span>
            <button type="button" className="icon" data-dir="up" aria-label={t('export.moveUp', { title })} disabled={i === 0} onClick={() => move(i, i - 1, 'up')} onKeyDown={(e) => onKey(e, i)}></button>
            <button
              type="button"
              className="icon"
              data-dir="down"
              aria-label={t('export.moveDown', { title })}
              disabled={i === titles.length - 1}
              onClick={() => move(i, i + 1, 'down')}
              onKeyDown={(e) => onKey(e, i)}
            ></button>
            </span>
          </li>
        ))}
      </ol>
      <p className="visually-hidden" role="status" aria-live="polite">
        {announce}
      </p>
    </div>
  );
}
