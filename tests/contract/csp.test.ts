// One CSP for every delivery: Electron's app:// response header and the meta tag the Vite plugin puts in
// index.html both come from common/csp.ts.
import { existsSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import { describe, expect, it, vi } from 'vitest';
import type { HtmlTagDescriptor, Plugin } from 'vite';
import { contentSecurityPolicy, type CspTarget } from '../../common/csp';
import { contentSecurityPolicyMeta, rendererConfig } from '../../renderer/vite.shared';

vi.mock('electron', () => ({ protocol: { registerSchemesAsPrivileged: vi.fn(), handle: vi.fn() } }));
const { createAppRequestHandler } = await import('../../electron/main/appProtocol');

/** The CSP meta tag a plugin injects into index.html. */
function injectedPolicy(plugin: Plugin): string {
  const hook = plugin.transformIndexHtml;
  const handler = typeof hook === 'function' ? hook : hook?.handler;
  const tags = (handler as unknown as (html: string, ctx: object) => HtmlTagDescriptor[])('<html></html>', {});
  const meta = tags.find((t) => t.tag === 'meta' && t.attrs?.['http-equiv'] === 'Content-Security-Policy');
  expect(meta?.injectTo).toBe('head-prepend');
  return String(meta?.attrs?.content);
}

function cspPluginOf(target: CspTarget): Plugin {
  const plugins = (rendererConfig(target).plugins ?? []).flat() as Plugin[];
  const plugin = plugins.find((p) => p && p.name === 'rapporteur-csp');
  if (!plugin) throw new Error('rendererConfig has no CSP plugin');
  return plugin;
}

describe('content security policy', () => {
  it("Electron's app:// header is the meta tag of the Electron renderer build", async () => {
    const root = mkdtempSync(join(tmpdir(), 'rapporteur-csp-'));
    try {
      writeFileSync(join(root, 'index.html'), '<!doctype html>');
      const res = await createAppRequestHandler(root)(new Request('app://rapporteur/index.html'));
      const header = res.headers.get('content-security-policy');
      expect(header).toBe(contentSecurityPolicy({ target: 'electron' }));
      expect(injectedPolicy(cspPluginOf('electron'))).toBe(header);
    } finally {
      rmSync(root, { recursive: true, force: true });
    }
  });

  it('the web build gets the web policy, the same as the desktop one', () => {
    const web = injectedPolicy(cspPluginOf('web'));
    expect(web).toBe(contentSecurityPolicy({ target: 'web' }));
    expect(injectedPolicy(contentSecurityPolicyMeta('web'))).toBe(web);
    expect(web).toBe(contentSecurityPolicy({ target: 'electron' }));
  });

  it('is default-deny, runs no inline or eval script, connects only to its origin and websockets', () => {
    for (const target of ['web', 'electron'] as const) {
      const directives = new Map(contentSecurityPolicy({ target }).split('; ').map((d) => [d.split(' ')[0], d] as const));
      expect(directives.get('default-src')).toBe("default-src 'none'");
      expect(directives.get('script-src')).toBe("script-src 'self'");
      expect(directives.get('connect-src')).toBe("connect-src 'self' ws: wss:");
      expect(directives.get('object-src')).toBe("object-src 'none'");
    }
    expect(contentSecurityPolicy({ target: 'web', connectSrc: ['wss://sync.example.org'] })).toContain("connect-src 'self' wss://sync.example.org;");
  });

  const builtIndex = resolve(import.meta.dirname, '../../dist/web/index.html');
  it.skipIf(!existsSync(builtIndex))('the built dist/web/index.html carries the web policy before any script', () => {
    const html = readFileSync(builtIndex, 'utf8');
    const meta = /<meta http-equiv="Content-Security-Policy" content="([^"]*)">/.exec(html);
    const decode = (attr: string) => attr.replace(/&#39;/g, "'").replace(/&quot;/g, '"').replace(/&amp;/g, '&');
    expect(decode(meta?.[1] ?? '')).toBe(contentSecurityPolicy({ target: 'web' }));
    expect(meta?.index ?? Infinity).toBeLessThan(html.indexOf('<script'));
  });
});
