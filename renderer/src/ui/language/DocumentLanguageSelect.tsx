import { useWorkspace } from '../../state/workspaceContext';
import { DOCUMENT_LANGUAGES, isDocumentLanguage, readOwnDocumentLanguage, readWorkspaceLanguage, setDocumentLanguage } from '../../model/language';
import { wsDocuments, wsSettings } from '../../model/workspaceDoc';
import { useY } from '../hooks';
import { t } from '../../i18n';
import { LabeledField } from '../document/fields/LabeledField';

/** The document's own language (or "as the workspace"): what its export and spell-checking use. */
export function DocumentLanguageSelect({ docId }: { docId: string }) {
  const { doc: ws, canEdit } = useWorkspace();
  const own = useY(wsDocuments(ws), () => readOwnDocumentLanguage(ws, docId));
  const workspace = useY(wsSettings(ws), () => readWorkspaceLanguage(ws));
  return (
    <LabeledField label={t('document.language')} className="doc-language">
      {(id) => (
      <select
        id={id}
        value={own ?? ''}
        disabled={!canEdit}
        onChange={(e) => setDocumentLanguage(ws, docId, isDocumentLanguage(e.target.value) ? e.target.value : null)}
      >
        <option value="">{t('document.language.workspace', { language: t(`language.${workspace}`) })}</option>
        {DOCUMENT_LANGUAGES.map((l) => (
          <option key={l} value={l}>
            {t(`language.${l}`)}
          </option>
        ))}
      </select>
      )}
    </LabeledField>
  );
}
