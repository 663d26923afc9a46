// Suggestions (issue 12), as people work, live through a real sync server process: an editor suggests in one
// browser context and another editor accepts in another; a commenter's proposed wording is applied by the
// rapporteur in one click, as a tracked suggestion, and the comment's disposition becomes "Accepted" with a link
// to the change.
import type { Browser, BrowserContext, Page } from '@playwright/test';
import WebSocket from 'ws';
import * as Y from 'yjs';
import { WebsocketProvider } from 'y-websocket';
import { documentDocName, roomForDocName } from '../../common/rooms';
import { tokenSubprotocols } from '../../common/syncProtocol';
import { suggestionsMap } from '../../renderer/src/model/suggestions/suggestionMeta';
import {
  connectToServer,
  contentText,
  createDocument,
  createWorkspace,
  editorBody,
  expect,
  expectSaved,
  isoDateInPage,
  joinByInviteLink,
  openApp,
  openDocument,
  screenshot,
  selectTextInEditor,
  syncServerForFile,
  syncStatus,
  test,
  toolbar,
} from './fixtures';
import { REPORT } from './flows';

/** The toolbar's Suggesting toggle (it may sit hidden in the More menu when the toolbar is narrow). */
const suggestingToggle = (page: Page) => toolbar(page).getByRole('button', { name: 'Suggesting', includeHidden: true });

/** Turns suggesting on from the toolbar: the toggle itself, or its item in the More menu at narrow widths. */
async function turnSuggestingOn(page: Page) {
  const toggle = suggestingToggle(page);
  if (await toggle.isVisible()) await toggle.click();
  else {
    await toolbar(page).getByRole('button', { name: 'More formatting' }).click();
    const menu = page.getByRole('menu', { name: 'More formatting' });
    await menu.getByRole('menuitemcheckbox', { name: /Suggesting/ }).or(menu.getByRole('menuitem', { name: /Suggesting/ })).click();
  }
  await expect(toggle).toHaveAttribute('aria-pressed', 'true');
}

const A_NAME = 'Alice (Secretariat)';
const B_NAME = 'Bruno (Co-facilitator)';
const COMMENTER = 'Carl (Stakeholder)';
const syncServer = syncServerForFile('suggestions');

test.beforeEach(async () => {
  await syncServer().ensureRunning();
});

const panel = (page: Page) => page.getByRole('complementary', { name: 'Comments' });
const suggestions = (page: Page) => panel(page).getByRole('region', { name: /^Suggestions/ });
const pending = (page: Page) => suggestions(page).getByRole('list', { name: 'Pending suggestions' }).getByRole('listitem');
const paragraphAfter = (page: Page, heading: string) => editorBody(page, 'Draft text').locator(`h1:text-is("${heading}") + p`);

async function newContext(browser: Browser): Promise<BrowserContext> {
  return browser.newContext({ viewport: { width: 1400, height: 900 } });
}

async function setUpReport(page: Page, findings: string): Promise<string> {
  await openApp(page);
  const id = await createWorkspace(page);
  await createDocument(page, { kind: 'Draft output', subtype: 'Output report', title: REPORT.title, date: REPORT.date });
  const body = editorBody(page, 'Draft text');
  await expect(body.locator('h1')).toHaveText(REPORT.outline);
  await paragraphAfter(page, 'Findings').click();
  await page.keyboard.type(findings);
  await expectSaved(page);
  return id;
}

async function openPanel(page: Page): Promise<void> {
  const toggle = page.getByRole('group', { name: 'Comment view options' }).getByRole('button', { name: /Comments/ });
  if ((await toggle.getAttribute('aria-pressed')) !== 'true') await toggle.click();
  await expect(panel(page)).toBeVisible();
}

