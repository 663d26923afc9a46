// Compile (issue 15, rough edges 8 and 10): the chapters of a compilation are put in order by drag and drop and by
// keyboard (Move up / Move down, Alt+arrows, announced); the title page has its own title and date, not the first
// document's; a compiled contribution opens with who sent it. The download is read back with python-docx.
import { test, expect, openApp, createWorkspace, createDocument, goToSection, documentsTable, editorBody, expectSaved, addStakeholder, captureDownload, screenshot, type RegistryEntry } from './fixtures';
import { readDocx } from '../export/helpers';

test.use({ viewport: { width: 1280, height: 800 }, acceptDownloads: true });

const KOFI: RegistryEntry = { name: 'Kofi Mensah', organisation: 'Ministry of Communications', group: 'Government', region: 'African States' };
const MEETING = { title: 'Regional consultation in Accra', date: '2025-03-10' };
const CONTRIBUTION = { title: 'Written submission from the Ministry', date: '2025-04-02', body: 'We propose a regional exercise every year.' };
const REPORT = { title: 'Output report 2025', date: '2025-06-30' };

test('compile: reorder chapters by dragging and by keyboard; title page with its own title and date; contributions say who sent them', async ({ page }) => {
  await openApp(page);
  await createWorkspace(page);
  await addStakeholder(page, KOFI);
  await createDocument(page, { kind: 'Meeting summary', title: MEETING.title, date: MEETING.date });
  await createDocument(page, { kind: 'Stakeholder contribution', title: CONTRIBUTION.title, date: CONTRIBUTION.date, stakeholder: `${KOFI.name} (${KOFI.organisation})`, channel: 'Written submission' });
  await editorBody(page, 'Contribution').click();
  await page.keyboard.type(CONTRIBUTION.body);
  await expectSaved(page);
  await createDocument(page, { kind: 'Draft output', subtype: 'Output report', title: REPORT.title, date: REPORT.date });
  await goToSection(page, 'Documents');
  for (const title of [MEETING.title, CONTRIBUTION.title, REPORT.title]) await documentsTable(page).getByRole('checkbox', { name: `Select ${title}` }).check();
  await page.getByRole('button', { name: /^Compile DOCX…/ }).click();
  const dialog = page.getByRole('dialog', { name: 'Compile 3 documents into one Word document' });
  const chapters = dialog.getByRole('list', { name: 'Chapters, in order' }).getByRole('listitem');
  await expect(chapters).toHaveCount(3);
  const initial = await chapters.allTextContents();
  expect(initial.map((t) => t.replace(/[⠿↑↓]/g, '').trim()).sort()).toEqual([CONTRIBUTION.title, MEETING.title, REPORT.title].sort());
  const titles = async () => (await chapters.allTextContents()).map((t) => t.replace(/[⠿↑↓]/g, '').trim());

  // Drag the report to the top.
  await chapters.filter({ hasText: REPORT.title }).dragTo(chapters.first());
  await expect.poll(titles).toEqual([REPORT.title, ...initial.map((t) => t.replace(/[⠿↑↓]/g, '').trim()).filter((t) => t !== REPORT.title)]);

  // By keyboard: the meeting goes to the top with Alt+↑ on its Move up button (focus follows it), announced.
  await dialog.getByRole('button', { name: `Move ${MEETING.title} up` }).focus();
  for (let i = 0; i < 3 && (await titles())[0] !== MEETING.title; i++) await page.keyboard.press('Alt+ArrowUp');
  await expect(dialog.getByRole('status')).toHaveText(`${MEETING.title}: position 1 of 3`);
  await expect.poll(titles).toEqual([MEETING.title, REPORT.title, CONTRIBUTION.title]);
  // And the contribution up one place with its button.
  await dialog.getByRole('button', { name: `Move ${CONTRIBUTION.title} up` }).click();
  await expect(dialog.getByRole('status')).toHaveText(`${CONTRIBUTION.title}: position 2 of 3`);
  await expect.poll(titles).toEqual([MEETING.title, CONTRIBUTION.title, REPORT.title]);
  await expect(dialog.getByRole('button', { name: `Move ${MEETING.title} up` })).toBeDisabled();

  // The title page: its own title and date (today by default, not a document's).
  const dateField = dialog.getByLabel('Date on the title page');
  await expect(dateField).not.toHaveValue(MEETING.date);
  await expect(dateField).not.toHaveValue(REPORT.date);
  await dialog.getByRole('textbox', { name: 'Title of the compilation' }).fill('Best Practice Forum 2025: compiled inputs');
  await dateField.fill('2025-11-20');
  await screenshot(page, 'compile-dialog');

  const file = await captureDownload(page, () => dialog.getByRole('button', { name: 'Export', exact: true }).click());
  const book = readDocx(file.bytes);
  expect(book.xmlOk, book.badParts.join('\n')).toBe(true);
  expect(book.paragraphs.filter((p) => p.style === 'Heading 1').map((p) => p.text)).toEqual([MEETING.title, CONTRIBUTION.title, REPORT.title]);
  const front = book.paragraphs.slice(0, 4).map((p) => p.text);
  expect(front[0]).toBe('Best Practice Forum 2025: compiled inputs');
  expect(front).toContain('20 November 2025');
  // The contribution chapter opens with who sent it.
  expect(book.tables.find((t) => t.rows[0]?.[0] === 'Sender')?.rows).toEqual([
    ['Sender', KOFI.name],
    ['Organisation', KOFI.organisation],
    ['Stakeholder group', 'Government'],
    ['Date received', '2 April 2025'],
    ['Channel', 'Written submission'],
  ]);
  expect(book.paragraphs.map((p) => p.text)).toContain(CONTRIBUTION.body);
});
