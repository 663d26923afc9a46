import { mkdtempSync, readFileSync, rmSync, truncateSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeEach, describe, expect, it, vi } from 'vitest';

const electron = vi.hoisted(() => ({
  app: { getPath: vi.fn(() => '/home/me/Documents'), getName: () => 'Rapporteur', getVersion: () => '0.1.0' },
  BrowserWindow: { fromWebContents: vi.fn(() => null as unknown) },
  dialog: { showSaveDialog: vi.fn(), showOpenDialog: vi.fn() },
  shell: { openExternal: vi.fn(async () => undefined) },
}));
vi.mock('electron', () => electron);

import type { IpcMainInvokeEvent } from 'electron';
import { IpcChannel } from '../../common/desktopApi';
import { handlers, MAX_OPEN_BYTES } from './handlers';
import { INVOKE_CHANNELS } from './ipc';

const dir = mkdtempSync(join(tmpdir(), 'rapporteur-handlers-'));
afterAll(() => rmSync(dir, { recursive: true, force: true }));
const event = { sender: {} } as IpcMainInvokeEvent;

beforeEach(() => {
  vi.clearAllMocks();
  electron.BrowserWindow.fromWebContents.mockReturnValue(null);
});

describe('handler map', () => {
  it('has exactly one handler per invoke channel', () => {
    expect(Object.keys(handlers).sort()).toEqual([...INVOKE_CHANNELS].sort());
    expect(INVOKE_CHANNELS).not.toContain(IpcChannel.menu);
  });
});

describe('saveFile', () => {
  it('writes the bytes where the user chose and reports the path', async () => {
    const target = join(dir, 'Report.docx');
    electron.dialog.showSaveDialog.mockResolvedValue({ canceled: false, filePath: target });
    const result = await handlers[IpcChannel.saveFile](event, {
      suggestedName: 'Report.docx',
      data: new Uint8Array([80, 75, 3, 4]),
      filters: [{ name: 'Word document', extensions: ['docx'] }],
    });
    expect(result).toEqual({ saved: true, location: target });
    expect([...readFileSync(target)]).toEqual([80, 75, 3, 4]);
    expect(electron.dialog.showSaveDialog).toHaveBeenCalledWith({
      defaultPath: join('/home/me/Documents', 'Report.docx'),
      filters: [{ name: 'Word document', extensions: ['docx'] }],
    });
  });

  it('parents the dialog to the calling window', async () => {
    const win = { id: 1 };
    electron.BrowserWindow.fromWebContents.mockReturnValue(win);
    electron.dialog.showSaveDialog.mockResolvedValue({ canceled: true, filePath: '' });
    await handlers[IpcChannel.saveFile](event, { suggestedName: 'a.docx', data: new Uint8Array() });
    expect(electron.dialog.showSaveDialog).toHaveBeenCalledWith(win, expect.objectContaining({ defaultPath: expect.any(String) }));
  });

  it('returns saved:false when the user cancels, without writing', async () => {
    electron.dialog.showSaveDialog.mockResolvedValue({ canceled: true, filePath: '' });
    expect(await handlers[IpcChannel.saveFile](event, { suggestedName: 'a.docx', data: new Uint8Array([1]) })).toEqual({ saved: false });
  });

  it('keeps the suggested name inside the documents folder', async () => {
    electron.dialog.showSaveDialog.mockResolvedValue({ canceled: true, filePath: '' });
    await handlers[IpcChannel.saveFile](event, { suggestedName: '../../../etc/cron.d/x', data: new Uint8Array() });
    expect(electron.dialog.showSaveDialog.mock.calls[0][0].defaultPath).toBe(join('/home/me/Documents', 'x'));
  });

  it('rejects bad arguments before showing any dialog', async () => {
    await expect(handlers[IpcChannel.saveFile](event, { suggestedName: 'a', data: 'not bytes' })).rejects.toThrow(/Uint8Array/);
    await expect(handlers[IpcChannel.saveFile](event, undefined)).rejects.toThrow(/request object/);
    expect(electron.dialog.showSaveDialog).not.toHaveBeenCalled();
  });
});

