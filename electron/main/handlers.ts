// The one map of what the renderer may ask of the main process (AFFiNE's handlers.ts). ipc.ts registers
// exactly these channels, behind the sender check; arguments are validated here before anything runs.
import { app, BrowserWindow, dialog, type IpcMainInvokeEvent, type OpenDialogOptions } from 'electron';
import { readFile, stat, writeFile } from 'node:fs/promises';
import { basename, join } from 'node:path';
import { IpcChannel, type AppInfo, type InvokeChannel, type OpenedFile, type SaveFileResult } from '../../common/desktopApi';
import { parseOpenFileRequest, parseSaveFileRequest, parseSpellCheckLanguages, parseUrl, pickSpellCheckDictionaries } from './ipcArgs';
import { openExternalSafely } from './securityRestrictions';

export const MAX_OPEN_BYTES = 50 * 1024 * 1024;

export type IpcHandler = (event: IpcMainInvokeEvent, ...args: unknown[]) => Promise<unknown>;
export type HandlerMap = Record<InvokeChannel, IpcHandler>;

const parentWindow = (event: IpcMainInvokeEvent) => BrowserWindow.fromWebContents(event.sender) ?? undefined;

const megabytes = (bytes: number) => (bytes / (1024 * 1024)).toFixed(1);

export const handlers = {
  [IpcChannel.saveFile]: async (event, rawRequest): Promise<SaveFileResult> => {
    const request = parseSaveFileRequest(rawRequest);
    const options = {
      defaultPath: join(app.getPath('documents'), request.suggestedName),
      filters: request.filters,
    };
    const win = parentWindow(event);
    const result = win ? await dialog.showSaveDialog(win, options) : await dialog.showSaveDialog(options);
    if (result.canceled || !result.filePath) return { saved: false };
    await writeFile(result.filePath, request.data);
    return { saved: true, location: result.filePath };
  },

  [IpcChannel.openFile]: async (event, rawRequest): Promise<OpenedFile | null> => {
    const request = parseOpenFileRequest(rawRequest);
    const options: OpenDialogOptions = { properties: ['openFile'], filters: request.filters };
    const win = parentWindow(event);
    const result = win ? await dialog.showOpenDialog(win, options) : await dialog.showOpenDialog(options);
    const filePath = result.filePaths[0];
    if (result.canceled || !filePath) return null;
    const name = basename(filePath);
    const { size } = await stat(filePath);
    if (size > MAX_OPEN_BYTES) {
      throw new Error(`"${name}" is ${megabytes(size)} MB; files larger than ${megabytes(MAX_OPEN_BYTES)} MB cannot be opened.`);
    }
    const bytes = await readFile(filePath);
    return { name, data: new Uint8Array(bytes.buffer, bytes.byteOffset, bytes.byteLength) };
  },

  [IpcChannel.openExternal]: async (_event, rawUrl): Promise<boolean> => openExternalSafely(parseUrl(rawUrl)),

  // The sender's own session: the document's language becomes the spell-checker's (no-op on macOS, where the
  // system picks the language itself; availableSpellCheckerLanguages is then empty).
  [IpcChannel.spellCheck]: async (event, rawLanguages): Promise<string[]> => {
    const languages = parseSpellCheckLanguages(rawLanguages);
    const session = event.sender.session;
    const dictionaries = pickSpellCheckDictionaries(languages, session.availableSpellCheckerLanguages);
    if (dictionaries.length) session.setSpellCheckerLanguages(dictionaries);
    return dictionaries;
  },

  [IpcChannel.appInfo]: async (): Promise<AppInfo> => ({ name: app.getName(), version: app.getVersion(), platform: 'desktop' }),
} satisfies HandlerMap;
