// Shape checks for everything the renderer sends. The renderer is untrusted: a compromised page could send
// anything, so each request is rebuilt from validated fields and nothing else is passed on.
import { SPELL_CHECK_LANGUAGES, type FileFilter, type OpenFileRequest, type SaveFileRequest } from '../../common/desktopApi';

export const MAX_SAVE_BYTES = 200 * 1024 * 1024;
const MAX_NAME_LENGTH = 200;
const MAX_URL_LENGTH = 8192;

/** The spell-check languages asked for: 1 to 3 codes from SPELL_CHECK_LANGUAGES, nothing else. */
export function parseSpellCheckLanguages(value: unknown): string[] {
  if (!Array.isArray(value) || value.length === 0 || value.length > SPELL_CHECK_LANGUAGES.length) {
    throw new IpcArgumentError(`spell-check languages must be an array of 1 to ${SPELL_CHECK_LANGUAGES.length} codes`);
  }
  for (const code of value) {
    if (!(SPELL_CHECK_LANGUAGES as readonly unknown[]).includes(code)) throw new IpcArgumentError(`unknown spell-check language ${JSON.stringify(code)}`);
  }
  return [...new Set(value as string[])];
}

/**
 * The dictionaries to use for the asked languages among those the session has ("fr" -> "fr" or "fr-FR";
 * "en" -> "en-GB" before "en-US", UN style); languages without a dictionary are left out.
 */
export function pickSpellCheckDictionaries(languages: readonly string[], available: readonly string[]): string[] {
  const preferred: Record<string, string[]> = { en: ['en-GB', 'en-US', 'en'], fr: ['fr-FR', 'fr'], es: ['es-ES', 'es', 'es-419', 'es-MX'] };
  const out: string[] = [];
  for (const lang of languages) {
    const exact = (preferred[lang] ?? [lang]).find((code) => available.includes(code));
    const any = exact ?? available.find((code) => code.split('-')[0] === lang);
    if (any && !out.includes(any)) out.push(any);
  }
  return out;
}

export class IpcArgumentError extends TypeError {
  override name = 'IpcArgumentError';
}

const isRecord = (value: unknown): value is Record<string, unknown> =>
  typeof value === 'object' && value !== null && !Array.isArray(value);

export function parseFilters(value: unknown): FileFilter[] | undefined {
  if (value === undefined) return undefined;
  if (!Array.isArray(value) || value.length > 20) throw new IpcArgumentError('filters must be an array of at most 20 filters');
  return value.map((filter) => {
    if (!isRecord(filter) || typeof filter.name !== 'string' || filter.name.length > 100) {
      throw new IpcArgumentError('each filter needs a name string');
    }
    const { extensions } = filter;
    if (!Array.isArray(extensions) || extensions.length === 0 || extensions.length > 20) {
      throw new IpcArgumentError('each filter needs 1 to 20 extensions');
    }
    for (const ext of extensions) {
      if (typeof ext !== 'string' || !/^(\*|[A-Za-z0-9]{1,16})$/.test(ext)) {
        throw new IpcArgumentError(`invalid extension ${JSON.stringify(ext)}`);
      }
    }
    return { name: filter.name, extensions: [...(extensions as string[])] };
  });
}

/** A bare file name: no directories, no control characters, never empty. */
export function safeFileName(name: string): string {
  const base = name.split(/[\\/]/).pop() ?? '';
  // eslint-disable-next-line no-control-regex
  const cleaned = base.replace(/[\u0000-\u001f\u007f]/g, '').trim().slice(0, MAX_NAME_LENGTH);
  return cleaned === '' || cleaned === '.' || cleaned === '..' ? 'Untitled' : cleaned;
}

export function parseSaveFileRequest(value: unknown): SaveFileRequest {
  if (!isRecord(value)) throw new IpcArgumentError('saveFile expects a request object');
  const { suggestedName, data } = value;
  if (typeof suggestedName !== 'string') throw new IpcArgumentError('suggestedName must be a string');
  if (!(data instanceof Uint8Array)) throw new IpcArgumentError('data must be a Uint8Array');
  if (data.byteLength > MAX_SAVE_BYTES) throw new IpcArgumentError('data is larger than 200 MiB');
  return { suggestedName: safeFileName(suggestedName), data, filters: parseFilters(value.filters) };
}

export function parseOpenFileRequest(value: unknown): OpenFileRequest {
  if (value === undefined) return {};
  if (!isRecord(value)) throw new IpcArgumentError('openFile expects a request object');
  return { filters: parseFilters(value.filters) };
}

export function parseUrl(value: unknown): string {
  if (typeof value !== 'string' || value.length > MAX_URL_LENGTH) throw new IpcArgumentError('url must be a string');
  return value;
}
