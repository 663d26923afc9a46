// The sandboxed preload: exposes DesktopApi as window.rapporteurDesktop and nothing else. Runs as CJS and
// may only import 'electron' and common/ code (bundled in). Listeners get plain data, never Electron events.
import { contextBridge, ipcRenderer, type IpcRendererEvent } from 'electron';
import {
  DESKTOP_API_GLOBAL,
  IpcChannel,
  MENU_COMMANDS,
  type DesktopApi,
  type MenuEvent,
} from '../../common/desktopApi';

type MenuListener = (event: MenuEvent) => void;

const listeners = new Set<MenuListener>();
/** Events that arrived before anyone listened (a deep link that launched the app). */
let early: MenuEvent[] = [];

function toMenuEvent(value: unknown): MenuEvent | null {
  if (typeof value !== 'object' || value === null) return null;
  const { command, payload } = value as Record<string, unknown>;
  if (!(MENU_COMMANDS as readonly unknown[]).includes(command)) return null;
  if (payload !== undefined && typeof payload !== 'string') return null;
  return payload === undefined ? { command: command as MenuEvent['command'] } : { command: command as MenuEvent['command'], payload };
}

function notify(listener: MenuListener, event: MenuEvent): void {
  try {
    listener({ ...event });
  } catch (error) {
    console.error('[rapporteur] menu listener failed', error);
  }
}

function flushEarly(): void {
  if (listeners.size === 0 || early.length === 0) return;
  const waiting = early;
  early = [];
  for (const event of waiting) for (const listener of [...listeners]) notify(listener, event);
}

ipcRenderer.on(IpcChannel.menu, (_event: IpcRendererEvent, value: unknown) => {
  const event = toMenuEvent(value);
  if (!event) return;
  if (listeners.size === 0) {
    early.push(event);
    return;
  }
  for (const listener of [...listeners]) notify(listener, event);
});

type CloseTask = () => Promise<void>;
const closeTasks = new Set<CloseTask>();

// The window is closing: run every before-close task, then tell main it may close (a task that fails, or throws
// before it returns, is logged; the close goes ahead, as it would after main's own wait).
ipcRenderer.on(IpcChannel.beforeClose, () => {
  void Promise.allSettled([...closeTasks].map(async (task) => task())).then((results) => {
    for (const result of results) if (result.status === 'rejected') console.error('[rapporteur] before-close task failed', result.reason);
    ipcRenderer.send(IpcChannel.readyToClose);
  });
});

const api: DesktopApi = {
  saveFile: (request) => ipcRenderer.invoke(IpcChannel.saveFile, request),
  openFile: (request) => ipcRenderer.invoke(IpcChannel.openFile, request),
  openExternal: (url) => ipcRenderer.invoke(IpcChannel.openExternal, url),
  appInfo: () => ipcRenderer.invoke(IpcChannel.appInfo),
  setSpellCheckerLanguages: (languages) => ipcRenderer.invoke(IpcChannel.spellCheck, languages),
  onMenu: (listener) => {
    if (typeof listener !== 'function') throw new TypeError('onMenu needs a function');
    listeners.add(listener);
    // Deliver held events after the caller's synchronous work, to whoever is subscribed by then (React's
    // StrictMode subscribes, unsubscribes and subscribes again in one go).
    if (early.length > 0) queueMicrotask(flushEarly);
    return () => {
      listeners.delete(listener);
    };
  },
  onBeforeClose: (task) => {
    if (typeof task !== 'function') throw new TypeError('onBeforeClose needs a function');
    closeTasks.add(task);
    return () => {
      closeTasks.delete(task);
    };
  },
};

contextBridge.exposeInMainWorld(DESKTOP_API_GLOBAL, api);
