import { useEffect, useRef } from 'react';
import { useUi } from '../state/uiStore';
import { useDerived } from '../state/useDerived';
import { documentDocName } from '../../../common/rooms';
import { pageTargetState } from '../model/pageTargets';
import { t, tp } from '../i18n';
import { SyncStatus } from './SyncStatus';

const SAVE_LABEL = { loading: 'storage.loading', saving: 'storage.saving', saved: 'storage.saved', error: 'storage.error' } as const;

/**
 * The storage state flips to "Saving…" and back on every keystroke. It is written to the DOM directly, not through
 * a React render: any React commit while the editor has focus makes React measure the selection across the whole
 * editor, which a long report cannot afford per keystroke. The text stays exactly as true as the store.
 */
function SaveState() {
  const ref = useRef<HTMLSpanElement>(null);
  useEffect(() => {
    const show = (state: keyof typeof SAVE_LABEL) => {
      if (!ref.current) return;
      ref.current.textContent = t(SAVE_LABEL[state]);
      ref.current.className = `save-state save-${state}`;
    };
    show(useUi.getState().saveState);
    return useUi.subscribe((s, prev) => s.saveState !== prev.saveState && show(s.saveState));
  }, []);
  return <span ref={ref} role="status" />;
}

export function StatusBar() {
  const route = useUi((s) => s.route);
  const stats = useDerived(route.screen === 'document' ? documentDocName(route.workspaceId, route.docId) : null, (d) => d.stats);
  const range = stats && stats.targetMin !== null && stats.targetMax !== null ? { min: stats.targetMin, max: stats.targetMax } : null;
  const target = stats && range ? pageTargetState(stats.pages, range.min, range.max) : null;
  return (
    <footer className="statusbar" aria-label={t('status.bar')}>
      <SaveState />
      <SyncStatus />
      <span className="spacer" />
      {stats && (
        <>
          <span>{tp('status.words', stats.words)}</span>
          {range && target ? (
            <span className={`page-estimate target-${target}`} title={t('status.pagesTitle')}>
              {tp('status.pages', stats.pages, range)}
              {target !== 'within' && <span className="target-note"> · {t(`status.target.${target}`)}</span>}
            </span>
          ) : (
            <span className="page-estimate" title={t('status.pagesTitle')}>
              {tp('status.pagesNoTarget', stats.pages)}
            </span>
          )}
        </>
      )}
    </footer>
  );
}
