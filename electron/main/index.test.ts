// Drives the real main-process wiring against a fake 'electron' module: order of start-up calls, window
// options, deep-link forwarding and the single-instance lock. (No Electron binary is needed.)
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, afterEach, beforeEach, describe, expect, it, vi } from 'vitest';

const fake = await vi.hoisted(async () => {
  const { EventEmitter } = await import('node:events');
  const log: string[] = [];
  const menus: unknown[] = [];
  class FakeContents extends EventEmitter {
    sent: unknown[][] = [];
    windowOpenHandler: ((d: { url: string }) => unknown) | undefined;
    send(...args: unknown[]) {
      this.sent.push(args);
    }
    isCrashed = () => false;
    setWindowOpenHandler(handler: (d: { url: string }) => unknown) {
      this.windowOpenHandler = handler;
    }
  }
  class FakeWindow extends EventEmitter {
    static all: FakeWindow[] = [];
    webContents = new FakeContents();
    loaded: string[] = [];
    focused = 0;
    constructor(readonly options: Record<string, unknown>) {
      super();
      FakeWindow.all.push(this);
      log.push('new BrowserWindow');
    }
    loadURL(url: string) {
      this.loaded.push(url);
      return Promise.resolve();
    }
    getNormalBounds = () => ({ x: 0, y: 0, width: 1280, height: 860 });
    isMaximized = () => false;
    isMinimized = () => false;
    destroyed = false;
    isDestroyed = () => this.destroyed;
    close() {
      let prevented = false;
      this.emit('close', { preventDefault: () => (prevented = true) });
      if (!prevented) {
        this.destroyed = true;
        log.push('window closed');
        this.emit('closed');
      }
    }
    maximize = () => undefined;
    restore = () => undefined;
    show = () => undefined;
    focus = () => {
      this.focused++;
    };
    static fromWebContents = () => null;
  }
  let resolveReady: () => void = () => undefined;
  let ready = Promise.resolve();
  const app = Object.assign(new EventEmitter(), {
    isPackaged: false,
    lock: true,
    readyNow: false,
    paths: new Map<string, string>([['appData', '/tmp/appdata']]),
    setName: (name: string) => log.push(`setName ${name}`),
    getName: () => 'Rapporteur',
    getVersion: () => '0.1.0',
    setPath(name: string, value: string) {
      this.paths.set(name, value);
      log.push(`setPath ${name}`);
    },
    getPath(name: string) {
      return this.paths.get(name) ?? `/tmp/${name}`;
    },
    requestSingleInstanceLock() {
      log.push('requestSingleInstanceLock');
      return this.lock;
    },
    enableSandbox: () => log.push('enableSandbox'),
    setAsDefaultProtocolClient: (...args: unknown[]) => log.push(`setAsDefaultProtocolClient ${args.join(' ')}`),
    quit: () => log.push('quit'),
    isReady() {
      return this.readyNow;
    },
    whenReady: () => ready,
    resetReady() {
      this.readyNow = false;
      ready = new Promise<void>((resolve) => (resolveReady = resolve));
    },
    fireReady() {
      this.readyNow = true;
      resolveReady();
    },
  });
  const fake = {
    log,
    menus,
    FakeWindow,
    FakeContents,
    app,
    protocol: {
      registerSchemesAsPrivileged: () => log.push('registerSchemesAsPrivileged'),
      handle: (scheme: string) => log.push(`protocol.handle ${scheme}`),
    },
    session: {
      defaultSession: {
        setPermissionRequestHandler: () => log.push('setPermissionRequestHandler'),
        setPermissionCheckHandler: () => log.push('setPermissionCheckHandler'),
      },
    },
    ipcListeners: new Map<string, (event: unknown) => void>(),
    ipcMain: {
      handle: (channel: string) => log.push(`ipcMain.handle ${channel}`),
      removeHandler: () => undefined,
      on(channel: string, listener: (event: unknown) => void) {
        fake.ipcListeners.set(channel, listener);
      },
      off: () => undefined,
    },
    Menu: {
      buildFromTemplate: (t: unknown) => t,
      setApplicationMenu: (menu: unknown) => {
        log.push('setApplicationMenu');
        menus.push(menu);
      },
    },
    screen: {
      getPrimaryDisplay: () => ({ id: 1, workArea: { x: 0, y: 0, width: 1920, height: 1080 } }),
      getAllDisplays: () => [{ id: 1, workArea: { x: 0, y: 0, width: 1920, height: 1080 } }],
    },
    dialog: {
      showMessageBox: async (...args: unknown[]) => {
        const options = args.at(-1) as { message: string; detail?: string };
        log.push(`showMessageBox ${options.message}: ${options.detail ?? ''}`);
        return { response: 1 };
      },
    },
    shell: { openExternal: async () => undefined },
  };
  return fake;
});

