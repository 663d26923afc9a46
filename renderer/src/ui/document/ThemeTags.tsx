import { useState } from 'react';
import { normalizeThemes } from '../../model/workspaceDoc';
import { t } from '../../i18n';

/** Theme tags: type and press Enter (or comma) to add; each tag has a remove button. */
export function ThemeTags({ themes, editable, onChange, label }: { themes: string[]; editable: boolean; onChange: (themes: string[]) => void; label?: string }) {
  const [draft, setDraft] = useState('');
  const add = () => {
    if (draft.trim()) onChange(normalizeThemes([...themes, ...draft.split(',')]));
    setDraft('');
  };
  return (
    <div className="tags" role="group" aria-label={label ?? t('document.themes')}>
      {themes.map((theme) => (
        <span key={theme} className="tag">
          {theme}
          {editable && (
            <button type="button" className="tag-remove" aria-label={t('theme.remove', { theme })} onClick={() => onChange(themes.filter((x) => x !== theme))}>
              ×
            </button>
          )}
        </span>
      ))}
      {editable && (
        <input
          className="tag-input"
          aria-label={t('theme.add')}
          placeholder={t('theme.addPlaceholder')}
          value={draft}
          onChange={(e) => setDraft(e.target.value)}
          onKeyDown={(e) => {
            if (e.key === 'Enter' || e.key === ',') {
              e.preventDefault();
              add();
            }
          }}
          onBlur={add}
        />
      )}
    </div>
  );
}
