import { useCallback, useEffect, useMemo, useRef, useState } from 'react';

/**
 * Windowing for long lists: only the items in view, plus `overscan` on each side, are rendered; spacers above and
 * below keep the scrollbar honest. Heights come from `heightOf` (measured rows, an estimate until then); a new
 * `version` tells the hook that heights changed.
 */
export function useVirtualRows<T>(items: readonly T[], heightOf: (item: T) => number, overscan = 6, version: unknown = 0) {
  const scrollRef = useRef<HTMLDivElement>(null);
  const [viewport, setViewport] = useState({ top: 0, height: 800 });
  const offsets = useMemo(() => {
    const out = new Float64Array(items.length + 1);
    for (let i = 0; i < items.length; i++) out[i + 1] = out[i] + heightOf(items[i]);
    return out;
    // eslint-disable-next-line react-hooks/exhaustive-deps
  }, [items, version]);

  useEffect(() => {
    const el = scrollRef.current;
    if (!el) return;
    let frame = 0;
    const update = () => {
      frame = 0;
      setViewport((v) => (v.top === el.scrollTop && v.height === el.clientHeight ? v : { top: el.scrollTop, height: el.clientHeight }));
    };
    const onScroll = () => {
      if (!frame) frame = requestAnimationFrame(update);
    };
    update();
    el.addEventListener('scroll', onScroll, { passive: true });
    const ro = new ResizeObserver(onScroll);
    ro.observe(el);
    return () => {
      el.removeEventListener('scroll', onScroll);
      ro.disconnect();
      if (frame) cancelAnimationFrame(frame);
    };
  }, []);

  const indexAt = useCallback(
    (y: number) => {
      let lo = 0;
      let hi = items.length;
      while (lo < hi) {
        const mid = (lo + hi) >> 1;
        if (offsets[mid + 1] <= y) lo = mid + 1;
        else hi = mid;
      }
      return Math.min(lo, Math.max(0, items.length - 1));
    },
    [offsets, items.length],
  );

  const first = items.length ? Math.max(0, indexAt(viewport.top) - overscan) : 0;
  const last = items.length ? Math.min(items.length - 1, indexAt(viewport.top + viewport.height) + overscan) : -1;
  const total = offsets[items.length];

  /** Scrolls so item `i` is fully visible (below a sticky header `headerHeight` px tall). */
  const ensureVisible = useCallback(
    (i: number, headerHeight = 0) => {
      const el = scrollRef.current;
      if (!el || i < 0 || i >= items.length) return;
      const top = offsets[i];
      const bottom = offsets[i + 1];
      if (top < el.scrollTop) el.scrollTop = top;
      else if (bottom + headerHeight > el.scrollTop + el.clientHeight) el.scrollTop = bottom + headerHeight - el.clientHeight;
    },
    [offsets, items.length],
  );

  return { scrollRef, first, last, padTop: offsets[first] ?? 0, padBottom: total - (offsets[last + 1] ?? 0), ensureVisible };
}
