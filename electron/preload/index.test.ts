import { beforeEach, describe, expect, it, vi } from 'vitest';

type IpcListener = (event: unknown, ...args: unknown[]) => void;
const electron = vi.hoisted(() => ({
  exposed: new Map<string, unknown>(),
  ipcListeners: new Map<string, IpcListener[]>(),
}));
vi.mock('electron', () => ({
  contextBridge: { exposeInMainWorld: vi.fn((key: string, api: unknown) => electron.exposed.set(key, api)) },
  ipcRenderer: {
    invoke: vi.fn(async (channel: string, ...args: unknown[]) => ({ channel, args })),
    send: vi.fn(),
    on: vi.fn((channel: string, listener: IpcListener) => {
      electron.ipcListeners.set(channel, [...(electron.ipcListeners.get(channel) ?? []), listener]);
    }),
  },
}));

import { ipcRenderer } from 'electron';
import { DESKTOP_API_GLOBAL, IpcChannel, type DesktopApi, type MenuEvent } from '../../common/desktopApi';

const fakeElectronEvent = { sender: { send: () => 'ipcRenderer leaked' }, ports: [] };
const sendFromMain = (value: unknown) => electron.ipcListeners.get(IpcChannel.menu)?.forEach((l) => l(fakeElectronEvent, value));

async function loadPreload(): Promise<DesktopApi> {
  vi.resetModules();
  electron.exposed.clear();
  electron.ipcListeners.clear();
  await import('./index');
  return electron.exposed.get(DESKTOP_API_GLOBAL) as DesktopApi;
}

beforeEach(() => {
  vi.mocked(ipcRenderer.invoke).mockClear();
  vi.mocked(ipcRenderer.send).mockClear();
});

const askToClose = () => electron.ipcListeners.get(IpcChannel.beforeClose)?.forEach((l) => l(fakeElectronEvent));
const readyToCloseSent = () => vi.mocked(ipcRenderer.send).mock.calls.filter(([channel]) => channel === IpcChannel.readyToClose).length;

