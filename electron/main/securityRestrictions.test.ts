import { EventEmitter } from 'node:events';
import { beforeEach, describe, expect, it, vi } from 'vitest';

const electron = vi.hoisted(() => ({ shell: { openExternal: vi.fn(async (_url: string) => undefined) } }));
vi.mock('electron', () => electron);

import type { Session, WebContents } from 'electron';
import { ALLOWED_PERMISSIONS, openExternalSafely, restrictSession, restrictWebContents } from './securityRestrictions';

type WindowOpen = (details: { url: string }) => { action: string };

class FakeContents extends EventEmitter {
  windowOpenHandler: WindowOpen | undefined;
  setWindowOpenHandler(handler: WindowOpen) {
    this.windowOpenHandler = handler;
  }
  /** Emits a navigation-style event and reports whether it was prevented. */
  attempt(eventName: string, url: string): boolean {
    let prevented = false;
    this.emit(eventName, { url, preventDefault: () => (prevented = true) }, url);
    return prevented;
  }
}

const setup = (devOrigin?: string) => {
  const contents = new FakeContents();
  restrictWebContents(contents as unknown as WebContents, { devOrigin });
  return contents;
};

beforeEach(() => electron.shell.openExternal.mockClear());

describe('navigation', () => {
  it('denies will-navigate and will-redirect away from the app origin', () => {
    const contents = setup();
    for (const event of ['will-navigate', 'will-redirect']) {
      expect(contents.attempt(event, 'https://example.org/'), event).toBe(true);
      expect(contents.attempt(event, 'file:///etc/passwd'), event).toBe(true);
      expect(contents.attempt(event, 'app://elsewhere/index.html'), event).toBe(true);
      expect(contents.attempt(event, 'http://localhost:5173/'), event).toBe(true);
      expect(contents.attempt(event, 'app://rapporteur/index.html'), event).toBe(false);
    }
    expect(electron.shell.openExternal).not.toHaveBeenCalled();
  });

  it('allows the dev server origin only in dev', () => {
    const contents = setup('http://localhost:5173');
    expect(contents.attempt('will-navigate', 'http://localhost:5173/index.html')).toBe(false);
    expect(contents.attempt('will-navigate', 'http://localhost:8080/')).toBe(true);
  });

  it('refuses to attach any <webview>', () => {
    expect(setup().attempt('will-attach-webview', 'https://example.org')).toBe(true);
  });
});

describe('window.open', () => {
  it('never opens a window; https and mailto go to the system browser', async () => {
    const contents = setup();
    const open = contents.windowOpenHandler!;
    expect(open({ url: 'https://example.org/' })).toEqual({ action: 'deny' });
    expect(open({ url: 'mailto:someone@example.org' })).toEqual({ action: 'deny' });
    expect(open({ url: 'http://example.org/' })).toEqual({ action: 'deny' });
    expect(open({ url: 'file:///etc/passwd' })).toEqual({ action: 'deny' });
    expect(open({ url: 'app://rapporteur/index.html' })).toEqual({ action: 'deny' });
    expect(open({ url: 'javascript:alert(1)' })).toEqual({ action: 'deny' });
    await Promise.resolve();
    expect(electron.shell.openExternal.mock.calls.map(([url]) => url)).toEqual(['https://example.org/', 'mailto:someone@example.org']);
  });
});

describe('openExternalSafely', () => {
  it('opens only https: and mailto:', async () => {
    expect(await openExternalSafely('https://example.org')).toBe(true);
    expect(await openExternalSafely('mailto:a@b.org')).toBe(true);
    for (const url of ['http://example.org', 'file:///etc/passwd', 'smb://host/share', 'javascript:alert(1)', 'rapporteur://join', 'nonsense']) {
      expect(await openExternalSafely(url), url).toBe(false);
    }
    expect(electron.shell.openExternal).toHaveBeenCalledTimes(2);
  });

  it('reports false when the OS cannot open the link', async () => {
    electron.shell.openExternal.mockRejectedValueOnce(new Error('no handler'));
    expect(await openExternalSafely('https://example.org')).toBe(false);
  });
});

describe('permissions', () => {
  type RequestHandler = (wc: unknown, permission: string, cb: (granted: boolean) => void, details: { requestingUrl: string }) => void;
  type CheckHandler = (wc: unknown, permission: string, origin: string) => boolean;
  const install = () => {
    let request: RequestHandler | undefined;
    let check: CheckHandler | undefined;
    const session = {
      setPermissionRequestHandler: (h: RequestHandler) => (request = h),
      setPermissionCheckHandler: (h: CheckHandler) => (check = h),
    };
    restrictSession(session as unknown as Session, {});
    const ask = (permission: string, requestingUrl = 'app://rapporteur/index.html') => {
      let granted: boolean | undefined;
      request!(null, permission, (g) => (granted = g), { requestingUrl });
      return granted;
    };
    return { ask, check: check! };
  };

  it('grants only clipboard-sanitized-write, and only to the app', () => {
    const { ask, check } = install();
    expect([...ALLOWED_PERMISSIONS]).toEqual(['clipboard-sanitized-write']);
    expect(ask('clipboard-sanitized-write')).toBe(true);
    expect(ask('clipboard-sanitized-write', 'https://example.org/')).toBe(false);
    for (const permission of ['media', 'geolocation', 'notifications', 'clipboard-read', 'openExternal', 'fullscreen', 'hid', 'unknown']) {
      expect(ask(permission), permission).toBe(false);
    }
    expect(check(null, 'clipboard-sanitized-write', 'app://rapporteur')).toBe(true);
    expect(check(null, 'clipboard-sanitized-write', 'https://example.org')).toBe(false);
    expect(check(null, 'media', 'app://rapporteur')).toBe(false);
  });
});
