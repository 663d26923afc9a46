import { describe, it, expect } from 'vitest';
import { cleanText, esc, attr } from './xml';

describe('xml sanitising', () => {
  it('removes C0 controls, U+FFFE/FFFF and lone surrogates, keeps tabs, newlines and astral characters', () => {
    expect(cleanText('a\u0000b\u0001c\u0008d\u000Be\u001Ff\tg\nh\r')).toBe('abcdef\tg\nh\r');
    expect(cleanText('x\uFFFEy\uFFFFz')).toBe('xyz');
    expect(cleanText('lone \uD800 high, lone \uDC00 low, pair \u{1F600}')).toBe('lone  high, lone  low, pair \u{1F600}');
  });

  it('escapes markup and folds whitespace in attributes', () => {
    expect(esc(`<a href="x">&'</a>`)).toBe('&lt;a href=&quot;x&quot;&gt;&amp;&apos;&lt;/a&gt;');
    expect(attr('a\tb\nc')).toBe('a b c');
  });
});
