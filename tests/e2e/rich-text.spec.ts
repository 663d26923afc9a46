// Rich text in the document body: every formatting the toolbar offers, by button and by keyboard, checked in the
// editor's DOM, and the whole structure checked again after a reload (it comes back from IndexedDB via Yjs).
import { test, expect, openApp, createWorkspace, createDocument, editorBody, toolbar, editorStructure, expectSaved, type Page, type Locator } from './fixtures';

const type = (page: Page, text: string) => page.keyboard.type(text);
/**
 * A key press, then one animation frame. Chromium reports a caret move (End, Shift+Home, arrows) to ProseMirror
 * by a queued `selectionchange` event; a key sent within the same task (faster than any person) would still act
 * on the old selection, so an End followed at once by Enter replaced the selected words. Waiting a frame keeps
 * the test at human speed without a fixed sleep.
 */
const press = async (page: Page, key: string) => {
  await page.keyboard.press(key);
  await nextFrame(page);
};

/** Two animation frames: lets Tiptap's deferred focus() (requestAnimationFrame) restore its selection first. */
const nextFrame = (page: Page) => page.evaluate(() => new Promise<void>((r) => requestAnimationFrame(() => requestAnimationFrame(() => r()))));

/** The y-prosemirror UndoManager merges edits closer than 500 ms into one undo step; this separates two steps. */
const UNDO_CAPTURE_MS = 600;

/** Clicks a formatting tool; from the More menu, the editor takes focus back in the next frame (Tiptap's deferred
 * focus), so keys typed at once would be lost: wait for it as a person waits for the caret. */
async function clickTool(page: Page, name: string): Promise<void> {
  await (await tool(page, name)).click();
  await nextFrame(page);
}

/** A formatting tool to click: its button, or, when the toolbar is narrow, its item in the More menu (opened). */
async function tool(page: Page, name: string): Promise<Locator> {
  const button = toolbar(page).getByRole('button', { name, exact: true });
  await expect(button.or(toolbar(page).getByRole('button', { name: 'More formatting' })).first()).toBeVisible();
  if (await button.isVisible()) return button;
  await toolbar(page).getByRole('button', { name: 'More formatting' }).click();
  const menu = page.getByRole('menu', { name: 'More formatting' });
  return menu.getByRole('menuitem', { name: new RegExp(`^${name}`) }).or(menu.getByRole('menuitemcheckbox', { name: new RegExp(`^${name}`) }));
}

