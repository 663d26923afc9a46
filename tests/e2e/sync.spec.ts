// Live co-editing through a real sync server process (sync-server/cli.ts, temp data dir, free port on 127.0.0.1):
// joining by invite, carets, offline edits on both sides merging, a server restart mid-session, the status bar,
// and read-only roles. Context A is the secretariat on the web build; the others open the browser invite link,
// which the sync server itself serves.
import type { Browser, BrowserContext, Page } from '@playwright/test';
import {
  connectToServer,
  contentText,
  createDocument,
  createWorkspace,
  editorBody,
  editorStructure,
  expect,
  joinByInviteLink,
  maintenanceItem,
  openApp,
  openDocument,
  sidebar,
  syncServerForFile,
  syncStatus,
  test,
  screenshot,
} from './fixtures';
import { REPORT } from './flows';

const A_NAME = 'Alice (Secretariat)';
const B_NAME = 'Bruno (Co-facilitator)';

const syncServer = syncServerForFile('sync');

test.beforeEach(async () => {
  // A test that failed while the server was down must not take the next ones with it.
  await syncServer().ensureRunning();
});

/** Every page's uncaught exceptions, for pages made outside the `page` fixture. */
function watchErrors(page: Page, into: string[]): void {
  page.on('pageerror', (e) => into.push(`${page.url()}: ${e.message}`));
}

async function newContext(browser: Browser): Promise<BrowserContext> {
  return browser.newContext({ viewport: { width: 1280, height: 800 } });
}

/** A creates the workspace and an output report from its template; returns the workspace id. */
async function secretariatSetsUp(page: Page): Promise<string> {
  await openApp(page);
  const id = await createWorkspace(page);
  await createDocument(page, { kind: 'Draft output', subtype: 'Output report', title: REPORT.title, date: REPORT.date });
  await expect(editorBody(page, 'Draft text').locator('h1')).toHaveText(REPORT.outline);
  return id;
}

/** Connects through Sidebar > Maintenance (status then says Synced) and returns to the report. */
async function connectThroughMaintenance(page: Page, invite: string): Promise<void> {
  await connectToServer(page, invite);
  await openDocument(page, REPORT.title);
}

/** Opens the browser invite link and joins; the joined workspace must list its documents without a reload. */
async function joinByBrowserLink(page: Page, link: string, role: 'Editor' | 'Read only' | 'Comment only', name: string): Promise<void> {
  const listed = await joinByInviteLink(page, link, role, name, REPORT.title);
  expect.soft(listed, 'the joined workspace lists its documents as soon as they arrive, without a reload').toBe(true);
}

const paragraphAfter = (page: Page, heading: string) => editorBody(page, 'Draft text').locator(`h1:text-is("${heading}") + p`);

/** Puts the caret at the end of the paragraph under `heading` and types. */
async function typeUnder(page: Page, heading: string, text: string, where: 'end' | 'start' = 'end'): Promise<void> {
  await paragraphAfter(page, heading).click();
  await page.keyboard.press(where === 'end' ? 'End' : 'Home');
  await page.evaluate(() => new Promise((r) => requestAnimationFrame(() => r(null))));
  await page.keyboard.type(text);
}

