import { createElement, useEffect, useState, type ComponentType } from 'react';
import { t } from '../i18n';

/**
 * A component whose code is its own chunk (a screen, a dialog), loaded on first use or ahead of it (`preload`, e.g.
 * when a start is idle). Not React.lazy: a lazy component suspends on its first render even when its chunk is
 * already loaded, and React then holds the revealed content back for its Suspense throttle (about 300 ms), which
 * made every document open wait. Here a loaded component renders at once; one still loading shows "Loading…" (or
 * nothing, `showLoading` false: a dialog) and renders as soon as it is in; one whose code failed to load says so
 * (using it again retries).
 */
export function lazyLoaded<P extends object>(load: () => Promise<ComponentType<P>>, showLoading = true): { Component: ComponentType<P>; preload: () => Promise<unknown> } {
  let loaded: ComponentType<P> | null = null;
  let loading: Promise<ComponentType<P>> | null = null;
  const preload = () =>
    (loading ??= load().then(
      (component) => (loaded = component),
      (err: unknown) => {
        loading = null; // the next use tries again
        throw err;
      },
    ));
  function Component(props: P) {
    const [, setLoaded] = useState(loaded !== null);
    const [failed, setFailed] = useState<string | null>(null);
    useEffect(() => {
      if (loaded) return;
      let live = true;
      preload().then(
        () => live && setLoaded(true),
        (err: unknown) => live && setFailed(err instanceof Error ? err.message : String(err)),
      );
      return () => {
        live = false;
      };
    }, []);
    if (loaded) return createElement(loaded, props);
    if (failed !== null) return <p role="alert">{t('common.screenFailed', { message: failed })}</p>;
    return showLoading ? <p className="loading" aria-busy="true">{t('common.loading')}</p> : null;
  }
  return { Component, preload };
}
