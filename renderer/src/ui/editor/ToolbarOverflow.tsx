import { useEffect, useLayoutEffect, useRef, useState, type KeyboardEvent, type RefObject } from 'react';
import { flushSync } from 'react-dom';
import { t } from '../../i18n';

// The formatting toolbar keeps to one line: groups (`.toolbar-group`, any buttons, whoever adds them) that do not
// fit are hidden and offered in a "More" menu, measured with a ResizeObserver. A menu item stands for the hidden
// button itself: it carries its name, pressed and disabled state, and choosing it clicks that button, so any
// button added to the toolbar joins the menu without knowing of it.

const HIDDEN = 'data-overflow';

interface Item {
  button: HTMLButtonElement;
  label: string;
  pressed: boolean | null;
  disabled: boolean;
  groupStart: boolean;
}

/** Marks the groups that do not fit; returns how many are hidden. */
function layout(toolbar: HTMLElement, more: HTMLElement): number {
  // Pinned groups (the document's own actions: Comment, Suggesting) always stay; the others give way from the end.
  const groups = [...toolbar.querySelectorAll<HTMLElement>(':scope > .toolbar-group:not(.toolbar-more):not(.toolbar-pinned)')];
  const pinned = [...toolbar.querySelectorAll<HTMLElement>(':scope > .toolbar-group.toolbar-pinned')];
  const style = getComputedStyle(toolbar);
  const gap = parseFloat(style.columnGap) || 0;
  const pinnedWidth = pinned.reduce((a, g) => a + g.getBoundingClientRect().width + gap, 0);
  const room = toolbar.clientWidth - parseFloat(style.paddingLeft) - parseFloat(style.paddingRight) - pinnedWidth;
  const widths = groups.map((g) => g.getBoundingClientRect().width);
  const total = widths.reduce((a, w) => a + w, 0) + gap * Math.max(0, groups.length - 1);
  let hidden = 0;
  if (total > room + 0.5) {
    // Keep groups from the start while they fit beside the More button.
    const limit = room - more.getBoundingClientRect().width - gap;
    let used = 0;
    groups.forEach((g, i) => {
      used += widths[i]! + (i ? gap : 0);
      const hide = used > limit;
      if (hide) hidden++;
      g.toggleAttribute(HIDDEN, hide);
    });
  } else groups.forEach((g) => g.removeAttribute(HIDDEN));
  return hidden;
}

