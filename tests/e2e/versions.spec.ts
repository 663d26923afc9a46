// Version history as a person works: save a named version, edit, open History, view the old version read-only
// (its text and its comments as they were), restore it, and undo the restore. All by role and label.
import { test, expect, openApp, createWorkspace, editorBody, screenshot, selectTextInEditor, toolbar, contentText, type Page } from './fixtures';
import { createReport, REPORT } from './flows';

test.use({ viewport: { width: 1280, height: 800 } });

const VERSION = { name: 'Sent to the chair', note: 'Before the regional call' };
const EDIT = ' Edited after the version was saved.';
const EARLY_COMMENT = 'Please cite the 2024 survey here.';
const LATE_COMMENT = 'A comment made after the version.';

const commentsPanel = (page: Page) => page.getByRole('complementary', { name: 'Comments' });
const history = (page: Page) => page.getByRole('complementary', { name: 'Version history' });

async function addComment(page: Page, quote: string, body: string) {
  await selectTextInEditor(page, editorBody(page, 'Draft text'), quote);
  await toolbar(page).getByRole('button', { name: 'Comment', exact: true }).click();
  const form = commentsPanel(page).getByRole('form', { name: 'New comment' });
  await form.getByRole('textbox', { name: 'Comment', exact: true }).fill(body);
  await form.getByRole('button', { name: 'Add comment' }).click();
  await expect(form).toBeHidden();
}

test('save a version, edit, view it read-only with its comments, restore it and undo the restore', async ({ page }) => {
  test.setTimeout(120_000);
  await openApp(page);
  await createWorkspace(page);
  await createReport(page);
  const body = editorBody(page, 'Draft text');
  const findings = body.locator('h1:text-is("Findings") + p');
  await expect(findings).toHaveText(REPORT.findings);
  await commentsPanel(page).waitFor();
  await addComment(page, 'trained incident responders', EARLY_COMMENT);

  // Save version…: a dialog with a name (defaulted) and an optional note.
  await page.getByRole('button', { name: 'Save version…' }).click();
  const dialog = page.getByRole('dialog', { name: 'Save a version' });
  const name = dialog.getByRole('textbox', { name: 'Name' });
  await expect(name).toHaveValue(/^Version of /);
  await name.fill('');
  await dialog.getByRole('button', { name: 'Save version' }).click();
  await expect(dialog.getByRole('alert')).toHaveText('Enter a name for the version.');
  await name.fill(VERSION.name);
  await dialog.getByRole('textbox', { name: 'Note (optional)' }).fill(VERSION.note);
  await dialog.getByRole('button', { name: 'Save version' }).click();
  await expect(dialog).toBeHidden();
  await expect(page.getByText(`Version “${VERSION.name}” saved.`)).toBeVisible();

  // Edit the text and comment again after the version.
  await findings.click();
  await page.keyboard.press('End');
  await page.keyboard.type(EDIT);
  await expect(findings).toHaveText(REPORT.findings + EDIT);
  await addComment(page, 'Fund shared training', LATE_COMMENT);

  // History: the version with its note, who and when, size.
  await page.getByRole('button', { name: 'History', exact: true }).click();
  await expect(history(page)).toBeVisible();
  await expect(commentsPanel(page)).toBeHidden();
  const item = history(page).getByRole('listitem', { name: VERSION.name });
  await expect(item).toContainText(VERSION.note);
  await expect(item).toContainText('Saved');
  await expect(item).toContainText(/KB/);
  await screenshot(page, 'versions-01-history-panel');

  // View it read-only: the text and the comments as they were.
  await item.getByRole('button', { name: `View “${VERSION.name}”` }).click();
  const view = page.getByRole('region', { name: `“${VERSION.name}”, read-only` });
  const old = view.getByRole('textbox', { name: `Text of version “${VERSION.name}”` });
  await expect(old).toContainText(REPORT.findings);
  await expect(old).not.toContainText(EDIT.trim());
  await expect(old).toHaveAttribute('contenteditable', 'false');
  const oldComments = view.getByRole('complementary', { name: 'Comments as they were' });
  await expect(oldComments).toContainText(EARLY_COMMENT);
  await expect(oldComments).not.toContainText(LATE_COMMENT);
  await expect(body).toBeHidden();
  await screenshot(page, 'versions-02-read-only-version');
  // Esc leaves the view; the current text is back, unchanged.
  await page.keyboard.press('Escape');
  await expect(view).toBeHidden();
  await expect(findings).toHaveText(REPORT.findings + EDIT);

  // Restore, from the read-only view.
  await item.getByRole('button', { name: `View “${VERSION.name}”` }).click();
  await view.getByRole('button', { name: `Restore “${VERSION.name}”` }).click();
  const confirm = page.getByRole('dialog', { name: `Restore “${VERSION.name}”?` });
  await expect(confirm).toContainText('Comments are not rewound');
  await confirm.getByRole('button', { name: 'Restore this version' }).click();
  await expect(confirm).toBeHidden();
  await expect(view).toBeHidden();
  await expect(findings).toHaveText(REPORT.findings);
  // Nothing is lost: the text before the restore is a version of its own; comments stay as they are.
  await expect(history(page).getByRole('listitem', { name: `Before restoring ${VERSION.name}` })).toContainText('Before a restore');
  await expect(history(page).getByRole('listitem')).toHaveCount(2);

  // Undo the restore: the edited text is back, in one step.
  const restored = await contentText(body);
  await body.press('Control+z');
  await expect(findings).toHaveText(REPORT.findings + EDIT);
  expect(await contentText(body)).not.toBe(restored);
  // ...and redo brings the restore back.
  await body.press('Control+Shift+z');
  await expect(findings).toHaveText(REPORT.findings);
  await toolbar(page).getByRole('button', { name: 'Undo' }).click();
  await expect(findings).toHaveText(REPORT.findings + EDIT);

  // The two versions to compare: the compare screen is another part of issue 12; the route is what History sets.
  await history(page).getByRole('checkbox', { name: `Select “${VERSION.name}” to compare` }).check();
  await history(page).getByRole('checkbox', { name: `Select “Before restoring ${VERSION.name}” to compare` }).check();
  await expect(history(page).getByRole('button', { name: 'Compare selected' })).toBeEnabled();
  await history(page).getByRole('button', { name: `Compare “${VERSION.name}” with the current text` }).click();
  await expect(page).toHaveURL(/\/compare\/[^/]+\/current$/);
});