test('a co-editor joins by the browser invite link, sees the workspace, and both edit live with visible carets', async ({ page, browser }) => {
  const errors: string[] = [];
  const id = await secretariatSetsUp(page);
  await connectThroughMaintenance(page, syncServer().token(id, 'editor', A_NAME).desktopLink);

  const contextB = await newContext(browser);
  const b = await contextB.newPage();
  watchErrors(b, errors);
  await joinByBrowserLink(b, syncServer().token(id, 'editor', B_NAME).browserLink, 'Editor', B_NAME);
  await expect(b).toHaveTitle(/BPF Cybersecurity 2025/);
  await expect(syncStatus(b)).toHaveText('Synced', { timeout: 20_000 });
  await openDocument(b, REPORT.title);
  await expect(editorBody(b, 'Draft text').locator('h1')).toHaveText(REPORT.outline);

  // Live: what A types appears at B, and the other way round.
  await typeUnder(page, 'Findings', 'Alice writes the findings.');
  await expect.poll(() => contentText(paragraphAfter(b, 'Findings'))).toBe('Alice writes the findings.');
  await typeUnder(b, 'Recommendations', 'Bruno drafts a recommendation.');
  await expect.poll(() => contentText(paragraphAfter(page, 'Recommendations'))).toBe('Bruno drafts a recommendation.');

  // Each sees the other's caret, labelled with the name from their invite, and the presence list.
  const caretAtA = editorBody(page, 'Draft text').locator('.collaboration-carets__caret', { hasText: B_NAME });
  await expect(caretAtA).toBeVisible();
  await expect(paragraphAfter(page, 'Recommendations').locator('.collaboration-carets__caret')).toHaveCount(1);
  await typeUnder(page, 'Findings', ' More.');
  const caretAtB = editorBody(b, 'Draft text').locator('.collaboration-carets__caret', { hasText: A_NAME });
  await expect(caretAtB).toBeVisible();
  await expect(paragraphAfter(b, 'Findings').locator('.collaboration-carets__caret')).toHaveCount(1);
  await expect(page.getByRole('list', { name: 'Also in this document' })).toContainText(B_NAME);
  await expect(b.getByRole('list', { name: 'Also in this document' })).toContainText(A_NAME);

  await expect(syncStatus(page)).toHaveText('Synced');
  await expect(syncStatus(b)).toHaveText('Synced');
  await expect.poll(async () => (await editorStructure(editorBody(page, 'Draft text'))) === (await editorStructure(editorBody(b, 'Draft text')))).toBe(true);
  await contextB.close();
  expect(errors).toEqual([]);
});

test('both offline, both edit the same paragraph and others; back online the documents are identical, the outline once', async ({ page, context, browser }) => {
  const errors: string[] = [];
  const id = await secretariatSetsUp(page);
  await connectThroughMaintenance(page, syncServer().token(id, 'editor', A_NAME).desktopLink);
  const contextB = await newContext(browser);
  const b = await contextB.newPage();
  watchErrors(b, errors);
  await joinByBrowserLink(b, syncServer().token(id, 'editor', B_NAME).browserLink, 'Editor', B_NAME);
  await openDocument(b, REPORT.title);
  await typeUnder(page, 'Findings', 'Shared findings.');
  await expect.poll(() => contentText(paragraphAfter(b, 'Findings'))).toBe('Shared findings.');

  await context.setOffline(true);
  await contextB.setOffline(true);
  await expect(syncStatus(page)).toHaveText('Offline');
  await expect(syncStatus(b)).toHaveText('Offline');

  // The same paragraph from both ends, and a different section each.
  await typeUnder(page, 'Findings', ' Alice adds this offline.');
  await typeUnder(b, 'Findings', 'Bruno prefixes offline. ', 'start');
  await typeUnder(page, 'Introduction', 'Introduction written by Alice offline.');
  await typeUnder(b, 'Annexes', 'Annex list by Bruno offline.');
  // Truthful: each side counts its local changes that have not reached the server.
  await expect.soft(syncStatus(page), 'offline with unsent edits, the status counts them').toHaveText(/^Offline · \d+ changes waiting$/);
  await expect.soft(syncStatus(b), 'offline with unsent edits, the status counts them').toHaveText(/^Offline · \d+ changes waiting$/);
  // Really apart: neither sees the other's offline text. Absence can only be observed over time, so this waits
  // a bounded moment first.
  await page.waitForTimeout(1500);
  await expect.poll(() => contentText(paragraphAfter(page, 'Findings'))).toBe('Shared findings. Alice adds this offline.');
  await expect.poll(() => contentText(paragraphAfter(b, 'Findings'))).toBe('Bruno prefixes offline. Shared findings.');
  await expect.poll(() => contentText(paragraphAfter(page, 'Annexes'))).toBe('');

  await context.setOffline(false);
  await contextB.setOffline(false);
  await expect(syncStatus(page)).toHaveText('Synced', { timeout: 30_000 });
  await expect(syncStatus(b)).toHaveText('Synced', { timeout: 30_000 });

  const merged = 'Bruno prefixes offline. Shared findings. Alice adds this offline.';
  for (const p of [page, b]) {
    await expect.poll(() => contentText(paragraphAfter(p, 'Findings'))).toBe(merged);
    await expect.poll(() => contentText(paragraphAfter(p, 'Introduction'))).toBe('Introduction written by Alice offline.');
    await expect.poll(() => contentText(paragraphAfter(p, 'Annexes'))).toBe('Annex list by Bruno offline.');
    // The template was applied once, by its creator: every heading exactly once, in order.
    await expect(editorBody(p, 'Draft text').locator('h1')).toHaveText(REPORT.outline);
  }
  await expect.poll(async () => (await editorStructure(editorBody(page, 'Draft text'))) === (await editorStructure(editorBody(b, 'Draft text')))).toBe(true);

  // A third replica that joins afterwards and opens the report sees the same, once.
  const contextC = await newContext(browser);
  const c = await contextC.newPage();
  watchErrors(c, errors);
  await joinByBrowserLink(c, syncServer().token(id, 'editor', 'Chen (Rapporteur)').browserLink, 'Editor', 'Chen (Rapporteur)');
  await openDocument(c, REPORT.title);
  await expect(editorBody(c, 'Draft text').locator('h1')).toHaveText(REPORT.outline);
  await expect.poll(() => contentText(paragraphAfter(c, 'Findings'))).toBe(merged);
  expect(await editorStructure(editorBody(c, 'Draft text'))).toBe(await editorStructure(editorBody(page, 'Draft text')));
  await contextB.close();
  await contextC.close();
  expect(errors).toEqual([]);
});