describe('preload', () => {
  it('exposes one global with exactly the DesktopApi verbs', async () => {
    const api = await loadPreload();
    expect([...electron.exposed.keys()]).toEqual([DESKTOP_API_GLOBAL]);
    expect(Object.keys(api).sort()).toEqual(['appInfo', 'onBeforeClose', 'onMenu', 'openExternal', 'openFile', 'saveFile', 'setSpellCheckerLanguages']);
    for (const value of Object.values(api)) expect(typeof value).toBe('function');
    expect(api).not.toHaveProperty('ipcRenderer');
  });

  it('invokes only the contract channels', async () => {
    const api = await loadPreload();
    const data = new Uint8Array([1]);
    await api.saveFile({ suggestedName: 'a.docx', data });
    await api.openFile({ filters: [{ name: 'Word', extensions: ['docx'] }] });
    await api.openExternal('https://example.org');
    await api.appInfo();
    expect(vi.mocked(ipcRenderer.invoke).mock.calls).toEqual([
      [IpcChannel.saveFile, { suggestedName: 'a.docx', data }],
      [IpcChannel.openFile, { filters: [{ name: 'Word', extensions: ['docx'] }] }],
      [IpcChannel.openExternal, 'https://example.org'],
      [IpcChannel.appInfo],
    ]);
  });

  it('gives menu listeners plain data, never the Electron event, and unsubscribes', async () => {
    const api = await loadPreload();
    const received: unknown[][] = [];
    const unsubscribe = api.onMenu((...args: unknown[]) => received.push(args));
    sendFromMain({ command: 'export' });
    sendFromMain({ command: 'join-invite', payload: 'rapporteur://join?server=wss://a&token=t', extra: 'dropped' });
    expect(received).toEqual([[{ command: 'export' }], [{ command: 'join-invite', payload: 'rapporteur://join?server=wss://a&token=t' }]]);
    expect(typeof unsubscribe).toBe('function');
    unsubscribe();
    sendFromMain({ command: 'new-document' });
    expect(received).toHaveLength(2);
  });

  it('drops malformed menu messages', async () => {
    const api = await loadPreload();
    const received: MenuEvent[] = [];
    api.onMenu((event) => received.push(event));
    for (const bad of [null, 'export', { command: 'rm -rf' }, { command: 'export', payload: 42 }, { payload: 'x' }]) sendFromMain(bad);
    expect(received).toEqual([]);
  });

  it('keeps events that arrive before anyone listens and delivers them once to the listeners present', async () => {
    const api = await loadPreload();
    const invite = { command: 'join-invite', payload: 'rapporteur://join?server=wss://a&token=t' };
    sendFromMain(invite);
    const first: MenuEvent[] = [];
    const second: MenuEvent[] = [];
    api.onMenu((event) => first.push(event));
    api.onMenu((event) => second.push(event));
    await Promise.resolve();
    expect(first).toEqual([invite]);
    expect(second).toEqual([invite]);
    const late: MenuEvent[] = [];
    api.onMenu((event) => late.push(event));
    await Promise.resolve();
    expect(late).toEqual([]);
  });

  it('does not hand held events to a listener that already unsubscribed (StrictMode remount)', async () => {
    const api = await loadPreload();
    sendFromMain({ command: 'export' });
    const stale: MenuEvent[] = [];
    const current: MenuEvent[] = [];
    const off = api.onMenu((event) => stale.push(event));
    off();
    api.onMenu((event) => current.push(event));
    await Promise.resolve();
    expect(stale).toEqual([]);
    expect(current).toEqual([{ command: 'export' }]);
  });

  it('keeps holding when the only listener leaves before the flush', async () => {
    const api = await loadPreload();
    sendFromMain({ command: 'export' });
    api.onMenu(() => undefined)();
    await Promise.resolve();
    const later: MenuEvent[] = [];
    api.onMenu((event) => later.push(event));
    await Promise.resolve();
    expect(later).toEqual([{ command: 'export' }]);
  });

  it('keeps delivering when one listener throws', async () => {
    const api = await loadPreload();
    const errors = vi.spyOn(console, 'error').mockImplementation(() => undefined);
    const received: MenuEvent[] = [];
    api.onMenu(() => {
      throw new Error('boom');
    });
    api.onMenu((event) => received.push(event));
    sendFromMain({ command: 'rebuild-index' });
    expect(received).toEqual([{ command: 'rebuild-index' }]);
    expect(errors).toHaveBeenCalled();
  });

  it('answers a close only after every before-close task settled, failed ones included', async () => {
    const api = await loadPreload();
    const errors = vi.spyOn(console, 'error').mockImplementation(() => undefined);
    let finishWrite!: () => void;
    const written = new Promise<void>((resolve) => (finishWrite = resolve));
    const order: string[] = [];
    api.onBeforeClose(() => written.then(() => void order.push('written')));
    api.onBeforeClose(async () => {
      throw new Error('disk full');
    });
    api.onBeforeClose((() => {
      throw new Error('thrown before any promise');
    }) as unknown as () => Promise<void>);
    const off = api.onBeforeClose(async () => void order.push('removed task ran'));
    off();
    askToClose();
    await new Promise((r) => setTimeout(r, 10));
    expect(readyToCloseSent()).toBe(0);
    finishWrite();
    await vi.waitFor(() => expect(readyToCloseSent()).toBe(1));
    expect(order).toEqual(['written']);
    expect(errors.mock.calls.filter(([message]) => message === '[rapporteur] before-close task failed')).toHaveLength(2);
    expect(errors).toHaveBeenCalledWith('[rapporteur] before-close task failed', expect.objectContaining({ message: 'thrown before any promise' }));
  });

  it('answers at once when nothing waits on the close', async () => {
    await loadPreload();
    askToClose();
    await vi.waitFor(() => expect(readyToCloseSent()).toBe(1));
  });
});
