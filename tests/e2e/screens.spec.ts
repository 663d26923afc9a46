// A tour of the main screens at 1280×800, saved to tests/artifacts/screens/*.png (gitignored) for a person to
// look at: layout, truncation, alignment. Each shot is taken once the screen shows the content it is about.
import { join } from 'node:path';
import { test, expect, openApp, createWorkspace, goToSection, openDocument, editorBody, documentsTable, SCREENS_DIR, type Page } from './fixtures';
import { addStakeholderToRegistry, createMeeting, createContribution, createReport, MEETING, CONTRIBUTION, REPORT, actionPointsTable, STAKEHOLDER } from './flows';

test.use({ viewport: { width: 1280, height: 800 } });

async function shot(page: Page, name: string): Promise<void> {
  // No caret blink or hover state in the picture.
  await page.mouse.move(0, 0);
  await page.screenshot({ path: join(SCREENS_DIR, `${name}.png`), animations: 'disabled', caret: 'hide' });
  // The shell is a fixed frame (sidebar, main, status bar): only the main area scrolls, never the page itself.
  const overflow = await page.evaluate(() => ({ height: document.documentElement.scrollHeight, width: document.documentElement.scrollWidth }));
  expect.soft(overflow, `${name}: the page itself scrolls (document larger than the 1280×800 window)`).toEqual({ height: 800, width: 1280 });
}

/** Scrolls the main area to its end (the app scrolls inside <main>, so a full-page screenshot shows no more). */
async function scrollMainToEnd(page: Page): Promise<void> {
  await page.getByRole('main').evaluate((main) => main.scrollTo(0, main.scrollHeight));
  await page.evaluate(() => new Promise((r) => requestAnimationFrame(() => r(null))));
}

test('screenshots of the main screens', async ({ page }) => {
  await openApp(page);
  // A second, older workspace makes the list look like a real one.
  await createWorkspace(page, 'IGF 2024 Policy Network on Internet Fragmentation');
  await page.goto('/');
  await createWorkspace(page);
  await page.goto('/');
  await expect(page.getByRole('button', { name: /^BPF Cybersecurity 2025/ })).toBeVisible();
  await shot(page, '01-workspace-list');
  await page.getByRole('button', { name: /^BPF Cybersecurity 2025/ }).click();

  await addStakeholderToRegistry(page);
  await createMeeting(page);
  await createContribution(page);
  await createReport(page);

  await goToSection(page, 'Documents');
  await expect(documentsTable(page).getByRole('row')).toHaveCount(4);
  await shot(page, '02-document-list');
  const filters = page.getByRole('search', { name: 'Filter documents' });
  await filters.getByRole('combobox', { name: 'Theme' }).selectOption({ label: REPORT.theme });
  await filters.getByLabel('From', { exact: true }).fill('2025-01-01');
  await expect(documentsTable(page).getByRole('row')).toHaveCount(3);
  await shot(page, '03-document-list-filtered');
  await filters.getByRole('button', { name: 'Clear filters' }).click();
  // A word of the contribution's body, with the texts read apart from the rows (storage/catalogDb.ts).
  await filters.getByRole('searchbox', { name: 'Search' }).fill('exercise');
  await filters.getByRole('checkbox', { name: 'Search text too' }).check();
  await expect(documentsTable(page).getByRole('row')).toHaveCount(2);
  await shot(page, '03b-document-list-full-text');
  await filters.getByRole('button', { name: 'Clear filters' }).click();

  await openDocument(page, MEETING.title);
  await expect(actionPointsTable(page).getByRole('row')).toHaveCount(3);
  await shot(page, '04-meeting-summary');
  await actionPointsTable(page).scrollIntoViewIfNeeded();
  await shot(page, '05-meeting-summary-action-points');
  await scrollMainToEnd(page);
  await shot(page, '06-meeting-summary-end');

  await openDocument(page, CONTRIBUTION.title);
  await expect(page.getByLabel(`About ${STAKEHOLDER.name}`)).toBeVisible();
  await shot(page, '07-contribution');

  await openDocument(page, REPORT.title);
  await expect(editorBody(page, 'Draft text').locator('h1')).toHaveCount(6);
  await shot(page, '08-output-report');
  await scrollMainToEnd(page);
  await shot(page, '09-output-report-end');

  await goToSection(page, 'Stakeholders');
  await shot(page, '10-stakeholder-registry');
  await page.getByRole('button', { name: 'Add stakeholder' }).click();
  await expect(page.getByRole('region', { name: 'Add stakeholder' })).toBeVisible();
  await shot(page, '11-stakeholder-add-form');
  await page.getByRole('region', { name: 'Add stakeholder' }).getByRole('button', { name: 'Cancel' }).click();

  await goToSection(page, 'Settings');
  await shot(page, '12-settings');
  await scrollMainToEnd(page);
  await shot(page, '13-settings-end');

  await goToSection(page, 'Documents');
  await page.getByRole('complementary', { name: 'Workspace navigation' }).getByRole('button', { name: 'New document' }).click();
  await expect(page.getByRole('dialog', { name: 'New document' })).toBeVisible();
  await shot(page, '14-new-document-dialog');
});
