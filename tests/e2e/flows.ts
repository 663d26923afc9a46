// The offline editor's main flow, shared by the online/offline tests and the screenshot tour: a workspace with a
// registry entry, a meeting summary with fields and action points, a contribution from that stakeholder and an
// output report from its template; then a check that all of it is there (after a reload, typically).
import {
  expect,
  createWorkspace,
  createDocument,
  openDocument,
  goToSection,
  editorBody,
  expectSaved,
  addTheme,
  listedTitles,
  type Page,
  type Locator,
} from './fixtures';

export const STAKEHOLDER = {
  name: 'Amina Diallo',
  organisation: 'West Africa Cyber Alliance',
  group: 'Civil society',
  region: 'African States',
  gender: 'Woman',
  expertise: 'Incident response',
};
export const STAKEHOLDER_OPTION = `${STAKEHOLDER.name} (${STAKEHOLDER.organisation})`;

export const MEETING = {
  title: 'Open consultation on cyber capacity building',
  date: '2025-03-14',
  location: 'Riyadh, hall B',
  format: 'Hybrid',
  freeParticipant: { name: 'Jon Ramírez', organisation: 'Ministry of ICT' },
  agenda: '1. Welcome\n2. Survey results\n3. Next steps',
  keyMessages: 'Capacity building must reach small CERTs.',
  actions: [
    { owner: 'Amina Diallo', task: 'Circulate the survey results to all participants', due: '2025-04-01', status: 'Done' },
    { owner: 'Secretariat', task: 'Draft the outline of the output report', due: '2025-05-15', status: 'Open' },
  ],
  body: 'Participants agreed that national CERTs need sustained funding.',
  theme: 'Capacity building',
};

export const CONTRIBUTION = {
  title: 'Written submission from WACA',
  date: '2025-04-02',
  channel: 'Written submission',
  body: 'We propose a regional incident-response exercise every year.',
  theme: 'Incident response',
};

export const REPORT = {
  title: 'BPF Cybersecurity output report 2025',
  date: '2025-06-30',
  outline: ['Executive summary', 'Introduction', 'Methodology', 'Findings', 'Recommendations', 'Annexes'],
  findings: 'Most respondents report a shortage of trained incident responders.',
  recommendations: 'Fund shared training programmes across regions.',
  theme: 'Incident response',
};

/** The select's chosen option text (a select's value is an id; people read the label). */
/** An ISO date as date fields show it in English: the screens' one format, "14 Mar 2025". */
export const shownDate = (iso: string) => new Intl.DateTimeFormat('en-GB', { dateStyle: 'medium' }).format(new Date(`${iso}T00:00:00`));

export const selectedLabel = (select: Locator) => select.evaluate((s: HTMLSelectElement) => s.selectedOptions[0]?.textContent?.trim() ?? '');

export const meetingFields = (page: Page) => page.getByRole('region', { name: 'Meeting details' });
export const actionPointsTable = (page: Page) => page.getByRole('table', { name: /^Action points/ });
export const participantsTable = (page: Page) => page.getByRole('table', { name: /^Participants/ });
export const registryTable = (page: Page) => page.getByRole('table', { name: 'Stakeholder registry' });

export async function addStakeholderToRegistry(page: Page): Promise<void> {
  await goToSection(page, 'Stakeholders');
  await page.getByRole('button', { name: 'Add stakeholder' }).click();
  const form = page.getByRole('region', { name: 'Add stakeholder' }).getByRole('form');
  await form.getByRole('textbox', { name: 'Name', exact: true }).fill(STAKEHOLDER.name);
  await form.getByRole('textbox', { name: 'Organisation' }).fill(STAKEHOLDER.organisation);
  await form.getByRole('combobox', { name: 'Stakeholder group' }).selectOption({ label: STAKEHOLDER.group });
  await form.getByRole('combobox', { name: 'Region' }).selectOption({ label: STAKEHOLDER.region });
  await form.getByRole('combobox', { name: 'Gender (optional)' }).selectOption({ label: STAKEHOLDER.gender });
  const theme = form.getByRole('group', { name: 'Expertise themes' }).getByRole('textbox', { name: 'Add theme' });
  await theme.fill(STAKEHOLDER.expertise);
  await theme.press('Enter');
  await form.getByRole('button', { name: 'Add to registry' }).click();
  await expect(form).toBeHidden();
  await expectRegistry(page);
}

