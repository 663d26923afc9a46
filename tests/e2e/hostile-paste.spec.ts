// Pasting hostile HTML into the body: scripts, event handlers, frames and unsafe link schemes must not survive as
// markup, and nothing in the payload may run. The page's CSP would block inline script anyway, so the test also
// checks the DOM itself and listens for CSP reports: a payload that reaches the DOM and is only stopped by the CSP
// is a sanitiser failure too.
import { test, expect, openApp, createWorkspace, createDocument, editorBody, expectSaved, type Page } from './fixtures';

const PAYLOAD = `
<style>p { color: red }</style>
<p onclick="window.__pwned='p-onclick'" onmouseover="window.__pwned='p-onmouseover'">Intro paragraph with <b onmouseenter="window.__pwned='b'">bold words</b>.</p>
<script>window.__pwned = 'script'; console.log('PWNED script'); alert('PWNED script');</script>
<img src="x" onerror="window.__pwned='img-onerror'; console.log('PWNED img'); alert('PWNED img')">
<iframe src="javascript:parent.__pwned='iframe-src'" srcdoc="<script>parent.__pwned='iframe-srcdoc'</script>"></iframe>
<svg onload="window.__pwned='svg'"><circle r="1"/></svg>
<object data="javascript:window.__pwned='object'"></object>
<p>Links:
  <a href="javascript:window.__pwned='js-link'">JS link</a>,
  <a href=" JaVaScRiPt:window.__pwned='js-mixed-case'">Mixed case JS link</a>,
  <a href="&#106;avascript:window.__pwned='js-entity'">Entity JS link</a>,
  <a href="java&#x09;script:window.__pwned='js-tab'">Tab JS link</a>,
  <a href="file:///etc/passwd">File link</a>,
  <a href="data:text/html;base64,PHNjcmlwdD53aW5kb3cuX19wd25lZD0nZGF0YSc8L3NjcmlwdD4=">Data link</a>,
  <a href="vbscript:msgbox(1)">VBScript link</a>,
  <a href="https://www.intgovforum.org/en/about" onclick="window.__pwned='a-onclick'">Safe https link</a>,
  <a href="http://example.org/plain">Plain http link</a>,
  <a href="mailto:secretariat@example.org">Mail link</a>.
</p>
<p>Closing paragraph.</p>`;

const PLAIN = 'Intro paragraph with bold words.\nLinks: JS link, ... Closing paragraph.';

/** Dispatches a real paste event (with a DataTransfer carrying text/html and text/plain) at the focused editor. */
async function pasteHtml(page: Page, html: string, plain: string): Promise<boolean> {
  return page.evaluate(
    ({ html, plain }) => {
      const target = document.activeElement as HTMLElement;
      const data = new DataTransfer();
      data.setData('text/html', html);
      data.setData('text/plain', plain);
      const event = new ClipboardEvent('paste', { clipboardData: data, bubbles: true, cancelable: true });
      target.dispatchEvent(event);
      return event.defaultPrevented; // ProseMirror handled it (and kept the browser from inserting anything)
    },
    { html, plain },
  );
}