describe('openFile', () => {
  it('returns the chosen file name and bytes', async () => {
    const source = join(dir, 'contribution.docx');
    writeFileSync(source, new Uint8Array([9, 8, 7]));
    electron.dialog.showOpenDialog.mockResolvedValue({ canceled: false, filePaths: [source] });
    const opened = await handlers[IpcChannel.openFile](event, { filters: [{ name: 'Word', extensions: ['docx'] }] });
    expect(opened).not.toBeNull();
    expect(opened!.name).toBe('contribution.docx');
    expect(opened!.data).toBeInstanceOf(Uint8Array);
    expect([...opened!.data]).toEqual([9, 8, 7]);
    expect(electron.dialog.showOpenDialog).toHaveBeenCalledWith({ properties: ['openFile'], filters: [{ name: 'Word', extensions: ['docx'] }] });
  });

  it('returns null when the user cancels', async () => {
    electron.dialog.showOpenDialog.mockResolvedValue({ canceled: true, filePaths: [] });
    expect(await handlers[IpcChannel.openFile](event, {})).toBeNull();
  });

  it('refuses files over the size cap with a clear message', async () => {
    const big = join(dir, 'huge.docx');
    writeFileSync(big, '');
    truncateSync(big, MAX_OPEN_BYTES + 1); // sparse: costs no disk
    electron.dialog.showOpenDialog.mockResolvedValue({ canceled: false, filePaths: [big] });
    await expect(handlers[IpcChannel.openFile](event, {})).rejects.toThrow('"huge.docx" is 50.0 MB; files larger than 50.0 MB cannot be opened.');
  });

  it('rejects malformed filters', async () => {
    await expect(handlers[IpcChannel.openFile](event, { filters: [{ name: 'x', extensions: ['../../'] }] })).rejects.toThrow(/extension/);
    expect(electron.dialog.showOpenDialog).not.toHaveBeenCalled();
  });
});

describe('openExternal / appInfo', () => {
  it('opens https and mailto only', async () => {
    expect(await handlers[IpcChannel.openExternal](event, 'https://example.org')).toBe(true);
    expect(await handlers[IpcChannel.openExternal](event, 'file:///etc/passwd')).toBe(false);
    await expect(handlers[IpcChannel.openExternal](event, { href: 'https://example.org' })).rejects.toThrow(/string/);
    expect(electron.shell.openExternal).toHaveBeenCalledTimes(1);
  });

  it('reports the desktop platform and version', async () => {
    expect(await handlers[IpcChannel.appInfo]()).toEqual({ name: 'Rapporteur', version: '0.1.0', platform: 'desktop' });
  });
});

describe('spell-check languages', () => {
  const session = (available: string[]) => {
    const set: string[][] = [];
    return { set, event: { sender: { session: { availableSpellCheckerLanguages: available, setSpellCheckerLanguages: (l: string[]) => set.push(l) } } } as unknown as IpcMainInvokeEvent };
  };
  it("sets the sender session's dictionaries for the document's language", async () => {
    const s = session(['en-US', 'en-GB', 'fr', 'es', 'es-419', 'de']);
    expect(await handlers[IpcChannel.spellCheck](s.event, ['fr'])).toEqual(['fr']);
    expect(await handlers[IpcChannel.spellCheck](s.event, ['en'])).toEqual(['en-GB']);
    expect(await handlers[IpcChannel.spellCheck](s.event, ['es', 'en'])).toEqual(['es', 'en-GB']);
    expect(s.set).toEqual([['fr'], ['en-GB'], ['es', 'en-GB']]);
  });
  it('leaves the system in charge when it has no dictionaries (macOS)', async () => {
    const s = session([]);
    expect(await handlers[IpcChannel.spellCheck](s.event, ['fr'])).toEqual([]);
    expect(s.set).toEqual([]);
  });
  it('refuses anything but a short list of known language codes', async () => {
    const s = session(['fr']);
    for (const bad of [undefined, 'fr', [], ['de'], ['fr', 'fr', 'fr', 'fr'], [{ toString: () => 'fr' }], ['../fr']])
      await expect(handlers[IpcChannel.spellCheck](s.event, bad)).rejects.toThrow(/spell-check/);
    expect(s.set).toEqual([]);
  });
});
