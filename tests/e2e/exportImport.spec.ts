// Word export and import in the web build (issue 5): a draft with comments exported through the Export dialog
// (comment matrix as an annex, comments as Word comments), two documents compiled from the document list, and a
// DOCX imported as a stakeholder contribution through Sidebar › Maintenance › Import DOCX…. Every download is read
// back with python-docx (tests/export/read_docx.py, through tests/export/helpers.ts), an independent reader.
import { readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import {
  test,
  expect,
  REPO_ROOT,
  openApp,
  createWorkspace,
  createDocument,
  goToSection,
  documentsTable,
  listedTitles,
  editorBody,
  toolbar,
  expectSaved,
  addStakeholder,
  maintenanceItem,
  selectTextInEditor,
  captureDownload,
  isoDateInPage,
  tempDir,
  removeDir,
  type Locator,
  type Page,
  type RegistryEntry,
} from './fixtures';
import { readDocx } from '../export/helpers';

test.use({ viewport: { width: 1280, height: 800 }, acceptDownloads: true });

const KOFI: RegistryEntry = { name: 'Kofi Mensah', organisation: 'Ministry of Communications', group: 'Government', region: 'African States' };
const KOFI_OPTION = `${KOFI.name} (${KOFI.organisation})`;
const REPORT = { title: 'BPF Cybersecurity output report 2025', date: '2025-06-30' };
const OUTLINE = ['Executive summary', 'Introduction', 'Methodology', 'Findings', 'Recommendations', 'Annexes'];
const FINDINGS = 'Most respondents report a shortage of trained incident responders.';
const RECOMMENDATIONS = 'Fund shared training programmes across regions.';
const CONTRIBUTION = { title: 'Written submission from the Ministry', date: '2025-04-02', body: 'We propose a regional incident-response exercise every year.' };
const FIXTURE = join(REPO_ROOT, 'tests', 'fixtures', 'docx', 'libreoffice-comment.docx');

const panel = (page: Page) => page.getByRole('complementary', { name: 'Comments' });

async function writeReport(page: Page): Promise<Locator> {
  await createDocument(page, { kind: 'Draft output', subtype: 'Output report', title: REPORT.title, date: REPORT.date });
  const body = editorBody(page, 'Draft text');
  for (const [heading, text] of [['Findings', FINDINGS], ['Recommendations', RECOMMENDATIONS]]) {
    await body.locator(`h1:text-is("${heading}") + p`).click();
    await page.keyboard.type(text);
    await expect(body.locator(`h1:text-is("${heading}") + p`)).toHaveText(text);
  }
  await expectSaved(page);
  return body;
}

/** A stakeholder comment (consultation open today) and an editor's annotation on the report. */
async function commentOnReport(page: Page, body: Locator): Promise<void> {
  const phase = page.getByRole('group', { name: 'Consultation phase' });
  await phase.getByRole('button', { name: 'Open consultation…' }).click();
  await phase.getByLabel('Opens on').fill(await isoDateInPage(page));
  await phase.getByLabel('Closes on').fill(await isoDateInPage(page, 30));
  await phase.getByRole('button', { name: 'Open consultation…' }).click();
  await expect(page.getByRole('status', { name: /^Phase: Consultation · open until / })).toBeVisible();
  const comments: Array<{ quote: string; purpose: 'Stakeholder comment' | 'Annotation'; body: string }> = [
    { quote: 'shortage of trained incident responders', purpose: 'Stakeholder comment', body: 'Name the regions where the shortage is worst.' },
    { quote: 'shared training programmes', purpose: 'Annotation', body: 'Check the budget line before the next draft.' },
  ];
  for (const [i, c] of comments.entries()) {
    await selectTextInEditor(page, body, c.quote);
    await toolbar(page).getByRole('button', { name: 'Comment', exact: true }).click();
    const form = panel(page).getByRole('form', { name: 'New comment' });
    await form.getByRole('radio', { name: c.purpose }).check();
    if (c.purpose === 'Stakeholder comment') await form.getByRole('combobox', { name: 'On behalf of' }).selectOption({ label: KOFI_OPTION });
    await form.getByRole('textbox', { name: 'Comment', exact: true }).fill(c.body);
    await form.getByRole('button', { name: 'Add comment' }).click();
    await expect(form).toBeHidden();
    await expect(panel(page).getByRole('button', { name: new RegExp(`^Comment #${i + 1}, `) })).toBeVisible();
  }
}

test('export a draft with its comments as an annex and as Word comments, and compile two documents', async ({ page }) => {
  test.setTimeout(90_000);
  await openApp(page);
  await createWorkspace(page);
  await addStakeholder(page, KOFI);
  const body = await writeReport(page);
  await commentOnReport(page, body);

  // --- Export DOCX… in the document header.
  await page.getByRole('button', { name: 'Export DOCX…' }).click();
  const dialog = page.getByRole('dialog', { name: 'Export as Word document' });
  await expect(dialog).toBeVisible();
  await expect(dialog.getByRole('textbox', { name: 'Title', exact: true })).toHaveValue(REPORT.title);
  await expect(dialog.getByRole('checkbox', { name: 'Table of contents' })).toBeChecked();
  const annex = dialog.getByRole('checkbox', { name: /^Comment matrix as an annex/ });
  await expect(annex).toHaveAccessibleName('Comment matrix as an annex'); // no "has no comments yet" hint
  await annex.check();
  await dialog.getByRole('checkbox', { name: 'Comments as Word comments' }).check();
  const exported = await captureDownload(page, () => dialog.getByRole('button', { name: 'Export', exact: true }).click());
  await expect(dialog).toBeHidden();
  await expect(page.getByRole('status').filter({ hasText: `Exported: ${REPORT.title}.docx` })).toBeVisible();
  expect(exported.name).toBe(`${REPORT.title}.docx`);

  const doc = readDocx(exported.bytes);
  expect(doc.xmlOk, doc.badParts.join('\n')).toBe(true);
  // House style: Normal in Times New Roman 12 pt; headings are Word's own Heading 1-3.
  expect(doc.styles.normal).toEqual({ font: 'Times New Roman', size: 12 });
  expect(doc.styles.headings.map((h) => [h.id, h.name])).toEqual([
    ['Heading1', 'Heading 1'],
    ['Heading2', 'Heading 2'],
    ['Heading3', 'Heading 3'],
  ]);
  const h1 = doc.paragraphs.filter((p) => p.style === 'Heading 1').map((p) => p.text);
  expect(h1).toEqual([...OUTLINE, 'Annex: Comments received']);
  const afterHeading = (h: string) => doc.paragraphs[doc.paragraphs.findIndex((p) => p.style === 'Heading 1' && p.text === h) + 1];
  expect(afterHeading('Findings')).toMatchObject({ style: 'Normal', text: FINDINGS });
  expect(afterHeading('Recommendations')).toMatchObject({ style: 'Normal', text: RECOMMENDATIONS });
  // Two Word comments, anchored on their quotes.
  expect(doc.comments).toHaveLength(2);
  expect(doc.commentRanges.start).toHaveLength(2);
  expect(doc.comments.map((c) => c.text).join('\n')).toContain('Name the regions where the shortage is worst.');
  expect(doc.comments.map((c) => c.text).join('\n')).toContain('Check the budget line before the next draft.');
  // The annex: the matrix as a table, a header row and one row per comment.
  const annexTable = doc.tables.find((t) => t.rows[0]?.[0] === '#' && t.rows[0].includes('Disposition'));
  expect(annexTable, JSON.stringify(doc.tables.map((t) => t.rows[0]))).toBeDefined();
  expect(annexTable!.rows).toHaveLength(3);
  expect(annexTable!.rows.slice(1).map((r) => r[0])).toEqual(['1', '2']);
  expect(annexTable!.rows[1].join(' | ')).toContain(KOFI.name);
  expect(annexTable!.rows[1].join(' | ')).toContain('Name the regions where the shortage is worst.');

  // --- Compile the report and a contribution from the document list.
  await createDocument(page, { kind: 'Stakeholder contribution', title: CONTRIBUTION.title, date: CONTRIBUTION.date, stakeholder: KOFI_OPTION });
  await editorBody(page, 'Contribution').click();
  await page.keyboard.type(CONTRIBUTION.body);
  await expectSaved(page);
  await goToSection(page, 'Documents');
  await expect.poll(() => listedTitles(page)).toEqual([REPORT.title, CONTRIBUTION.title]);
  const compile = page.getByRole('button', { name: /^Compile DOCX…/ });
  await expect(compile).toHaveCount(0);
  await documentsTable(page).getByRole('checkbox', { name: `Select ${REPORT.title}` }).check();
  await expect(compile).toHaveCount(0); // one document is an export, not a compilation
  await documentsTable(page).getByRole('checkbox', { name: `Select ${CONTRIBUTION.title}` }).check();
  await expect(compile).toHaveText('Compile DOCX… (2)');
  await compile.click();
  const compileDialog = page.getByRole('dialog', { name: 'Compile 2 documents into one Word document' });
  await expect(compileDialog.getByRole('list', { name: 'Chapters, in order' }).getByRole('listitem')).toHaveText([REPORT.title, CONTRIBUTION.title]);
  await compileDialog.getByRole('textbox', { name: 'Title of the compilation' }).fill('BPF Cybersecurity compilation');
  const compiled = await captureDownload(page, () => compileDialog.getByRole('button', { name: 'Export', exact: true }).click());
  await expect(compileDialog).toBeHidden();
  expect(compiled.name).toBe('BPF Cybersecurity compilation.docx');
  const book = readDocx(compiled.bytes);
  expect(book.xmlOk, book.badParts.join('\n')).toBe(true);
  // Two chapters, one per document; the report's own headings one level down, under its chapter.
  expect(book.paragraphs.filter((p) => p.style === 'Heading 1').map((p) => p.text)).toEqual([REPORT.title, CONTRIBUTION.title]);
  expect(book.paragraphs.filter((p) => p.style === 'Heading 2').map((p) => p.text)).toEqual(OUTLINE);
  expect(book.paragraphs.map((p) => p.text)).toContain(CONTRIBUTION.body);
  expect(book.comments).toHaveLength(0); // no Word comments unless asked for
});

test('import a Word file as a stakeholder contribution; a file that is not a DOCX is refused and creates nothing', async ({ page }) => {
  await openApp(page);
  await createWorkspace(page);
  await addStakeholder(page, KOFI);
  await goToSection(page, 'Documents');
  expect(await listedTitles(page)).toEqual([]);

  // --- Not a zip: refused, nothing created.
  const dir = tempDir('import');
  try {
    const bogus = join(dir, 'not-really.docx');
    writeFileSync(bogus, 'This is plain text with a .docx name.\n');
    await maintenanceItem(page, 'Import DOCX…');
    const dialog = page.getByRole('dialog', { name: 'Import a Word document' });
    const [chooser] = await Promise.all([page.waitForEvent('filechooser'), dialog.getByRole('button', { name: 'Choose a .docx file…' }).click()]);
    expect(chooser.isMultiple()).toBe(false);
    await chooser.setFiles(bogus);
    await expect(dialog.getByRole('alert')).toHaveText('This file was not imported: This file is not a Word document (.docx): it is not a zip package.');
    await expect(dialog.getByRole('status')).toHaveCount(0); // no "ready to import" summary
    await expect(dialog.getByRole('button', { name: 'Import', exact: true })).toBeDisabled();
    await dialog.getByRole('button', { name: 'Cancel' }).click();
    await expect(dialog).toBeHidden();
    await expect(page.getByRole('heading', { level: 1, name: 'Documents' })).toBeVisible();
    expect(await listedTitles(page)).toEqual([]);
  } finally {
    removeDir(dir);
  }

  // --- The LibreOffice file with a comment, as Kofi's contribution.
  await maintenanceItem(page, 'Import DOCX…');
  const dialog = page.getByRole('dialog', { name: 'Import a Word document' });
  const [chooser] = await Promise.all([page.waitForEvent('filechooser'), dialog.getByRole('button', { name: 'Choose a .docx file…' }).click()]);
  await chooser.setFiles(FIXTURE);
  await expect(dialog.getByRole('status')).toHaveText('libreoffice-comment.docx: ready to import, with 1 comment.');
  await expect(dialog.getByRole('group', { name: 'Import as' }).getByRole('radio', { name: 'Stakeholder contribution' })).toBeChecked();
  await expect(dialog.getByRole('textbox', { name: 'Title' })).toHaveValue('libreoffice-comment');
  await dialog.getByRole('textbox', { name: 'Title' }).fill('Connectivity note from the Ministry');
  // Without a stakeholder it asks for one.
  await dialog.getByRole('button', { name: 'Import', exact: true }).click();
  await expect(dialog.getByRole('alert')).toHaveText('Choose the stakeholder who sent it.');
  await dialog.getByRole('combobox', { name: 'Stakeholder' }).selectOption({ label: KOFI_OPTION });
  await dialog.getByRole('button', { name: 'Import', exact: true }).click();
  await expect(dialog).toBeHidden();

  // The new document: a contribution from Kofi with the file's headings, table and comment (as python-docx
  // reads them from the source file).
  const source = readDocx(readFileSync(FIXTURE));
  const sourceHeadings = (level: number) => source.paragraphs.filter((p) => p.style === `Heading ${level}`).map((p) => p.text);
  expect(sourceHeadings(1).length).toBeGreaterThan(0);
  expect(source.tables).toHaveLength(1);
  await expect(page.getByRole('textbox', { name: 'Title', exact: true })).toHaveValue('Connectivity note from the Ministry');
  const fields = page.getByRole('region', { name: 'Contribution details' });
  await expect(fields.getByRole('combobox', { name: 'Stakeholder' }).locator('option:checked')).toHaveText(KOFI_OPTION);
  const body = editorBody(page, 'Contribution');
  await expect(body.locator('h1')).toHaveText(sourceHeadings(1));
  await expect(body.locator('h2')).toHaveText(sourceHeadings(2));
  await expect(body).toContainText('Connectivity remains uneven across regions and affordability is the main barrier.');
  const table = body.locator('table');
  await expect(table).toHaveCount(1);
  const rows = source.tables[0].rows;
  await expect(table.locator('tr')).toHaveCount(rows.length);
  for (const [i, cells] of rows.entries()) await expect(table.locator('tr').nth(i).locator('th, td')).toHaveText(cells);
  // The unsafe link did not survive as a link.
  await expect(body.locator('a[href^="javascript:"]')).toHaveCount(0);

  const thread = panel(page).getByRole('article', { name: /^Comment #1, / });
  await expect(thread).toBeVisible();
  await expect(thread).toContainText('Please cite the survey here.');
  await expect(thread.getByLabel('Text commented on')).toHaveText('Connectivity remains uneven across regions');
  await expect(thread).toContainText(KOFI.name);
  await expect(body.locator('[data-thread]')).toHaveText('Connectivity remains uneven across regions');

  await goToSection(page, 'Documents');
  await expect.poll(() => listedTitles(page)).toEqual(['Connectivity note from the Ministry']);
  await expect(documentsTable(page).getByRole('row', { name: /Connectivity note from the Ministry/ })).toContainText('Stakeholder contribution');
});
