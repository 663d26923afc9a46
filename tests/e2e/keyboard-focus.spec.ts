// Keyboard and focus behaviour that assistive technology depends on: where focus goes when a dialog opens and
// closes, and the formatting toolbar's arrow-key navigation.
import { test, expect, openApp, createWorkspace, createDocument, sidebar, toolbar, editorBody } from './fixtures';

test('the New document dialog focuses its Title field, and Escape returns focus to the button that opened it', async ({ page }) => {
  await openApp(page);
  await createWorkspace(page);
  const opener = sidebar(page).getByRole('button', { name: 'New document' });
  await opener.click();
  const dialog = page.getByRole('dialog', { name: 'New document' });
  await expect(dialog).toBeVisible();
  await expect.soft(dialog.getByRole('textbox', { name: 'Title' }), 'the dialog opens with the caret in Title (its autoFocus field)').toBeFocused();
  await page.keyboard.press('Escape');
  await expect(dialog).toBeHidden();
  await expect(opener, 'closing the dialog returns focus to the button that opened it').toBeFocused();
});

test('the formatting toolbar moves between its buttons with the arrow keys', async ({ page }) => {
  await openApp(page);
  await createWorkspace(page);
  await createDocument(page, { kind: 'Meeting summary', title: 'Keyboard meeting' });
  await editorBody(page, 'Discussion summary').click();
  await page.keyboard.type('Some text');
  const bar = toolbar(page);
  await bar.getByRole('button', { name: 'Heading 1' }).focus();
  await page.keyboard.press('ArrowRight');
  await expect(bar.getByRole('button', { name: 'Heading 2' })).toBeFocused();
  await page.keyboard.press('ArrowLeft');
  await page.keyboard.press('ArrowLeft');
  await expect(bar.getByRole('button', { name: 'Undo' })).toBeFocused();
  // Redo is disabled (nothing undone yet), so it is skipped. Enter on a focused button applies it to the text.
  await expect(bar.getByRole('button', { name: 'Redo' })).toBeDisabled();
  await page.keyboard.press('ArrowRight');
  await expect(bar.getByRole('button', { name: 'Heading 1' })).toBeFocused();
  await page.keyboard.press('Enter');
  await expect(editorBody(page, 'Discussion summary').locator('h1')).toHaveText('Some text');
});
