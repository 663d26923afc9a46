// Stakeholder comments on a draft output (issue 4), end to end in the web build against a real sync server process:
// the rapporteur registers stakeholders, opens a consultation and enters their comments on selected text; a
// commenter joins by invite, comments and replies but cannot change the text; the rapporteur sets dispositions in
// the comment matrix, filters it, exports it as CSV and reads the balance of voices. A stakeholder comment
// outside an open consultation is refused, an annotation is not.
import type { Browser, BrowserContext, Locator, Page } from '@playwright/test';
import {
  addStakeholder,
  captureDownload,
  connectToServer,
  contentText,
  createDocument,
  createWorkspace,
  editorBody,
  expect,
  expectSaved,
  firstHighlight,
  isoDateInPage,
  joinByInviteLink,
  openApp,
  openDocument,
  placedThreads,
  recordFirstHighlight,
  type RegistryEntry,
  screenshot,
  selectTextInEditor,
  sidebar,
  syncServerForFile,
  syncStatus,
  test,
  toolbar,
} from './fixtures';

test.use({ viewport: { width: 1280, height: 800 } });

const KOFI: RegistryEntry = { name: 'Kofi Mensah', organisation: 'Ministry of Communications', group: 'Government', region: 'African States', gender: 'Man' };
const AMINA: RegistryEntry = { name: 'Amina Diallo', organisation: 'West Africa Cyber Alliance', group: 'Civil society', region: 'African States', gender: 'Woman' };
const JANE: RegistryEntry = { name: 'Jane Doe', organisation: 'ACME Networks', group: 'Private sector', region: 'Western European and other States' };
const option = (s: RegistryEntry) => `${s.name} (${s.organisation})`;

const REPORT = { title: 'BPF Cybersecurity output report 2025', date: '2025-06-30' };
const TEXT = {
  Introduction: 'This report gathers the input of the best practice forum on cybersecurity.',
  Findings: 'Most respondents report a shortage of trained incident responders.',
  Recommendations: 'Fund shared training programmes across regions.',
};
const RAPPORTEUR = 'Rita (Rapporteur)';
const COMMENTER = 'Carl (Stakeholder)';

/** The three comments the rapporteur enters on behalf of registered stakeholders (#1, #2, #3 in this order). */
const ENTERED = [
  { who: KOFI, quote: 'shortage of trained incident responders', type: 'Substantive', body: 'Name the regions where the shortage is worst.', wording: 'a shortage of trained incident responders, most acute in Africa', location: 'para 2 · § 4' },
  { who: AMINA, quote: 'shared training programmes', type: 'Substantive', body: 'Include civil society CERTs in the training.', wording: '', location: 'para 3 · § 5' },
  { who: JANE, quote: 'best practice forum', type: 'Editorial', body: 'Spell out BPF once in the introduction.', wording: 'Best Practice Forum (BPF)', location: 'para 1 · § 2' },
];
const CARL_COMMENT = { quote: 'across regions', body: 'Regions should include small island developing states.', location: 'para 3 · § 5' };
const CARL_REPLY = 'We support comment #1: Pacific CERTs are short of staff too.';

