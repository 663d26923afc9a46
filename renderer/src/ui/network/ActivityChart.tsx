import { useId, useState } from 'react';
import type { FigureRow } from '../../model/network/digestSelection';
import { formatNumber, t } from '../../i18n';

/**
 * Contributions and comments per group (or region) as CSS bars, with the same figures as a table. The chart is
 * a list whose items carry their figures in text, so screen readers hear the numbers; the table is one click away.
 */
export function ActivityChart({ title, column, rows, name }: { title: string; column: string; rows: FigureRow[]; name: (code: string) => string }) {
  const [asTable, setAsTable] = useState(false);
  const headingId = useId();
  const max = Math.max(1, ...rows.map((r) => Math.max(r.contributions, r.comments)));
  const label = (code: string) => name(code) || t('digest.unknown');
  return (
    <section className="activity-chart" aria-labelledby={headingId}>
      <div className="chart-header">
        <h4 id={headingId}>{title}</h4>
        <button type="button" className="link-button" aria-pressed={asTable} onClick={() => setAsTable((v) => !v)}>
          {asTable ? t('digest.showChart') : t('digest.showTable')}
        </button>
      </div>
      {rows.length === 0 ? (
        <p className="muted">{t('digest.none')}</p>
      ) : asTable ? (
        <table className="data-table">
          <caption className="visually-hidden">{title}</caption>
          <thead>
            <tr>
              <th scope="col">{column}</th>
              <th scope="col" className="num">{t('digest.colContributions')}</th>
              <th scope="col" className="num">{t('digest.colComments')}</th>
            </tr>
          </thead>
          <tbody>
            {rows.map((r) => (
              <tr key={r.key}>
                <th scope="row">{label(r.key)}</th>
                <td className="num">{formatNumber(r.contributions)}</td>
                <td className="num">{formatNumber(r.comments)}</td>
              </tr>
            ))}
          </tbody>
        </table>
      ) : (
        <>
          <p className="chart-legend small" aria-hidden="true">
            <span className="swatch swatch-contributions" /> {t('digest.colContributions')} <span className="swatch swatch-comments" /> {t('digest.colComments')}
          </p>
          <ul className="bar-chart" aria-label={title}>
            {rows.map((r) => (
              <li key={r.key} aria-label={t('digest.chartBarLabel', { name: label(r.key), contributions: r.contributions, comments: r.comments })}>
                <span className="bar-label" aria-hidden="true">{label(r.key)}</span>
                <span className="bar-pair" aria-hidden="true">
                  <span className="bar bar-contributions" style={{ width: `${(r.contributions / max) * 100}%` }}>
                    <span className="bar-value">{r.contributions}</span>
                  </span>
                  <span className="bar bar-comments" style={{ width: `${(r.comments / max) * 100}%` }}>
                    <span className="bar-value">{r.comments}</span>
                  </span>
                </span>
              </li>
            ))}
          </ul>
        </>
      )}
    </section>
  );
}
