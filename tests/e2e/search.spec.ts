// The workspace search (issue 11), as a facilitator works: a stakeholder in the registry, a contribution whose
// body holds a word found nowhere else, an annotation on a draft with its own word; then offline, after a reload
// served by the service worker, Ctrl+K finds each of them (accents folded), results grouped by kind with the match
// marked, filters narrow them, Enter opens each at its match, Escape closes; Ctrl+K works from inside the editor;
// Maintenance › Rebuild index rebuilds the index the search reads.
import type { Locator, Page } from '@playwright/test';
import {
  addStakeholder,
  createDocument,
  createWorkspace,
  editorBody,
  expect,
  expectSaved,
  goToSection,
  maintenanceItem,
  openApp,
  type RegistryEntry,
  screenshot,
  selectTextInEditor,
  test,
  toolbar,
  waitForServiceWorker,
} from './fixtures';

test.use({ viewport: { width: 1280, height: 860 } });

const PILAR: RegistryEntry = { name: 'Pilar Ortega', organisation: 'Asociación Xochimilco de Municipios', group: 'Civil society', region: 'Latin American and Caribbean States', gender: 'Woman' };
const CONTRIBUTION = { title: 'Water management in peri-urban areas', date: '2026-03-12' };
const CONTRIBUTION_TEXT = 'Our members restored the chinampas to support le développement durable of the lake districts.';
const REPORT = { title: 'Consolidated reply on urban water', date: '2026-04-02' };
const REPORT_TEXT = 'Members shared experiences of community water boards across three regions.';
const ANNOTATION = 'Ask the Quetzaltenango water network for their tariff figures.';

const searchDialog = (page: Page) => page.getByRole('dialog', { name: 'Search workspace' });
const searchBox = (page: Page) => searchDialog(page).getByRole('combobox', { name: 'Search workspace' });
const results = (page: Page) => searchDialog(page).getByRole('listbox', { name: 'Results' });
const group = (page: Page, name: string) => results(page).getByRole('group', { name });

async function search(page: Page, query: string): Promise<void> {
  await searchBox(page).fill(query);
  await expect(searchDialog(page).getByRole('status')).toHaveText(/\d+ results?/);
}

async function expectMarked(option: Locator, word: string | RegExp): Promise<void> {
  await expect(option.locator('mark').first()).toHaveText(word);
}

