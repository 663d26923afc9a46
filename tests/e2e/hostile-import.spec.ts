// A hostile or heavy DOCX never freezes the app (issue 9, part 3): the import runs in a worker, so while a large
// file is being read the page keeps painting and the editor takes typing as soon as the dialog is closed; a memory
// bomb is refused with a clear message, and the document typed meanwhile is intact.
import { writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { test, expect, openApp, createWorkspace, createDocument, editorBody, focusEditorEnd, maintenanceItem, tempDir, removeDir, screenshot, type Page } from './fixtures';
import { hostileDocx, worstAcceptedDocx } from '../fixtures/hostileDocx';

test.use({ viewport: { width: 1280, height: 800 } });

/** Frames painted until the import dialog's status no longer says "Reading" (or `ms` passed), and the longest gap between two. */
const framesWhileReading = (page: Page, ms: number) =>
  page.evaluate(
    (ms) =>
      new Promise<{ frames: number; ms: number; longestGapMs: number }>((resolve) => {
        const start = performance.now();
        let frames = 0;
        let last = start;
        let longestGapMs = 0;
        const reading = () => /^Reading/.test(document.querySelector('[role="dialog"] [role="status"]')?.textContent ?? '');
        const tick = (now: number) => {
          frames++;
          longestGapMs = Math.max(longestGapMs, now - last);
          last = now;
          if (now - start < ms && reading()) requestAnimationFrame(tick);
          else resolve({ frames, ms: Math.round(now - start), longestGapMs: Math.round(longestGapMs) });
        };
        requestAnimationFrame(tick);
      }),
    ms,
  );

async function chooseForImport(page: Page, file: string) {
  await maintenanceItem(page, 'Import DOCX…');
  const dialog = page.getByRole('dialog', { name: 'Import a Word document' });
  const [chooser] = await Promise.all([page.waitForEvent('filechooser'), dialog.getByRole('button', { name: /Choose (a|another) \.docx file…/ }).click()]);
  await chooser.setFiles(file);
  return dialog;
}

test('the app stays responsive while a heavy DOCX is read in a worker, and a memory bomb is refused', async ({ page }) => {
  test.setTimeout(120_000);
  const dir = tempDir('hostile-import');
  try {
    const heavy = join(dir, 'heavy.docx');
    writeFileSync(heavy, worstAcceptedDocx(150_000, 16 * 1024 * 1024));
    const bomb = join(dir, 'bomb.docx');
    writeFileSync(bomb, hostileDocx.hugeDocument(190));

    await openApp(page);
    await createWorkspace(page);
    await createDocument(page, { kind: 'Draft output', subtype: 'Output report', title: 'Typing through an import', date: '2025-06-30' });
    const body = editorBody(page, 'Draft text');
    await focusEditorEnd(page, body);
    await page.keyboard.type('Before the import.');
    await expect(body).toContainText('Before the import.');

    // A heavy (accepted) file: while the worker reads it, the page keeps painting and the dialog answers.
    const dialog = await chooseForImport(page, heavy);
    await expect(dialog.getByRole('status')).toHaveText('Reading heavy.docx… You can keep working meanwhile.');
    await screenshot(page, 'import-01-reading-in-worker');
    // Frames painted while the worker reads (until the status changes, at most 1 s): a parse on the main thread
    // would leave a gap of seconds between two frames (the heavy file takes the worker 1-3 s). On a fast machine the read may end within the window.
    const reading = await framesWhileReading(page, 1000);
    expect(reading.frames).toBeGreaterThan(0);
    expect(reading.longestGapMs, `frames while reading: ${JSON.stringify(reading)}`).toBeLessThan(500);
    await dialog.getByRole('button', { name: 'Cancel' }).click();
    await expect(dialog).toBeHidden({ timeout: 2000 });
    await focusEditorEnd(page, body);
    await page.keyboard.type(' Typed right after.');
    await expect(body).toContainText('Before the import. Typed right after.', { timeout: 2000 });

    // The bomb: refused with a clear message, nothing created, the text typed before is intact.
    const again = await chooseForImport(page, bomb);
    await expect(again.getByRole('alert')).toContainText('This file was not imported: This file expands to far more data than a Word document should', { timeout: 30_000 });
    await expect(again.getByRole('button', { name: 'Import', exact: true })).toBeDisabled();
    await again.getByRole('button', { name: 'Cancel' }).click();
    await focusEditorEnd(page, body);
    await page.keyboard.type(' And after the bomb.');
    await expect(body).toContainText('Before the import. Typed right after. And after the bomb.');
  } finally {
    removeDir(dir);
  }
});

test('pasted control characters, NUL and lone surrogates never reach the document; a list nested past 9 levels is refused', async ({ page }) => {
  await openApp(page);
  await createWorkspace(page);
  await createDocument(page, { kind: 'Stakeholder contribution', title: 'Pasted control characters' });
  const body = editorBody(page, 'Contribution');
  await body.click();
  const paste = (html: string, plain: string) =>
    page.evaluate(
      ({ html, plain }) => {
        const data = new DataTransfer();
        if (html) data.setData('text/html', html);
        data.setData('text/plain', plain);
        document.activeElement!.dispatchEvent(new ClipboardEvent('paste', { clipboardData: data, bubbles: true, cancelable: true }));
      },
      { html, plain },
    );
  await paste('', 'plain\u0000one\u0001\uD800two\uFFFF');
  await paste('<p>html&#1;three\u0008four</p>', 'x');
  await expect(body).toContainText('plainonetwo');
  await expect(body).toContainText('htmlthreefour');
  const text = await body.evaluate((el) => el.textContent ?? '');
  expect([...text].filter((c) => c.charCodeAt(0) < 0x20 || c === '\uFFFF')).toEqual([]);
  expect(/[\uD800-\uDBFF](?![\uDC00-\uDFFF])/.test(text)).toBe(false);

  // 12 levels of list pasted: refused whole (Word and our export know 9)
  let list = '<ul><li>level 12</li></ul>';
  for (let d = 11; d >= 1; d--) list = `<ul><li>level ${d}${list}</li></ul>`;
  await paste(list, 'levels');
  await paste('<p>still typing</p>', 'still typing');
  await expect(body).toContainText('still typing');
  expect(await body.locator('ul').count()).toBe(0);
});
