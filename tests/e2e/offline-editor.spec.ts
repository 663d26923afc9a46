// The offline editor: a whole working session (registry, meeting summary with fields and action points,
// contribution, output report from its template, themes, list filters) that must survive a reload, first with the
// network available and then with the browser offline from the start (the app then comes from its service worker).
import { test, expect, openApp, waitForServiceWorker, workspaceIdFromUrl } from './fixtures';
import { buildWorkspace, expectWorkspaceIntact } from './flows';

test('a working session survives a reload', async ({ page }) => {
  await openApp(page);
  const id = await buildWorkspace(page);
  await page.reload();
  await expect(page.getByRole('heading', { level: 1, name: 'Documents' })).toBeVisible();
  expect(workspaceIdFromUrl(page.url())).toBe(id);
  await expectWorkspaceIntact(page);

  // And from a cold start on the workspace list.
  await page.goto('/');
  await page.getByRole('button', { name: /^BPF Cybersecurity 2025/ }).click();
  await expectWorkspaceIntact(page);
});

test('offline from the start: the same session works, and a reload offline is served by the service worker', async ({ page, context }) => {
  // Loaded once online, so the service worker installs and caches the build.
  await openApp(page);
  await waitForServiceWorker(page);
  await context.setOffline(true);
  expect(await page.evaluate(() => navigator.onLine)).toBe(false);
  // Proof that the network is really gone for this page: a fetch of the app's own origin fails unless the
  // service worker answers it, and a cache-busting URL is not in its cache.
  expect(await page.evaluate(() => fetch(`./index.html?nocache=${Date.now()}`).then(() => 'answered', () => 'failed'))).toBe('failed');

  const id = await buildWorkspace(page);

  const response = await page.reload();
  expect(response, 'the reload got a response').not.toBeNull();
  expect(response!.fromServiceWorker(), 'the offline reload was answered by the service worker').toBe(true);
  await expect(page.getByRole('heading', { level: 1, name: 'Documents' })).toBeVisible();
  expect(workspaceIdFromUrl(page.url())).toBe(id);
  await expectWorkspaceIntact(page);

  // A second navigation offline (a new page in the same browser) works too.
  const second = await context.newPage();
  await second.goto('/');
  await expect(second.getByRole('button', { name: /^BPF Cybersecurity 2025/ })).toBeVisible();
  await second.close();
});
