// Issue 11, as a facilitator works: a query with four contributions from different stakeholder groups; a
// consolidated reply drafted from it that cites three of them from the sources panel, where coverage names the
// fourth as not cited; one contributor marked "do not name"; the DOCX export read back with python-docx
// (footnotes, contributors table); Publish; and the Due view (and home screen) showing an overdue action point.
import { join } from 'node:path';
import {
  test,
  expect,
  openApp,
  createWorkspace,
  addStakeholder,
  goToSection,
  openDocument,
  editorBody,
  expectSaved,
  captureDownload,
  isoDateInPage,
  selectTextInEditor,
  sidebar,
  SCREENS_DIR,
  type Page,
  type RegistryEntry,
} from './fixtures';
import { readDocx } from '../export/helpers';

test.use({ viewport: { width: 1440, height: 900 } });

const PEOPLE: RegistryEntry[] = [
  { name: 'Ann Wanjiru', organisation: 'Kenya Women Parliamentary Association', group: 'Civil society', region: 'African States' },
  { name: 'Lucía Pérez', organisation: 'Ministerio de la Mujer', group: 'Government', region: 'Latin American and Caribbean States' },
  { name: 'Tom Dlamini', organisation: 'University of Cape Town', group: 'Academia', region: 'African States' },
  { name: 'Rita Sharma', organisation: 'Digital Inclusion Ltd', group: 'Private sector', region: 'Asia-Pacific States' },
];

const QUERY = { title: 'Supporting women candidates in local elections', question: 'What has worked to support women standing for local councils?' };

const CONTRIBUTIONS = [
  { title: 'Mentoring in Kenya', who: 0, date: '2026-02-02', body: 'We ran mentoring programmes for first-time candidates in twelve counties.', passage: 'mentoring programmes for first-time candidates' },
  { title: 'Parity law in Chile', who: 1, date: '2026-02-05', body: 'The gender parity law for municipal lists doubled the number of women elected.', passage: 'gender parity law for municipal lists' },
  { title: 'Research gaps', who: 2, date: '2026-02-09', body: 'There are serious data gaps on local councillors across the region.', passage: 'data gaps on local councillors' },
  { title: 'Online safety training', who: 3, date: '2026-02-11', body: 'Candidates need training against online harassment.', passage: '' },
];

const option = (p: RegistryEntry) => `${p.name} (${p.organisation})`;

async function shot(page: Page, name: string): Promise<void> {
  await page.mouse.move(0, 0);
  await page.screenshot({ path: join(SCREENS_DIR, `${name}.png`), animations: 'disabled', caret: 'hide' });
}

async function newDocumentDialog(page: Page, kind: string, title: string) {
  await sidebar(page).getByRole('button', { name: 'New document' }).click();
  const dialog = page.getByRole('dialog', { name: 'New document' });
  await dialog.getByRole('radio', { name: new RegExp(`^${kind}`) }).check();
  await dialog.getByRole('textbox', { name: 'Title' }).fill(title);
  return dialog;
}

async function typeBody(page: Page, label: string, text: string): Promise<void> {
  const body = editorBody(page, label);
  await body.click();
  await page.keyboard.press('Control+End');
  await page.keyboard.type(text);
  await expect(body).toContainText(text);
}

