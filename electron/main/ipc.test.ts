import { beforeEach, describe, expect, it, vi } from 'vitest';

type Registered = (event: unknown, ...args: unknown[]) => Promise<unknown>;
const electron = vi.hoisted(() => {
  const registered = new Map<string, Registered>();
  const listeners = new Map<string, Set<(event: unknown) => void>>();
  return {
    registered,
    listeners,
    ipcMain: {
      on: vi.fn((channel: string, fn: (event: unknown) => void) => {
        listeners.set(channel, (listeners.get(channel) ?? new Set()).add(fn));
      }),
      off: vi.fn((channel: string, fn: (event: unknown) => void) => listeners.get(channel)?.delete(fn)),
      handle: vi.fn((channel: string, fn: Registered) => {
        if (registered.has(channel)) throw new Error(`second handler for ${channel}`);
        registered.set(channel, fn);
      }),
      removeHandler: vi.fn((channel: string) => registered.delete(channel)),
    },
  };
});
vi.mock('electron', () => ({ ipcMain: electron.ipcMain }));

import type { IpcMainInvokeEvent, WebContents } from 'electron';
import { IpcChannel } from '../../common/desktopApi';
import type { HandlerMap } from './handlers';
import { INVOKE_CHANNELS, IpcSenderError, listenReadyToClose, registerIpcHandlers, senderRejection } from './ipc';

const appContents = { id: 1 } as unknown as WebContents;
const otherContents = { id: 2 } as unknown as WebContents;
const topFrame = (url: string) => ({ url, parent: null });
const subFrame = (url: string) => ({ url, parent: topFrame('app://rapporteur/index.html') });
const makeEvent = (sender: WebContents, senderFrame: unknown) => ({ sender, senderFrame }) as unknown as IpcMainInvokeEvent;

const policy = { appContents: () => appContents };
const calls: string[] = [];
const fakeHandlers: HandlerMap = {
  [IpcChannel.saveFile]: async () => calls.push('save'),
  [IpcChannel.openFile]: async () => calls.push('open'),
  [IpcChannel.openExternal]: async (_event, url) => calls.push(`external ${String(url)}`),
  [IpcChannel.appInfo]: async () => ({ platform: 'desktop' }),
  [IpcChannel.spellCheck]: async (_event, langs) => calls.push(`spell ${String(langs)}`),
};

beforeEach(() => {
  electron.registered.clear();
  vi.clearAllMocks();
  calls.length = 0;
  vi.spyOn(console, 'warn').mockImplementation(() => undefined);
});

describe('registerIpcHandlers', () => {
  it('registers exactly the five invoke channels, never the menu channel', () => {
    registerIpcHandlers(fakeHandlers, policy);
    expect([...electron.registered.keys()].sort()).toEqual(
      [IpcChannel.appInfo, IpcChannel.openExternal, IpcChannel.openFile, IpcChannel.saveFile, IpcChannel.spellCheck].sort(),
    );
    for (const message of [IpcChannel.menu, IpcChannel.beforeClose, IpcChannel.readyToClose]) {
      expect(electron.registered.has(message)).toBe(false);
    }
    expect(INVOKE_CHANNELS).toHaveLength(5);
  });

  it('refuses a handler map with unknown channels', () => {
    const withExtra = { ...fakeHandlers, 'rapporteur:run-shell': async () => 'pwned' } as HandlerMap;
    expect(() => registerIpcHandlers(withExtra, policy)).toThrow(/unknown channels: rapporteur:run-shell/);
    expect(electron.registered.size).toBe(0);
  });

  it('refuses a map with a missing handler', () => {
    const { [IpcChannel.appInfo]: _dropped, ...partial } = fakeHandlers;
    expect(() => registerIpcHandlers(partial as HandlerMap, policy)).toThrow(/no handler for rapporteur:app-info/);
  });

  it('runs handlers for our top frame and passes arguments through', async () => {
    registerIpcHandlers(fakeHandlers, policy);
    const ok = makeEvent(appContents, topFrame('app://rapporteur/index.html#/workspaces'));
    await electron.registered.get(IpcChannel.openExternal)!(ok, 'https://example.org');
    expect(await electron.registered.get(IpcChannel.appInfo)!(ok)).toEqual({ platform: 'desktop' });
    expect(calls).toEqual(['external https://example.org']);
  });

  it('drops calls from a wrong origin, a sub-frame, another window, or no frame, without running the handler', async () => {
    registerIpcHandlers(fakeHandlers, policy);
    const save = electron.registered.get(IpcChannel.saveFile)!;
    const refused = [
      makeEvent(appContents, topFrame('https://example.org/')),
      makeEvent(appContents, topFrame('app://evil/index.html')),
      makeEvent(appContents, topFrame('file:///tmp/index.html')),
      makeEvent(appContents, subFrame('app://rapporteur/index.html')),
      makeEvent(otherContents, topFrame('app://rapporteur/index.html')),
      makeEvent(appContents, null),
    ];
    for (const event of refused) await expect(save(event)).rejects.toBeInstanceOf(IpcSenderError);
    expect(calls).toEqual([]);
    expect(console.warn).toHaveBeenCalledTimes(refused.length);
  });

  it('drops everything while there is no app window', async () => {
    registerIpcHandlers(fakeHandlers, { appContents: () => undefined });
    await expect(electron.registered.get(IpcChannel.saveFile)!(makeEvent(appContents, topFrame('app://rapporteur/')))).rejects.toThrow(/not the app window/);
  });

  it('accepts the dev server only when it is the configured dev origin', async () => {
    registerIpcHandlers(fakeHandlers, { ...policy, devOrigin: 'http://localhost:5173' });
    const save = electron.registered.get(IpcChannel.saveFile)!;
    await save(makeEvent(appContents, topFrame('http://localhost:5173/')));
    await expect(save(makeEvent(appContents, topFrame('http://localhost:6666/')))).rejects.toThrow(/not trusted/);
    expect(calls).toEqual(['save']);
  });

  it('returns a disposer that removes the handlers', () => {
    const dispose = registerIpcHandlers(fakeHandlers, policy);
    dispose();
    expect(electron.registered.size).toBe(0);
  });
});

