import { describe, expect, it } from 'vitest';
import { APP_ENTRY_URL, devOriginFrom, isTrustedUrl } from './appOrigin';

describe('isTrustedUrl', () => {
  it('trusts our app:// host and nothing else on that scheme', () => {
    expect(isTrustedUrl(APP_ENTRY_URL)).toBe(true);
    expect(isTrustedUrl('app://rapporteur/assets/index.js#/join?x=1')).toBe(true);
    expect(isTrustedUrl('app://rapporteur')).toBe(true);
    expect(isTrustedUrl('app://evil/index.html')).toBe(false);
    expect(isTrustedUrl('app://user:pw@rapporteur/')).toBe(false);
  });

  it('refuses web, file and malformed URLs', () => {
    for (const url of ['https://example.org', 'http://localhost:5173/', 'file:///etc/passwd', 'javascript:alert(1)', 'about:blank', '', 'not a url']) {
      expect(isTrustedUrl(url), url).toBe(false);
    }
  });

  it('trusts the dev server origin only when one is configured', () => {
    const policy = { devOrigin: devOriginFrom('http://localhost:5173') };
    expect(isTrustedUrl('http://localhost:5173/index.html', policy)).toBe(true);
    expect(isTrustedUrl('http://localhost:5174/', policy)).toBe(false);
    expect(isTrustedUrl('http://localhost.evil.com:5173/', policy)).toBe(false);
    expect(isTrustedUrl('http://localhost:5173/')).toBe(false);
  });
});

describe('devOriginFrom', () => {
  it('keeps only http(s) origins', () => {
    expect(devOriginFrom('http://localhost:5173/some/path')).toBe('http://localhost:5173');
    expect(devOriginFrom(undefined)).toBeUndefined();
    expect(devOriginFrom('file:///tmp/x')).toBeUndefined();
    expect(devOriginFrom('::')).toBeUndefined();
  });
});
