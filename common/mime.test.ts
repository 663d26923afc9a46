import { describe, expect, it } from 'vitest';
import { mimeTypeFor } from './mime';

describe('mimeTypeFor', () => {
  it('knows the types the renderer build produces, case-insensitively', () => {
    expect(mimeTypeFor('a/index.html')).toBe('text/html; charset=utf-8');
    expect(mimeTypeFor('a/x.JS')).toBe('text/javascript; charset=utf-8');
    expect(mimeTypeFor('x.css')).toBe('text/css; charset=utf-8');
    expect(mimeTypeFor('C:\\web\\icon.SVG')).toBe('image/svg+xml');
    expect(mimeTypeFor('assets/font-abc.woff2')).toBe('font/woff2');
    expect(mimeTypeFor('x.wasm')).toBe('application/wasm');
    expect(mimeTypeFor('manifest.webmanifest')).toBe('application/manifest+json; charset=utf-8');
  });

  it('falls back to octet-stream for unknown, missing or dot-file extensions', () => {
    expect(mimeTypeFor('x.unknown')).toBe('application/octet-stream');
    expect(mimeTypeFor('README')).toBe('application/octet-stream');
    expect(mimeTypeFor('dir.js/README')).toBe('application/octet-stream');
    expect(mimeTypeFor('.html')).toBe('application/octet-stream');
  });
});