test('Ctrl+K finds a contribution, a comment and a stakeholder offline after a reload, and opens each at its match', async ({ page, context }) => {
  test.setTimeout(180_000); // one long working session
  await openApp(page);
  await waitForServiceWorker(page);
  await createWorkspace(page, 'Urban water network');
  await addStakeholder(page, PILAR);

  await createDocument(page, { kind: 'Stakeholder contribution', title: CONTRIBUTION.title, date: CONTRIBUTION.date, stakeholder: `${PILAR.name} (${PILAR.organisation})` });
  const contributionBody = editorBody(page, 'Contribution');
  await contributionBody.click();
  await page.keyboard.type(CONTRIBUTION_TEXT);
  await expectSaved(page);

  await createDocument(page, { kind: 'Draft output', subtype: 'Consolidated reply', title: REPORT.title, date: REPORT.date });
  const draft = editorBody(page, 'Draft text');
  await draft.locator('p').first().click();
  await page.keyboard.type(REPORT_TEXT);
  await selectTextInEditor(page, draft, 'community water boards');
  await toolbar(page).getByRole('button', { name: 'Comment', exact: true }).click();
  const form = page.getByRole('complementary', { name: 'Comments' }).getByRole('form', { name: 'New comment' });
  await form.getByRole('textbox', { name: 'Comment', exact: true }).fill(ANNOTATION);
  await form.getByRole('button', { name: 'Add comment' }).click();
  await expect(form).toBeHidden();
  await expectSaved(page);
  // Closing the document writes what its pipelines still hold (catalog row, comment entries, search index).
  await goToSection(page, 'Documents');

  // Offline from here on; the reload comes from the service worker and the index from this device.
  await context.setOffline(true);
  const response = await page.reload();
  expect(response!.fromServiceWorker()).toBe(true);
  await expect(page.getByRole('heading', { level: 1, name: 'Documents' })).toBeVisible();

  await page.keyboard.press('Control+K');
  await expect(searchDialog(page)).toBeVisible();
  await expect(searchBox(page)).toBeFocused();

  // A word only in the contribution's body.
  await search(page, 'chinampas');
  const contributionHit = group(page, 'Stakeholder contributions').getByRole('option');
  await expect(contributionHit).toHaveCount(1);
  await expect(contributionHit).toContainText(CONTRIBUTION.title);
  await expectMarked(contributionHit, 'chinampas');
  await expect(results(page).getByRole('option')).toHaveCount(1);
  // Accents folded: "developpement" finds "développement", marked as written.
  await search(page, 'DEVELOPPEMENT');
  await expectMarked(group(page, 'Stakeholder contributions').getByRole('option'), 'développement');
  // A word only in a comment.
  await search(page, 'quetzaltenango');
  const commentHit = group(page, 'Comments and responses').getByRole('option');
  await expect(commentHit).toHaveCount(1);
  await expect(commentHit).toContainText(`Comment #1 on ${REPORT.title}`);
  await expectMarked(commentHit, 'Quetzaltenango');
  // A stakeholder by organisation (prefix).
  await search(page, 'xochim');
  const stakeholderHit = group(page, 'Stakeholders').getByRole('option');
  await expect(stakeholderHit).toContainText(PILAR.name);
  await expectMarked(stakeholderHit, 'Xochimilco');
  // A word everywhere: one result per kind; the filters narrow them (group: the contribution's stakeholder's).
  await search(page, 'water');
  await expect(group(page, 'Stakeholder contributions').getByRole('option')).toHaveCount(1);
  await expect(group(page, 'Draft outputs').getByRole('option')).toHaveCount(1);
  await expect(group(page, 'Comments and responses').getByRole('option')).toHaveCount(1);
  await searchDialog(page).getByRole('combobox', { name: 'Stakeholder group' }).selectOption({ label: 'Civil society' });
  await expect(results(page).getByRole('option')).toHaveCount(1);
  await expect(group(page, 'Stakeholder contributions').getByRole('option')).toHaveCount(1);
  await searchDialog(page).getByRole('combobox', { name: 'Stakeholder group' }).selectOption({ label: 'All groups' });
  await searchDialog(page).getByLabel('From').fill('2026-04-01');
  await expect(group(page, 'Stakeholder contributions')).toHaveCount(0);
  await expect(group(page, 'Draft outputs').getByRole('option')).toHaveCount(1);
  await searchDialog(page).getByRole('combobox', { name: 'Kind' }).selectOption({ label: 'Comment' });
  await expect(results(page).getByRole('option')).toHaveCount(1);
  await expect(group(page, 'Comments and responses').getByRole('option')).toHaveCount(1);
  await screenshot(page, 'search-results-filtered');
  await searchDialog(page).getByRole('button', { name: 'Clear filters' }).click();
  await expect(results(page).getByRole('option')).toHaveCount(3);
  await screenshot(page, 'search-results');

  // Keyboard: the first result is active; ↓ moves, Enter opens the contribution at the match.
  await search(page, 'chinampas');
  await expect(contributionHit).toHaveAttribute('aria-selected', 'true');
  await searchBox(page).press('Enter');
  await expect(searchDialog(page)).toBeHidden();
  await expect(page.getByRole('textbox', { name: 'Title', exact: true })).toHaveValue(CONTRIBUTION.title);
  await expect.poll(() => page.evaluate(() => window.getSelection()?.toString())).toBe('chinampas');

  // Ctrl+K from inside the editor opens the search (the query is kept); a comment result opens its thread.
  await expect(editorBody(page, 'Contribution')).toBeFocused();
  await page.keyboard.press('Control+K');
  await expect(searchBox(page)).toBeFocused();
  await expect(searchBox(page)).toHaveValue('chinampas');
  await search(page, 'tariff');
  await searchBox(page).press('Enter');
  await expect(page.getByRole('textbox', { name: 'Title', exact: true })).toHaveValue(REPORT.title);
  await expect(page.locator(':focus')).toHaveAttribute('id', /^thread-.+-open$/);
  await expect(editorBody(page, 'Draft text').locator('.comment-anchor.is-active')).toHaveText('community water boards');
  await expect(page.getByRole('complementary', { name: 'Comments' })).toContainText(ANNOTATION);
  await screenshot(page, 'search-comment-highlight');

  // A stakeholder result opens their registry entry; Escape closes the search without opening anything.
  await page.keyboard.press('Control+K');
  await search(page, 'pilar');
  await searchBox(page).press('ArrowDown');
  await searchBox(page).press('ArrowUp');
  await searchBox(page).press('Enter');
  await expect(page.getByRole('heading', { level: 1, name: 'Stakeholders' })).toBeVisible();
  const row = page.getByRole('table', { name: 'Stakeholder registry' }).getByRole('row', { name: new RegExp(PILAR.name) });
  await expect(row).toBeFocused();
  await expect(row).toHaveClass(/is-revealed/);
  await page.keyboard.press('Control+K');
  await expect(searchDialog(page)).toBeVisible();
  await page.keyboard.press('Escape');
  await expect(searchDialog(page)).toBeHidden();

  // Maintenance › Rebuild index rebuilds the search index too (comment entries from the comments docs).
  await page.evaluate(async () => {
    // Drop the saved index and the comment rows: only a rebuild from the Y.Docs can bring them back.
    const open = indexedDB.open('rapporteur-catalog');
    await new Promise((resolve) => (open.onsuccess = resolve));
    const db = open.result;
    const tx = db.transaction(['prefs', 'comments'], 'readwrite');
    tx.objectStore('comments').clear();
    for (const key of (await new Promise<IDBValidKey[]>((r) => (tx.objectStore('prefs').getAllKeys().onsuccess = (e) => r((e.target as IDBRequest<IDBValidKey[]>).result))))) if (String(key).startsWith('search:')) tx.objectStore('prefs').delete(key);
    await new Promise((resolve) => (tx.oncomplete = resolve));
    db.close();
  });
  await page.reload();
  await expect(page.getByRole('heading', { level: 1, name: 'Stakeholders' })).toBeVisible();
  await page.keyboard.press('Control+K');
  await search(page, 'chinampas');
  await searchBox(page).fill('quetzaltenango');
  await expect(searchDialog(page).getByRole('status')).toHaveText('Nothing found. Try fewer words, or clear the filters.');
  await page.keyboard.press('Escape');
  await maintenanceItem(page, 'Rebuild index');
  const rebuild = page.getByRole('dialog', { name: 'Rebuild index' });
  await rebuild.getByRole('button', { name: 'Rebuild now' }).click();
  await expect(rebuild.getByRole('status')).toHaveText('Index rebuilt from 2 documents.');
  await rebuild.getByRole('button', { name: 'Close' }).first().click();
  await page.keyboard.press('Control+K');
  await search(page, 'quetzaltenango');
  await expect(group(page, 'Comments and responses').getByRole('option')).toHaveCount(1);
});