export async function expectRegistry(page: Page): Promise<void> {
  const row = registryTable(page).getByRole('row', { name: new RegExp(STAKEHOLDER.name) });
  await expect(row).toBeVisible();
  await expect(row.getByRole('rowheader')).toHaveText(STAKEHOLDER.name);
  for (const text of [STAKEHOLDER.organisation, STAKEHOLDER.group, STAKEHOLDER.region, STAKEHOLDER.gender, STAKEHOLDER.expertise]) {
    await expect(row.getByRole('cell', { name: text, exact: true })).toBeVisible();
  }
}

/** Types at the end of a document body (which is empty apart from a template, or a heading's next paragraph). */
async function typeInBody(page: Page, body: Locator, text: string, after?: string): Promise<void> {
  if (after) await body.locator(`h1:text-is("${after}") + p`).click();
  else {
    await body.click();
    await page.keyboard.press('Control+End');
  }
  await page.keyboard.type(text);
  await expect(body).toContainText(text);
}

export async function createMeeting(page: Page): Promise<void> {
  await createDocument(page, { kind: 'Meeting summary', title: MEETING.title, date: MEETING.date });
  const fields = meetingFields(page);
  await expect(fields.getByLabel('Date', { exact: true })).toHaveValue(shownDate(MEETING.date));
  await fields.getByRole('combobox', { name: 'Format' }).selectOption({ label: MEETING.format });
  const location = fields.getByRole('textbox', { name: 'Location' });
  await location.fill(MEETING.location);
  await location.press('Enter');

  // Participants: one from the registry, one by name.
  await fields.getByRole('combobox', { name: 'Participant from the registry' }).selectOption({ label: STAKEHOLDER_OPTION });
  await fields.getByRole('button', { name: 'Add from registry' }).click();
  await fields.getByRole('textbox', { name: 'Name (not in the registry)' }).fill(MEETING.freeParticipant.name);
  await fields.getByRole('textbox', { name: 'Organisation (optional)' }).fill(MEETING.freeParticipant.organisation);
  await fields.getByRole('button', { name: 'Add by name' }).click();
  await expect(participantsTable(page).getByRole('rowheader')).toHaveText([STAKEHOLDER.name, MEETING.freeParticipant.name]);

  await fields.getByRole('textbox', { name: 'Agenda' }).fill(MEETING.agenda);
  await fields.getByRole('textbox', { name: 'Key messages' }).fill(MEETING.keyMessages);

  // Two action points, filled inline.
  for (const [i, a] of MEETING.actions.entries()) {
    const n = i + 1;
    await fields.getByRole('button', { name: 'Add action point' }).click();
    const owner = fields.getByRole('combobox', { name: `Owner, action point ${n}` }).or(fields.getByRole('textbox', { name: `Owner, action point ${n}` }));
    await expect(owner).toBeFocused(); // a new row takes the focus
    await owner.fill(a.owner);
    await owner.press('Enter');
    const task = fields.getByRole('textbox', { name: `Task, action point ${n}` });
    await task.fill(a.task);
    await task.press('Enter');
    await fields.getByLabel(`Due date, action point ${n}`).fill(a.due);
    await fields.getByRole('combobox', { name: `Status, action point ${n}` }).selectOption({ label: a.status });
  }
  await expect(actionPointsTable(page).getByRole('row')).toHaveCount(1 + MEETING.actions.length);

  await typeInBody(page, editorBody(page, 'Discussion summary'), MEETING.body);
  await addTheme(page, MEETING.theme);
  await expectSaved(page);
}

