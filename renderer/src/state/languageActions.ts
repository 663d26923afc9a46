import type * as Y from 'yjs';
import { useSyncExternalStore } from 'react';
import { getLocale, isLocale, loadLocale, onLocaleChange, pickLocale, switchLocale, translator, type Locale } from '../i18n';
import { getPref, setPref } from '../storage/catalogDb';
import { documentLanguage, isDocumentLanguage, readWorkspaceLanguage, type DocumentLanguage } from '../model/language';
import { exportLabelsFrom, type ExportLabels } from '../export/exportLabels';
import { desktopApi } from '../platform/desktop';

// The interface language (per device, Dexie prefs; by default the system's) and the document language's uses:
// the export's labels and the spell-checker.

const PREF = 'uiLanguage';

function applyToPage(l: Locale): void {
  if (typeof document !== 'undefined') document.documentElement.lang = l;
}

/** At start-up: the saved choice, else the system language; loads its catalog before the first render. */
export async function initLocale(): Promise<Locale> {
  let saved: unknown = null;
  try {
    saved = await getPref<unknown>(PREF, null);
  } catch {
    // no local storage: follow the system
  }
  const nav = typeof navigator === 'undefined' ? [] : [...(navigator.languages ?? []), navigator.language];
  const l = isLocale(saved) ? saved : pickLocale(nav);
  await switchLocale(l);
  applyToPage(getLocale());
  return getLocale();
}

/** The language switch: applies at once (every screen re-renders) and is remembered on this device. */
export async function chooseLocale(l: Locale): Promise<void> {
  await switchLocale(l);
  applyToPage(l);
  await setPref(PREF, l);
}

/** The interface language, re-rendering when it changes. */
export function useLocale(): Locale {
  return useSyncExternalStore(onLocaleChange, getLocale, getLocale);
}

/**
 * The export's labels in the exported document's language (a compilation: the workspace's), whatever the
 * interface shows.
 */
export async function exportLabelsFor(ws: Y.Doc, docIds: string[]): Promise<ExportLabels> {
  const lang: DocumentLanguage = docIds.length === 1 ? documentLanguage(ws, docIds[0]) : readWorkspaceLanguage(ws);
  await loadLocale(lang);
  return exportLabelsFrom(translator(lang).t, lang);
}

/** Tells the desktop app which language to spell-check in (the web build uses the element's `lang`). */
export function applySpellCheckLanguage(lang: string): void {
  if (!isDocumentLanguage(lang)) return;
  desktopApi.setSpellCheckerLanguages([lang]).catch(() => undefined);
}

/** A document's language as a translate function (the matrix files are written in it, as the DOCX is). */
export async function documentTranslate(ws: Y.Doc, docId: string): Promise<(id: string, vars?: Record<string, string | number>) => string> {
  const lang: DocumentLanguage = documentLanguage(ws, docId);
  await loadLocale(lang);
  return translator(lang).t;
}

/** Every catalog language as translate functions, so a matrix file in any of them imports. */
export async function allTranslates(): Promise<Array<(id: string, vars?: Record<string, string | number>) => string>> {
  const langs = ['en', 'fr', 'es'] as const;
  await Promise.all(langs.map((l) => loadLocale(l)));
  return langs.map((l) => translator(l).t);
}
