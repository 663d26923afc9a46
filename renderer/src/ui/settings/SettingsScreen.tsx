import { useState, type ReactNode } from 'react';
import { useWorkspace } from '../../state/workspaceContext';
import { updateIdentity, useIdentity } from '../../state/identityStore';
import { readHouseStyle, readWorkspaceInfo, updateHouseStyle, updateWorkspaceInfo, wsInfo, wsSettings } from '../../model/workspaceDoc';
import type { HouseStyle } from '../../model/houseStyle';
import { parseStyleNumber, validateStylePatch, type StyleNumberKey } from '../../model/houseStyleInput';
import { issueText, modelMessage } from '../errors';
import { CommitInput, CommitTextarea } from '../document/fields/CommitInput';
import { ReadOnlyField } from '../document/fields/ReadOnlyField';
import { useY } from '../hooks';
import { formatNumber, t } from '../../i18n';
import { useSavedNote } from './useSavedNote';
import { LabeledField } from '../document/fields/LabeledField';
import { LanguageSettings } from '../language/LanguageSettings';

// Every change is written as soon as it is committed (select: on change; text: on Enter or leaving the field),
// and the section says "Saved". Workspace values are shared with co-editors; the display name is this device's.

const FONTS = ['Times New Roman', 'Arial', 'Calibri', 'Cambria', 'Garamond', 'Georgia', 'Helvetica'];
const LINE_SPACINGS = [
  { value: 1, id: 'settings.spacing.single' },
  { value: 1.15, id: 'settings.spacing.115' },
  { value: 1.5, id: 'settings.spacing.150' },
  { value: 2, id: 'settings.spacing.double' },
];

export function SettingsScreen() {
  return (
    <div className="screen settings-screen">
      <header className="screen-header">
        <h1>{t('nav.settings')}</h1>
      </header>
      <WorkspaceSection />
      <LanguageSettings />
      <HouseStyleSection />
      <IdentitySection />
    </div>
  );
}

function Section({ id, title, intro, note, children }: { id: string; title: string; intro?: string; note: ReactNode; children: ReactNode }) {
  return (
    <section className="card settings-section" aria-labelledby={id}>
      <div className="settings-section-header">
        <h2 id={id}>{title}</h2>
        {note}
      </div>
      {intro && <p className="muted small settings-intro">{intro}</p>}
      {children}
    </section>
  );
}

function WorkspaceSection() {
  const { doc: ws, canEdit } = useWorkspace();
  const info = useY(wsInfo(ws), () => readWorkspaceInfo(ws));
  const [note, markSaved] = useSavedNote();
  const [error, setError] = useState<string | null>(null);

  return (
    <Section id="settings-workspace" title={t('settings.workspace')} note={note}>
      {canEdit ? (
        <>
          <label className="field">
            <span className="field-label">{t('workspace.name')}</span>
            <CommitInput
              value={info.name}
              aria-invalid={!!error}
              aria-describedby={error ? 'settings-name-error' : undefined}
              onRevert={() => setError(null)}
              onCommit={(name) => {
                try {
                  updateWorkspaceInfo(ws, { name });
                } catch (e) {
                  setError(modelMessage(e));
                  return false;
                }
                setError(null);
                markSaved();
              }}
            />
          </label>
          {error && (
            <p role="alert" className="error" id="settings-name-error">
              {error}
            </p>
          )}
          <label className="field">
            <span className="field-label">{t('workspace.description')}</span>
            <CommitTextarea
              rows={3}
              value={info.description}
              placeholder={t('settings.descriptionPlaceholder')}
              onCommit={(description) => {
                updateWorkspaceInfo(ws, { description });
                markSaved();
              }}
            />
          </label>
        </>
      ) : (
        <div className="fields-grid">
          <ReadOnlyField label={t('workspace.name')} value={info.name} />
          <ReadOnlyField label={t('workspace.description')} value={info.description} wide />
        </div>
      )}
    </Section>
  );
}