test('an editor suggests in one context, another accepts in another, live', async ({ page, browser }) => {
  test.setTimeout(120_000);
  const errors: string[] = [];
  const id = await setUpReport(page, 'Most respondents report a shortage of responders.');
  await connectToServer(page, syncServer().token(id, 'editor', A_NAME).desktopLink);
  await openDocument(page, REPORT.title);
  await expect(syncStatus(page)).toHaveText('Synced', { timeout: 20_000 });

  const ctxB = await newContext(browser);
  const b = await ctxB.newPage();
  b.on('pageerror', (e) => errors.push(`B: ${e.message}`));
  await joinByInviteLink(b, syncServer().token(id, 'editor', B_NAME).browserLink, 'Editor', B_NAME, REPORT.title);
  await openDocument(b, REPORT.title);
  await expect(paragraphAfter(b, 'Findings')).toHaveText('Most respondents report a shortage of responders.', { timeout: 20_000 });

  // Bruno turns suggesting on (toolbar toggle), types and deletes: both become suggestions.
  const toggle = suggestingToggle(b);
  await expect(toggle).toHaveAttribute('aria-pressed', 'false');
  await turnSuggestingOn(b);
  await expect(toggle).toHaveAttribute('aria-pressed', 'true');
  await paragraphAfter(b, 'Findings').click();
  await b.keyboard.press('End');
  await b.keyboard.type(' Training is scarce.');
  await selectTextInEditor(b, editorBody(b, 'Draft text'), 'Most ');
  await b.keyboard.press('Backspace');
  // Deleted text stays, struck through; inserted text is underlined.
  await expect(paragraphAfter(b, 'Findings').locator('.suggestion-ins')).toHaveText(' Training is scarce.');
  await expect(paragraphAfter(b, 'Findings').locator('.suggestion-del')).toHaveText('Most ');
  // Ctrl+Alt+Shift+S turns it off again, from the text.
  await b.keyboard.press('Control+Alt+Shift+S');
  await expect(toggle).toHaveAttribute('aria-pressed', 'false');

  // Alice sees both, in Bruno's colour with his name, in the text and listed beside the comments.
  const findingsA = paragraphAfter(page, 'Findings');
  await expect(findingsA.locator('.suggestion-ins')).toHaveText(' Training is scarce.', { timeout: 20_000 });
  await expect(findingsA.locator('.suggestion-del')).toHaveText('Most ');
  await expect(findingsA.locator('.suggestion-ins')).toHaveAttribute('title', new RegExp(`^${B_NAME.replace(/[()]/g, '\\$&')}, `));
  await openPanel(page);
  const list = suggestions(page).getByRole('list', { name: 'Pending suggestions' });
  await expect(list.getByRole('listitem')).toHaveCount(2);
  await expect(list.getByRole('listitem').first()).toContainText(B_NAME);
  await expect(list).toContainText('Training is scarce.');
  await findingsA.scrollIntoViewIfNeeded();
  await screenshot(page, 'suggestions-01-in-text-and-panel');

  // Selecting one shows it in the text (keyboard: focus the card's button and press Enter): scrolled into view.
  await page.evaluate(() => window.scrollTo(0, document.body.scrollHeight));
  await list.getByRole('button', { name: 'Show suggestion 2 in the text' }).focus();
  await page.keyboard.press('Enter');
  await expect(findingsA.locator('.suggestion-ins')).toBeInViewport();

  // Alice accepts the insertion and rejects the deletion, one at a time.
  await list.getByRole('button', { name: `Accept suggestion 2 by ${B_NAME}` }).click();
  await expect(list.getByRole('listitem')).toHaveCount(1);
  await list.getByRole('button', { name: `Reject suggestion 1 by ${B_NAME}` }).click();
  await expect(suggestions(page)).toHaveCount(0);
  const settled = 'Most respondents report a shortage of responders. Training is scarce.';
  await expect.poll(() => contentText(findingsA)).toBe(settled);
  await expect(findingsA.locator('.suggestion')).toHaveCount(0);
  // Live at Bruno's: the same settled text, no marks left.
  await expect.poll(() => contentText(paragraphAfter(b, 'Findings')), { timeout: 20_000 }).toBe(settled);
  await expect(paragraphAfter(b, 'Findings').locator('.suggestion')).toHaveCount(0);

  // All by one author, then undo: Bruno suggests again, Alice accepts all of Bruno's at once.
  await turnSuggestingOn(b);
  await paragraphAfter(b, 'Findings').click();
  await b.keyboard.press('End');
  await b.keyboard.type(' Budgets too.');
  await expect(pending(page)).toHaveCount(1, { timeout: 20_000 });
  await suggestions(page).getByRole('button', { name: `Accept all by ${B_NAME}` }).click();
  await expect.poll(() => contentText(paragraphAfter(b, 'Findings')), { timeout: 20_000 }).toBe(`${settled} Budgets too.`);
  await expect(paragraphAfter(b, 'Findings').locator('.suggestion')).toHaveCount(0);
  await ctxB.close();
  expect(errors).toEqual([]);
});

