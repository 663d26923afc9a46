import { describe, expect, it, vi } from 'vitest';

const electron = vi.hoisted(() => ({
  Menu: { buildFromTemplate: vi.fn((template: unknown) => ({ template })), setApplicationMenu: vi.fn() },
}));
vi.mock('electron', () => electron);

import type { MenuItemConstructorOptions } from 'electron';
import type { MenuEvent } from '../../common/desktopApi';
import { installMenu, menuTemplate } from './menu';

const build = (platform: NodeJS.Platform) => {
  const sent: MenuEvent[] = [];
  const template = menuTemplate({ platform, send: (event) => sent.push(event) });
  const file = template.find((item) => item.label === '&File')!;
  const items = file.submenu as MenuItemConstructorOptions[];
  const byId = (id: string) => items.find((item) => item.id === id)!;
  const click = (id: string) => (byId(id).click as () => void)();
  return { template, items, byId, click, sent };
};

describe('menuTemplate', () => {
  it('sends each File command as a MenuEvent', () => {
    const { click, sent } = build('linux');
    click('new-document');
    click('import-docx');
    click('export');
    click('rebuild-index');
    expect(sent).toEqual([{ command: 'new-document' }, { command: 'import-docx' }, { command: 'export' }, { command: 'rebuild-index' }]);
  });

  it('has the agreed labels and accelerators', () => {
    const { byId } = build('win32');
    expect(byId('new-document')).toMatchObject({ label: 'New document', accelerator: 'CmdOrCtrl+N' });
    expect(byId('export')).toMatchObject({ label: 'Export…', accelerator: 'CmdOrCtrl+E' });
    expect(byId('import-docx')).toMatchObject({ label: 'Import DOCX…' });
    expect(byId('rebuild-index')).toMatchObject({ label: 'Rebuild index' });
  });

  it('uses the standard roles, with the app menu first on macOS', () => {
    const mac = build('darwin').template;
    expect(mac[0]).toEqual({ role: 'appMenu' });
    expect(mac.slice(2).map((item) => item.role)).toEqual(['editMenu', 'viewMenu', 'windowMenu', 'help']);
    expect(build('darwin').items.at(-1)).toEqual({ role: 'close' });

    const linux = build('linux').template;
    expect(linux.map((item) => item.role ?? item.label)).toEqual(['&File', 'editMenu', 'viewMenu', 'windowMenu', 'help']);
    expect(build('linux').items.at(-1)).toEqual({ role: 'quit' });
  });

  it('offers Help › Check for updates… when the updater is wired, and calls it', () => {
    let checks = 0;
    const template = menuTemplate({ platform: 'linux', send: () => undefined, checkForUpdates: () => checks++ });
    const help = template.find((item) => item.role === 'help')!;
    const items = help.submenu as MenuItemConstructorOptions[];
    expect(items.map((item) => item.id ?? item.role ?? item.type)).toEqual(['check-for-updates', 'separator', 'about']);
    expect(items[0].label).toBe('Check for updates…');
    (items[0].click as () => void)();
    expect(checks).toBe(1);
    const without = menuTemplate({ platform: 'linux', send: () => undefined }).find((item) => item.role === 'help')!;
    expect(without.submenu).toEqual([{ role: 'about' }]);
  });

  it('installs the built menu as the application menu', () => {
    installMenu({ platform: 'linux', send: () => undefined });
    expect(electron.Menu.setApplicationMenu).toHaveBeenCalledWith(electron.Menu.buildFromTemplate.mock.results[0].value);
  });
});
