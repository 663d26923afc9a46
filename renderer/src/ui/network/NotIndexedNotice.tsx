import { useUi } from '../../state/uiStore';
import { t, tp } from '../../i18n';

/** Says when some documents are not in this device's derived catalog yet, and how to add them. */
export function NotIndexedNotice({ count }: { count: number }) {
  const openDialog = useUi((s) => s.openDialog);
  if (count === 0) return null;
  return (
    <div className="notice small" role="status">
      {tp('network.notIndexed', count)}{' '}
      <button type="button" className="link-button" onClick={() => openDialog({ type: 'rebuild-index' })}>
        {t('network.rebuild')}
      </button>
    </div>
  );
}
