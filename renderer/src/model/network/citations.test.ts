// Citations through concurrent and offline edits: two replicas of a reply edit offline, each through the same
// path the editor binding uses (y-tiptap's updateYFragment writes each new ProseMirror doc into the Yjs body),
// then exchange updates in both orders. The citation atom must arrive whole, with its source and quote, next to
// the words it was placed after, and both replicas must end equal.
import { describe, expect, it } from 'vitest';
import * as Y from 'yjs';
import { updateYFragment } from '@tiptap/y-tiptap';
import { bodyToJSON, docBody, type PMNode } from '../bodyJson';
import { appendJSONToBody } from '../bodyWrite';
import { rapporteurSchema } from '../../schema/schema';
import { citationsOf, citedSources, findPassage, normalizeQuote } from './citations';

const text = (t: string): PMNode => ({ type: 'text', text: t });
const para = (bid: string, ...content: PMNode[]): PMNode => ({ type: 'paragraph', attrs: { bid }, content });
const cite = (source: string, quote: string, cid: string): PMNode => ({ type: 'citation', attrs: { source, quote, cid } });

/** What the editor binding does after a transaction: write the whole new doc into the Yjs body (a minimal diff). */
function edit(doc: Y.Doc, change: (body: PMNode) => PMNode): void {
  const next = rapporteurSchema().nodeFromJSON(change(bodyToJSON(doc)));
  doc.transact(() => updateYFragment(doc, docBody(doc), next, { mapping: new Map(), isOMark: new Map() } as never));
}

function replicas(body: PMNode): [Y.Doc, Y.Doc] {
  const a = new Y.Doc();
  appendJSONToBody(a, body);
  const b = new Y.Doc();
  Y.applyUpdate(b, Y.encodeStateAsUpdate(a));
  return [a, b];
}

function exchange(a: Y.Doc, b: Y.Doc, order: 'ab' | 'ba'): void {
  const ua = Y.encodeStateAsUpdate(a, Y.encodeStateVector(b));
  const ub = Y.encodeStateAsUpdate(b, Y.encodeStateVector(a));
  if (order === 'ab') {
    Y.applyUpdate(b, ua);
    Y.applyUpdate(a, ub);
  } else {
    Y.applyUpdate(a, ub);
    Y.applyUpdate(b, ua);
  }
}

const start = (): PMNode => ({
  type: 'doc',
  content: [para('p1', text('Members described mentoring programmes for women candidates. Others disagreed.')), para('p2', text('Second paragraph.'))],
});

describe('citations through concurrent offline edits', () => {
  for (const order of ['ab', 'ba'] as const) {
    it(`survive a concurrent edit of the same paragraph (merge order ${order})`, () => {
      const [a, b] = replicas(start());
      const quote = 'mentoring programmes for women candidates';
      // A cites after "candidates." (inserting the atom splits the text node in two).
      edit(a, (d) => {
        const [p1, p2] = d.content!;
        const s = p1.content![0].text!;
        const at = s.indexOf('Others');
        return { ...d, content: [{ ...p1, content: [text(s.slice(0, at)), cite('contrib-1', quote, 'c1'), text(' ' + s.slice(at))] }, p2] };
      });
      // B, offline, types at the start of the same paragraph and deletes its last words.
      edit(b, (d) => {
        const [p1, p2] = d.content!;
        const s = p1.content![0].text!;
        return { ...d, content: [{ ...p1, content: [text('In Kenya, ' + s.replace(' Others disagreed.', ''))] }, p2] };
      });
      exchange(a, b, order);
      const ja = bodyToJSON(a);
      expect(bodyToJSON(b)).toEqual(ja);
      expect(citationsOf(ja)).toEqual([{ cid: 'c1', source: 'contrib-1', quote }]);
      // The citation still follows the sentence it was placed after; B's edits are kept.
      // The atom stays in the paragraph, right after the words it was placed after; B's typing is kept. (How the
      // text around it merges, A re-splitting the run while B deletes its end, is y-prosemirror's text diff.)
      const p1 = ja.content![0].content!;
      const at = p1.findIndex((n) => n.type === 'citation');
      expect(p1[at - 1].text).toMatch(/^In Kenya, Members described mentoring programmes for women candidates/);
      rapporteurSchema().nodeFromJSON(ja).check();
    });
  }

  it('two replicas citing at once keep both citations, each whole', () => {
    const [a, b] = replicas(start());
    edit(a, (d) => ({ ...d, content: [{ ...d.content![0], content: [...d.content![0].content!, cite('contrib-1', 'one', 'ca')] }, d.content![1]] }));
    edit(b, (d) => ({ ...d, content: [{ ...d.content![0], content: [...d.content![0].content!, cite('contrib-2', 'two', 'cb')] }, d.content![1]] }));
    exchange(a, b, 'ab');
    expect(bodyToJSON(a)).toEqual(bodyToJSON(b));
    expect(citationsOf(bodyToJSON(a)).map((c) => c.cid).sort()).toEqual(['ca', 'cb']);
    expect(citedSources(bodyToJSON(a)).sort()).toEqual(['contrib-1', 'contrib-2']);
  });

  it('a citation inserted while the other replica deletes the text around it survives', () => {
    const [a, b] = replicas(start());
    edit(a, (d) => ({ ...d, content: [d.content![0], { ...d.content![1], content: [text('Second '), cite('contrib-3', 'three', 'c3'), text('paragraph.')] }] }));
    edit(b, (d) => ({ ...d, content: [d.content![0], { ...d.content![1], content: [text('S.')] }] }));
    exchange(a, b, 'ba');
    expect(bodyToJSON(a)).toEqual(bodyToJSON(b));
    expect(citationsOf(bodyToJSON(a))).toEqual([{ cid: 'c3', source: 'contrib-3', quote: 'three' }]);
  });
});

describe('quoted passages', () => {
  it('are found in the source text whatever its whitespace, or reported missing', () => {
    const source = 'Intro.\nWe ran   mentoring\nprogrammes in Nairobi.';
    const at = findPassage(source, 'mentoring programmes in Nairobi');
    expect(at && source.slice(at.start, at.end)).toBe('mentoring\nprogrammes in Nairobi');
    expect(findPassage(source, 'not there')).toBeNull();
    expect(findPassage(source, '   ')).toBeNull();
  });

  it('are normalised and cut to a bounded length', () => {
    expect(normalizeQuote('  a \n b  ')).toBe('a b');
    expect(normalizeQuote('x'.repeat(5000))).toHaveLength(2000);
  });
});
