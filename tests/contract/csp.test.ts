// One CSP for every delivery: Electron's app:// response header and the meta tag the Vite plugin puts in
// index.html both come from common/csp.ts.
import { mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, it, vi } from 'vitest';
import { build, type HtmlTagDescriptor, type Plugin } from 'vite';
import { contentSecurityPolicy } from '../../common/csp';
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

function cspPlugin(): Plugin {
  const plugins = (rendererConfig().plugins ?? []).flat() as Plugin[];
  const plugin = plugins.find((p) => p && p.name === 'rapporteur-csp');
  if (!plugin) throw new Error('rendererConfig has no CSP plugin');
  return plugin;
}

describe('content security policy', () => {
  it("Electron's app:// header is the meta tag the renderer builds carry", async () => {
    const root = mkdtempSync(join(tmpdir(), 'rapporteur-csp-'));
    try {
      writeFileSync(join(root, 'index.html'), '<!doctype html>');
      const res = await createAppRequestHandler(root)(new Request('app://rapporteur/index.html'));
      const header = res.headers.get('content-security-policy');
      expect(header).toBe(contentSecurityPolicy());
      expect(injectedPolicy(cspPlugin())).toBe(header);
      expect(injectedPolicy(contentSecurityPolicyMeta())).toBe(header);
    } finally {
      rmSync(root, { recursive: true, force: true });
    }
  });

  it('is default-deny, runs no inline or eval script, connects only to its origin and websockets', () => {
    const directives = new Map(contentSecurityPolicy().split('; ').map((d) => [d.split(' ')[0], d] as const));
    expect(directives.get('default-src')).toBe("default-src 'none'");
    expect(directives.get('script-src')).toBe("script-src 'self'");
    expect(directives.get('connect-src')).toBe("connect-src 'self' ws: wss:");
    expect(directives.get('object-src')).toBe("object-src 'none'");
    expect(contentSecurityPolicy({ connectSrc: ['wss://sync.example.org'] })).toContain("connect-src 'self' wss://sync.example.org;");
  });

  it('a real build of index.html carries the policy before any script', async () => {
    const outDir = mkdtempSync(join(tmpdir(), 'rapporteur-csp-build-'));
    try {
      const config = rendererConfig();
      await build({ ...config, configFile: false, logLevel: 'silent', build: { ...config.build, outDir, emptyOutDir: true } });
      const html = readFileSync(join(outDir, 'index.html'), 'utf8');
      const meta = /<meta http-equiv="Content-Security-Policy" content="([^"]*)">/.exec(html);
      const decode = (attr: string) => attr.replace(/&#39;/g, "'").replace(/&quot;/g, '"').replace(/&amp;/g, '&');
      expect(decode(meta?.[1] ?? '')).toBe(contentSecurityPolicy());
      expect(meta?.index ?? Infinity).toBeLessThan(html.indexOf('<script'));
    } finally {
      rmSync(outDir, { recursive: true, force: true });
    }
  }, 120_000);
});
