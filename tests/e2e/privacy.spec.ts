// Personal data goes to editors only (issue 9, part 2), in the web build against a real sync server process: a
// commenter who joins by invite has no registry screen, and the stakeholder registry never reaches its browser
// (the server sends commenters a projection of the workspace; common/roles.ts `reads`).
import type { Page } from '@playwright/test';
import {
  addStakeholder,
  connectToServer,
  createDocument,
  createWorkspace,
  expect,
  joinByInviteLink,
  mainArea,
  openApp,
  type RegistryEntry,
  sidebar,
  syncServerForFile,
  test,
} from './fixtures';

const KOFI: RegistryEntry = { name: 'Kofi Mensah', organisation: 'Ministry of Communications', group: 'Government', region: 'African States', gender: 'Man' };
const REPORT = { title: 'BPF Privacy output report 2026', date: '2026-06-30' };

const syncServer = syncServerForFile('privacy');

/** Every byte y-indexeddb stored for the workspace doc `ws.<id>` in this browser, as latin1 text. */
function storedWorkspaceBytes(page: Page, workspaceId: string): Promise<string> {
  return page.evaluate(
    (name) =>
      new Promise<string>((resolve, reject) => {
        const open = indexedDB.open(name);
        open.onerror = () => reject(open.error);
        open.onsuccess = () => {
          const db = open.result;
          const all = db.transaction('updates', 'readonly').objectStore('updates').getAll();
          all.onsuccess = () => {
            let text = '';
            for (const u of all.result as Uint8Array[]) for (const b of u) text += String.fromCharCode(b);
            db.close();
            resolve(text);
          };
          all.onerror = () => reject(all.error);
        };
      }),
    `ws.${workspaceId}`,
  );
}

test("a commenter's browser has no registry screen and never receives the registry", async ({ page, browser }) => {
  test.setTimeout(90_000);
  await openApp(page);
  const workspaceId = await createWorkspace(page);
  await addStakeholder(page, KOFI);
  await createDocument(page, { kind: 'Draft output', title: REPORT.title, date: REPORT.date });
  await connectToServer(page, syncServer().token(workspaceId, 'editor', 'Rita (Rapporteur)').desktopLink);
  // The editor keeps the registry screen.
  await expect(sidebar(page).getByRole('link', { name: 'Stakeholders' })).toBeVisible();
  expect(await storedWorkspaceBytes(page, workspaceId)).toContain(KOFI.name);

  const ctx = await browser.newContext({ viewport: { width: 1280, height: 800 } });
  try {
    const c = await ctx.newPage();
    await joinByInviteLink(c, syncServer().token(workspaceId, 'commenter', 'Carl (Stakeholder)').browserLink, 'Comment only', 'Carl (Stakeholder)', REPORT.title);
    await expect(sidebar(c).getByRole('link', { name: 'Documents' })).toBeVisible();
    await expect(sidebar(c).getByRole('link', { name: 'Stakeholders' })).toHaveCount(0);
    // Typing the registry's address shows the documents instead.
    await c.evaluate((hash) => (location.hash = hash), `#/w/${workspaceId}/stakeholders`);
    await expect(c).toHaveURL(/\/stakeholders$/);
    await expect(c.getByRole('heading', { level: 1, name: 'Documents' })).toBeVisible();
    await expect(mainArea(c)).not.toContainText(KOFI.name);
    // Not hidden but absent: the browser's stored copy of the workspace holds the documents and no registry entry.
    await expect.poll(() => storedWorkspaceBytes(c, workspaceId), { timeout: 10_000 }).toContain(REPORT.title);
    const stored = await storedWorkspaceBytes(c, workspaceId);
    for (const secret of [KOFI.name, KOFI.organisation, 'gender']) expect(stored).not.toContain(secret);
  } finally {
    await ctx.close();
  }
});