test('a query, its contributions, a consolidated reply citing three of them, export, publish and the Due view', async ({ page }) => {
  test.setTimeout(240_000);
  await openApp(page);
  await createWorkspace(page, 'Women in Politics network');
  for (const p of PEOPLE) await addStakeholder(page, p);

  // --- The query: a kind of its own, with who asked and its deadlines.
  const yesterday = await isoDateInPage(page, -1);
  const inTenDays = await isoDateInPage(page, 10);
  let dialog = await newDocumentDialog(page, 'Query', QUERY.title);
  await dialog.getByLabel('Posted on', { exact: true }).fill('2026-01-20');
  await dialog.getByRole('combobox', { name: 'Asked by' }).selectOption({ label: option(PEOPLE[3]) });
  await dialog.getByLabel('Contributions due', { exact: true }).fill(yesterday);
  await dialog.getByLabel('Reply due', { exact: true }).fill(inTenDays);
  await dialog.getByRole('button', { name: 'Create document' }).click();
  await expect(dialog).toBeHidden();
  await expect(page.getByRole('region', { name: 'Query details' }).getByRole('combobox', { name: 'Status' })).toHaveValue('open');
  await typeBody(page, 'Question', QUERY.question);
  await expectSaved(page);
  // Its deadlines are in the Due view: contributions overdue since yesterday, the reply due in ten days.
  await sidebar(page).getByRole('navigation', { name: 'Sections' }).getByRole('link', { name: 'Due' }).click();
  const dueBefore = page.getByRole('table', { name: 'Due within 14 days' });
  await expect(dueBefore.getByRole('row', { name: /Contributions due/ })).toContainText('Overdue by 1 day');
  await expect(dueBefore.getByRole('row', { name: /Consolidated reply due/ })).toContainText('In 10 days');

  // --- Four contributions in reply to it, from four stakeholder groups.
  for (const c of CONTRIBUTIONS) {
    dialog = await newDocumentDialog(page, 'Stakeholder contribution', c.title);
    await dialog.getByLabel('Received on', { exact: true }).fill(c.date);
    await dialog.getByRole('combobox', { name: 'Stakeholder' }).selectOption({ label: option(PEOPLE[c.who]) });
    await dialog.getByRole('combobox', { name: 'In reply to' }).selectOption({ label: QUERY.title });
    await dialog.getByRole('button', { name: 'Create document' }).click();
    await expect(dialog).toBeHidden();
    await typeBody(page, 'Contribution', c.body);
    await expectSaved(page);
  }

  // One more contribution, to no query: the sources panel finds it by search.
  dialog = await newDocumentDialog(page, 'Stakeholder contribution', 'Quota debate in Spain');
  await dialog.getByRole('button', { name: 'Create document' }).click();
  await expect(dialog).toBeHidden();
  await typeBody(page, 'Contribution', 'Zipper lists in Spanish municipalities.');
  await expectSaved(page);

  // The query reads as a query in the list and its filter, and lists its contributions newest first.
  await goToSection(page, 'Documents');
  const filters = page.getByRole('search', { name: 'Filter documents' });
  await filters.getByRole('combobox', { name: 'Kind' }).selectOption({ label: 'Query' });
  const docs = page.getByRole('table', { name: 'Documents' });
  await expect(docs.getByRole('row')).toHaveCount(2);
  await expect(docs.getByRole('row').nth(1)).toContainText('Query');
  await filters.getByRole('button', { name: 'Clear filters' }).click();
  await openDocument(page, QUERY.title);
  const contributions = page.getByRole('table', { name: 'Contributions in reply to this query, newest first' });
  await expect(contributions.getByRole('row')).toHaveCount(5);
  await expect(contributions.locator('tbody tr td:first-child')).toHaveText([...CONTRIBUTIONS].reverse().map((c) => c.title));
  await expect(contributions.getByRole('row', { name: /Parity law in Chile/ })).toContainText('Ministerio de la Mujer');
  await expect(contributions.getByRole('row', { name: /Parity law in Chile/ })).toContainText('Government');
  await expect(contributions.getByRole('row', { name: /Parity law in Chile/ })).toContainText('Latin American and Caribbean States');
  await shot(page, 'queries-00-query');

  // --- Draft consolidated reply: the template, applied once, with the query's question.
  await page.getByRole('button', { name: 'Draft consolidated reply' }).click();
  await expect(page.getByRole('textbox', { name: 'Title', exact: true })).toHaveValue(`Consolidated reply: ${QUERY.title}`);
  const reply = editorBody(page, 'Draft text');
  await expect(reply.locator('h1')).toHaveText([
    'The original query',
    'Summary of contributions',
    'Experiences and examples by country',
    'Resources and related documents',
    'Organisations and experts mentioned',
    'Contributors',
  ]);
  await expect(reply).toContainText(QUERY.question);
  await expect(page.getByRole('region', { name: 'Reply to the query' })).toContainText(QUERY.title);

  // --- Sources panel: cite three contributions.
  const panel = page.getByRole('complementary', { name: 'Sources panel' });
  await expect(panel.getByRole('button', { name: /^Read / })).toHaveCount(4);
  await reply.locator('h1:text-is("Summary of contributions") + p').click();
  await page.keyboard.type('Members reported ');
  for (const c of CONTRIBUTIONS.slice(0, 3)) {
    await panel.getByRole('button', { name: `Read ${c.title}` }).click();
    const reader = panel.getByRole('region', { name: `Contribution text: ${c.title}` });
    await expect(reader).toContainText(c.body);
    await selectTextInEditor(page, reader.locator('.source-text'), c.passage);
    await reader.getByRole('button', { name: 'Cite' }).click();
    await expect(reply.locator(`cite[data-quote="${c.passage}"]`)).toBeVisible();
    await reader.getByRole('button', { name: /Back to the list/ }).click();
  }
  await expect(reply.locator('cite.citation')).toHaveCount(3);

  // Any other contribution of the workspace can be found and read from the panel.
  await panel.getByRole('searchbox', { name: 'Search all contributions' }).fill('zipper');
  await expect(panel.getByRole('list', { name: 'Other contributions' }).getByRole('button')).toHaveText(['Quota debate in Spain']);
  await panel.getByRole('searchbox', { name: 'Search all contributions' }).fill('');

  // Coverage names the fourth as not cited; shares by group and region.
  const coverage = panel.getByRole('region', { name: 'Coverage' });
  await expect(coverage).toContainText('3 of 4 contributions cited');
  await expect(coverage.getByRole('list', { name: 'Not cited yet' }).getByRole('listitem')).toHaveText(['Online safety training']);
  await expect(coverage.getByRole('table', { name: 'By stakeholder group' }).getByRole('row', { name: /Private sector/ })).toContainText('0/1');
  await expect(coverage.getByRole('table', { name: 'By region' }).getByRole('row', { name: /African States/ })).toContainText('2/2');

  // Contributors: generated; one asks not to be named.
  const people = panel.getByRole('table', { name: 'Contributors' });
  await expect(people.getByRole('row')).toHaveCount(5);
  await people.getByRole('checkbox', { name: 'Do not name Ministerio de la Mujer' }).check();
  await expect(people.getByRole('row', { name: /Ministerio de la Mujer/ })).toContainText('Name withheld');
  await expectSaved(page);
  await panel.evaluate((el) => el.scrollTo(0, 0));
  await shot(page, 'queries-01-sources-panel');

  // Clicking a citation opens its source at the passage.
  await reply.locator(`cite[data-quote="${CONTRIBUTIONS[1].passage}"]`).click();
  const opened = panel.getByRole('region', { name: `Contribution text: ${CONTRIBUTIONS[1].title}` });
  await expect(opened.locator('mark')).toHaveText(CONTRIBUTIONS[1].passage);
  await shot(page, 'queries-02-citation-opens-source');
  await opened.getByRole('button', { name: /Back to the list/ }).click();
  // From the keyboard: the citation is still selected in the reply; Enter opens its source.
  await reply.focus();
  await page.keyboard.press('Enter');
  await expect(panel.getByRole('region', { name: `Contribution text: ${CONTRIBUTIONS[1].title}` }).locator('mark')).toHaveText(CONTRIBUTIONS[1].passage);
  await expect(reply.locator('cite.citation')).toHaveCount(3);
  await panel.getByRole('button', { name: /Back to the list/ }).click();

  // --- Export, read back: footnotes name organisation and date; the contributors list is a table.
  await page.getByRole('button', { name: 'Export DOCX…' }).click();
  const exportDialog = page.getByRole('dialog', { name: 'Export as Word document' });
  const exported = await captureDownload(page, () => exportDialog.getByRole('button', { name: 'Export', exact: true }).click());
  await expect(exportDialog).toBeHidden();
  const docx = readDocx(exported.bytes);
  expect(docx.xmlOk, docx.badParts.join('\n')).toBe(true);
  expect(docx.footnotes.map((f) => f.text.trim())).toEqual([
    'Contribution from Kenya Women Parliamentary Association, 2 February 2026',
    'Contribution from Ministerio de la Mujer, 5 February 2026',
    'Contribution from University of Cape Town, 9 February 2026',
  ]);
  const table = docx.tables.find((tb) => tb.rows[0]?.join('|') === 'Name|Organisation|Country or region');
  // Everyone who contributed to the query (cited or not), by organisation; the one marked "do not name" unnamed.
  expect(table?.rows.slice(1)).toEqual([
    ['Rita Sharma', 'Digital Inclusion Ltd', 'Asia-Pacific States'],
    ['Ann Wanjiru', 'Kenya Women Parliamentary Association', 'African States'],
    ['Name withheld', 'Ministerio de la Mujer', 'Latin American and Caribbean States'],
    ['Tom Dlamini', 'University of Cape Town', 'African States'],
  ]);
  expect(docx.styles.normal).toEqual({ font: 'Times New Roman', size: 12 });

  // --- Publish: the reply and the query are published.
  await page.getByRole('button', { name: 'Publish reply' }).click();
  await expect(page.getByRole('region', { name: 'Reply to the query' })).toContainText(/Published on .+; it is in the archive\./);
  await page.getByRole('region', { name: 'Reply to the query' }).getByRole('link', { name: QUERY.title }).click();
  await expect(page.getByRole('region', { name: 'Query details' }).getByRole('combobox', { name: 'Status' })).toHaveValue('published');

  // --- A meeting with an overdue open action point; the Due view and the home screen show it.
  const overdue = await isoDateInPage(page, -3);
  dialog = await newDocumentDialog(page, 'Meeting summary', 'Network steering group');
  await dialog.getByRole('button', { name: 'Create document' }).click();
  await expect(dialog).toBeHidden();
  const fields = page.getByRole('region', { name: 'Meeting details' });
  await fields.getByRole('button', { name: 'Add action point' }).click();
  const owner = fields.getByRole('combobox', { name: 'Owner, action point 1' }).or(fields.getByRole('textbox', { name: 'Owner, action point 1' }));
  await owner.fill('Secretariat');
  await owner.press('Enter');
  const task = fields.getByRole('textbox', { name: 'Task, action point 1' });
  await task.fill('Send the reply to all members');
  await task.press('Enter');
  await fields.getByLabel('Due date, action point 1').fill(overdue);
  await expectSaved(page);

  await sidebar(page).getByRole('navigation', { name: 'Sections' }).getByRole('link', { name: 'Due' }).click();
  await expect(page.getByRole('heading', { level: 1, name: 'Due' })).toBeVisible();
  const due = page.getByRole('table', { name: 'Due within 14 days' });
  const row = due.getByRole('row', { name: /Send the reply to all members/ });
  await expect(row).toContainText('Action point: Send the reply to all members (Secretariat)');
  await expect(row).toContainText('Overdue by 3 days');
  await expect(row.getByRole('link', { name: 'Network steering group' })).toBeVisible();
  // The published query's deadlines no longer count.
  await expect(due.getByRole('row', { name: new RegExp(QUERY.title) })).toHaveCount(0);
  await shot(page, 'queries-03-due-view');

  await goToSection(page, 'Documents');
  const home = page.getByRole('region', { name: 'Due' });
  await expect(home.getByRole('row', { name: /Send the reply to all members/ })).toContainText('Overdue by 3 days');
  await shot(page, 'queries-04-home-due');
});
