// Personal data goes to editors only (issue 9, part 2), in the web build against a real sync server process: a
// commenter who joins by invite has no registry screen, and the stakeholder registry never reaches its browser
// (the server sends commenters a projection of the workspace; common/roles.ts `reads`). In a private consultation
// (the default) a commenter's browser receives and shows only their own comments, while the editor sees all.
import type { Page } from '@playwright/test';
import {
  addStakeholder,
  connectToServer,
  createDocument,
  createWorkspace,
  editorBody,
  expect,
  expectSaved,
  isoDateInPage,
  joinByInviteLink,
  mainArea,
  openApp,
  openDocument,
  type RegistryEntry,
  screenshot,
  selectTextInEditor,
  sidebar,
  syncStatus,
  syncServerForFile,
  test,
} from './fixtures';

const KOFI: RegistryEntry = { name: 'Kofi Mensah', organisation: 'Ministry of Communications', group: 'Government', region: 'African States', gender: 'Man' };
const REPORT = { title: 'BPF Privacy output report 2026', date: '2026-06-30' };

const syncServer = syncServerForFile('privacy');

/** Every byte y-indexeddb stored for the workspace doc `ws.<id>` in this browser, as latin1 text. */
function storedWorkspaceBytes(page: Page, workspaceId: string): Promise<string> {
  return storedBytes(page, `ws.${workspaceId}`);
}

/** Every byte y-indexeddb stored for the local doc `name` in this browser, as latin1 text. */
function storedBytes(page: Page, name: string): Promise<string> {
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
    name,
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

const panel = (page: Page) => page.getByRole('complementary', { name: 'Comments' });
const threadButtons = (page: Page) => panel(page).getByRole('button', { name: /^Comment #\d+, / });
const viewTabs = (page: Page) => page.getByRole('navigation', { name: 'Document views' }).getByRole('link');
const KOFI_SAYS = 'Name the regions where the shortage is worst.';
const CARL_SAYS = 'Regions should include small island developing states.';

test("in a private consultation a commenter's browser shows only their own comments, no On behalf of, no registry; the editor sees all", async ({ page, browser }) => {
  test.setTimeout(120_000);
  await openApp(page);
  const workspaceId = await createWorkspace(page);
  await addStakeholder(page, KOFI);
  const docId = await createDocument(page, { kind: 'Draft output', title: REPORT.title, date: REPORT.date });
  const body = editorBody(page, 'Draft text');
  await body.locator('p').first().click();
  await page.keyboard.type('Most respondents report a shortage of trained incident responders across regions.');
  await expectSaved(page);
  const phase = page.getByRole('group', { name: 'Consultation phase' });
  await phase.getByRole('button', { name: 'Open consultation…' }).click();
  await phase.getByLabel('Opens on').fill(await isoDateInPage(page));
  await phase.getByLabel('Closes on').fill(await isoDateInPage(page, 30));
  await phase.getByRole('button', { name: 'Open consultation…' }).click();
  // The default: private submissions.
  await expect(page.getByRole('combobox', { name: 'Who reads the comments' }).locator('option:checked')).toHaveText('Private submissions: each commenter sees their own');
  // The rapporteur enters Kofi's comment (gender in the registry, an unpublished disposition follows).
  await selectTextInEditor(page, body, 'shortage of trained incident responders');
  await page.keyboard.press('Control+Alt+M');
  const form = panel(page).getByRole('form', { name: 'New comment' });
  await form.getByRole('combobox', { name: 'On behalf of' }).selectOption({ label: `${KOFI.name} (${KOFI.organisation})` });
  await form.getByRole('textbox', { name: 'Comment', exact: true }).fill(KOFI_SAYS);
  await form.getByRole('button', { name: 'Add comment' }).click();
  await expect(threadButtons(page)).toHaveCount(1);
  await connectToServer(page, syncServer().token(workspaceId, 'editor', 'Rita (Rapporteur)').desktopLink);
  await openDocument(page, REPORT.title);
  await expect(syncStatus(page)).toHaveText('Synced', { timeout: 20_000 });

  const ctx = await browser.newContext({ viewport: { width: 1280, height: 800 } });
  try {
    const c = await ctx.newPage();
    await joinByInviteLink(c, syncServer().token(workspaceId, 'commenter', 'Carl (Stakeholder)').browserLink, 'Comment only', 'Carl (Stakeholder)', REPORT.title);
    await expect(sidebar(c).getByRole('link', { name: 'Stakeholders' })).toHaveCount(0);
    await openDocument(c, REPORT.title);
    const bodyC = editorBody(c, 'Draft text');
    await expect(bodyC).toContainText('incident responders', { timeout: 20_000 });
    await expect(syncStatus(c)).toHaveText('Synced', { timeout: 20_000 });
    // Kofi's comment is not shown, and not in this browser at all.
    await expect(threadButtons(c)).toHaveCount(0);
    await expect(panel(c)).not.toContainText(KOFI_SAYS);
    await expect(panel(c)).not.toContainText(KOFI.name);
    // No Balance of the whole consultation for a commenter: Text and the matrix of what it received.
    await expect(viewTabs(c)).toHaveText(['Text', 'Comment matrix']);

    // Carl comments as himself: no "On behalf of".
    await selectTextInEditor(c, bodyC, 'across regions');
    await c.getByRole('group', { name: 'Comment view options' }).getByRole('button', { name: 'Comment', exact: true }).click();
    const formC = panel(c).getByRole('form', { name: 'New comment' });
    await expect(formC).toBeVisible();
    await expect(formC.getByRole('combobox', { name: 'On behalf of' })).toHaveCount(0);
    await formC.getByRole('textbox', { name: 'Comment', exact: true }).fill(CARL_SAYS);
    await formC.getByRole('button', { name: 'Add comment' }).click();
    await expect(threadButtons(c)).toHaveCount(1);
    await expect(panel(c)).toContainText(CARL_SAYS);
    await expect(syncStatus(c)).toHaveText('Synced', { timeout: 20_000 });
    await screenshot(c, 'privacy-01-commenter-private-consultation');

    // The editor sees both, live.
    await expect(threadButtons(page)).toHaveCount(2, { timeout: 20_000 });
    await expect(panel(page)).toContainText(CARL_SAYS);
    await expect(panel(page)).toContainText(KOFI_SAYS);
    await expect(viewTabs(page)).toHaveText(['Text', 'Comment matrix', 'Balance']);
    await screenshot(page, 'privacy-02-editor-sees-all');

    // Carl's stored copy holds his comment and nothing of Kofi's.
    await c.waitForTimeout(500);
    const stored = await storedBytes(c, `doc.${workspaceId}.${docId}.comments`);
    expect(stored).toContain(CARL_SAYS);
    for (const secret of [KOFI_SAYS, KOFI.name, KOFI.organisation, 'gender']) expect(stored).not.toContain(secret);
  } finally {
    await ctx.close();
  }
});