function HouseStyleSection() {
  const { doc: ws, canEdit } = useWorkspace();
  const style = useY(wsSettings(ws), () => readHouseStyle(ws));
  const [note, markSaved] = useSavedNote();
  const [errors, setErrors] = useState<Partial<Record<keyof HouseStyle, string>>>({});
  const setError = (key: keyof HouseStyle, error: string | null) => setErrors((e) => ({ ...e, [key]: error ?? undefined }));

  const save = (patch: Partial<HouseStyle>) => {
    updateHouseStyle(ws, patch);
    markSaved();
  };
  const commitNumber = (key: StyleNumberKey, input: string): boolean => {
    const parsed = parseStyleNumber(key, input);
    if ('error' in parsed) {
      setError(key, issueText(parsed.error));
      return false;
    }
    const invalid = validateStylePatch(style, { [key]: parsed.value });
    if (invalid) {
      setError(key, issueText(invalid));
      return false;
    }
    setError(key, null);
    if (parsed.value !== style[key]) save({ [key]: parsed.value });
    return true;
  };
  const numberField = (key: StyleNumberKey, label: string, unit: string) => (
    <div className="field" key={key}>
      <label className="field-label" htmlFor={`style-${key}`}>
        {label}
      </label>
      <span className="input-with-unit">
        <CommitInput
          id={`style-${key}`}
          inputMode="decimal"
          className="input-short"
          value={formatNumber(style[key], { useGrouping: false })}
          aria-invalid={!!errors[key]}
          aria-describedby={errors[key] ? `style-${key}-error` : undefined}
          onCommit={(v) => commitNumber(key, v)}
          onRevert={() => setError(key, null)}
        />
        <span className="unit" aria-hidden="true">
          {unit}
        </span>
      </span>
      {errors[key] && (
        <p role="alert" className="error small" id={`style-${key}-error`}>
          {errors[key]}
        </p>
      )}
    </div>
  );

  const spacingLabel = LINE_SPACINGS.find((s) => s.value === style.lineSpacing)?.id;

  return (
    <Section id="settings-style" title={t('settings.houseStyle')} intro={t('settings.houseStyleIntro')} note={note}>
      {canEdit ? (
        <>
          <div className="fields-grid settings-grid">
            <div className="field">
              <label className="field-label" htmlFor="style-font">
                {t('settings.font')}
              </label>
              <CommitInput
                id="style-font"
                list="settings-fonts"
                value={style.font}
                aria-invalid={!!errors.font}
                aria-describedby={errors.font ? 'style-font-error' : undefined}
                onRevert={() => setError('font', null)}
                onCommit={(font) => {
                  if (!font.trim()) {
                    setError('font', t('settings.error.font'));
                    return false;
                  }
                  setError('font', null);
                  save({ font: font.trim() });
                }}
              />
              <datalist id="settings-fonts">
                {FONTS.map((f) => (
                  <option key={f} value={f} />
                ))}
              </datalist>
              {errors.font && (
                <p role="alert" className="error small" id="style-font-error">
                  {errors.font}
                </p>
              )}
            </div>
            {numberField('fontSize', t('settings.fontSize'), t('settings.unit.pt'))}
            <LabeledField label={t('settings.lineSpacing')} className="field">
              {(id) => (
                <select id={id} value={String(style.lineSpacing)} onChange={(e) => save({ lineSpacing: Number(e.target.value) })}>
                  {!spacingLabel && <option value={String(style.lineSpacing)}>{formatNumber(style.lineSpacing)}</option>}
                  {LINE_SPACINGS.map((s) => (
                    <option key={s.value} value={String(s.value)}>
                      {t(s.id)}
                    </option>
                  ))}
                </select>
              )}
            </LabeledField>
            <LabeledField label={t('settings.paper')} className="field">
              {(id) => (
                <select id={id} value={style.paper} onChange={(e) => save({ paper: e.target.value as HouseStyle['paper'] })}>
                  <option value="A4">{t('settings.paper.a4')}</option>
                  <option value="Letter">{t('settings.paper.letter')}</option>
                </select>
              )}
            </LabeledField>
            {numberField('marginCm', t('settings.margins'), t('settings.unit.cm'))}
          </div>
          <h3 className="fields-subtitle">{t('settings.pageTarget')}</h3>
          <p className="muted small settings-intro">{t('settings.pageTargetIntro')}</p>
          <div className="fields-grid settings-grid">
            {numberField('pageTargetMin', t('settings.pageTargetMin'), t('settings.unit.pages'))}
            {numberField('pageTargetMax', t('settings.pageTargetMax'), t('settings.unit.pages'))}
          </div>
        </>
      ) : (
        <div className="fields-grid settings-grid">
          <ReadOnlyField label={t('settings.font')} value={style.font} />
          <ReadOnlyField label={t('settings.fontSize')} value={`${formatNumber(style.fontSize)} ${t('settings.unit.pt')}`} />
          <ReadOnlyField label={t('settings.lineSpacing')} value={spacingLabel ? t(spacingLabel) : formatNumber(style.lineSpacing)} />
          <ReadOnlyField label={t('settings.paper')} value={t(style.paper === 'A4' ? 'settings.paper.a4' : 'settings.paper.letter')} />
          <ReadOnlyField label={t('settings.margins')} value={`${formatNumber(style.marginCm)} ${t('settings.unit.cm')}`} />
          <ReadOnlyField label={t('settings.pageTarget')} value={t('draft.range', { min: style.pageTargetMin, max: style.pageTargetMax })} />
        </div>
      )}
    </Section>
  );
}

function IdentitySection() {
  const identity = useIdentity();
  const [note, markSaved] = useSavedNote();
  const [error, setError] = useState<string | null>(null);
  return (
    <Section id="settings-identity" title={t('settings.you')} intro={t('settings.youIntro')} note={note}>
      <div className="identity-row">
        <span className="identity-swatch" style={{ background: identity.color }} aria-hidden="true" />
        <label className="field grow">
          <span className="field-label">{t('settings.displayName')}</span>
          <CommitInput
            value={identity.name}
            autoComplete="name"
            aria-invalid={!!error}
            aria-describedby={error ? 'settings-display-name-error' : undefined}
            onRevert={() => setError(null)}
            onCommit={(name) => {
              if (!name.trim()) {
                setError(t('settings.error.displayName'));
                return false;
              }
              setError(null);
              updateIdentity({ name: name.trim() }).then(markSaved, (e) => setError(String(e)));
            }}
          />
        </label>
      </div>
      {error && (
        <p role="alert" className="error" id="settings-display-name-error">
          {error}
        </p>
      )}
    </Section>
  );
}
