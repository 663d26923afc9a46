import { useEffect, useState, type RefObject } from 'react';

/**
 * Whether a scroll box hides content to its right (a sign that the table scrolls sideways) or has been scrolled
 * from its left edge, and how many header cells lie wholly out of view on the right. Follows scrolling and
 * resizing (ResizeObserver).
 */
export function useSideScroll(ref: RefObject<HTMLElement | null>): { more: boolean; scrolled: boolean; hiddenColumns: number } {
  const [state, setState] = useState({ more: false, scrolled: false, hiddenColumns: 0 });
  useEffect(() => {
    const el = ref.current;
    if (!el) return;
    let frame = 0;
    const update = () => {
      frame = 0;
      const right = el.scrollLeft + el.clientWidth;
      const more = el.scrollWidth - right > 1;
      const box = el.getBoundingClientRect();
      const hiddenColumns = more ? [...el.querySelectorAll('thead tr:first-child th')].filter((th) => th.getBoundingClientRect().left >= box.right - 4).length : 0;
      const next = { more, scrolled: el.scrollLeft > 1, hiddenColumns };
      setState((s) => (s.more === next.more && s.scrolled === next.scrolled && s.hiddenColumns === next.hiddenColumns ? s : next));
    };
    const schedule = () => {
      if (!frame) frame = requestAnimationFrame(update);
    };
    update();
    el.addEventListener('scroll', schedule, { passive: true });
    const ro = new ResizeObserver(schedule);
    ro.observe(el);
    const table = el.querySelector('table');
    if (table) ro.observe(table);
    return () => {
      el.removeEventListener('scroll', schedule);
      ro.disconnect();
      if (frame) cancelAnimationFrame(frame);
    };
  }, [ref]);
  return state;
}