test('a server restart mid-session: edits made meanwhile go up without user action, and the status says so', async ({ page, browser }) => {
  const errors: string[] = [];
  const id = await secretariatSetsUp(page);
  await connectThroughMaintenance(page, syncServer().token(id, 'editor', A_NAME).desktopLink);
  const contextB = await newContext(browser);
  const b = await contextB.newPage();
  watchErrors(b, errors);
  await joinByBrowserLink(b, syncServer().token(id, 'editor', B_NAME).browserLink, 'Editor', B_NAME);
  await openDocument(b, REPORT.title);
  await typeUnder(page, 'Findings', 'Before the restart.');
  await expect.poll(() => contentText(paragraphAfter(b, 'Findings'))).toBe('Before the restart.');

  await syncServer().kill('SIGKILL');
  // Nothing unsent yet: the client is trying to reconnect.
  await expect(syncStatus(page)).toHaveText('Connecting…');
  await typeUnder(page, 'Findings', ' Written while the server is down.');
  await typeUnder(page, 'Methodology', 'Method noted during the outage.');
  // Truthful: never "Synced" while the server is gone, and the unsent changes are counted.
  await expect(syncStatus(page)).not.toHaveText('Synced');
  await expect.soft(syncStatus(page), 'while the server is down, the status counts the changes that have not gone up').toHaveText(/\d+ changes waiting/);
  await expect.poll(() => contentText(paragraphAfter(b, 'Findings'))).toBe('Before the restart.');

  await syncServer().start();
  // No user action: the providers reconnect and send what is waiting.
  await expect(syncStatus(page)).toHaveText('Synced', { timeout: 30_000 });
  await expect.poll(() => contentText(paragraphAfter(b, 'Findings')), { timeout: 30_000 }).toBe('Before the restart. Written while the server is down.');
  await expect.poll(() => contentText(paragraphAfter(b, 'Methodology'))).toBe('Method noted during the outage.');
  await expect(syncStatus(b)).toHaveText('Synced', { timeout: 30_000 });

  // And B's edits after the restart reach A.
  await typeUnder(b, 'Recommendations', 'After the restart.');
  await expect.poll(() => contentText(paragraphAfter(page, 'Recommendations'))).toBe('After the restart.');
  await expect(editorBody(page, 'Draft text').locator('h1')).toHaveText(REPORT.outline);
  await contextB.close();
  expect(errors).toEqual([]);
});

