// The 25,000-word report in the editor, with off-screen blocks skipped by the browser (content-visibility, issue
// 13): footnote numbers, paragraph numbers and comment highlights stay right for blocks never laid out, and
// scrolling fast through the report leaves no blank area and no jump of the scroll position. The report is the
// editor bench's (tests/bench/corpus.ts), pasted as HTML as a rapporteur pastes a draft.
import { test, expect, openApp, createWorkspace, createDocument, editorBody, expectSaved, SCREENS_DIR, type Page } from './fixtures';
import { join } from 'node:path';
import { generateReport } from '../bench/corpus';
import type { PMNode } from '../../renderer/src/model/bodyJson';

const esc = (s: string) => s.replace(/&/g, '&amp;').replace(/</g, '&lt;').replace(/"/g, '&quot;');

/** The report as HTML (what a word processor puts on the clipboard, with footnotes as the app copies them). */
function toHtml(node: PMNode): string {
  const inner = () => (node.content ?? []).map(toHtml).join('');
  switch (node.type) {
    case 'doc':
      return inner();
    case 'text': {
      let out = esc(node.text ?? '');
      for (const m of node.marks ?? []) {
        if (m.type === 'bold') out = `<strong>${out}</strong>`;
        else if (m.type === 'italic') out = `<em>${out}</em>`;
      }
      return out;
    }
    case 'footnote':
      return `<sup data-footnote="${esc(String(node.attrs?.text ?? ''))}"></sup>`;
    case 'heading':
      return `<h${node.attrs?.level}>${inner()}</h${node.attrs?.level}>`;
    case 'paragraph':
      return `<p>${inner()}</p>`;
    case 'bulletList':
      return `<ul>${inner()}</ul>`;
    case 'orderedList':
      return `<ol>${inner()}</ol>`;
    case 'listItem':
      return `<li>${inner()}</li>`;
    case 'blockquote':
      return `<blockquote>${inner()}</blockquote>`;
    case 'table':
      return `<table><tbody>${inner()}</tbody></table>`;
    case 'tableRow':
      return `<tr>${inner()}</tr>`;
    case 'tableHeader':
      return `<th>${inner()}</th>`;
    case 'tableCell':
      return `<td>${inner()}</td>`;
    case 'hardBreak':
      return '<br>';
    default:
      return inner();
  }
}

/** Paragraphs the app numbers (model/paragraphNumbers.ts): outside lists and tables, with visible text or a footnote. */
function countedParagraphs(node: PMNode): number {
  if (node.type === 'paragraph') return (node.content ?? []).some((c) => c.type === 'footnote' || /\S/.test(c.text ?? '')) ? 1 : 0;
  if (['bulletList', 'orderedList', 'table'].includes(node.type)) return 0;
  return (node.content ?? []).reduce((n, c) => n + countedParagraphs(c), 0);
}

function footnoteTexts(node: PMNode, out: string[] = []): string[] {
  if (node.type === 'footnote') out.push(String(node.attrs?.text ?? ''));
  for (const c of node.content ?? []) footnoteTexts(c, out);
  return out;
}

async function pasteHtml(page: Page, html: string): Promise<void> {
  await page.evaluate((h) => {
    const data = new DataTransfer();
    data.setData('text/html', h);
    data.setData('text/plain', 'report');
    document.activeElement!.dispatchEvent(new ClipboardEvent('paste', { clipboardData: data, bubbles: true, cancelable: true }));
  }, html);
}

const frames = (page: Page, n = 2) =>
  page.evaluate((k) => new Promise<void>((r) => { const step = (i: number) => (i === 0 ? r() : requestAnimationFrame(() => step(i - 1))); step(k); }), n);

test('a 25,000-word report with off-screen blocks skipped: numbers, highlights, fast scrolling', async ({ page }) => {
  test.setTimeout(240_000);
  const report = generateReport(25_000);
  const notes = footnoteTexts(report);
  expect(notes.length).toBeGreaterThan(20);
  await page.setViewportSize({ width: 1280, height: 900 });
  await openApp(page);
  await createWorkspace(page);
  await createDocument(page, { kind: 'Meeting summary', title: 'Long report', date: '2025-05-12' });
  const body = editorBody(page, 'Discussion summary');
  await body.click();
  // The browser tells each content-visibility:auto block when it starts or stops being skipped.
  await page.evaluate(() => {
    const skipped = new Map<Element, boolean>();
    (window as unknown as { __skipped: Map<Element, boolean> }).__skipped = skipped;
    document.addEventListener('contentvisibilityautostatechange', (e) => skipped.set(e.target as Element, (e as Event & { skipped: boolean }).skipped), true);
  });
  await pasteHtml(page, toHtml(report));
  await expect(body.locator('h1')).toHaveCount(report.content!.filter((b) => b.type === 'heading' && b.attrs?.level === 1).length, { timeout: 60_000 });
  await expectSaved(page);

  // Most top-level blocks are skipped by the browser (that is what this test is about).
  await frames(page);
  expect(await body.evaluate((pm) => getComputedStyle(pm.children[3]!).contentVisibility)).toBe('auto');
  const skipped = await body.evaluate((pm) => {
    const map = (window as unknown as { __skipped: Map<Element, boolean> }).__skipped;
    return { skipped: [...pm.children].filter((el) => map.get(el) === true).length, blocks: pm.children.length };
  });
  expect(skipped.skipped).toBeGreaterThan(skipped.blocks / 2);

  // Footnote numbers: every footnote, in reading order, 1..n, with its own text (as the export numbers them).
  const shown = await body.locator('sup.footnote').evaluateAll((els) => els.map((e) => [e.getAttribute('data-fn'), e.getAttribute('data-footnote')]));
  expect(shown).toEqual(notes.map((text, i) => [String(i + 1), text]));

  // Paragraph numbers: on for every counted paragraph, the last one included (never laid out so far).
  const paraToggle = page.getByRole('button', { name: 'Paragraph numbers' });
  if ((await paraToggle.getAttribute('aria-pressed')) !== 'true') await paraToggle.click();
  await expect(paraToggle).toHaveAttribute('aria-pressed', 'true');
  await expect(body.locator('[data-para]').last()).toHaveAttribute('data-para', /^\d+$/);
  // Paragraphs carry numbers; list items carry letters, (a), (b) (UN style, model/paragraphNumbers.ts).
  const paras = await body.locator('[data-para]').evaluateAll((els) => els.map((e) => e.getAttribute('data-para') ?? '').filter((v) => /^\d+$/.test(v)).map(Number));
  expect(paras.length).toBeGreaterThan(100);
  expect(paras.length).toBe(countedParagraphs(report));
  expect(paras).toEqual(paras.map((_, i) => i + 1));

  // A comment on the last paragraph, made at the end and then looked at from the top.
  await body.focus();
  await page.keyboard.press('Control+End');
  await frames(page);
  await page.keyboard.press('Shift+Home');
  await frames(page);
  await page.keyboard.press('Control+Alt+KeyM');
  const form = page.getByRole('form', { name: 'New comment' });
  await expect(form).toBeVisible();
  await form.getByRole('textbox', { name: 'Comment', exact: true }).fill('A comment on the last paragraph');
  await form.getByRole('button', { name: 'Add comment' }).click();
  await expect(form).toBeHidden();
  await expect(body.locator('.comment-anchor')).toHaveCount(1);
  await page.keyboard.press('Control+Home');
  await body.evaluate((pm) => pm.firstElementChild!.scrollIntoView());
  await frames(page);
  await expect(body.locator('.comment-anchor')).toHaveCount(1);
  await body.locator('.comment-anchor').scrollIntoViewIfNeeded();
  await expect(body.locator('.comment-anchor')).toBeVisible();

  // Fast scrolling, from the top: after each wheel step, the blocks in the viewport are painted at once (no blank
  // area), and the scroll position holds still once the step is done (no jump as blocks get laid out).
  await body.evaluate((pm) => pm.firstElementChild!.scrollIntoView());
  await page.mouse.move(640, 500);
  const steps = 10;
  for (let i = 0; i < steps; i++) {
    await page.mouse.wheel(0, 2400);
    await frames(page, 1);
    await page.screenshot({ path: join(SCREENS_DIR, `long-document-scroll-${String(i).padStart(2, '0')}.png`), animations: 'disabled', caret: 'hide' });
    const view = await body.evaluate((pm) => {
      const scroller = (function find(el: HTMLElement | null): HTMLElement {
        while (el && el !== document.body) {
          const o = getComputedStyle(el).overflowY;
          if ((o === 'auto' || o === 'scroll') && el.scrollHeight > el.clientHeight) return el;
          el = el.parentElement;
        }
        return document.scrollingElement as HTMLElement;
      })(pm.parentElement);
      const h = window.innerHeight;
      const inView = [...pm.children].filter((el) => {
        const r = el.getBoundingClientRect();
        return r.bottom > 0 && r.top < h;
      });
      return {
        top: scroller.scrollTop,
        blocks: inView.length,
        unpainted: inView.filter((el) => (window as unknown as { __skipped: Map<Element, boolean> }).__skipped.get(el) === true).length,
      };
    });
    expect(view.blocks).toBeGreaterThan(0);
    expect(view.unpainted).toBe(0);
    await frames(page, 3);
    const after = await body.evaluate((pm) => {
      let el: HTMLElement | null = pm.parentElement;
      while (el && el !== document.body) {
        const o = getComputedStyle(el).overflowY;
        if ((o === 'auto' || o === 'scroll') && el.scrollHeight > el.clientHeight) return el.scrollTop;
        el = el.parentElement;
      }
      return document.scrollingElement!.scrollTop;
    });
    expect(Math.abs(after - view.top)).toBeLessThanOrEqual(1);
  }
});
