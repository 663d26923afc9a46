// The native menu: platform-standard roles plus the app's own File commands, each sent to the renderer as
// a MenuEvent (the web build's own menu dispatches the same events through the web DesktopApi).
import { Menu, type MenuItemConstructorOptions } from 'electron';
import type { MenuEvent } from '../../common/desktopApi';

export interface MenuOptions {
  platform: NodeJS.Platform;
  send(event: MenuEvent): void;
  /** Help › Check for updates… (handled in the main process; the renderer is not involved). */
  checkForUpdates?(): void;
}

export function menuTemplate({ platform, send, checkForUpdates }: MenuOptions): MenuItemConstructorOptions[] {
  const isMac = platform === 'darwin';
  const fileMenu: MenuItemConstructorOptions = {
    label: '&File',
    submenu: [
      { id: 'new-document', label: 'New document', accelerator: 'CmdOrCtrl+N', click: () => send({ command: 'new-document' }) },
      { type: 'separator' },
      { id: 'import-docx', label: 'Import DOCX…', click: () => send({ command: 'import-docx' }) },
      { id: 'export', label: 'Export…', accelerator: 'CmdOrCtrl+E', click: () => send({ command: 'export' }) },
      { type: 'separator' },
      { id: 'rebuild-index', label: 'Rebuild index', click: () => send({ command: 'rebuild-index' }) },
      { type: 'separator' },
      isMac ? { role: 'close' } : { role: 'quit' },
    ],
  };
  return [
    ...(isMac ? [{ role: 'appMenu' } satisfies MenuItemConstructorOptions] : []),
    fileMenu,
    { role: 'editMenu' },
    { role: 'viewMenu' },
    { role: 'windowMenu' },
    {
      role: 'help',
      submenu: [
        ...(checkForUpdates
          ? [{ id: 'check-for-updates', label: 'Check for updates…', click: () => checkForUpdates() }, { type: 'separator' } satisfies MenuItemConstructorOptions]
          : []),
        { role: 'about' },
      ],
    },
  ];
}

export function installMenu(options: MenuOptions): void {
  Menu.setApplicationMenu(Menu.buildFromTemplate(menuTemplate(options)));
}
