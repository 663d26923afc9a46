import type * as Y from 'yjs';
import { useWorkspace } from '../../state/workspaceContext';
import { updateDocumentMeta, type DocumentMeta } from '../../model/workspaceDoc';
import { t } from '../../i18n';
import { LabeledField } from '../document/fields/LabeledField';
import { ReadOnlyField } from '../document/fields/ReadOnlyField';
import { useMetas } from './useQueryData';

/** The queries of a workspace as select options (newest first). */
export function QueryOptions({ ws }: { ws: Y.Doc }) {
  const queries = useMetas(ws).filter((m) => m.kind === 'query');
  return (
    <>
      <option value="">{t('query.noQuery')}</option>
      {queries.map((q) => (
        <option key={q.id} value={q.id}>
          {q.title}
        </option>
      ))}
    </>
  );
}

/** Which query a contribution answers (DocumentMeta.inReplyTo, in the workspace doc). */
export function InReplyToField({ meta }: { meta: DocumentMeta }) {
  const { doc: ws, canEdit } = useWorkspace();
  const queries = useMetas(ws).filter((m) => m.kind === 'query');
  if (!canEdit) {
    const q = queries.find((x) => x.id === meta.inReplyTo);
    return q ? <ReadOnlyField label={t('query.inReplyTo')} value={q.title} /> : null;
  }
  if (!queries.length && !meta.inReplyTo) return null;
  return (
    <div className="fields-panel in-reply-to">
      <LabeledField label={t('query.inReplyTo')}>
        {(id) => (
          <select id={id} value={meta.inReplyTo ?? ''} onChange={(e) => updateDocumentMeta(ws, meta.id, { inReplyTo: e.target.value })}>
            <QueryOptions ws={ws} />
          </select>
        )}
      </LabeledField>
    </div>
  );
}
