// DesktopApi for the browser build: downloads instead of a save dialog, a file input instead of an open
// dialog. The web UI's own menu calls dispatchMenu so both builds share one command path.
import { isSafeExternalUrl, type DesktopApi, type FileFilter, type MenuEvent, type OpenedFile } from '../../../common/desktopApi';
import { version } from '../../../package.json';

/** Same cap as the desktop shell: an import larger than this would stall the tab. */
export const MAX_OPEN_BYTES = 50 * 1024 * 1024;

type MenuListener = (event: MenuEvent) => void;
const menuListeners = new Set<MenuListener>();

/** Runs a menu command through every onMenu subscriber, exactly as the native menu does on desktop. */
export function dispatchMenu(event: MenuEvent): void {
  for (const listener of [...menuListeners]) {
    try {
      listener({ ...event });
    } catch (error) {
      console.error('[rapporteur] menu listener failed', error);
    }
  }
}

/** The `accept` attribute for a file input; empty (anything) when a filter allows '*'. */
export function acceptFor(filters: FileFilter[] | undefined): string {
  const extensions = (filters ?? []).flatMap((filter) => filter.extensions);
  if (extensions.length === 0 || extensions.includes('*')) return '';
  return [...new Set(extensions.map((ext) => `.${ext.toLowerCase()}`))].join(',');
}

function download(name: string, data: Uint8Array): void {
  const url = URL.createObjectURL(new Blob([data.slice()], { type: 'application/octet-stream' }));
  const anchor = document.createElement('a');
  anchor.href = url;
  anchor.download = name;
  anchor.rel = 'noopener';
  anchor.style.display = 'none';
  document.body.append(anchor);
  anchor.click();
  anchor.remove();
  // Revoking at once can cancel the download in some browsers.
  setTimeout(() => URL.revokeObjectURL(url), 60_000);
}

function pickFile(accept: string): Promise<File | null> {
  return new Promise((resolve) => {
    const input = document.createElement('input');
    input.type = 'file';
    if (accept) input.accept = accept;
    input.style.display = 'none';
    const finish = (file: File | null) => {
      input.remove();
      resolve(file);
    };
    input.addEventListener('change', () => finish(input.files?.[0] ?? null), { once: true });
    input.addEventListener('cancel', () => finish(null), { once: true });
    document.body.append(input);
    input.click();
  });
}

export const webDesktopApi: DesktopApi = {
  async saveFile({ suggestedName, data }) {
    download(suggestedName, data);
    return { saved: true, location: suggestedName };
  },

  async openFile({ filters }): Promise<OpenedFile | null> {
    const file = await pickFile(acceptFor(filters));
    if (!file) return null;
    if (file.size > MAX_OPEN_BYTES) {
      const mb = (n: number) => (n / (1024 * 1024)).toFixed(1);
      throw new Error(`"${file.name}" is ${mb(file.size)} MB; files larger than ${mb(MAX_OPEN_BYTES)} MB cannot be opened.`);
    }
    return { name: file.name, data: new Uint8Array(await file.arrayBuffer()) };
  },

  async openExternal(url) {
    if (!isSafeExternalUrl(url)) return false;
    window.open(url, '_blank', 'noopener,noreferrer');
    return true;
  },

  // A browser spell-checks in the language of the element (`lang`, set from the document's language).
  async setSpellCheckerLanguages() {
    return [];
  },

  async appInfo() {
    return { name: 'Rapporteur', version, platform: 'web' };
  },

  onMenu(listener) {
    menuListeners.add(listener);
    return () => {
      menuListeners.delete(listener);
    };
  },
  // A tab cannot hold its own close; 'pagehide' is the only moment a browser gives.
  onBeforeClose: () => () => undefined,
};