export async function expectMeeting(page: Page): Promise<void> {
  await openDocument(page, MEETING.title);
  const fields = meetingFields(page);
  await expect(fields.getByLabel('Date', { exact: true })).toHaveValue(shownDate(MEETING.date));
  expect(await selectedLabel(fields.getByRole('combobox', { name: 'Format' }))).toBe(MEETING.format);
  await expect(fields.getByRole('textbox', { name: 'Location' })).toHaveValue(MEETING.location);
  await expect(participantsTable(page).getByRole('rowheader')).toHaveText([STAKEHOLDER.name, MEETING.freeParticipant.name]);
  await expect(participantsTable(page).getByRole('row', { name: new RegExp(STAKEHOLDER.name) })).toContainText(STAKEHOLDER.organisation);
  await expect(participantsTable(page).getByRole('row', { name: new RegExp(MEETING.freeParticipant.name) })).toContainText(MEETING.freeParticipant.organisation);
  await expect(fields.getByRole('textbox', { name: 'Agenda' })).toHaveValue(MEETING.agenda);
  await expect(fields.getByRole('textbox', { name: 'Key messages' })).toHaveValue(MEETING.keyMessages);
  await expect(actionPointsTable(page).getByRole('row')).toHaveCount(1 + MEETING.actions.length);
  for (const [i, a] of MEETING.actions.entries()) {
    const n = i + 1;
    await expect(fields.getByLabel(`Owner, action point ${n}`)).toHaveValue(a.owner);
    await expect(fields.getByRole('textbox', { name: `Task, action point ${n}` })).toHaveValue(a.task);
    await expect(fields.getByLabel(`Due date, action point ${n}`)).toHaveValue(shownDate(a.due));
    expect(await selectedLabel(fields.getByRole('combobox', { name: `Status, action point ${n}` }))).toBe(a.status);
  }
  await expect(editorBody(page, 'Discussion summary')).toHaveText(MEETING.body);
  await expect(page.getByRole('group', { name: 'Themes' }).getByRole('button', { name: `Remove theme ${MEETING.theme}` })).toBeVisible();
}

export async function createContribution(page: Page): Promise<void> {
  await createDocument(page, { kind: 'Stakeholder contribution', title: CONTRIBUTION.title, date: CONTRIBUTION.date, stakeholder: STAKEHOLDER_OPTION, channel: CONTRIBUTION.channel });
  await typeInBody(page, editorBody(page, 'Contribution'), CONTRIBUTION.body);
  await addTheme(page, CONTRIBUTION.theme);
  await expectSaved(page);
}

export async function expectContribution(page: Page): Promise<void> {
  await openDocument(page, CONTRIBUTION.title);
  const fields = page.getByRole('region', { name: 'Contribution details' });
  expect(await selectedLabel(fields.getByRole('combobox', { name: 'Stakeholder' }))).toBe(STAKEHOLDER_OPTION);
  await expect(fields.getByLabel('Received on')).toHaveValue(shownDate(CONTRIBUTION.date));
  expect(await selectedLabel(fields.getByRole('combobox', { name: 'Channel' }))).toBe(CONTRIBUTION.channel);
  const about = fields.getByLabel(`About ${STAKEHOLDER.name}`);
  await expect(about).toContainText(STAKEHOLDER.organisation);
  await expect(about).toContainText(STAKEHOLDER.group);
  await expect(about).toContainText(STAKEHOLDER.region);
  await expect(editorBody(page, 'Contribution')).toHaveText(CONTRIBUTION.body);
  await expect(page.getByRole('group', { name: 'Themes' }).getByRole('button', { name: `Remove theme ${CONTRIBUTION.theme}` })).toBeVisible();
}

export async function createReport(page: Page): Promise<void> {
  await createDocument(page, { kind: 'Draft output', subtype: 'Output report', title: REPORT.title, date: REPORT.date });
  const body = editorBody(page, 'Draft text');
  await expect(body.locator('h1')).toHaveText(REPORT.outline);
  await typeInBody(page, body, REPORT.findings, 'Findings');
  await typeInBody(page, body, REPORT.recommendations, 'Recommendations');
  await addTheme(page, REPORT.theme);
  await expectSaved(page);
}

