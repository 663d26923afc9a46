import { useSyncExternalStore, type KeyboardEvent } from 'react';
import { createPortal } from 'react-dom';
import { useUi } from '../state/uiStore';
import { t } from '../i18n';

// Toasts never cover the screen's controls: inside a workspace they sit in the sidebar, in the free space between
// its navigation and its footer (ToastSlot, in the layout's flow); elsewhere (the workspace list, a collapsed
// sidebar) they float at the bottom left, beside the content's margin. At most three (state/uiState.ts), each
// times out unless it carries an action, held while the pointer or focus is on them; Esc dismisses the focused one.

let slot: HTMLElement | null = null;
const slotListeners = new Set<() => void>();
const setSlot = (el: HTMLElement | null) => {
  if (slot === el) return;
  slot = el;
  slotListeners.forEach((l) => l());
};
const subscribeSlot = (l: () => void) => (slotListeners.add(l), () => void slotListeners.delete(l));

/** Where the sidebar lends its free space to the toasts. */
export function ToastSlot() {
  return <div className="toast-slot" ref={setSlot} />;
}

export function Toasts() {
  const toasts = useUi((s) => s.toasts);
  const dismiss = useUi((s) => s.dismiss);
  const hold = useUi((s) => s.holdToasts);
  const target = useSyncExternalStore(subscribeSlot, () => slot);
  const onKeyDown = (e: KeyboardEvent, id: number) => {
    if (e.key !== 'Escape') return;
    e.stopPropagation();
    dismiss(id);
  };
  const list = (
    <section
      className={`toasts${target ? ' in-slot' : ' floating'}`}
      aria-label={t('toasts.label')}
      aria-live="polite"
      onMouseEnter={() => hold(true)}
      onMouseLeave={() => hold(false)}
      onFocus={() => hold(true)}
      onBlur={(e) => !e.currentTarget.contains(e.relatedTarget as Node | null) && hold(false)}
    >
      {toasts.map((toast) => (
        <div key={toast.id} className={`toast toast-${toast.kind}`} role={toast.kind === 'error' ? 'alert' : 'status'} tabIndex={-1} onKeyDown={(e) => onKeyDown(e, toast.id)}>
          <span className="toast-text">{toast.text}</span>
          {toast.action && (
            <button
              type="button"
              className="toast-action"
              onClick={() => {
                toast.action?.run();
                dismiss(toast.id);
              }}
            >
              {toast.action.label}
            </button>
          )}
          <button type="button" className="icon-button" aria-label={t('common.dismiss')} title={t('toasts.dismissHint')} onClick={() => dismiss(toast.id)}>
            ×
          </button>
        </div>
      ))}
    </section>
  );
  return target ? createPortal(list, target) : list;
}
