import { t } from '../i18n';

/** The header cell over a table's row buttons (named for screen readers only). */
export function RowActionsHeader() {
  return (
    <th scope="col" className="col-actions">
      <span className="visually-hidden">{t('fields.rowActions')}</span>
    </th>
  );
}