/** The "More" button and its menu, for the toolbar `toolbarRef` points at (render it inside the toolbar, last). */
export function ToolbarOverflow({ toolbarRef }: { toolbarRef: RefObject<HTMLElement | null> }) {
  const moreRef = useRef<HTMLButtonElement>(null);
  const menuRef = useRef<HTMLUListElement>(null);
  const [hidden, setHidden] = useState(0);
  const [items, setItems] = useState<Item[] | null>(null);

  useLayoutEffect(() => {
    // From the DOM, not toolbarRef: a parent's ref is not attached yet when a child's layout effect runs.
    const more = moreRef.current?.parentElement;
    const toolbar = more?.parentElement;
    if (!toolbar || !more) return;
    // Measured in a ResizeObserver's callback, which the browser runs after its own layout of the frame and before
    // painting it: measuring forces no layout of its own (on a 25,000-word report, measuring in this effect, then
    // again a frame later, cost two layouts of the whole page on every open), and the first callback, for the
    // observation started here, comes before the toolbar is first painted.
    const ro = new ResizeObserver(() => {
      const n = layout(toolbar, more);
      flushSync(() => setHidden(n)); // the More button in the same frame
    });
    // Observing (again) reports each element once more: the toolbar and its groups, now and whenever buttons come
    // and go (table tools, a toggle another feature adds).
    const observe = () => {
      ro.observe(toolbar);
      for (const g of toolbar.querySelectorAll(':scope > .toolbar-group:not(.toolbar-more)')) ro.observe(g);
    };
    observe();
    const mo = new MutationObserver(observe);
    mo.observe(toolbar, { childList: true, subtree: true });
    return () => {
      ro.disconnect();
      mo.disconnect();
    };
  }, []);

  const readItems = (): Item[] => {
    const toolbar = toolbarRef.current;
    if (!toolbar) return [];
    const out: Item[] = [];
    for (const g of toolbar.querySelectorAll<HTMLElement>(`:scope > .toolbar-group[${HIDDEN}]`)) {
      [...g.querySelectorAll<HTMLButtonElement>('button')].forEach((button, i) => {
        const p = button.getAttribute('aria-pressed');
        out.push({ button, label: button.getAttribute('aria-label') || button.textContent?.trim() || '', pressed: p === null ? null : p === 'true', disabled: button.disabled, groupStart: i === 0 && out.length > 0 });
      });
    }
    return out;
  };

  const focusItem = (i: number) => {
    const list = [...(menuRef.current?.querySelectorAll<HTMLElement>('[role^="menuitem"]') ?? [])];
    if (!list.length) return;
    list[(i + list.length) % list.length]?.focus();
  };
  const openMenu = (at: 'first' | 'last') => {
    setItems(readItems());
    requestAnimationFrame(() => focusItem(at === 'first' ? 0 : -1));
  };
  const close = (refocus = true) => {
    setItems(null);
    if (refocus) moreRef.current?.focus();
  };

  useEffect(() => {
    if (!items) return;
    const away = (e: PointerEvent) => {
      if (!menuRef.current?.contains(e.target as Node) && !moreRef.current?.contains(e.target as Node)) setItems(null);
    };
    document.addEventListener('pointerdown', away);
    return () => document.removeEventListener('pointerdown', away);
  }, [items]);

  const onMenuKey = (e: KeyboardEvent<HTMLUListElement>) => {
    const list = [...(menuRef.current?.querySelectorAll<HTMLElement>('[role^="menuitem"]') ?? [])];
    const i = list.indexOf(document.activeElement as HTMLElement);
    // The toolbar's own arrow keys (left/right) must not move focus out of the open menu.
    e.stopPropagation();
    if (e.key === 'ArrowDown') focusItem(i + 1);
    else if (e.key === 'ArrowUp') focusItem(i - 1);
    else if (e.key === 'Home') focusItem(0);
    else if (e.key === 'End') focusItem(-1);
    else if (e.key === 'Escape') close();
    else if (e.key === 'Tab') return close(false);
    else return;
    e.preventDefault();
  };

  return (
    <span className="toolbar-group toolbar-more" hidden={hidden === 0}>
      <button
        type="button"
        ref={moreRef}
        className="tool tool-more"
        aria-haspopup="menu"
        aria-expanded={!!items}
        aria-label={t('editor.more')}
        title={t('editor.more')}
        onMouseDown={(e) => e.preventDefault()}
        onClick={() => (items ? close() : openMenu('first'))}
        onKeyDown={(e) => {
          if (e.key === 'ArrowDown' || e.key === 'ArrowUp') {
            e.preventDefault();
            e.stopPropagation();
            openMenu(e.key === 'ArrowDown' ? 'first' : 'last');
          }
        }}
      >
        {t('editor.moreShort')} <span aria-hidden="true">▾</span>
      </button>
      {items && (
        <ul className="menu toolbar-menu" role="menu" aria-label={t('editor.more')} ref={menuRef} onKeyDown={onMenuKey}>
          {items.map((it, i) => (
            <li key={i} role="none" className={it.groupStart ? 'menu-group-start' : undefined}>
              <button
                type="button"
                role={it.pressed === null ? 'menuitem' : 'menuitemcheckbox'}
                aria-checked={it.pressed === null ? undefined : it.pressed}
                aria-disabled={it.disabled || undefined}
                tabIndex={-1}
                onMouseDown={(e) => e.preventDefault()}
                onClick={() => {
                  if (it.disabled) return;
                  close(false);
                  it.button.click();
                }}
              >
                {it.pressed !== null && <span className="menu-check" aria-hidden="true">{it.pressed ? '✓' : ''}</span>}
                {it.label}
              </button>
            </li>
          ))}
        </ul>
      )}
    </span>
  );
}
