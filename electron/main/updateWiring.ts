// Connects the update policy (updater.ts) to electron-updater and to native dialogs. Only a packaged app
// checks: it has the app-update.yml electron-builder writes from `publish` in electron-builder.yml.
import { app, dialog, type BrowserWindow, type MessageBoxOptions } from 'electron';
import { UpdateController, feedOverride, type Notice, type Scheduler, type UpdateUi, type UpdaterPort } from './updater';

export interface Updates {
  /** Help › Check for updates. */
  checkNow(): void;
}

const scheduler: Scheduler = {
  setTimeout: (callback, ms) => setTimeout(callback, ms).unref(),
  clearTimeout: (handle) => clearTimeout(handle as ReturnType<typeof setTimeout> | undefined),
};

function noticeText(notice: Notice): { type: MessageBoxOptions['type']; message: string; detail?: string } {
  switch (notice.kind) {
    case 'up-to-date':
      return { type: 'info', message: 'Rapporteur is up to date', detail: `You have version ${notice.currentVersion}.` };
    case 'unreachable':
      return { type: 'info', message: 'Could not reach the update server', detail: `${notice.detail}\n\nRapporteur will try again later on its own.` };
    case 'not-configured':
      return { type: 'info', message: 'This copy of Rapporteur has no update feed', detail: 'Updates come from whoever distributes the app to you.' };
    case 'refused':
      return {
        type: 'warning',
        message: `The update to ${notice.version} was refused`,
        detail: `Its signature does not match this app's publisher, so it was not installed.\n\n${notice.detail}`,
      };
  }
}

export function installUpdates(parentWindow: () => BrowserWindow | undefined): Updates {
  const show = async (options: MessageBoxOptions) => {
    const win = parentWindow();
    return win ? dialog.showMessageBox(win, options) : dialog.showMessageBox(options);
  };
  const ui: UpdateUi = {
    async offerRestart(version) {
      const { response } = await show({
        type: 'info',
        buttons: ['Restart now', 'Later'],
        defaultId: 0,
        cancelId: 1,
        message: `Rapporteur ${version} is ready to install`,
        detail: 'Restart now to update; your documents are saved as you type. Choose Later to keep working: nothing is installed until you say so.',
      });
      return response === 0 ? 'restart' : 'later';
    },
    notify(notice) {
      void show(noticeText(notice));
    },
  };

  if (!app.isPackaged) {
    return { checkNow: () => void show({ type: 'info', message: 'Updates are checked by the installed app only.' }) };
  }

  const controller = import('electron-updater').then((module) => {
    const autoUpdater = (module.autoUpdater ?? (module as unknown as { default: typeof module }).default.autoUpdater) as UpdaterPort & {
      setFeedURL(options: { provider: 'generic'; url: string }): void;
      logger: unknown;
    };
    const feed = feedOverride(process.env);
    if (feed) autoUpdater.setFeedURL(feed);
    autoUpdater.logger = console;
    // verifyUpdateCodeSignature and the publisherName electron-builder writes into app-update.yml stay as they are.
    const updates = new UpdateController({ updater: autoUpdater, ui, scheduler, currentVersion: app.getVersion(), log: console });
    void updates.start();
    return updates;
  });
  controller.catch((error: unknown) => console.warn(`updates: unavailable (${error instanceof Error ? error.message : String(error)})`));

  return {
    checkNow: () => void controller.then((updates) => updates.checkNow()).catch(() => ui.notify({ kind: 'not-configured' })),
  };
}