describe('senderRejection', () => {
  it('explains each refusal', () => {
    expect(senderRejection(makeEvent(appContents, topFrame('app://rapporteur/')), policy)).toBeUndefined();
    expect(senderRejection(makeEvent(appContents, null), policy)).toBe('no sender frame');
    expect(senderRejection(makeEvent(appContents, subFrame('app://rapporteur/')), policy)).toBe('sender is a sub-frame');
    expect(senderRejection(makeEvent(otherContents, topFrame('app://rapporteur/')), policy)).toBe('sender is not the app window');
    expect(senderRejection(makeEvent(appContents, topFrame('https://example.org/')), policy)).toMatch(/not trusted/);
  });

  it('treats a frame that throws on access as gone', () => {
    const event = { sender: appContents, get senderFrame(): never { throw new Error('destroyed'); } } as unknown as IpcMainInvokeEvent;
    expect(senderRejection(event, policy)).toBe('sender frame is gone');
  });

  it('sets spell-check languages only for our own top frame', async () => {
    registerIpcHandlers(fakeHandlers, policy);
    const handler = electron.registered.get(IpcChannel.spellCheck)!;
    await handler(makeEvent(appContents, topFrame('app://rapporteur/index.html')), ['fr']);
    expect(calls).toEqual(['spell fr']);
    await expect(handler(makeEvent(otherContents, topFrame('app://rapporteur/index.html')), ['es'])).rejects.toThrow();
    await expect(handler(makeEvent(appContents, subFrame('app://rapporteur/index.html')), ['es'])).rejects.toThrow();
    expect(calls).toEqual(['spell fr']);
  });
});

describe('listenReadyToClose', () => {
  const send = (event: unknown) => electron.listeners.get(IpcChannel.readyToClose)?.forEach((l) => l(event));

  it('passes on the app window top frame, drops a sub-frame, another window and a foreign origin', () => {
    const ready: unknown[] = [];
    const stop = listenReadyToClose(policy, (sender) => ready.push(sender));
    send(makeEvent(otherContents, topFrame('app://rapporteur/index.html')));
    send(makeEvent(appContents, subFrame('app://rapporteur/frame.html')));
    send(makeEvent(appContents, topFrame('https://evil.example/')));
    expect(ready).toEqual([]);
    expect(console.warn).toHaveBeenCalledTimes(3);
    send(makeEvent(appContents, topFrame('app://rapporteur/index.html')));
    expect(ready).toEqual([appContents]);
    stop();
    expect(electron.listeners.get(IpcChannel.readyToClose)?.size).toBe(0);
  });
});
