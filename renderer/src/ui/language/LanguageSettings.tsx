import { useWorkspace } from '../../state/workspaceContext';
import { chooseLocale, useLocale } from '../../state/languageActions';
import { DOCUMENT_LANGUAGES, isDocumentLanguage, readWorkspaceLanguageSetting, setWorkspaceLanguage } from '../../model/language';
import { wsSettings } from '../../model/workspaceDoc';
import { isLocale, LOCALE_NAMES, LOCALES, t } from '../../i18n';
import { useY } from '../hooks';
import { LabeledField } from '../document/fields/LabeledField';
import { useSavedNote } from '../settings/useSavedNote';

/**
 * Settings › Language: the interface language (this device; applies at once) and the workspace's language of
 * documents (shared; exports and spell-checking use it unless a document has its own).
 */
export function LanguageSettings() {
  const { doc: ws, canEdit } = useWorkspace();
  const locale = useLocale();
  const documents = useY(wsSettings(ws), () => readWorkspaceLanguageSetting(ws));
  const [note, markSaved] = useSavedNote();
  return (
    <section className="card settings-section" aria-labelledby="settings-language">
      <div className="settings-section-header">
        <h2 id="settings-language">{t('settings.language')}</h2>
        {note}
      </div>
      <p className="muted small settings-intro">{t('settings.language.intro')}</p>
      <div className="fields-grid">
        <LabeledField label={t('settings.language.interface')} className="field">
          {(id) => (
            <select
              id={id}
              value={locale}
              onChange={(e) => {
                if (isLocale(e.target.value)) void chooseLocale(e.target.value).then(markSaved);
              }}
            >
              {LOCALES.map((l) => (
                <option key={l} value={l} lang={l}>
                  {LOCALE_NAMES[l]}
                </option>
              ))}
            </select>
          )}
        </LabeledField>
        <LabeledField label={t('settings.language.documents')} className="field">
          {(id) => (
            <select
              id={id}
              value={documents ?? ''}
              disabled={!canEdit}
              aria-describedby="settings-language-documents-hint"
              onChange={(e) => {
                setWorkspaceLanguage(ws, isDocumentLanguage(e.target.value) ? e.target.value : null);
                markSaved();
              }}
            >
              <option value="">{t('settings.language.documentsAuthor')}</option>
              {DOCUMENT_LANGUAGES.map((l) => (
                <option key={l} value={l}>
                  {t(`language.${l}`)}
                </option>
              ))}
            </select>
          )}
        </LabeledField>
      </div>
      <p id="settings-language-documents-hint" className="muted small">
        {t('settings.language.documentsHint')}
      </p>
    </section>
  );
}
