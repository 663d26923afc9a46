import type * as Y from 'yjs';
import { useUi } from '../../state/uiStore';
import { listVersions, versionsArray } from '../../model/consultation/snapshots';
import { t } from '../../i18n';
import { useY } from '../hooks';

/** "Compare versions…" from a document: the latest version against the current text. */
export function CompareButton({ workspaceId, docId, doc }: { workspaceId: string; docId: string; doc: Y.Doc }) {
  const navigate = useUi((s) => s.navigate);
  const latest = useY(versionsArray(doc), () => listVersions(doc).at(-1)?.id ?? null);
  return (
    <button type="button" onClick={() => navigate({ screen: 'compare', workspaceId, docId, from: latest ?? 'current', to: 'current' })}>
      {t('compare.open')}
    </button>
  );
}
