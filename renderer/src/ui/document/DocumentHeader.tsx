import { useEffect, useState, type ReactNode } from 'react';
import { useWorkspace } from '../../state/workspaceContext';
import { updateDocumentMeta, type DocumentMeta } from '../../model/workspaceDoc';
import { formatDate, t } from '../../i18n';
import { ThemeTags } from './ThemeTags';
import { useUi } from '../../state/uiStore';
import { DocumentLanguageSelect } from '../language/DocumentLanguageSelect';

/** Title (edited in place, committed on Enter or blur) and theme tags; both live in the workspace doc. */
export function DocumentHeader({ meta, badge, actions, children }: { meta: DocumentMeta; badge?: ReactNode; actions?: ReactNode; children?: ReactNode }) {
  const { doc: ws, canEdit } = useWorkspace();
  const openDialog = useUi((s) => s.openDialog);
  const [title, setTitle] = useState(meta.title);
  useEffect(() => setTitle(meta.title), [meta.title]);
  const commit = () => {
    const next = title.trim();
    if (next && next !== meta.title) updateDocumentMeta(ws, meta.id, { title: next });
    else setTitle(meta.title);
  };
  return (
    <header className="document-header">
      <div className="document-header-row">
        <p className="eyebrow">
          {meta.subtype ? t(`subtype.${meta.subtype}`) : t(`kind.${meta.kind}`)} · {formatDate(meta.date)}
          {badge}
        </p>
        <DocumentLanguageSelect docId={meta.id} />
        {actions}
        <button type="button" onClick={() => openDialog({ type: 'export', docIds: [meta.id] })}>
          {t('export.open')}
        </button>
        {canEdit && meta.kind === 'draft' && (
          <button type="button" onClick={() => openDialog({ type: 'import-changes', docId: meta.id })}>
            {t('trackedImport.open')}
          </button>
        )}
      </div>
      <h1 id="doc-title" className="visually-hidden">
        {meta.title}
      </h1>
      <input
        className="title-input"
        aria-label={t('document.title')}
        value={title}
        readOnly={!canEdit}
        onChange={(e) => setTitle(e.target.value)}
        onBlur={commit}
        onKeyDown={(e) => {
          if (e.key === 'Enter') (e.target as HTMLInputElement).blur();
          if (e.key === 'Escape') setTitle(meta.title);
        }}
      />
      <ThemeTags themes={meta.themes} editable={canEdit} onChange={(themes) => updateDocumentMeta(ws, meta.id, { themes })} />
      {children}
    </header>
  );
}