test("a commenter's proposed wording is applied by the rapporteur as a suggestion, and the comment is accepted", async ({ page, browser }) => {
  test.setTimeout(150_000);
  const errors: string[] = [];
  const id = await setUpReport(page, 'Most respondents report a shortage of trained incident responders.');
  // A consultation open today, so the commenter may comment.
  const phase = page.getByRole('group', { name: 'Consultation phase' });
  await phase.getByRole('button', { name: 'Open consultation…' }).click();
  await phase.getByLabel('Opens on').fill(await isoDateInPage(page));
  await phase.getByLabel('Closes on').fill(await isoDateInPage(page, 30));
  await phase.getByRole('button', { name: 'Open consultation…' }).click();
  await page.getByRole('combobox', { name: 'Who reads the comments' }).selectOption({ label: 'Open review: commenters see each other’s comments' });
  await connectToServer(page, syncServer().token(id, 'editor', A_NAME).desktopLink);
  await openDocument(page, REPORT.title);
  await expect(syncStatus(page)).toHaveText('Synced', { timeout: 20_000 });

  const ctxC = await newContext(browser);
  const c = await ctxC.newPage();
  c.on('pageerror', (e) => errors.push(`commenter: ${e.message}`));
  await joinByInviteLink(c, syncServer().token(id, 'commenter', COMMENTER).browserLink, 'Comment only', COMMENTER, REPORT.title);
  await openDocument(c, REPORT.title);
  const bodyC = editorBody(c, 'Draft text');
  await expect(bodyC.locator('h1:text-is("Findings") + p')).toHaveText(/trained incident responders/, { timeout: 20_000 });
  await selectTextInEditor(c, bodyC, 'a shortage of trained incident responders');
  await c.getByRole('group', { name: 'Comment view options' }).getByRole('button', { name: 'Comment', exact: true }).click();
  const form = panel(c).getByRole('form', { name: 'New comment' });
  await form.getByRole('textbox', { name: 'Comment', exact: true }).fill('Be precise about the skills gap.');
  await form.getByRole('textbox', { name: 'Proposed wording (optional)' }).fill('too few skilled incident responders');
  await form.getByRole('button', { name: 'Add comment' }).click();
  await expect(form).toBeHidden();
  await expect(syncStatus(c)).toHaveText('Synced', { timeout: 20_000 });
  // A commenter has no Apply.
  await expect(panel(c).getByRole('button', { name: /^Apply the proposed wording/ })).toHaveCount(0);

  // The rapporteur, in suggesting mode, applies it from the comment card.
  await openPanel(page);
  const thread = panel(page).getByRole('button', { name: /^Comment #1, / });
  await expect(thread).toBeVisible({ timeout: 20_000 });
  await thread.click();
  const card = panel(page).getByRole('article', { name: /^Comment #1, / });
  await turnSuggestingOn(page);
  await card.getByRole('button', { name: 'Apply the proposed wording of comment 1 to the text' }).click();
  const findings = paragraphAfter(page, 'Findings');
  await expect(findings.locator('.suggestion-ins')).toHaveText('too few skilled incident responders');
  await expect(findings.locator('.suggestion-del')).toHaveText('a shortage of trained incident responders');
  // The comment is accepted, linked to the change; the suggestion says where it came from.
  await expect(card.getByRole('combobox', { name: 'Disposition of comment #1' })).toHaveValue('accepted');
  const link = card.getByRole('button', { name: /^Applied — see ¶ \d+$/ });
  await expect(link).toBeVisible();
  await expect(card.getByRole('button', { name: /^Apply the proposed wording/ })).toHaveCount(0);
  await expect(pending(page)).toHaveCount(1);
  await expect(pending(page)).toContainText('from comment');
  await screenshot(page, 'suggestions-02-applied-wording');

  // Accepting the suggestion settles the text; the commenter sees the new wording and the disposition live.
  await suggestions(page).getByRole('button', { name: 'Accept all', exact: true }).click();
  await expect.poll(() => contentText(findings)).toBe('Most respondents report too few skilled incident responders.');
  await expect(link).toBeVisible();
  await expect.poll(() => contentText(bodyC.locator('h1:text-is("Findings") + p')), { timeout: 20_000 }).toBe('Most respondents report too few skilled incident responders.');
  await ctxC.close();
  expect(errors).toEqual([]);
});

test("changing a paragraph's type while suggesting is a suggestion, listed for the other editor, who rejects it", async ({ page, browser }) => {
  test.setTimeout(120_000);
  const errors: string[] = [];
  const id = await setUpReport(page, 'Capacity building is the main need.');
  await connectToServer(page, syncServer().token(id, 'editor', A_NAME).desktopLink);
  await openDocument(page, REPORT.title);
  await expect(syncStatus(page)).toHaveText('Synced', { timeout: 20_000 });

  const ctxB = await newContext(browser);
  const b = await ctxB.newPage();
  b.on('pageerror', (e) => errors.push(`B: ${e.message}`));
  await joinByInviteLink(b, syncServer().token(id, 'editor', B_NAME).browserLink, 'Editor', B_NAME, REPORT.title);
  await openDocument(b, REPORT.title);
  const bodyB = editorBody(b, 'Draft text');
  await expect(paragraphAfter(b, 'Findings')).toHaveText('Capacity building is the main need.', { timeout: 20_000 });

  // Bruno, suggesting, makes the paragraph a Heading 2 from the toolbar: it shows as a heading with a coloured border.
  // (Suggesting is turned on from the text with Ctrl+Alt+Shift+S; the toolbar toggle is exercised in the first test.)
  await paragraphAfter(b, 'Findings').click();
  await b.keyboard.press('Control+Alt+Shift+S');
  await toolbar(b).getByRole('button', { name: 'Heading 2' }).click();
  const h2B = bodyB.locator('h2', { hasText: 'Capacity building is the main need.' });
  await expect(h2B).toHaveClass(/suggestion-block/);

  // Alice sees it live: a heading marked as Bruno's suggestion, listed as "Paragraph → Heading 2" by Bruno.
  const bodyA = editorBody(page, 'Draft text');
  const h2A = bodyA.locator('h2', { hasText: 'Capacity building is the main need.' });
  await expect(h2A).toHaveClass(/suggestion-block/, { timeout: 20_000 });
  await expect(h2A).toHaveAttribute('title', new RegExp(`^${B_NAME.replace(/[()]/g, '\\$&')}, `));
  await openPanel(page);
  await expect(pending(page)).toHaveCount(1);
  await expect(pending(page).first()).toContainText(B_NAME);
  await expect(pending(page).first()).toContainText('Paragraph → Heading 2');
  await h2A.scrollIntoViewIfNeeded();
  await screenshot(page, 'suggestions-03-block-type');

  // Alice rejects it: the paragraph is back, at both.
  await suggestions(page).getByRole('button', { name: `Reject suggestion 1 by ${B_NAME}` }).click();
  await expect(suggestions(page)).toHaveCount(0);
  await expect(paragraphAfter(page, 'Findings')).toHaveText('Capacity building is the main need.');
  await expect(bodyA.locator('h2')).toHaveCount(0);
  await expect(paragraphAfter(b, 'Findings')).toHaveText('Capacity building is the main need.', { timeout: 20_000 });
  await expect(bodyB.locator('.suggestion-block')).toHaveCount(0);
  await ctxB.close();
  expect(errors).toEqual([]);
});

test("a co-editor's change that brings a suggestion entry and text in one transaction is shown, and not written over", async ({ page }) => {
  // One remote transaction may change both the suggestions map and the body: a merged update, a sync after offline
  // work, a server's fan-out. The editor must show the text, never write its own older copy back over it.
  test.setTimeout(120_000);
  const id = await setUpReport(page, 'Capacity building is the main need.');
  await connectToServer(page, syncServer().token(id, 'editor', A_NAME).desktopLink);
  await openDocument(page, REPORT.title);
  await expect(syncStatus(page)).toHaveText('Synced', { timeout: 20_000 });
  const docId = /\/d\/([A-Za-z0-9_-]+)$/.exec(page.url())![1]!;

  // The co-editor: the stock y-websocket client in this process, with an editor invite.
  const { token } = syncServer().token(id, 'editor', B_NAME);
  const sub = (JSON.parse(Buffer.from(token.split('.')[0]!, 'base64url').toString('utf8')) as { sub: string }).sub;
  const doc = new Y.Doc();
  const provider = new WebsocketProvider(syncServer().wsUrl, roomForDocName(documentDocName(id, docId))!, doc, {
    WebSocketPolyfill: WebSocket as unknown as typeof globalThis.WebSocket,
    protocols: tokenSubprotocols(token),
    disableBc: true,
  });
  try {
    const body = doc.getXmlFragment('body');
    const findingsAt = () => body.toArray().findIndex((b) => b instanceof Y.XmlElement && b.nodeName === 'heading' && b.toString().includes('Findings'));
    await expect.poll(() => findingsAt(), { timeout: 20_000 }).toBeGreaterThanOrEqual(0);
    // A new paragraph after the Findings one (a structural change: an element the editor has not seen), and a
    // suggestion entry, in one transaction.
    doc.transact(() => {
      const p = new Y.XmlElement('paragraph');
      p.setAttribute('bid', 'peerParagraph1');
      p.insert(0, [new Y.XmlText('Peer adds this paragraph.')]);
      body.insert(findingsAt() + 2, [p]);
      suggestionsMap(doc).set(`${sub}-peer-1`, { id: `${sub}-peer-1`, authorId: sub, authorName: B_NAME, at: Date.now(), source: 'editor' });
    });
    const added = editorBody(page, 'Draft text').locator('p', { hasText: 'Peer adds this paragraph.' });
    await expect(added).toHaveCount(1, { timeout: 20_000 });
    await page.waitForTimeout(1500); // anything the editor would write back has reached the peer by now
    await expect(added).toHaveCount(1);
    expect(body.toString()).toContain('Peer adds this paragraph.');
  } finally {
    provider.destroy();
    provider.awareness.destroy();
  }
});
