// Main process wiring only; the logic lives in the modules it imports, each tested on its own.
import { app, BrowserWindow, dialog, screen, session } from 'electron';
import { join, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';
import { IpcChannel, type MenuEvent } from '../../common/desktopApi';
import { APP_PROTOCOL } from '../../common/invite';
import { APP_ENTRY_URL, devOriginFrom, type TrustPolicy } from './appOrigin';
import { checkDeepLink, deepLinkFromArgv, refusalMessage, type DeepLinkCheck } from './deepLink';
import { guardClose, type CloseGuard } from './closeGuard';
import { handlers } from './handlers';
import { listenReadyToClose, registerIpcHandlers } from './ipc';
import { installMenu } from './menu';
import { MenuEventOutbox } from './menuEvents';
import { installAppProtocol, registerAppScheme } from './appProtocol';
import { restrictSession, restrictWebContents } from './securityRestrictions';
import { installUpdates } from './updateWiring';
import { webPreferences } from './webPreferences';
import { MIN_WINDOW_SIZE, loadWindowState, trackWindowState } from './windowState';

const here = fileURLToPath(new URL('.', import.meta.url));
const PRELOAD_PATH = join(here, '../preload/index.cjs');
const RENDERER_ROOT = join(here, '../renderer');
/** Set by `electron-vite dev`; ignored in a packaged app so a stray variable cannot point it elsewhere. */
const devServerUrl = app.isPackaged ? undefined : process.env.ELECTRON_RENDERER_URL;
const trust: TrustPolicy = { devOrigin: devOriginFrom(devServerUrl) };

let mainWindow: BrowserWindow | undefined;
let mainCloseGuard: CloseGuard | undefined;
/** Set from 'before-quit': a close held for the page's writes then resumes the quit, not just the close. */
let quitting = false;
const outbox = new MenuEventOutbox();

function createWindow(): BrowserWindow {
  const stateFile = join(app.getPath('userData'), 'window-state.json');
  const primary = screen.getPrimaryDisplay();
  const workAreas = [primary.workArea, ...screen.getAllDisplays().filter((d) => d.id !== primary.id).map((d) => d.workArea)];
  const state = loadWindowState(stateFile, workAreas);
  const win = new BrowserWindow({
    x: state.x,
    y: state.y,
    width: state.width,
    height: state.height,
    minWidth: MIN_WINDOW_SIZE.width,
    minHeight: MIN_WINDOW_SIZE.height,
    show: false,
    title: 'Rapporteur',
    webPreferences: webPreferences(PRELOAD_PATH),
  });
  if (state.maximized) win.maximize();
  trackWindowState(win, stateFile);
  const closeGuard = guardClose(win, () => (quitting ? app.quit() : win.close()));
  win.once('ready-to-show', () => win.show());

  const contents = win.webContents;
  // Start/stop always come in pairs, so held events are never stranded; the preload holds them from there
  // until the page subscribes.
  contents.on('did-start-loading', () => outbox.detach());
  contents.on('did-stop-loading', () => outbox.attach((event) => contents.send(IpcChannel.menu, event)));
  win.on('closed', () => {
    outbox.detach();
    if (mainWindow === win) {
      mainWindow = undefined;
      mainCloseGuard = undefined;
    }
  });
  mainWindow = win;
  mainCloseGuard = closeGuard;
  void win.loadURL(devServerUrl ?? APP_ENTRY_URL);
  return win;
}

function showWindow(): void {
  if (!app.isReady()) return; // the window is created on 'ready'
  if (!mainWindow || mainWindow.isDestroyed()) {
    createWindow();
    return;
  }
  if (mainWindow.isMinimized()) mainWindow.restore();
  mainWindow.show();
  mainWindow.focus();
}

function sendMenuEvent(event: MenuEvent): void {
  outbox.send(event);
  showWindow();
}

/** A rapporteur:// link from argv or the OS: forward a valid invite, tell the user why any other was refused. */
function handleDeepLink(link: string, check: DeepLinkCheck, deliver: (event: MenuEvent) => void): void {
  if (check.ok) {
    deliver(check.event);
    return;
  }
  const message = refusalMessage(link, check.reason);
  console.warn(`[deep link] ${message}`);
  void app.whenReady().then(() => {
    const options = { type: 'warning' as const, message: 'Rapporteur refused a link', detail: message };
    const win = mainWindow && !mainWindow.isDestroyed() ? mainWindow : undefined;
    return win ? dialog.showMessageBox(win, options) : dialog.showMessageBox(options);
  });
}

function registerProtocolClient(): void {
  if (app.isPackaged) {
    app.setAsDefaultProtocolClient(APP_PROTOCOL);
  } else if (process.env.RAPPORTEUR_DEV_PROTOCOL === '1' && process.argv[1]) {
    // Opt-in in development: it rewrites the OS handler to point at this checkout.
    app.setAsDefaultProtocolClient(APP_PROTOCOL, process.execPath, [resolve(process.argv[1])]);
  }
}

function start(): void {
  app.enableSandbox();
  registerAppScheme();
  registerProtocolClient();

  const launchLink = deepLinkFromArgv(process.argv);
  if (launchLink) handleDeepLink(launchLink.link, launchLink.check, (event) => outbox.send(event));

  app.on('second-instance', (_event, argv) => {
    const fromArgv = deepLinkFromArgv(argv);
    if (fromArgv) handleDeepLink(fromArgv.link, fromArgv.check, (event) => outbox.send(event));
    showWindow();
  });
  // macOS delivers links here, possibly before 'ready'; the outbox keeps them until the page has loaded.
  app.on('open-url', (event, url) => {
    event.preventDefault();
    handleDeepLink(url, checkDeepLink(url), sendMenuEvent);
  });
  app.on('web-contents-created', (_event, contents) => restrictWebContents(contents, trust));
  app.on('window-all-closed', () => {
    if (process.platform !== 'darwin') app.quit();
  });
  app.on('activate', () => showWindow());
  app.on('before-quit', () => {
    quitting = true;
  });

  void app.whenReady().then(() => {
    installAppProtocol(RENDERER_ROOT);
    restrictSession(session.defaultSession, trust);
    const senderPolicy = { ...trust, appContents: () => mainWindow?.webContents };
    registerIpcHandlers(handlers, senderPolicy);
    listenReadyToClose(senderPolicy, () => mainCloseGuard?.pageReady());
    const updates = installUpdates(() => mainWindow);
    installMenu({ platform: process.platform, send: sendMenuEvent, checkForUpdates: () => updates.checkNow() });
    createWindow();
  });
}

// userData is fixed before the single-instance lock, which lives there. Development gets its own profile so
// it never touches the IndexedDB of an installed copy; RAPPORTEUR_USER_DATA isolates test runs.
app.setName('Rapporteur');
app.setPath(
  'userData',
  process.env.RAPPORTEUR_USER_DATA
    ? resolve(process.env.RAPPORTEUR_USER_DATA)
    : join(app.getPath('appData'), app.isPackaged ? 'Rapporteur' : 'Rapporteur-dev'),
);

if (app.requestSingleInstanceLock()) {
  start();
} else {
  app.quit(); // the running instance receives our argv through 'second-instance'
}