test('a viewer and a commenter see a read-only body and their role badge', async ({ page, browser }) => {
  const errors: string[] = [];
  const id = await secretariatSetsUp(page);
  await connectThroughMaintenance(page, syncServer().token(id, 'editor', A_NAME).desktopLink);
  await typeUnder(page, 'Findings', 'Text only editors may change.');
  await expect(syncStatus(page)).toHaveText('Synced');

  for (const [role, badge, name] of [
    ['viewer', 'Read only', 'Vera (Observer)'],
    ['commenter', 'Comment only', 'Carl (Stakeholder)'],
  ] as const) {
    const ctx = await newContext(browser);
    const p = await ctx.newPage();
    watchErrors(p, errors);
    await joinByBrowserLink(p, syncServer().token(id, role, name).browserLink, badge, name);
    await expect(sidebar(p).getByRole('status')).toHaveText(badge);
    await expect(sidebar(p).getByRole('button', { name: 'New document' })).toHaveCount(0);
    await expect(p.getByRole('button', { name: 'New document' })).toHaveCount(0);
    await openDocument(p, REPORT.title);
    const body = editorBody(p, 'Draft text');
    await expect.poll(() => contentText(paragraphAfter(p, 'Findings'))).toBe('Text only editors may change.');
    await expect(body).toHaveAttribute('contenteditable', 'false');
    await expect(p.getByRole('toolbar', { name: 'Formatting' })).toHaveCount(0);
    await expect(p.getByRole('textbox', { name: 'Title', exact: true })).toHaveAttribute('readonly', '');
    await expect(p.getByRole('group', { name: 'Themes' }).getByRole('textbox', { name: 'Add theme' })).toHaveCount(0);
    // Typing into it changes nothing, here or at the editor's.
    await paragraphAfter(p, 'Findings').click();
    await p.keyboard.type('INTRUSION');
    await expect(body).not.toContainText('INTRUSION');
    await expect(syncStatus(p)).toHaveText('Synced', { timeout: 20_000 });
    await ctx.close();
  }
  await expect(editorBody(page, 'Draft text')).not.toContainText('INTRUSION');
  await expect(syncStatus(page)).toHaveText('Synced');
  expect(errors).toEqual([]);
});

test('an invite the server no longer accepts (its secret changed): the status says so, offers a new invite, keeps the work', async ({ page }) => {
  const id = await secretariatSetsUp(page);
  const good = syncServer().token(id, 'editor', A_NAME);
  // Signed with another secret, as every invite is after the data directory (and its secret) was wiped.
  const [claims, mac] = good.token.split('.') as [string, string];
  const forged = `${claims}.${mac.startsWith('A') ? 'B' : 'A'}${mac.slice(1)}`;
  await maintenanceItemJoin(page, good.desktopLink.replace(encodeURIComponent(good.token), encodeURIComponent(forged)).replace(good.token, forged));
  await expect(syncStatus(page)).toHaveText(/This invite is no longer valid/, { timeout: 20_000 });
  await typeUnder(page, 'Findings', 'Kept while the invite is refused.');
  await expect(syncStatus(page)).toHaveText(/This invite is no longer valid/);
  await screenshot(page, 'sync-01-invite-no-longer-valid');

  await page.getByRole('button', { name: 'Paste a new invite…' }).click();
  const dialog = page.getByRole('dialog', { name: 'Connect to a server…' });
  await dialog.getByRole('textbox', { name: 'Invite link' }).fill(good.desktopLink);
  await dialog.getByRole('button', { name: 'Join workspace' }).click();
  await expect(dialog).toBeHidden();
  await expect(syncStatus(page)).toHaveText('Synced', { timeout: 30_000 });
  await openDocument(page, REPORT.title);
  await expect.poll(() => contentText(paragraphAfter(page, 'Findings'))).toBe('Kept while the invite is refused.');
});

/** Joins through Sidebar > Maintenance without waiting for Synced (the invite may be refused). */
async function maintenanceItemJoin(page: Page, invite: string): Promise<void> {
  await maintenanceItem(page, 'Connect to a server…');
  const dialog = page.getByRole('dialog', { name: 'Connect to a server…' });
  await dialog.getByRole('textbox', { name: 'Invite link' }).fill(invite);
  await dialog.getByRole('button', { name: 'Join workspace' }).click();
  await expect(dialog).toBeHidden();
  await openDocument(page, REPORT.title);
}
