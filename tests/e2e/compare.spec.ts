// Compare versions (issue 12), as a person works: write a draft, open its consultation (which records a named
// version), edit the text, then "Compare versions…" from the document: the redline marks the deleted and inserted
// words and the new paragraph, the summary names the section, N moves to the next change (announced), and the
// back link returns to the document.
import { test, expect, openApp, createWorkspace, createDocument, editorBody, expectSaved, isoDateInPage, selectTextInEditor, screenshot } from './fixtures';

test.use({ viewport: { width: 1280, height: 860 } });

const FINDINGS = 'Most respondents report a shortage of trained incident responders.';
const ADDED = 'Two regions have no response team at all.';

test('save a version, edit, compare: the redline and the summary by section', async ({ page }) => {
  await openApp(page);
  await createWorkspace(page, 'Compare workspace');
  await createDocument(page, { kind: 'Draft output', subtype: 'Output report', title: 'Cybersecurity report', date: '2025-06-30' });
  const body = editorBody(page, 'Draft text');
  const findings = body.locator('h1:text-is("Findings") + p');
  // the text of the caret's text node after the caret (the caret must be where the next key lands)
  const textAfterCaret = () => page.evaluate(() => {
    const sel = window.getSelection();
    return sel?.anchorNode?.nodeType === Node.TEXT_NODE ? (sel.anchorNode.textContent ?? '').slice(sel.anchorOffset) : `<${sel?.anchorNode?.nodeName}>`;
  });
  /** Puts the caret in the Findings paragraph before its last `tail.length` characters, by keyboard; retried (up
   *  to 5 times) while the editor's margin numbers re-render after an edit and may move a fresh caret. */
  const caretBefore = async (tail: string) => {
    for (let attempt = 0; attempt < 5; attempt++) {
      await findings.click();
      await page.keyboard.press('End');
      for (let i = 0; i < tail.length; i++) await page.keyboard.press('ArrowLeft');
      await page.waitForTimeout(400);
      if ((await textAfterCaret()) === tail) return;
    }
    throw new Error(`could not put the caret before "${tail}"`);
  };
  await body.locator('h1:text-is("Findings") + p').click();
  await page.keyboard.type(FINDINGS);
  await expect(body.locator('h1:text-is("Findings") + p')).toHaveText(FINDINGS);
  await expectSaved(page);

  // Opening the consultation records a version of the text as it is
  const phase = page.getByRole('group', { name: 'Consultation phase' });
  await phase.getByRole('button', { name: 'Open consultation…' }).click();
  await phase.getByLabel('Opens on').fill(await isoDateInPage(page));
  await phase.getByLabel('Closes on').fill(await isoDateInPage(page, 30));
  await phase.getByRole('button', { name: 'Open consultation…' }).click();
  await expect(phase.getByText('1 named version')).toBeVisible();

  // Edit: one word replaced, one paragraph added
  await selectTextInEditor(page, body, 'shortage');
  await page.keyboard.type('severe lack');
  await expect(findings).toHaveText('Most respondents report a severe lack of trained incident responders.');
  await expectSaved(page);
  await caretBefore('');
  await page.keyboard.press('Enter');
  await page.keyboard.type(ADDED);
  await expect(body).toContainText(ADDED);
  await expectSaved(page);

  await page.getByRole('button', { name: 'Compare versions…' }).click();
  await expect(page).toHaveURL(/\/compare\/[A-Za-z0-9_-]+\/current$/);
  await expect(page.getByRole('heading', { level: 1, name: /Compare versions/ })).toBeVisible();
  await expect(page.getByRole('combobox', { name: 'From' })).toHaveValue(/^[A-Za-z0-9_-]{8,}$/);
  await expect(page.getByRole('combobox', { name: 'To' })).toHaveValue('current');
  await expect(page.getByText(/^Changes between Consultation .* and the current text$/)).toBeVisible();

  const redline = page.getByRole('region', { name: 'Redline' });
  const edited = redline.locator('[data-kind="edited"]');
  await expect(edited).toHaveCount(1);
  await expect(edited.locator('del')).toHaveText(['shortage']);
  await expect(edited.locator('ins')).toHaveText(['severe lack']);
  const inserted = redline.locator('[data-kind="inserted"]');
  await expect(inserted).toHaveCount(1);
  await expect(inserted.locator('ins')).toHaveText([ADDED]);
  await expect(inserted).toContainText('New paragraph');
  // Unchanged paragraphs are folded, headings stay as landmarks
  await expect(redline.getByRole('heading', { name: 'Findings' })).toBeVisible();

  const summary = page.getByRole('complementary').filter({ has: page.getByRole('heading', { name: 'Summary by section' }) });
  await expect(summary.getByText('2 changes')).toBeVisible();
  await expect(summary.getByRole('button', { name: '§ 4 Findings: 2 paragraphs changed' })).toBeVisible();

  // Keyboard: N goes to the first change, then the next, each announced
  await page.keyboard.press('n');
  await expect(edited).toBeFocused();
  await expect(summary.locator('[aria-live="polite"]')).toHaveText('Change 1 of 2: § 4 Findings');
  await page.keyboard.press('n');
  await expect(inserted).toBeFocused();
  await expect(summary.locator('[aria-live="polite"]')).toHaveText('Change 2 of 2: § 4 Findings');
  await page.keyboard.press('Alt+ArrowUp');
  await expect(edited).toBeFocused();
  await screenshot(page, 'compare-versions');

  // Comparing the version with itself shows no change
  await page.getByRole('combobox', { name: 'To' }).selectOption({ index: 0 });
  await expect(summary.getByText('0 changes')).toBeVisible();
  await expect(redline.locator('ins, del')).toHaveCount(0);

  await page.getByRole('link', { name: '← Back to the document' }).click();
  await expect(page.getByRole('textbox', { name: 'Title', exact: true })).toHaveValue('Cybersecurity report');

  // A paragraph split with Enter shows as a split, not as a deletion and an insertion
  await caretBefore('of trained incident responders.');
  await page.keyboard.press('Enter');
  await expect(body.locator('p', { hasText: /^of trained incident responders\.$/ })).toHaveCount(1);
  await expectSaved(page);
  await page.getByRole('button', { name: 'Compare versions…' }).click();
  const split = redline.locator('[data-kind="split"]');
  await expect(split).toHaveCount(2);
  await expect(split.first()).toContainText('Split into 2 paragraphs');
  await expect(split.first().locator('del')).toHaveText(['shortage']);
  await expect(split.first().locator('ins')).toHaveText(['severe lack', '¶']);
  await expect(split.nth(1)).toHaveText('of trained incident responders.');
  await expect(summary.getByRole('button', { name: '§ 4 Findings: 2 paragraphs changed' })).toBeVisible();
  await screenshot(page, 'compare-versions-split');
});