test('headings, marks, lists, quote, table, link, footnote, hard break, undo/redo survive a reload', async ({ page }) => {
  await openApp(page);
  await createWorkspace(page);
  await createDocument(page, { kind: 'Meeting summary', title: 'Rich text session', date: '2025-05-12' });
  const body = editorBody(page, 'Discussion summary');
  await body.click();

  // Headings 1-3 by toolbar, then level 2 again by keyboard (Ctrl+Alt+2).
  await type(page, 'Heading one');
  await clickTool(page, 'Heading 1');
  await expect(await tool(page, 'Heading 1')).toHaveAttribute('aria-pressed', 'true');
  await press(page, 'Enter');
  await type(page, 'Heading two');
  await clickTool(page, 'Heading 2');
  await press(page, 'Enter');
  await type(page, 'Heading three');
  await clickTool(page, 'Heading 3');
  await press(page, 'Enter');
  await type(page, 'Heading by keys');
  await press(page, 'Control+Alt+2');
  await press(page, 'Enter');
  await expect(body.locator('h1')).toHaveText(['Heading one']);
  await expect(body.locator('h2')).toHaveText(['Heading two', 'Heading by keys']);
  await expect(body.locator('h3')).toHaveText(['Heading three']);
  // Enter after a heading continues with a normal paragraph.
  await expect(await tool(page, 'Heading 2')).toHaveAttribute('aria-pressed', 'false');

  // Marks by toolbar button: toggled on, typed, toggled off.
  await type(page, 'Plain ');
  for (const [name, word] of [
    ['Bold', 'boldbtn'],
    ['Italic', 'italicbtn'],
    ['Underline', 'underlinebtn'],
    ['Strikethrough', 'strikebtn'],
  ] as const) {
    await (await tool(page, name)).click();
    await expect(await tool(page, name)).toHaveAttribute('aria-pressed', 'true');
    await type(page, word);
    await (await tool(page, name)).click();
    await type(page, ' ');
  }
  await press(page, 'Enter');
  // Marks by keyboard shortcut.
  await type(page, 'Keys ');
  for (const [keys, word] of [
    ['Control+B', 'boldkey'],
    ['Control+I', 'italickey'],
    ['Control+U', 'underlinekey'],
    ['Control+Shift+S', 'strikekey'],
  ] as const) {
    await press(page, keys);
    await type(page, word);
    await press(page, keys);
    await type(page, ' ');
  }
  await press(page, 'Enter');
  await expect(body.locator('strong')).toHaveText(['boldbtn', 'boldkey']);
  await expect(body.locator('em')).toHaveText(['italicbtn', 'italickey']);
  await expect(body.locator('u')).toHaveText(['underlinebtn', 'underlinekey']);
  await expect(body.locator('s')).toHaveText(['strikebtn', 'strikekey']);
  // Each mark was switched off again: the spaces between them are plain text.
  await expect(body.locator('p', { hasText: 'Plain' })).toHaveText('Plain boldbtn italicbtn underlinebtn strikebtn ');

  // Bulleted list with a nested item (Tab), by button.
  await clickTool(page, 'Bulleted list');
  await type(page, 'Bullet one');
  await press(page, 'Enter');
  await press(page, 'Tab');
  await type(page, 'Bullet nested');
  await press(page, 'Enter');
  await press(page, 'Shift+Tab');
  await type(page, 'Bullet two');
  await press(page, 'Enter');
  await press(page, 'Enter'); // an empty item leaves the list
  // Numbered list by keyboard (Ctrl+Shift+7), nested with Tab.
  await press(page, 'Control+Shift+7');
  await type(page, 'Number one');
  await press(page, 'Enter');
  await press(page, 'Tab');
  await type(page, 'Number nested');
  await press(page, 'Enter');
  await press(page, 'Enter'); // leaves the nested level
  await type(page, 'Number two');
  await press(page, 'Enter');
  await press(page, 'Enter'); // leaves the list
  await expect(body.locator(':scope > ul > li')).toHaveCount(2);
  await expect(body.locator(':scope > ul > li > ul > li')).toHaveText(['Bullet nested']);
  await expect(body.locator(':scope > ul > li').nth(1)).toHaveText('Bullet two');
  await expect(body.locator(':scope > ol > li')).toHaveCount(2);
  await expect(body.locator(':scope > ol > li > ol > li')).toHaveText(['Number nested']);
  await expect(body.locator(':scope > ol > li').nth(1)).toHaveText('Number two');

  // Block quote by button; the button again lifts the next (empty) paragraph out of it.
  await clickTool(page, 'Block quote');
  await type(page, 'Quoted wisdom');
  await press(page, 'Enter');
  await clickTool(page, 'Block quote');
  await expect(body.locator(':scope > blockquote > p')).toHaveText(['Quoted wisdom']);

  // Link: the toolbar refuses javascript: with a message, accepts https.
  await type(page, 'Forum website');
  await press(page, 'Shift+Home');
  await clickTool(page, 'Link');
  const linkField = page.getByRole('textbox', { name: 'Link address (https:, http: or mailto:)' });
  await linkField.fill('javascript:alert(document.domain)');
  await page.getByRole('button', { name: 'Apply' }).click();
  await expect(page.getByRole('alert')).toHaveText('Only https, http and mailto links are allowed.');
  await expect(linkField).toHaveAttribute('aria-invalid', 'true');
  await expect(body.locator('a')).toHaveCount(0);
  await linkField.fill('https://www.intgovforum.org/');
  await page.getByRole('button', { name: 'Apply' }).click();
  await expect(linkField).toBeHidden();
  await expect(body.locator('a')).toHaveCount(1);
  await expect(body.locator('a')).toHaveAttribute('href', 'https://www.intgovforum.org/');
  await expect(body.locator('a')).toHaveText('Forum website');
  // Focus goes back to the text, with the linked words still selected: End collapses the selection. Tiptap's
  // focus command restores the selection in the next animation frame, so a key pressed before it is overridden.
  await expect(body).toBeFocused();
  await nextFrame(page);
  await press(page, 'End');
  await press(page, 'Enter');

  // Footnote after a sentence.
  await type(page, 'A sourced claim.');
  await clickTool(page, 'Footnote');
  await page.getByRole('textbox', { name: 'Footnote text' }).fill('IGF 2025 session report, p. 4');
  await page.getByRole('button', { name: 'Apply' }).click();
  await expect(body.locator('sup.footnote')).toHaveAttribute('data-footnote', 'IGF 2025 session report, p. 4');
  await expect(body.locator('p', { hasText: 'A sourced claim.' }).locator('sup.footnote')).toHaveCount(1);
  await body.click(); // the prompt took focus; back to the end of the text
  await press(page, 'Control+End');
  await press(page, 'Enter');

  // Hard breaks: Shift+Enter, and the toolbar button.
  await type(page, 'Line one');
  await press(page, 'Shift+Enter');
  await type(page, 'Line two');
  await clickTool(page, 'Line break');
  await type(page, 'Line three');
  const lines = body.locator('p', { hasText: 'Line one' });
  await expect(lines.locator('br:not(.ProseMirror-trailingBreak)')).toHaveCount(2);
  await expect(lines).toHaveText('Line oneLine twoLine three');
  await press(page, 'Enter');

  // Table: insert (3×3 with a header row), add and remove rows and columns.
  await type(page, 'Table follows');
  await press(page, 'Enter');
  await clickTool(page, 'Insert table');
  const table = body.locator('table');
  await expect(table.locator('tr')).toHaveCount(3);
  await expect(table.locator('tr').first().locator('th')).toHaveCount(3);
  await type(page, 'Stakeholder');
  await press(page, 'Tab');
  await type(page, 'Position');
  await clickTool(page, 'Add row below');
  await expect(table.locator('tr')).toHaveCount(4);
  await clickTool(page, 'Add column right');
  await expect(table.locator('tr').first().locator('th')).toHaveCount(4);
  await expect(table.locator('tr').nth(1).locator('td')).toHaveCount(4);
  // Delete the column and the row that were added (the commands act on the cell holding the caret).
  await table.locator('tr').nth(1).locator('td').nth(2).click();
  await clickTool(page, 'Delete column');
  await expect(table.locator('tr').first().locator('th')).toHaveCount(3);
  await table.locator('tr').nth(1).locator('td').first().click();
  await clickTool(page, 'Delete row');
  await expect(table.locator('tr')).toHaveCount(3);
  await expect(table.locator('th').first()).toHaveText('Stakeholder');
  await expect(table.locator('th').nth(1)).toHaveText('Position');
  // Into the body cell below the header and type.
  await table.locator('td').first().click();
  await type(page, 'Civil society');
  await expect(table.locator('td').first()).toHaveText('Civil society');

  // Undo puts the caret back where the undone typing began (the selection the undo plugin saved before it), not
  // where the caret was when undoing.
  const cell = table.locator('td').first();
  await page.waitForTimeout(UNDO_CAPTURE_MS);
  await type(page, ' TYPO');
  await cell.click({ position: { x: 3, y: 3 } });
  await nextFrame(page);
  await press(page, 'Control+Z');
  await expect(cell).toHaveText('Civil society');
  await type(page, '!');
  await expect(cell).toHaveText('Civil society!');
  await press(page, 'Backspace');
  await expect(cell).toHaveText('Civil society');

  // Undo / redo by keyboard (Yjs UndoManager, per user).
  await page.waitForTimeout(UNDO_CAPTURE_MS);
  await type(page, ' UNDOME');
  await expect(table.locator('td').first()).toHaveText('Civil society UNDOME');
  await press(page, 'Control+Z');
  await expect(table.locator('td').first()).toHaveText('Civil society');
  await press(page, 'Control+Shift+Z');
  await expect(table.locator('td').first()).toHaveText('Civil society UNDOME');
  // And the toolbar buttons do the same.
  await clickTool(page, 'Undo');
  await expect(table.locator('td').first()).toHaveText('Civil society');
  await clickTool(page, 'Redo');
  await expect(table.locator('td').first()).toHaveText('Civil society UNDOME');

  await expectSaved(page);
  const before = await editorStructure(body);
  // Sanity of the snapshot itself: it saw the structures asserted above.
  for (const fragment of ['<h1>Heading one</h1>', '<ul><li><p>Bullet one</p><ul><li><p>Bullet nested</p></li></ul></li>', '<blockquote><p>Quoted wisdom</p></blockquote>', '<a href="https://www.intgovforum.org/">Forum website</a>', '<sup data-footnote="IGF 2025 session report, p. 4">', '<table>']) {
    expect(before).toContain(fragment);
  }

  await page.reload();
  await expect(body).toContainText('Heading one');
  await expect.poll(() => editorStructure(body)).toBe(before);
  await expect(body.locator('table tr')).toHaveCount(3);
  await expect(body.locator('a')).toHaveAttribute('href', 'https://www.intgovforum.org/');
});

test('a web address becomes a link as it is typed; the document opens again as it was typed', async ({ page }) => {
  await openApp(page);
  await createWorkspace(page);
  await createDocument(page, { kind: 'Meeting summary', title: 'Addresses', date: '2025-05-12' });
  const body = editorBody(page, 'Discussion summary');
  await body.click();
  // An address at the end of the first paragraph, with nothing typed after it: text, not (yet) a link.
  await type(page, 'Minutes at https://www.intgovforum.org/');
  await expect(body.locator('a')).toHaveCount(0);
  await expectSaved(page);

  // The document opens again from what Yjs stored, as one change (which the autolink leaves alone): no link yet.
  await page.reload();
  await expect(body).toContainText('Minutes at https://www.intgovforum.org/');
  await expect(body.locator('a')).toHaveCount(0);
  await expectSaved(page);

  // Typing a space after the address links it, as typing always did.
  await body.getByText('Minutes at https://www.intgovforum.org/').click();
  await press(page, 'End');
  await type(page, ' ');
  await expect(body.locator('a')).toHaveAttribute('href', 'https://www.intgovforum.org/');
  await expect(body.locator('a')).toHaveText('https://www.intgovforum.org/');
});