const panel = (page: Page) => page.getByRole('complementary', { name: 'Comments' });
const threadButton = (page: Page, n: number) => panel(page).getByRole('button', { name: new RegExp(`^Comment #${n}, `) });
const matrixTable = (page: Page) => page.getByRole('table', { name: 'Comment matrix' });
const matrixRows = (page: Page) => matrixTable(page).getByRole('row', { name: /^Comment #\d+ by / });
const rowLabels = (page: Page) => matrixRows(page).evaluateAll((rows) => rows.map((r) => r.getAttribute('aria-label')));
const viewTab = (page: Page, name: 'Text' | 'Comment matrix' | 'Balance') => page.getByRole('navigation', { name: 'Document views' }).getByRole('link', { name, exact: true });

/** A minimal RFC 4180 reader, independent of the app's: BOM stripped, quoted fields, doubled quotes, CRLF. */
function parseCsv(text: string): string[][] {
  const rows: string[][] = [];
  let row: string[] = [];
  let cell = '';
  let quoted = false;
  const endCell = () => {
    row.push(cell);
    cell = '';
  };
  for (let i = 0; i < text.length; i++) {
    const ch = text[i];
    if (quoted) {
      if (ch === '"' && text[i + 1] === '"') {
        cell += '"';
        i++;
      } else if (ch === '"') quoted = false;
      else cell += ch;
    } else if (ch === '"') quoted = true;
    else if (ch === ',') endCell();
    else if (ch === '\r' && text[i + 1] === '\n') {
      endCell();
      rows.push(row);
      row = [];
      i++;
    } else cell += ch;
  }
  if (cell || row.length) {
    endCell();
    rows.push(row);
  }
  return rows;
}

/** Records as objects keyed by the header row. */
function csvRecords(bytes: Buffer): { bom: boolean; header: string[]; records: Array<Record<string, string>> } {
  const text = bytes.toString('utf8');
  const bom = text.startsWith('\uFEFF');
  const [header, ...rest] = parseCsv(bom ? text.slice(1) : text);
  return { bom, header, records: rest.map((r) => Object.fromEntries(header.map((h, i) => [h, r[i] ?? '']))) };
}

/** Creates the output report from its template and types one sentence under three of its headings. */
async function writeReport(page: Page): Promise<Locator> {
  await createDocument(page, { kind: 'Draft output', subtype: 'Output report', title: REPORT.title, date: REPORT.date });
  const body = editorBody(page, 'Draft text');
  for (const [heading, text] of Object.entries(TEXT)) {
    await body.locator(`h1:text-is("${heading}") + p`).click();
    await page.keyboard.type(text);
    await expect(body.locator(`h1:text-is("${heading}") + p`)).toHaveText(text);
  }
  await expectSaved(page);
  return body;
}

/** Consultation phase › Open consultation… › dates › confirm with the same button. */
async function openConsultation(page: Page, opensOn: string, closesOn: string): Promise<void> {
  const phase = page.getByRole('group', { name: 'Consultation phase' });
  await phase.getByRole('button', { name: 'Open consultation…' }).click();
  await phase.getByLabel('Opens on').fill(opensOn);
  await phase.getByLabel('Closes on').fill(closesOn);
  await phase.getByRole('button', { name: 'Open consultation…' }).click();
  await expect(phase.getByRole('list', { name: 'Phases of the draft' }).locator('[aria-current="step"]')).toHaveText('Consultation');
}

/** Fills and submits the "New comment" form (already open). */
async function fillNewComment(page: Page, c: { purpose?: 'Stakeholder comment' | 'Annotation'; onBehalf?: string; type?: string; body: string; wording?: string }): Promise<void> {
  const form = panel(page).getByRole('form', { name: 'New comment' });
  await expect(form).toBeVisible();
  if (c.purpose) await form.getByRole('radio', { name: c.purpose }).check();
  if (c.onBehalf) await form.getByRole('combobox', { name: 'On behalf of' }).selectOption({ label: c.onBehalf });
  if (c.type) await form.getByRole('combobox', { name: 'Type' }).selectOption({ label: c.type });
  await form.getByRole('textbox', { name: 'Comment', exact: true }).fill(c.body);
  if (c.wording) await form.getByRole('textbox', { name: 'Proposed wording (optional)' }).fill(c.wording);
  await form.getByRole('button', { name: 'Add comment' }).click();
  await expect(form).toBeHidden();
}

// ---------------------------------------------------------------------------------------------------------
// The sync server for the two-context test

const syncServer = syncServerForFile('comments');

async function newContext(browser: Browser): Promise<BrowserContext> {
  return browser.newContext({ viewport: { width: 1280, height: 800 }, acceptDownloads: true });
}

test('stakeholder comments in a consultation: entered, joined by a commenter, decided in the matrix, exported, balanced', async ({ page, browser }) => {
  test.setTimeout(120_000);
  const errors: string[] = [];

  // --- The rapporteur: workspace, registry, report, consultation open today.
  await openApp(page);
  const workspaceId = await createWorkspace(page);
  for (const s of [KOFI, AMINA, JANE]) await addStakeholder(page, s);
  const body = await writeReport(page);
  const today = await isoDateInPage(page);
  await openConsultation(page, today, await isoDateInPage(page, 30));
  await page.getByRole('group', { name: 'Consultation phase' }).scrollIntoViewIfNeeded();
  await screenshot(page, 'comments-00-consultation-open');
  await expect(page.getByRole('status', { name: /^Phase: Consultation · open until / })).toBeVisible();
  await expect(panel(page).getByText(/^The consultation is open: stakeholder comments are taken until /)).toBeVisible();

  // --- Three stakeholder comments on selected text, entered on behalf of the three stakeholders.
  for (const [i, c] of ENTERED.entries()) {
    await selectTextInEditor(page, body, c.quote);
    if (i === 1) await page.keyboard.press('Control+Alt+M'); // the shortcut, from the text
    else await toolbar(page).getByRole('button', { name: 'Comment', exact: true }).click();
    const form = panel(page).getByRole('form', { name: 'New comment' });
    await expect(form.getByLabel('Text commented on')).toHaveText(c.quote);
    await expect(form.getByRole('radio', { name: 'Stakeholder comment' })).toBeChecked();
    await fillNewComment(page, { onBehalf: option(c.who), type: c.type, body: c.body, wording: c.wording });
    const n = i + 1;
    await expect(threadButton(page, n)).toHaveAccessibleName(`Comment #${n}, ${c.location}`);
    // The new thread is open, its quote highlighted in the text.
    await expect(threadButton(page, n)).toHaveAttribute('aria-expanded', 'true');
    await expect(body.locator('[data-thread]', { hasText: c.quote })).toHaveCount(1);
  }
  await expect(panel(page).getByRole('list', { name: 'Comment threads in reading order' }).getByRole('listitem')).toHaveCount(3);
  // Reading order: by position in the text (#3 in the introduction, then #1, then #2).
  await expect(panel(page).getByRole('button', { name: /^Comment #\d+, / })).toHaveText([/#3/, /#1/, /#2/]);
  const card1 = panel(page).getByRole('article', { name: /^Comment #1, / });
  await expect(card1).toContainText(KOFI.name);
  await expect(card1).toContainText('Government · African States');

  // An open review: the commenter reads the stakeholders' comments too (the default, private submissions, sends each
  // commenter only their own; privacy.spec.ts).
  await page.getByRole('combobox', { name: 'Who reads the comments' }).selectOption({ label: 'Open review: commenters see each other’s comments' });

  // --- Connect the workspace to the sync server (editor invite for this workspace id).
  await connectToServer(page, syncServer().token(workspaceId, 'editor', RAPPORTEUR).desktopLink);
  await openDocument(page, REPORT.title);
  await expect(syncStatus(page)).toHaveText('Synced', { timeout: 20_000 });

  // --- The commenter joins with a commenter invite for the same workspace.
  const ctxC = await newContext(browser);
  const c = await ctxC.newPage();
  c.on('pageerror', (e) => errors.push(`commenter: ${e.message}`));
  const listedAtOnce = await joinByInviteLink(c, syncServer().token(workspaceId, 'commenter', COMMENTER).browserLink, 'Comment only', COMMENTER, REPORT.title);
  expect.soft(listedAtOnce, 'the joined workspace lists its documents as soon as they arrive, without a reload').toBe(true);
  await expect(sidebar(c).getByRole('status')).toHaveText('Comment only');
  await openDocument(c, REPORT.title);
  const bodyC = editorBody(c, 'Draft text');
  await expect(bodyC.locator('h1:text-is("Findings") + p')).toHaveText(TEXT.Findings, { timeout: 20_000 });
  for (const [i, e] of ENTERED.entries()) await expect(threadButton(c, i + 1)).toHaveAccessibleName(`Comment #${i + 1}, ${e.location}`, { timeout: 20_000 });

  // It cannot change the text: the body is not editable, there is no toolbar, and typing changes nothing.
  await expect(bodyC).toHaveAttribute('contenteditable', 'false');
  await expect(toolbar(c)).toHaveCount(0);
  const textBefore = await contentText(bodyC);
  await bodyC.locator('h1:text-is("Findings") + p').click();
  await c.keyboard.type('INTRUSION');
  await c.keyboard.press('Backspace');
  await c.keyboard.press('Enter');
  expect(await contentText(bodyC)).toBe(textBefore);

  // It comments on selected text (the Comment button above the text), as itself: no annotations for commenters.
  await selectTextInEditor(c, bodyC, CARL_COMMENT.quote);
  await c.getByRole('group', { name: 'Comment view options' }).getByRole('button', { name: 'Comment', exact: true }).click();
  const formC = panel(c).getByRole('form', { name: 'New comment' });
  await expect(formC.getByRole('radio')).toHaveCount(0);
  // Its identity is its invite's: no "On behalf of" choice, the form says who the comment is from.
  await expect(formC.getByRole('combobox', { name: 'On behalf of' })).toHaveCount(0);
  await expect(formC).toContainText(`As ${COMMENTER}`);
  await screenshot(c, 'comments-05-commenter-composer');
  await fillNewComment(c, { body: CARL_COMMENT.body });
  await expect(threadButton(c, 4)).toHaveAccessibleName(`Comment #4, ${CARL_COMMENT.location}`);

  // ...and replies to comment #1.
  await threadButton(c, 1).click();
  const reply = panel(c).getByRole('textbox', { name: 'Reply to comment #1' });
  await reply.fill(CARL_REPLY);
  await panel(c).getByRole('region', { name: 'Replies to comment #1' }).getByRole('button', { name: 'Reply' }).click();
  await expect(panel(c).getByRole('region', { name: 'Replies to comment #1' })).toContainText(CARL_REPLY);
  await expect(reply).toHaveValue('');
  // No disposition control for a commenter.
  await expect(panel(c).getByRole('combobox', { name: 'Disposition of comment #1' })).toHaveCount(0);
  await expect(syncStatus(c)).toHaveText('Synced', { timeout: 20_000 });
  expect(await contentText(bodyC)).toBe(textBefore);

  // --- Back at the rapporteur's: the commenter's comment and reply have arrived.
  await expect(threadButton(page, 4)).toHaveAccessibleName(`Comment #4, ${CARL_COMMENT.location}`, { timeout: 20_000 });
  await threadButton(page, 1).click();
  await expect(panel(page).getByRole('region', { name: 'Replies to comment #1' })).toContainText(CARL_REPLY, { timeout: 20_000 });
  await expect(panel(page).getByRole('region', { name: 'Replies to comment #1' })).toContainText(COMMENTER);
  await expect(body).not.toContainText('INTRUSION');
  expect(await contentText(body)).toBe(textBefore);

  // --- The matrix: dispositions set inline.
  await viewTab(page, 'Comment matrix').click();
  await expect(viewTab(page, 'Comment matrix')).toHaveAttribute('aria-current', 'page');
  await expect(matrixRows(page)).toHaveCount(4);
  await expect(page.getByRole('status').filter({ hasText: /comments?$/ })).toHaveText('4 comments');
  const names = [KOFI.name, AMINA.name, JANE.name, COMMENTER];
  expect(await rowLabels(page)).toEqual(names.map((n, i) => `Comment #${i + 1} by ${n}`));
  const decisions = ['Accepted', 'Accepted with changes', 'Not accepted', 'Noted'];
  for (const [i, d] of decisions.entries()) {
    const row = matrixTable(page).getByRole('row', { name: `Comment #${i + 1} by ${names[i]}` });
    await row.getByRole('combobox', { name: `Disposition of comment #${i + 1}` }).selectOption({ label: d });
  }
  for (const [i, d] of decisions.entries()) {
    const select = matrixTable(page).getByRole('combobox', { name: `Disposition of comment #${i + 1}` });
    await expect(select.locator('option:checked')).toHaveText(d);
  }
  const ids = await matrixRows(page).evaluateAll((rows) => rows.map((r) => r.getAttribute('data-row') ?? ''));
  expect(new Set(ids).size).toBe(4);

  await screenshot(page, 'comments-01-matrix');
  // The decision columns are in view at 1280 px; the identity columns lie past the right edge: the matrix scrolls sideways inside its frame.
  await matrixTable(page).evaluate((t) => t.parentElement!.scrollTo({ left: t.parentElement!.scrollWidth }));
  await expect(matrixTable(page).getByRole('combobox', { name: 'Disposition of comment #4' })).toBeInViewport();
  await screenshot(page, 'comments-02-matrix-decisions');
  await matrixTable(page).evaluate((t) => t.parentElement!.scrollTo({ left: 0 }));

  // Filter by stakeholder group: only Amina's comment is civil society's.
  const groupFilter = matrixTable(page).getByRole('combobox', { name: 'Filter by Stakeholder group' });
  await groupFilter.selectOption({ label: 'Civil society' });
  await expect(matrixRows(page)).toHaveCount(1);
  expect(await rowLabels(page)).toEqual([`Comment #2 by ${AMINA.name}`]);
  await expect(page.getByText('1 of 4 comments shown')).toBeVisible();

  // CSV of what is shown: the one filtered row.
  const files = page.getByRole('group', { name: 'Matrix files' });
  const filtered = await captureDownload(page, () => files.getByRole('button', { name: 'Export CSV' }).click());
  expect(filtered.name).toBe(`${REPORT.title} - comment matrix.csv`);
  const one = csvRecords(filtered.bytes);
  expect(one.bom).toBe(true);
  expect(one.header).toEqual(['#', 'Id', 'Para', 'Section', 'Text commented on', 'Commenter', 'Organisation', 'Stakeholder group', 'Region', 'Type', 'Comment', 'Proposed wording', 'Disposition', 'Response', 'Check (do not edit)']);
  expect(one.records).toHaveLength(1);
  expect(one.records[0]).toMatchObject({ '#': '2', Id: ids[1], Para: '3', Section: '§ 5', 'Text commented on': ENTERED[1].quote, Commenter: AMINA.name, 'Stakeholder group': 'Civil society', Disposition: 'Accepted with changes' });

  // Filters cleared, the whole matrix.
  await page.getByRole('button', { name: 'Clear filters' }).click();
  await expect(matrixRows(page)).toHaveCount(4);
  const all = csvRecords((await captureDownload(page, () => files.getByRole('button', { name: 'Export CSV' }).click())).bytes);
  expect(all.records.map((r) => r['#'])).toEqual(['1', '2', '3', '4']);
  expect(all.records.map((r) => r.Id)).toEqual(ids);
  expect(all.records.map((r) => r.Disposition)).toEqual(decisions);
  expect(all.records.map((r) => r.Commenter)).toEqual(names);
  expect(all.records.map((r) => r['Stakeholder group'])).toEqual(['Government', 'Civil society', 'Private sector', '']);
  expect(all.records.map((r) => `para ${r.Para} · ${r.Section}`)).toEqual([...ENTERED.map((e) => e.location), CARL_COMMENT.location]);
  expect(all.records[0]).toMatchObject({ Comment: ENTERED[0].body, 'Proposed wording': ENTERED[0].wording, Organisation: KOFI.organisation, Region: 'African States', Type: 'Substantive' });
  expect(all.records[3]).toMatchObject({ Comment: CARL_COMMENT.body, 'Text commented on': CARL_COMMENT.quote });
  for (const r of all.records) expect(r['Check (do not edit)']).toMatch(/^v1 d:[0-9a-f]{8} r:[0-9a-f]{8}$/);

  // --- The balance of voices.
  await viewTab(page, 'Balance').click();
  const balance = page.getByRole('region', { name: 'Balance of voices' });
  await expect(balance).toBeVisible();
  const totals = balance.locator('dl.balance-totals');
  await expect(totals).toContainText('Comments4');
  await expect(totals).toContainText('Contributions0');
  await expect(totals).toContainText('Meeting participation0');
  await expect(totals).toContainText('Distinct voices4');
  await expect(totals).toContainText('Acceptance rate67%');
  const missing = balance.getByRole('note');
  await expect(missing).toHaveAccessibleName('Voices not heard');
  await expect(missing).toContainText('No comment, no contribution and no meeting participation from: Technical community, Academia, Intergovernmental organisation and Other.');
  // The two exports said where the file went; dismissed so they do not cover the charts.
  const saved = page.getByRole('status').filter({ hasText: `Matrix saved: ${REPORT.title} - comment matrix.csv` });
  await expect(saved).toHaveCount(2);
  for (let i = 0; i < 2; i++) await saved.first().getByRole('button', { name: 'Dismiss' }).click();
  await expect(saved).toHaveCount(0);
  await screenshot(page, 'comments-03-balance');
  await page.getByRole('main').evaluate((m) => m.scrollTo(0, m.scrollHeight));
  await screenshot(page, 'comments-04-balance-end');

  const byGroup = balance.getByRole('figure', { name: 'By stakeholder group' });
  const bar = (label: string) => byGroup.getByRole('listitem').filter({ has: page.locator('.bar-label', { hasText: new RegExp(`^${label}$`) }) });
  await expect(bar('Government')).toContainText('1 comment · 0 contributions · 0 meeting participations · 1 voice');
  await expect(bar('Government')).toContainText('100% accepted (1 of 1 decided)');
  await expect(bar('Civil society')).toContainText('100% accepted (1 of 1 decided)');
  await expect(bar('Private sector')).toContainText('0% accepted (0 of 1 decided)');
  await expect(bar('Not specified')).toContainText('1 comment · 0 contributions · 0 meeting participations · 1 voice');
  await expect(bar('Not specified')).toContainText('no decisions yet');
  for (const silent of ['Technical community', 'Academia', 'Intergovernmental organisation', 'Other']) await expect(bar(silent)).toContainText('Not heard: no comment, no contribution, no meeting');

  // The same figures as a table.
  await byGroup.getByText('By stakeholder group: as a table').click();
  const table = byGroup.getByRole('table', { name: 'By stakeholder group' });
  const rowOf = (label: string | RegExp) => table.getByRole('row').filter({ has: page.getByRole('rowheader', { name: label, exact: typeof label === 'string' }) }).getByRole('cell');
  // Comments, Contributions, Meeting participation, Distinct voices, Share of comments, Decided, Acceptance rate
  await expect(rowOf('Government')).toHaveText(['1', '0', '0', '1', '25%', '1', '100%']);
  await expect(rowOf('Civil society')).toHaveText(['1', '0', '0', '1', '25%', '1', '100%']);
  await expect(rowOf('Private sector')).toHaveText(['1', '0', '0', '1', '25%', '1', '0%']);
  await expect(rowOf('Not specified')).toHaveText(['1', '0', '0', '1', '25%', '0', '–']);
  await expect(rowOf(/^Academia/)).toHaveText(['0', '0', '0', '0', '0%', '0', '–']);
  await expect(table.getByRole('rowheader', { name: /^Academia/ })).toContainText('not heard');

  await ctxC.close();
  expect(errors).toEqual([]);
});

test('outside an open consultation a stakeholder comment is refused with the reason, an annotation is taken', async ({ page }) => {
  await openApp(page);
  await createWorkspace(page);
  await addStakeholder(page, KOFI);
  const body = await writeReport(page);

  // Drafting: the form starts on Annotation; choosing a stakeholder comment shows why not and blocks it.
  await selectTextInEditor(page, body, 'incident responders');
  await toolbar(page).getByRole('button', { name: 'Comment', exact: true }).click();
  const form = panel(page).getByRole('form', { name: 'New comment' });
  await expect(form.getByRole('radio', { name: 'Annotation' })).toBeChecked();
  await form.getByRole('radio', { name: 'Stakeholder comment' }).check();
  await expect(form).toContainText('Stakeholder comments are taken only during a consultation; this draft is in drafting. You can add an annotation (an editor’s note) instead.');
  await form.getByRole('combobox', { name: 'On behalf of' }).selectOption({ label: option(KOFI) });
  await form.getByRole('textbox', { name: 'Comment', exact: true }).fill('Entered too early.');
  await expect(form.getByRole('button', { name: 'Add comment' })).toBeDisabled();

  await fillNewComment(page, { purpose: 'Annotation', body: 'Check the survey figures before the consultation.' });
  const card = panel(page).getByRole('article', { name: 'Comment #1, para 2 · § 4' });
  await expect(card).toBeVisible();
  await expect(card).toContainText('Annotation');
  await expect(card).toContainText('Check the survey figures before the consultation.');
  await expect(panel(page).getByRole('button', { name: /^Comment #\d+, / })).toHaveCount(1);

  // A consultation that opens tomorrow: still refused, with the opening date.
  await openConsultation(page, await isoDateInPage(page, 1), await isoDateInPage(page, 20));
  await expect(page.getByRole('status', { name: /^Phase: Consultation · opens / })).toBeVisible();
  await selectTextInEditor(page, body, 'shared training');
  await toolbar(page).getByRole('button', { name: 'Comment', exact: true }).click();
  await expect(form.getByRole('radio', { name: 'Annotation' })).toBeChecked();
  await form.getByRole('radio', { name: 'Stakeholder comment' }).check();
  await expect(form).toContainText(/The consultation opens on .+; stakeholder comments are taken from then\./);
  await form.getByRole('textbox', { name: 'Comment', exact: true }).fill('Still too early.');
  await expect(form.getByRole('button', { name: 'Add comment' })).toBeDisabled();
  await form.getByRole('button', { name: 'Cancel' }).click();
  await expect(form).toBeHidden();
  await expect(panel(page).getByRole('button', { name: /^Comment #\d+, / })).toHaveCount(1);

  // Nothing reached the matrix but the annotation.
  await viewTab(page, 'Comment matrix').click();
  await expect(matrixRows(page)).toHaveCount(1);
  await expect(matrixRows(page).first()).toContainText('Annotation');
});

test('after a reload the highlights come back ahead of the comments doc, the resolved one left out, and lead to their threads', async ({ page }) => {
  await openApp(page);
  await createWorkspace(page);
  const body = await writeReport(page);
  await selectTextInEditor(page, body, 'incident responders');
  await toolbar(page).getByRole('button', { name: 'Comment', exact: true }).click();
  await fillNewComment(page, { purpose: 'Annotation', body: 'Name the national CERTs.' });
  await selectTextInEditor(page, body, 'shared training');
  await toolbar(page).getByRole('button', { name: 'Comment', exact: true }).click();
  await fillNewComment(page, { purpose: 'Annotation', body: 'Already covered in section 2.' });
  const second = panel(page).getByRole('article', { name: /^Comment #2, / });
  await second.getByRole('button', { name: 'Resolve' }).click();
  await expect(second.getByRole('button', { name: 'Reopen' })).toBeVisible();
  await expectSaved(page);

  // The reload reads the highlights in the worker (storage/commentsPreview.ts) while the body opens.
  const worker = page.waitForEvent('worker', { predicate: (w) => w.url().includes('commentsPreviewWorker'), timeout: 15_000 });
  await page.reload();
  await worker;
  await expect(body.locator('[data-thread]', { hasText: 'incident responders' })).toHaveCount(1);
  await expect(body.locator('[data-thread]')).toHaveCount(1);
  await expect(panel(page).getByRole('button', { name: /^Comment #\d+, / })).toHaveCount(1);
  await body.locator('[data-thread]', { hasText: 'incident responders' }).click();
  await expect(body.locator('.comment-anchor.is-active')).toHaveText('incident responders');
  await expect(panel(page).getByRole('article', { name: /^Comment #1, / })).toContainText('Name the national CERTs.');
  await screenshot(page, 'comments-06-highlights-after-reload');

  // Once read, the highlights are placed on the body for the next open (storage/highlightCache.ts): the open thread
  // only, and the next reload draws them with the text.
  await expect.poll(() => placedThreads(page), { timeout: 15_000 }).toHaveLength(1);
  const [placed] = (await placedThreads(page))!;
  await page.addInitScript(recordFirstHighlight);
  await page.reload();
  await expect.poll(() => firstHighlight(page)).toBe('incident responders');
  await expect(body.locator('[data-thread]')).toHaveCount(1);
  await expect(body.locator('[data-thread]')).toHaveText('incident responders');
  await expect(body.locator('[data-thread]')).toHaveAttribute('data-thread', placed!);
  await expect(panel(page).getByRole('button', { name: /^Comment #\d+, / })).toHaveCount(1);
  await body.locator('[data-thread]').scrollIntoViewIfNeeded();
  await screenshot(page, 'comments-07-highlights-placed-reopen');

  // An edit before the highlighted text moves it: what was placed no longer fits the stored body, and after a
  // reload the highlight still covers exactly its text.
  await selectTextInEditor(page, body, 'Most respondents');
  await page.keyboard.type('Nearly all respondents');
  await expect(body.locator('[data-thread]')).toHaveText('incident responders');
  await expectSaved(page);
  await page.reload();
  await expect(body).toContainText('Nearly all respondents report a shortage of trained incident responders.');
  await expect.poll(() => firstHighlight(page)).toBe('incident responders');
  await expect(body.locator('[data-thread]')).toHaveCount(1);
  await expect(body.locator('[data-thread]')).toHaveText('incident responders');
  await body.locator('[data-thread]').click();
  await expect(panel(page).getByRole('article', { name: /^Comment #1, / })).toContainText('Name the national CERTs.');
});
