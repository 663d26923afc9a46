import { describe, expect, it } from 'vitest';
import { Fragment } from '@tiptap/pm/model';
import { rapporteurSchema } from '../schema/schema';
import { cleanFragment } from './pasteCleanup';

describe('paste cleanup of text', () => {
  it('strips control characters, NUL, U+FFFF and lone surrogates from pasted text, keeps marks and emoji', () => {
    const s = rapporteurSchema();
    const pasted = Fragment.from([
      s.node('paragraph', null, [s.text('a\u0000b\u0001c', [s.marks.bold.create()]), s.text('\uD800\uFFFF'), s.text('d\u{1F600}')]),
    ]);
    const clean = cleanFragment(pasted);
    expect(clean.firstChild!.textContent).toBe('abcd\u{1F600}');
    expect(clean.firstChild!.firstChild!.marks.map((m) => m.type.name)).toEqual(['bold']);
    const ok = Fragment.from([s.node('paragraph', null, [s.text('fine')])]);
    expect(cleanFragment(ok)).toBe(ok);
  });
});
