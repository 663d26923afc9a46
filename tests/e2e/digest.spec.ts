// Issue 11, as a facilitator works: a month of network activity (registry entries with expertise and languages,
// contributions, a meeting with key messages and an action point), then the month's digest, the expert finder
// and a stakeholder's profile. Screenshots of each screen.
import { test, expect, openApp, createWorkspace, createDocument, addTheme, expectSaved, editorBody, goToSection, sidebar, screenshot, documentsTable, type Page } from './fixtures';

const PEOPLE = [
  { name: 'Amina Diallo', organisation: 'Youth Forum Dakar', group: 'Civil society', region: 'African States', expertise: 'Youth inclusion', languages: 'French, English' },
  { name: 'Carlos Mendes', organisation: 'Ministry of Planning', group: 'Government', region: 'Latin American and Caribbean States', expertise: '', languages: 'Spanish, Portuguese' },
  { name: 'Li Wei', organisation: 'Fudan University', group: 'Academia', region: 'Asia-Pacific States', expertise: 'Youth inclusion', languages: 'Chinese' },
];
const option = (p: (typeof PEOPLE)[number]) => `${p.name} (${p.organisation})`;

async function register(page: Page, p: (typeof PEOPLE)[number]) {
  await goToSection(page, 'Stakeholders');
  await page.getByRole('button', { name: 'Add stakeholder' }).click();
  const form = page.getByRole('region', { name: 'Add stakeholder' }).getByRole('form');
  await form.getByRole('textbox', { name: 'Name', exact: true }).fill(p.name);
  await form.getByRole('textbox', { name: 'Organisation' }).fill(p.organisation);
  await form.getByRole('combobox', { name: 'Stakeholder group' }).selectOption({ label: p.group });
  await form.getByRole('combobox', { name: 'Region' }).selectOption({ label: p.region });
  if (p.expertise) {
    const theme = form.getByRole('group', { name: 'Expertise themes' }).getByRole('textbox', { name: 'Add theme' });
    await theme.fill(p.expertise);
    await theme.press('Enter');
  }
  await form.getByRole('textbox', { name: 'Languages spoken' }).fill(p.languages);
  await form.getByRole('button', { name: 'Add to registry' }).click();
  await expect(form).toBeHidden();
}

async function contribution(page: Page, title: string, who: (typeof PEOPLE)[number], date: string, body: string, theme: string) {
  await createDocument(page, { kind: 'Stakeholder contribution', title, date, stakeholder: option(who) });
  const editor = editorBody(page, 'Contribution');
  await editor.click();
  await page.keyboard.type(body);
  await expect(editor).toContainText(body);
  await addTheme(page, theme);
  await expectSaved(page);
}

async function meeting(page: Page) {
  await createDocument(page, { kind: 'Meeting summary', title: 'March network call', date: '2025-03-20' });
  const fields = page.getByRole('region', { name: 'Meeting details' });
  for (const p of [PEOPLE[0], PEOPLE[1]]) {
    await fields.getByRole('combobox', { name: 'Participant from the registry' }).selectOption({ label: option(p) });
    await fields.getByRole('button', { name: 'Add from registry' }).click();
  }
  await fields.getByRole('textbox', { name: 'Key messages' }).fill('Youth councils need their own budgets\nInvite mayors to the next call');
  await fields.getByRole('button', { name: 'Add action point' }).click();
  const owner = fields.getByRole('combobox', { name: 'Owner, action point 1' }).or(fields.getByRole('textbox', { name: 'Owner, action point 1' }));
  await owner.fill('Amina Diallo');
  await owner.press('Enter');
  await fields.getByRole('textbox', { name: 'Task, action point 1' }).fill('Share the council toolkit');
  await fields.getByLabel('Due date, action point 1').fill('2025-03-28');
  await addTheme(page, 'Youth inclusion');
  await expectSaved(page);
}

const mainHeading = (page: Page, name: string) => expect(page.getByRole('heading', { level: 1, name })).toBeVisible();

