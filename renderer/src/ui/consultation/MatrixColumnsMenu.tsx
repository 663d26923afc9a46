import { useEffect, useId, useRef, useState } from 'react';
import { DEFAULT_COLUMN_PREFS, FIXED_COLUMN, moveColumn, setColumnShown, type MatrixColumnPrefs } from '../../model/comments/matrixColumns';
import { t } from '../../i18n';

/**
 * "Columns": which columns the matrix shows and in what order (left to right), remembered on this device. A
 * popover of checkboxes with earlier/later buttons; Esc or a click elsewhere closes it, focus returns to the button.
 */
export function MatrixColumnsMenu({ prefs, onChange }: { prefs: MatrixColumnPrefs; onChange: (p: MatrixColumnPrefs) => void }) {
  const [open, setOpen] = useState(false);
  const id = useId();
  const button = useRef<HTMLButtonElement>(null);
  const panel = useRef<HTMLDivElement>(null);

  useEffect(() => {
    if (!open) return;
    const away = (e: PointerEvent) => {
      if (!panel.current?.contains(e.target as Node) && !button.current?.contains(e.target as Node)) setOpen(false);
    };
    document.addEventListener('pointerdown', away);
    return () => document.removeEventListener('pointerdown', away);
  }, [open]);

  const close = () => {
    setOpen(false);
    button.current?.focus();
  };
  const name = (c: string) => t(`matrix.column.${c}`);
  return (
    <div className="columns-menu">
      <button type="button" ref={button} aria-expanded={open} aria-controls={id} onClick={() => setOpen((o) => !o)}>
        {t('matrix.columns')}
      </button>
      {open && (
        <div
          className="columns-panel"
          id={id}
          ref={panel}
          role="group"
          aria-label={t('matrix.columnsLabel')}
          onKeyDown={(e) => {
            if (e.key !== 'Escape') return;
            e.stopPropagation();
            close();
          }}
        >
          <p className="muted small">{t('matrix.columnsHint')}</p>
          <ol className="columns-list">
            {prefs.order.map((c, i) => (
              <li key={c}>
                <label className="check-line">
                  <input type="checkbox" checked={!prefs.hidden.includes(c)} disabled={c === FIXED_COLUMN} onChange={(e) => onChange(setColumnShown(prefs, c, e.target.checked))} />
                  {c === 'number' ? t('matrix.columnNumber') : name(c)}
                </label>
                {c !== FIXED_COLUMN && (
                  <span className="columns-move">
                    <button type="button" className="icon-button" aria-label={t('matrix.columnEarlier', { column: name(c) })} title={t('matrix.columnEarlier', { column: name(c) })} disabled={i <= 1} onClick={() => onChange(moveColumn(prefs, c, -1))}>
                      ↑
                    </button>
                    <button type="button" className="icon-button" aria-label={t('matrix.columnLater', { column: name(c) })} title={t('matrix.columnLater', { column: name(c) })} disabled={i === prefs.order.length - 1} onClick={() => onChange(moveColumn(prefs, c, 1))}>
                      ↓
                    </button>
                  </span>
                )}
              </li>
            ))}
          </ol>
          <div className="form-actions">
            <button type="button" onClick={() => onChange(DEFAULT_COLUMN_PREFS)}>
              {t('matrix.columnsReset')}
            </button>
            <button type="button" className="primary" onClick={close}>
              {t('common.close')}
            </button>
          </div>
        </div>
      )}
    </div>
  );
}