export async function expectReport(page: Page): Promise<void> {
  await openDocument(page, REPORT.title);
  const body = editorBody(page, 'Draft text');
  // The outline exactly once, in order, with the typed text under the right headings.
  await expect(body.locator('h1')).toHaveText(REPORT.outline);
  await expect(body.locator('h1:text-is("Findings") + p')).toHaveText(REPORT.findings);
  await expect(body.locator('h1:text-is("Recommendations") + p')).toHaveText(REPORT.recommendations);
  const draft = page.getByRole('region', { name: 'Draft details' });
  await expect(draft).toContainText('Output report');
  await expect(page.getByRole('group', { name: 'Themes' }).getByRole('button', { name: `Remove theme ${REPORT.theme}` })).toBeVisible();
}

/** Filters the document list by kind, theme, date range and title, checking the rows each time. */
export async function filterDocumentList(page: Page): Promise<void> {
  await goToSection(page, 'Documents');
  const all = [REPORT.title, CONTRIBUTION.title, MEETING.title]; // newest date first
  await expect.poll(() => listedTitles(page)).toEqual(all);
  const filters = page.getByRole('search', { name: 'Filter documents' });
  const clear = async () => {
    await filters.getByRole('button', { name: 'Clear filters' }).click();
    await expect.poll(() => listedTitles(page)).toEqual(all);
  };

  await filters.getByRole('combobox', { name: 'Kind' }).selectOption({ label: 'Meeting summary' });
  await expect.poll(() => listedTitles(page)).toEqual([MEETING.title]);
  await expect(page.getByText('Showing 1 of 3 documents.')).toBeVisible();
  await filters.getByRole('combobox', { name: 'Kind' }).selectOption({ label: 'Draft output' });
  await expect.poll(() => listedTitles(page)).toEqual([REPORT.title]);
  await clear();

  await filters.getByRole('combobox', { name: 'Theme' }).selectOption({ label: MEETING.theme });
  await expect.poll(() => listedTitles(page)).toEqual([MEETING.title]);
  await filters.getByRole('combobox', { name: 'Theme' }).selectOption({ label: REPORT.theme });
  await expect.poll(() => listedTitles(page)).toEqual([REPORT.title, CONTRIBUTION.title]);
  await clear();

  await filters.getByLabel('From', { exact: true }).fill('2025-04-01');
  await filters.getByLabel('To', { exact: true }).fill('2025-04-30');
  await expect.poll(() => listedTitles(page)).toEqual([CONTRIBUTION.title]);
  await filters.getByLabel('To', { exact: true }).fill('');
  await expect.poll(() => listedTitles(page)).toEqual([REPORT.title, CONTRIBUTION.title]);
  await clear();

  await filters.getByRole('searchbox', { name: 'Search' }).fill('CONSULTATION');
  await expect.poll(() => listedTitles(page)).toEqual([MEETING.title]);
  // Full-text search finds the contribution by a word of its body.
  await filters.getByRole('searchbox', { name: 'Search' }).fill('exercise');
  await expect.poll(() => listedTitles(page)).toEqual([]);
  await filters.getByRole('checkbox', { name: 'Search text too' }).check();
  await expect.poll(() => listedTitles(page)).toEqual([CONTRIBUTION.title]);
  await clear();

  // The list's own columns.
  const row = page.getByRole('table', { name: 'Documents' }).getByRole('row', { name: new RegExp(MEETING.title) });
  await expect(row).toContainText('Meeting summary');
  await expect(row).toContainText(MEETING.theme);
}

/** The whole flow, from an empty app to three documents; returns the workspace id. */
export async function buildWorkspace(page: Page): Promise<string> {
  const id = await createWorkspace(page);
  await addStakeholderToRegistry(page);
  await createMeeting(page);
  await createContribution(page);
  await createReport(page);
  await filterDocumentList(page);
  return id;
}

/** Everything the flow made is there: registry, fields, action points, bodies, themes. */
export async function expectWorkspaceIntact(page: Page): Promise<void> {
  await expect(page).toHaveTitle(/BPF Cybersecurity 2025/);
  await goToSection(page, 'Stakeholders');
  await expectRegistry(page);
  await expectMeeting(page);
  await expectContribution(page);
  await expectReport(page);
  await goToSection(page, 'Documents');
  await expect.poll(() => listedTitles(page)).toEqual([REPORT.title, CONTRIBUTION.title, MEETING.title]);
}