vi.mock('electron', () => ({
  app: fake.app,
  BrowserWindow: fake.FakeWindow,
  protocol: fake.protocol,
  session: fake.session,
  ipcMain: fake.ipcMain,
  Menu: fake.Menu,
  screen: fake.screen,
  dialog: fake.dialog,
  shell: fake.shell,
}));

const userData = mkdtempSync(join(tmpdir(), 'rapporteur-main-'));
const invite = 'rapporteur://join?server=wss%3A%2F%2Fsync.example.org&token=abc123';
const savedArgv = process.argv;

beforeEach(() => {
  vi.resetModules();
  fake.log.length = 0;
  fake.menus.length = 0;
  fake.FakeWindow.all = [];
  fake.app.removeAllListeners();
  fake.app.lock = true;
  fake.app.resetReady();
  fake.ipcListeners.clear();
  process.env.RAPPORTEUR_USER_DATA = userData;
  delete process.env.ELECTRON_RENDERER_URL;
  vi.spyOn(console, 'warn').mockImplementation(() => undefined);
});
afterEach(() => {
  process.argv = savedArgv;
  delete process.env.RAPPORTEUR_USER_DATA;
});
afterAll(() => rmSync(userData, { recursive: true, force: true }));

const flush = () => new Promise((resolve) => setTimeout(resolve, 0));

