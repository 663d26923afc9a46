// The one contract between the renderer and the desktop shell. Electron's preload implements it over IPC;
// the web build implements it with downloads and a file input (renderer/src/platform/webDesktopApi.ts).

export interface FileFilter {
  name: string;
  extensions: string[];
}

export interface SaveFileRequest {
  suggestedName: string;
  data: Uint8Array;
  filters?: FileFilter[];
}

export interface SaveFileResult {
  /** false when the user cancelled */
  saved: boolean;
  /** shown to the user; a path on desktop, the file name in a browser */
  location?: string;
}

export interface OpenFileRequest {
  filters?: FileFilter[];
}

export interface OpenedFile {
  name: string;
  data: Uint8Array;
}

export interface AppInfo {
  name: string;
  version: string;
  platform: 'desktop' | 'web';
}

/** Commands sent by the native menu (and by the web build's own menu). */
export const MENU_COMMANDS = ['new-document', 'export', 'import-docx', 'rebuild-index', 'join-invite'] as const;
export type MenuCommand = (typeof MENU_COMMANDS)[number];

export interface MenuEvent {
  command: MenuCommand;
  /** for 'join-invite': the invite link the OS opened us with */
  payload?: string;
}

export interface DesktopApi {
  saveFile(request: SaveFileRequest): Promise<SaveFileResult>;
  /** null when the user cancelled */
  openFile(request: OpenFileRequest): Promise<OpenedFile | null>;
  /** Only https: and mailto: are opened; anything else resolves to false. */
  openExternal(url: string): Promise<boolean>;
  appInfo(): Promise<AppInfo>;
  /** Returns an unsubscribe function. */
  onMenu(listener: (event: MenuEvent) => void): () => void;
  /**
   * Spell-check in these languages (the open document's, as SPELL_CHECK_LANGUAGES codes). Resolves to the
   * dictionaries actually set (empty where the system spell-checker decides, as on macOS and in browsers).
   */
  setSpellCheckerLanguages(languages: string[]): Promise<string[]>;
  /**
   * Runs `task` when the window is about to close, and closes it once every task has settled (or after
   * CLOSE_WAIT_MS). Desktop only: a browser tab gives no such wait, and the page's 'pagehide' is all there is.
   * Returns an unsubscribe function.
   */
  onBeforeClose(task: () => Promise<void>): () => void;
}

/** How long the shell waits for the page's before-close tasks before it closes the window anyway. */
export const CLOSE_WAIT_MS = 3000;

/** Languages the renderer may ask the spell-checker for (the documents' languages). */
export const SPELL_CHECK_LANGUAGES = ['en', 'fr', 'es'] as const;

/** IPC channel names; the preload and main both use these and nothing else. */
export const IpcChannel = {
  saveFile: 'rapporteur:save-file',
  openFile: 'rapporteur:open-file',
  openExternal: 'rapporteur:open-external',
  appInfo: 'rapporteur:app-info',
  menu: 'rapporteur:menu',
  spellCheck: 'rapporteur:spell-check-languages',
  /** main -> page: the window was asked to close; the page runs its before-close tasks */
  beforeClose: 'rapporteur:before-close',
  /** page -> main (one-way): the before-close tasks have settled */
  readyToClose: 'rapporteur:ready-to-close',
} as const;
/** The channels that are messages, not invoke calls with a handler and a reply. */
export const MESSAGE_CHANNELS = [IpcChannel.menu, IpcChannel.beforeClose, IpcChannel.readyToClose] as const;
export type InvokeChannel = Exclude<(typeof IpcChannel)[keyof typeof IpcChannel], (typeof MESSAGE_CHANNELS)[number]>;

/** The global the preload exposes. */
export const DESKTOP_API_GLOBAL = 'rapporteurDesktop';

export const isSafeExternalUrl = (url: string): boolean => {
  try {
    const { protocol } = new URL(url);
    return protocol === 'https:' || protocol === 'mailto:';
  } catch {
    return false;
  }
};