test('a month’s digest, the expert finder and a profile, from the facilitator’s own material', async ({ page }) => {
  await openApp(page);
  await createWorkspace(page, 'Youth network 2025');
  for (const p of PEOPLE) await register(page, p);
  await contribution(page, 'Youth councils in Senegal', PEOPLE[0], '2025-03-10', 'Youth councils give young people a formal voice. They meet monthly.', 'Youth inclusion');
  await contribution(page, 'Budget transparency note', PEOPLE[1], '2025-03-31', 'Open budgets let citizens follow spending.', 'Open budgets');
  await contribution(page, 'April note on campuses', PEOPLE[2], '2025-04-01', 'Campus networks grew in April.', 'Youth inclusion');
  await meeting(page);
  await goToSection(page, 'Documents');

  // The digest screen previews the month, then drafts it.
  await sidebar(page).getByRole('link', { name: 'Monthly digest' }).click();
  await mainHeading(page, 'Monthly digest');
  await page.getByLabel('Month', { exact: true }).fill('2025-03');
  const preview = page.getByRole('region', { name: /What the digest will contain/ });
  await expect(preview).toContainText('Youth councils in Senegal');
  await expect(preview).toContainText('Youth councils give young people a formal voice.');
  await expect(preview).toContainText('Budget transparency note');
  await expect(preview).toContainText('Youth councils need their own budgets');
  await expect(preview).toContainText('due 28 Mar 2025'); // dates as the reader writes them, as everywhere else
  await expect(preview).toContainText('Share the council toolkit');
  await expect(preview).not.toContainText('April note on campuses');
  await expect(page.getByText(/not indexed on this device/)).toHaveCount(0); // every document has its derived row
  await screenshot(page, 'i11-digest-month');
  await expect(preview.getByRole('list', { name: 'Contributions and comments by stakeholder group' }).getByRole('listitem', { name: 'Civil society: 1 contributions, 0 comments' })).toBeVisible();
  await preview.getByRole('heading', { name: 'Activity figures' }).scrollIntoViewIfNeeded();
  await screenshot(page, 'i11-digest-chart');
  await preview.getByRole('button', { name: 'Show as a table' }).first().click();
  await expect(preview.getByRole('table', { name: 'Contributions and comments by stakeholder group' }).getByRole('row', { name: /Government/ })).toContainText('1');
  await screenshot(page, 'i11-digest-preview');

  await page.getByRole('button', { name: 'Draft digest' }).click();
  await expect(page.getByRole('textbox', { name: 'Title', exact: true })).toHaveValue('Digest: March 2025');
  const digestUrl = page.url();
  const body = editorBody(page, 'Draft text');
  for (const text of [
    'Theme of the month',
    'Youth inclusion',
    'Youth councils in Senegal — “Youth councils give young people a formal voice.” (Amina Diallo · Youth Forum Dakar · Civil society, African States, 10 Mar 2025)',
    'Budget transparency note',
    'March network call (20 Mar 2025)',
    'Youth councils need their own budgets',
    'Share the council toolkit — Amina Diallo, due 28 Mar 2025 (Open), from March network call',
    '2 contributions and 0 comments this month.',
  ])
    await expect(body).toContainText(text);
  await expect(body).not.toContainText('April note on campuses');
  await expect(body.locator('h1')).toHaveText(['Theme of the month', 'New contributions', 'Consolidated replies published', 'Meetings held', 'Action points due', 'Consultations opened or closed', 'Stakeholders who joined', 'Activity figures']);
  await expect(body.locator('table')).toHaveCount(2);
  await expectSaved(page);
  await page.getByRole('status').filter({ hasText: 'Digest drafted for March 2025.' }).getByRole('button', { name: 'Dismiss' }).click();
  await body.locator('h1', { hasText: 'New contributions' }).evaluate((h) => h.scrollIntoView({ block: 'start' }));
  await screenshot(page, 'i11-digest-draft');
  await body.locator('table').first().evaluate((h) => h.scrollIntoView({ block: 'center' }));
  await screenshot(page, 'i11-digest-draft-figures');

  // Generating again opens the same draft: one digest for the month, its text not duplicated.
  await sidebar(page).getByRole('link', { name: 'Monthly digest' }).click();
  await page.getByLabel('Month', { exact: true }).fill('2025-03');
  await expect(page.getByText('A digest for this month already exists; Draft digest opens it.')).toBeVisible();
  await page.getByRole('button', { name: 'Open the digest' }).click();
  await expect(page).toHaveURL(digestUrl);
  await expect(editorBody(page, 'Draft text').locator('h1', { hasText: 'Theme of the month' })).toHaveCount(1);
  await goToSection(page, 'Documents');
  await expect(documentsTable(page).getByRole('link', { name: 'Digest: March 2025' })).toHaveCount(1);

  // Expert finder: a theme and a region; then the theme alone, ranked; then a language.
  await sidebar(page).getByRole('link', { name: 'Expert finder' }).click();
  await mainHeading(page, 'Expert finder');
  const finder = page.getByRole('search', { name: 'Expert finder' });
  const results = page.getByRole('table', { name: 'People found' });
  await finder.getByRole('combobox', { name: 'Theme' }).selectOption('Youth inclusion');
  await expect(results.getByRole('rowheader')).toHaveText([/^Amina Diallo/, /^Li Wei/, /^Carlos Mendes/]);
  await finder.getByRole('combobox', { name: 'Region' }).selectOption({ label: 'African States' });
  await expect(results.getByRole('rowheader')).toHaveText([/^Amina Diallo/]);
  const amina = results.getByRole('row', { name: /Amina Diallo/ });
  await amina.getByText('1', { exact: true }).first().click(); // the contributions count opens its links
  await expect(amina.getByRole('link', { name: 'Youth councils in Senegal' })).toBeVisible();
  await expect(amina.getByRole('cell').last()).toHaveText('9'); // declared 6 + contribution 2 + meeting 1
  await screenshot(page, 'i11-expert-finder');
  await finder.getByRole('combobox', { name: 'Region' }).selectOption({ label: 'Any region' });
  await finder.getByRole('combobox', { name: 'Language' }).selectOption('Spanish');
  await expect(results.getByRole('rowheader')).toHaveText([/^Carlos Mendes/]);
  await finder.getByRole('combobox', { name: 'Theme' }).selectOption('Open budgets');
  await finder.getByRole('combobox', { name: 'Language' }).selectOption('French');
  await expect(page.getByText('Nobody matches these filters.')).toBeVisible();

  // A profile, reached from the expert finder and from the registry.
  await finder.getByRole('combobox', { name: 'Language' }).selectOption('');
  await finder.getByRole('combobox', { name: 'Theme' }).selectOption('Youth inclusion');
  await results.getByRole('link', { name: 'Profile of Amina Diallo' }).click();
  await mainHeading(page, 'Profile: Amina Diallo');
  const contributions = page.getByRole('region', { name: /^Contributions/ });
  await expect(contributions.getByRole('link', { name: 'Youth councils in Senegal' })).toBeVisible();
  await expect(page.getByRole('region', { name: /^Meetings attended/ }).getByRole('link', { name: 'March network call' })).toBeVisible();
  await expect(page.getByRole('region', { name: /^Action points owned/ })).toContainText('Share the council toolkit');
  await expect(page.getByRole('region', { name: 'Engagement over time' }).getByRole('row', { name: /March 2025/ })).toContainText('1');
  await screenshot(page, 'i11-profile');
  await goToSection(page, 'Stakeholders');
  await page.getByRole('table', { name: 'Stakeholder registry' }).getByRole('link', { name: 'Li Wei', exact: true }).click();
  await mainHeading(page, 'Profile: Li Wei');
  await expect(page.getByRole('region', { name: /^Contributions/ }).getByRole('link', { name: 'April note on campuses' })).toBeVisible();

  // Offline after a reload: all of it comes from local derived data.
  await page.reload();
  await mainHeading(page, 'Profile: Li Wei');
  await expect(page.getByRole('region', { name: /^Contributions/ }).getByRole('link', { name: 'April note on campuses' })).toBeVisible();
});
