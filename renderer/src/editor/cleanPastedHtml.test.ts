import { describe, expect, it } from 'vitest';
import { cleanPastedHtml } from './cleanPastedHtml';

describe('cleanPastedHtml', () => {
  it('drops scripts, frames, handlers and dangerous link schemes, keeps text and safe links', () => {
    const dirty = `<p onclick="alert(1)" style="color:red">Hello <b>world</b></p><script>alert(2)</script>
      <iframe src="https://evil.example"></iframe><img src=x onerror="alert(3)">
      <a href="javascript:alert(4)">js</a> <a href='file:///etc/passwd'>file</a> <a href="data:text/html,x">data</a>
      <a href="https://ok.example/">ok</a> <a href="mailto:a@b.org">mail</a>`;
    const clean = cleanPastedHtml(dirty);
    expect(clean).not.toMatch(/script|iframe|onerror|onclick|javascript:|file:|data:|style=/i);
    expect(clean).toContain('<b>world</b>');
    expect(clean).toContain('href="https://ok.example/"');
    expect(clean).toContain('href="mailto:a@b.org"');
  });
  it('keeps the content of a browser clipboard payload, which starts with an unclosed <meta>', () => {
    expect(cleanPastedHtml("<meta charset='utf-8'><p>Hello <a href=\"https://x.org\">x</a></p><link rel=stylesheet href=a.css><p>after</p>")).toBe(
      '<p>Hello <a href="https://x.org">x</a></p><p>after</p>',
    );
  });
  it('an unclosed script does not swallow the rest of the paste', () => {
    expect(cleanPastedHtml('<p>a</p><script>x<p>b</p>')).toBe('<p>a</p>x<p>b</p>');
  });
  it('removes Word conditional comments and Office tags', () => {
    const word = '<!--[if gte mso 9]><xml><o:OfficeDocumentSettings/></xml><![endif]--><p class=MsoNormal>Text<o:p></o:p></p>';
    expect(cleanPastedHtml(word)).toBe('<p>Text</p>');
  });
});
