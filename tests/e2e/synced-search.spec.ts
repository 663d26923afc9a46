// Issue 11: one search over the whole workspace, on every replica. A co-facilitator who joins by invite and never
// opens a document still finds a word from its body: the background full sync derives the catalog row of each
// document it brings (renderer/src/storage/syncedDerivation.ts), and the search index follows. Issue 13: it also
// places each synced document's comment highlights for its first open (renderer/src/storage/highlightCache.ts).
import {
  connectToServer,
  createDocument,
  createWorkspace,
  editorBody,
  expect,
  expectSaved,
  firstHighlight,
  goToSection,
  joinByInviteLink,
  openApp,
  openDocument,
  placedThreads,
  recordFirstHighlight,
  selectTextInEditor,
  syncServerForFile,
  syncStatus,
  test,
  toolbar,
} from './fixtures';
import type { Browser, Page } from '@playwright/test';

const syncServer = syncServerForFile('synced-search');
const CONTRIBUTION = { title: 'Tariffs of rural water boards', date: '2026-05-04' };
const WORD = 'quillacollo';
const DRAFT = { title: 'Water tariffs: draft output', date: '2026-05-06' };

/** A's side: a new workspace connected to the server as an editor; returns its id. */
async function workspaceOnServer(page: Page): Promise<string> {
  await openApp(page);
  const id = await createWorkspace(page, 'Rural water network');
  await connectToServer(page, syncServer().token(id, 'editor', 'Alice (Secretariat)').desktopLink);
  return id;
}

/** A leaves the document once it is saved and synced; then replica B joins by invite and stays on the list (`title` listed), and `onB` runs there. */
async function thenOnReplicaB(page: Page, browser: Browser, id: string, title: string, onB: (b: Page) => Promise<void>): Promise<void> {
  await expectSaved(page);
  await goToSection(page, 'Documents');
  await expect(syncStatus(page)).toHaveText('Synced', { timeout: 20_000 });
  const contextB = await browser.newContext({ viewport: { width: 1280, height: 800 } });
  try {
    const b = await contextB.newPage();
    await joinByInviteLink(b, syncServer().token(id, 'editor', 'Bruno (Co-facilitator)').browserLink, 'Editor', 'Bruno (Co-facilitator)', title);
    await onB(b);
  } finally {
    await contextB.close();
  }
}

test('a replica that never opened a document finds a word from its body', async ({ page, browser }) => {
  const id = await workspaceOnServer(page);
  await createDocument(page, { kind: 'Stakeholder contribution', title: CONTRIBUTION.title, date: CONTRIBUTION.date });
  await editorBody(page, 'Contribution').click();
  await page.keyboard.type('Boards around Quillacollo publish their tariffs every year.');
  // B stays on the document list: the contribution is never opened on that replica.
  await thenOnReplicaB(page, browser, id, CONTRIBUTION.title, async (b) => {
    await expect(syncStatus(b)).toHaveText('Synced', { timeout: 20_000 });
    await b.keyboard.press('Control+K');
    const dialog = b.getByRole('dialog', { name: 'Search workspace' });
    await expect(dialog).toBeVisible();
    // The first full sync may still be deriving: search again until the row is there.
    await expect
      .poll(
        async () => {
          await dialog.getByRole('combobox', { name: 'Search workspace' }).fill('');
          await dialog.getByRole('combobox', { name: 'Search workspace' }).fill(WORD);
          return dialog.getByRole('listbox', { name: 'Results' }).getByRole('group', { name: 'Stakeholder contributions' }).getByRole('option').allTextContents();
        },
        { timeout: 30_000 },
      )
      .toEqual([expect.stringContaining(CONTRIBUTION.title)]);
  });
});

test('a replica that never opened a draft has its comment highlights placed, and draws them with its text', async ({ page, browser }) => {
  const id = await workspaceOnServer(page);
  await createDocument(page, { kind: 'Draft output', subtype: 'Output report', title: DRAFT.title, date: DRAFT.date });
  const body = editorBody(page, 'Draft text');
  await body.locator('h1:text-is("Findings") + p').click();
  await page.keyboard.type('Tariffs rose fastest in the highland boards.');
  await selectTextInEditor(page, body, 'highland boards');
  await toolbar(page).getByRole('button', { name: 'Comment', exact: true }).click();
  const form = page.getByRole('complementary', { name: 'Comments' }).getByRole('form', { name: 'New comment' });
  await form.getByRole('textbox', { name: 'Comment', exact: true }).fill('Which boards?');
  await form.getByRole('button', { name: 'Add comment' }).click();
  await expect(body.locator('[data-thread]')).toHaveText('highland boards');
  // B stays on the list while the full sync brings the draft and places its highlights.
  await thenOnReplicaB(page, browser, id, DRAFT.title, async (b) => {
    await expect.poll(() => placedThreads(b), { timeout: 30_000 }).toHaveLength(1);
    await b.addInitScript(recordFirstHighlight);
    await b.reload();
    await openDocument(b, DRAFT.title);
    const bodyB = editorBody(b, 'Draft text');
    await expect(bodyB.locator('[data-thread]')).toHaveText('highland boards');
    await expect.poll(() => firstHighlight(b)).toBe('highland boards');
    await bodyB.locator('[data-thread]').click();
    await expect(b.getByRole('complementary', { name: 'Comments' }).getByRole('article', { name: /^Comment #1, / })).toContainText('Which boards?');
  });
});
