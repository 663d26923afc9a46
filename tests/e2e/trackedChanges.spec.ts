// Word tracked changes through the UI (issue 12): a draft opened for consultation (which records a version), edited,
// exported with "Show changes since version" in the Export dialog (read back with python-docx: w:ins / w:del), and
// the same file brought back with "Import changes from DOCX…", whose changes appear as suggestions in the text.
import { execFileSync } from 'node:child_process';
import { writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { test, expect, REPO_ROOT, openApp, createWorkspace, createDocument, editorBody, expectSaved, captureDownload, isoDateInPage, screenshot, tempDir, removeDir } from './fixtures';
import { PYTHON } from '../export/helpers';

test.use({ viewport: { width: 1280, height: 900 }, acceptDownloads: true });

const READER = join(REPO_ROOT, 'tests', 'export', 'read_tracked.py');
const BEFORE = 'Most respondents report a shortage of trained responders.';
const AFTER_WORD = ' incident';

test('export with changes since a version, and import the changes back as suggestions', async ({ page }) => {
  test.setTimeout(120_000);
  await openApp(page);
  await createWorkspace(page);
  await createDocument(page, { kind: 'Draft output', subtype: 'Output report', title: 'Revised paper', date: '2025-06-30' });
  const body = editorBody(page, 'Draft text');
  const findings = body.locator('h1:text-is("Findings") + p');
  await findings.click();
  await page.keyboard.type(BEFORE);
  await expect(findings).toHaveText(BEFORE);
  await expectSaved(page);

  // Opening the consultation records a version of the draft as it stands.
  const phase = page.getByRole('group', { name: 'Consultation phase' });
  await phase.getByRole('button', { name: 'Open consultation…' }).click();
  await phase.getByLabel('Opens on').fill(await isoDateInPage(page));
  await phase.getByLabel('Closes on').fill(await isoDateInPage(page, 30));
  await phase.getByRole('button', { name: 'Open consultation…' }).click();
  await expect(page.getByRole('status', { name: /^Phase: Consultation · open until / })).toBeVisible();

  // Edit after the version: a word inserted.
  await findings.click();
  await page.keyboard.press('End');
  for (let i = 0; i < ' responders.'.length; i++) await page.keyboard.press('ArrowLeft');
  await page.keyboard.type(AFTER_WORD);
  await expect(findings).toHaveText('Most respondents report a shortage of trained incident responders.');
  await expectSaved(page);

  await page.getByRole('button', { name: 'Export DOCX…' }).click();
  const dialog = page.getByRole('dialog', { name: 'Export as Word document' });
  const since = dialog.getByRole('combobox', { name: 'Show changes since version' });
  await expect(since.locator('option')).toHaveCount(2);
  await since.selectOption({ index: 1 });
  await dialog.getByRole('checkbox', { name: /^How comments were incorporated/ }).check();
  await screenshot(page, 'export-changes-since');
  const exported = await captureDownload(page, () => dialog.getByRole('button', { name: 'Export', exact: true }).click());
  await expect(dialog).toBeHidden();

  const dir = tempDir('tracked-e2e-');
  try {
    const file = join(dir, 'revised.docx');
    writeFileSync(file, exported.bytes);
    const tracked = JSON.parse(execFileSync(PYTHON, [READER, file], { encoding: 'utf8' })) as { changes: Array<{ kind: string; author: string; text: string }>; accepted: string[]; rejected: string[] };
    const runs = tracked.changes.filter((c) => c.kind === 'ins' || c.kind === 'del');
    expect(runs.map((c) => [c.kind, c.text.trim()])).toEqual([['ins', 'incident']]);
    expect(runs[0].author).toBeTruthy();
    expect(tracked.accepted).toContain('Most respondents report a shortage of trained incident responders.');
    expect(tracked.rejected).toContain(BEFORE);

    // The same file imported back into the draft: the change becomes a suggestion in the text.
    await page.getByRole('button', { name: 'Import changes from DOCX…' }).click();
    const importDialog = page.getByRole('dialog', { name: 'Import changes from a Word file' });
    const [chooser] = await Promise.all([page.waitForEvent('filechooser'), importDialog.getByRole('button', { name: 'Word file with tracked changes' }).click()]);
    await chooser.setFiles(file);
    await expect(importDialog.getByRole('status')).toHaveText('1 change imported from 1 author');
    await screenshot(page, 'import-changes-summary');
    await importDialog.locator('.modal-actions').getByRole('button', { name: 'Close' }).click();
    await expect(findings.locator('ins')).toHaveText(/^\s?incident\s?$/);
    await findings.scrollIntoViewIfNeeded();
    await screenshot(page, 'imported-suggestion');
  } finally {
    removeDir(dir);
  }
});