describe('main process wiring', () => {
  it('prepares everything before ready, then creates one sandboxed window on app://', async () => {
    process.argv = ['/usr/bin/electron', 'out/main/index.js'];
    await import('./index');
    const beforeReady = [...fake.log];
    expect(beforeReady.indexOf('setPath userData')).toBeLessThan(beforeReady.indexOf('requestSingleInstanceLock'));
    expect(beforeReady).toContain('registerSchemesAsPrivileged');
    expect(beforeReady).toContain('enableSandbox');
    expect(beforeReady).not.toContain('new BrowserWindow');
    expect(beforeReady.some((line) => line.startsWith('setAsDefaultProtocolClient'))).toBe(false); // dev: opt-in only
    expect(fake.app.paths.get('userData')).toBe(userData);

    fake.app.fireReady();
    await flush();
    expect(fake.log).toEqual(expect.arrayContaining(['protocol.handle app', 'setPermissionRequestHandler', 'setPermissionCheckHandler', 'setApplicationMenu']));
    expect(fake.log.filter((line) => line.startsWith('ipcMain.handle')).sort()).toEqual([
      'ipcMain.handle rapporteur:app-info',
      'ipcMain.handle rapporteur:open-external',
      'ipcMain.handle rapporteur:open-file',
      'ipcMain.handle rapporteur:save-file',
      'ipcMain.handle rapporteur:spell-check-languages',
    ]);
    expect(fake.FakeWindow.all).toHaveLength(1);
    const [win] = fake.FakeWindow.all;
    expect(win.loaded).toEqual(['app://rapporteur/index.html']);
    expect(win.options.webPreferences).toMatchObject({ sandbox: true, contextIsolation: true, nodeIntegration: false });
    expect(String((win.options.webPreferences as { preload: string }).preload)).toMatch(/preload[\\/]index\.cjs$/);
    expect(win.options).toMatchObject({ width: 1280, height: 860, show: false });
  });

  it('restricts every web contents as it is created', async () => {
    await import('./index');
    const contents = new fake.FakeContents();
    fake.app.emit('web-contents-created', {}, contents);
    let prevented = false;
    contents.emit('will-navigate', { url: 'https://example.org/', preventDefault: () => (prevented = true) });
    expect(prevented).toBe(true);
    expect(contents.windowOpenHandler?.({ url: 'https://example.org/' })).toEqual({ action: 'deny' });
  });

  it('forwards an invite from the launch argv once the page has loaded', async () => {
    process.argv = ['/opt/Rapporteur/rapporteur', invite];
    await import('./index');
    fake.app.fireReady();
    await flush();
    const [win] = fake.FakeWindow.all;
    expect(win.webContents.sent).toEqual([]);
    win.webContents.emit('did-stop-loading');
    expect(win.webContents.sent).toEqual([['rapporteur:menu', { command: 'join-invite', payload: invite }]]);
  });

  it('focuses the window and forwards the invite when a second instance starts', async () => {
    await import('./index');
    fake.app.fireReady();
    await flush();
    const [win] = fake.FakeWindow.all;
    win.webContents.emit('did-stop-loading');
    fake.app.emit('second-instance', {}, ['/opt/Rapporteur/rapporteur', '--flag', invite], '/home', {});
    expect(win.focused).toBe(1);
    expect(win.webContents.sent).toEqual([['rapporteur:menu', { command: 'join-invite', payload: invite }]]);
    fake.app.emit('second-instance', {}, ['/opt/Rapporteur/rapporteur', 'rapporteur://join?server=http://x&token=t'], '/home', {});
    expect(win.webContents.sent).toHaveLength(1);
    expect(win.focused).toBe(2);
  });

  it('refuses a hostile link from argv with a message, and forwards nothing', async () => {
    const hostile = 'rapporteur://join/../../etc/passwd?server=wss://x&token=abc123';
    process.argv = ['/opt/Rapporteur/rapporteur', hostile];
    await import('./index');
    fake.app.fireReady();
    await flush();
    const [win] = fake.FakeWindow.all;
    win.webContents.emit('did-stop-loading');
    expect(win.webContents.sent).toEqual([]);
    expect(fake.log.filter((line) => line.startsWith('showMessageBox'))).toEqual([
      `showMessageBox Rapporteur refused a link: Rapporteur refused the link "${hostile}": it has a path after "join"; invite links have none.`,
    ]);
    expect(console.warn).toHaveBeenCalledWith(expect.stringContaining('[deep link] Rapporteur refused the link'));
  });

  it('has Help › Check for updates, which in development says updates come with the installed app', async () => {
    await import('./index');
    fake.app.fireReady();
    await flush();
    expect(fake.menus).toHaveLength(1);
    const help = (fake.menus[0] as Array<{ role?: string; submenu?: Array<{ id?: string; click?: () => void }> }>).find((item) => item.role === 'help');
    help?.submenu?.find((item) => item.id === 'check-for-updates')?.click?.();
    await flush();
    expect(fake.log).toContain('showMessageBox Updates are checked by the installed app only.: ');
  });

  it('holds a close until the page says its writes are committed, and resumes a quit the same way', async () => {
    await import('./index');
    fake.app.fireReady();
    await flush();
    const [win] = fake.FakeWindow.all;
    const readyToClose = fake.ipcListeners.get('rapporteur:ready-to-close')!;
    const fromPage = (sender: unknown, url = 'app://rapporteur/index.html') => readyToClose({ sender, senderFrame: { url, parent: null } });
    win.close();
    expect(win.webContents.sent).toEqual([['rapporteur:before-close']]);
    expect(fake.log).not.toContain('window closed');
    fromPage(new fake.FakeContents()); // another window's answer is no answer
    fromPage(win.webContents, 'https://evil.example/');
    expect(fake.log).not.toContain('window closed');
    fromPage(win.webContents);
    expect(fake.log).toContain('window closed');

    fake.app.emit('activate');
    const [, second] = fake.FakeWindow.all;
    fake.app.emit('before-quit');
    second.close();
    expect(second.webContents.sent).toEqual([['rapporteur:before-close']]);
    fromPage(second.webContents);
    expect(fake.log.at(-1)).toBe('quit'); // the quit resumes; its own close of the window then passes
  });

  it('quits at once when another instance holds the lock', async () => {
    fake.app.lock = false;
    await import('./index');
    expect(fake.log).toContain('quit');
    expect(fake.log).not.toContain('registerSchemesAsPrivileged');
    expect(fake.app.listenerCount('second-instance')).toBe(0);
  });
});