test('pasted HTML keeps clean text and only http/https/mailto links; nothing in it runs', async ({ page }) => {
  const dialogs: string[] = [];
  const consoleMessages: string[] = [];
  const requests: string[] = [];
  page.on('dialog', async (d) => {
    dialogs.push(`${d.type()}: ${d.message()}`);
    await d.dismiss();
  });
  page.on('console', (m) => consoleMessages.push(`${m.type()}: ${m.text()}`));
  page.on('request', (r) => requests.push(r.url()));

  await openApp(page);
  await createWorkspace(page);
  await createDocument(page, { kind: 'Stakeholder contribution', title: 'Pasted submission' });
  const body = editorBody(page, 'Contribution');
  await body.click();
  await page.evaluate(() => {
    (window as unknown as { __pwned?: string }).__pwned = undefined;
  });
  const requestsBefore = requests.length;

  expect(await pasteHtml(page, PAYLOAD, PLAIN)).toBe(true);

  // The text arrives as clean paragraphs.
  await expect(body).toContainText('Intro paragraph with bold words.');
  await expect(body).toContainText('Closing paragraph.');
  await expect(body.locator('strong')).toHaveText('bold words');
  for (const text of ['JS link', 'Mixed case JS link', 'Entity JS link', 'Tab JS link', 'File link', 'Data link', 'VBScript link', 'Safe https link', 'Plain http link', 'Mail link']) {
    await expect(body).toContainText(text);
  }

  // Only the http, https and mailto links are links.
  const hrefs = await body.locator('a').evaluateAll((as) => as.map((a) => a.getAttribute('href')));
  expect(hrefs.sort()).toEqual(['http://example.org/plain', 'https://www.intgovforum.org/en/about', 'mailto:secretariat@example.org']);
  await expect(body.getByRole('link', { name: 'Safe https link' })).toHaveAttribute('href', 'https://www.intgovforum.org/en/about');
  await expect(body.getByRole('link', { name: 'Mail link' })).toHaveAttribute('href', 'mailto:secretariat@example.org');

  // No executable or embedding markup, and no event-handler or style attributes, anywhere in the editor.
  await expect(body.locator('script, iframe, img, svg, object, embed, style, meta')).toHaveCount(0);
  const handlerAttributes = await body.evaluate((root) =>
    [root, ...root.querySelectorAll('*')].flatMap((el) => [...el.attributes].filter((a) => /^on/i.test(a.name) || /javascript:|data:|file:/i.test(a.value)).map((a) => `${el.tagName}[${a.name}=${a.value}]`)),
  );
  expect(handlerAttributes).toEqual([]);

  // Give anything that would run (image error, frame load, timers) its chance, then check nothing did. This is a
  // check for absence, so a short bounded wait is the only way to observe it.
  await page.waitForTimeout(1000);
  expect(await page.evaluate(() => (window as unknown as { __pwned?: string }).__pwned)).toBeUndefined();
  expect(dialogs).toEqual([]);
  expect(consoleMessages.filter((m) => /PWNED|Content Security Policy|Refused to/i.test(m))).toEqual([]);
  // The pasted <img src="x"> must not have been fetched (it would mean it was put into a live document).
  expect(requests.slice(requestsBefore).filter((u) => /\/x$/.test(new URL(u).pathname))).toEqual([]);

  // Hovering and clicking the pasted text triggers nothing either (the onclick/onmouseover were stripped).
  await body.getByText('Intro paragraph with').hover();
  await body.getByText('Intro paragraph with').click();
  await body.locator('p', { hasText: 'Mixed case JS link' }).click();
  expect(await page.evaluate(() => (window as unknown as { __pwned?: string }).__pwned)).toBeUndefined();
  expect(page.url()).toMatch(/#\/w\/[^/]+\/d\/[^/]+$/);

  // The cleaned result is what was stored.
  await expectSaved(page);
  await page.reload();
  await expect(body).toContainText('Closing paragraph.');
  const hrefsAfter = await body.locator('a').evaluateAll((as) => as.map((a) => a.getAttribute('href')));
  expect(hrefsAfter.sort()).toEqual(['http://example.org/plain', 'https://www.intgovforum.org/en/about', 'mailto:secretariat@example.org']);
  await expect(body.locator('script, iframe, img, svg, object, embed')).toHaveCount(0);
  expect(await page.evaluate(() => (window as unknown as { __pwned?: string }).__pwned)).toBeUndefined();
  expect(dialogs).toEqual([]);
});

test('pasted plain text with a javascript: URL stays text, an https URL becomes a link', async ({ page }) => {
  await openApp(page);
  await createWorkspace(page);
  await createDocument(page, { kind: 'Stakeholder contribution', title: 'Pasted plain text' });
  const body = editorBody(page, 'Contribution');
  await body.click();
  const plain = 'See javascript:alert(1) and https://www.intgovforum.org/ for details';
  await page.evaluate((plain) => {
    const data = new DataTransfer();
    data.setData('text/plain', plain);
    document.activeElement!.dispatchEvent(new ClipboardEvent('paste', { clipboardData: data, bubbles: true, cancelable: true }));
  }, plain);
  await expect(body).toContainText(plain);
  const hrefs = await body.locator('a').evaluateAll((as) => as.map((a) => a.getAttribute('href')));
  // Autolink on paste: the https URL becomes a link, the javascript: text does not.
  expect(hrefs).toEqual(['https://www.intgovforum.org/']);
  await expect(body.getByRole('link', { name: 'https://www.intgovforum.org/' })).toBeVisible();
});

test('HTML copied from a browser (it starts with <meta charset>) pastes its text', async ({ page }) => {
  // Chromium writes `<meta charset='utf-8'>` in front of every text/html it puts on the clipboard, so this is what
  // pasting from a web page or another browser tab looks like.
  await openApp(page);
  await createWorkspace(page);
  await createDocument(page, { kind: 'Stakeholder contribution', title: 'Pasted from a web page' });
  const body = editorBody(page, 'Contribution');
  await body.click();
  const html = `<meta charset='utf-8'><p>Submission from the <b>Technical community</b>.</p><link rel="stylesheet" href="https://evil.example/x.css"><p>Second paragraph with a <a href="https://www.intgovforum.org/">link</a>.</p>`;
  expect(await pasteHtml(page, html, 'Submission from the Technical community.\nSecond paragraph with a link.')).toBe(true);
  await expect(body).toContainText('Submission from the Technical community.');
  await expect(body.locator('strong')).toHaveText('Technical community');
  await expect(body).toContainText('Second paragraph with a link.');
  await expect(body.getByRole('link', { name: 'link' })).toHaveAttribute('href', 'https://www.intgovforum.org/');
});
