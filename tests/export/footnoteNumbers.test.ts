// The editor numbers footnotes as the export does (issue 13: numbers from a plugin, not CSS counters, so that
// off-screen blocks can be skipped; issue 15: footnotes numbered as in the export). A 300-note document with
// notes in paragraphs, lists, quotes and tables, and citations (which the export also writes as footnotes):
// the number the editor shows on each footnote is the id of the Word footnote holding its text. Then edits
// (typing, a note added or removed, a remote replacement of the whole body) keep the numbers right.
import { describe, expect, it } from 'vitest';
import { EditorState } from '@tiptap/pm/state';
import type { Node as PMNodeType } from '@tiptap/pm/model';
import { ySyncPluginKey } from '@tiptap/y-tiptap';
import { exportDocx } from '../../renderer/src/export/exportDocx';
import type { PMNode } from '../../renderer/src/model/bodyJson';
import { rapporteurSchema } from '../../renderer/src/schema/schema';
import { footnoteNumbersKey, footnoteNumbersPlugin, notePositions } from '../../renderer/src/editor/footnoteNumbers';
import { draft, inputOf, readDocx } from './helpers';

const schema = rapporteurSchema();
let k = 0;
const fn = (): PMNode => ({ type: 'footnote', attrs: { text: `Note ${++k}` } });
const text = (t: string): PMNode => ({ type: 'text', text: t });
const para = (...content: PMNode[]): PMNode => ({ type: 'paragraph', content });

function body(): PMNode {
  k = 0;
  const blocks: PMNode[] = [];
  for (let i = 0; blocks.length < 400 && k < 300; i++) {
    switch (i % 6) {
      case 0:
        blocks.push({ type: 'heading', attrs: { level: 1 }, content: [text(`Section ${i}`), fn()] });
        break;
      case 1:
        blocks.push(para(text('Para with two notes'), fn(), text(' and '), fn(), text('.')));
        break;
      case 2:
        blocks.push({ type: 'bulletList', content: [{ type: 'listItem', content: [para(text('Item'), fn())] }, { type: 'listItem', content: [para(text('Item two'))] }] });
        break;
      case 3:
        blocks.push({ type: 'blockquote', content: [para(text('Quoted'), fn(), { type: 'citation', attrs: { source: '', quote: `cited ${i}`, cid: `c${i}` } })] });
        break;
      case 4:
        blocks.push({
          type: 'table',
          content: [{ type: 'tableRow', content: [{ type: 'tableCell', content: [para(text('cell'), fn())] }, { type: 'tableCell', content: [para(text('cell'))] }] }],
        });
        break;
      default:
        blocks.push(para(text('Plain paragraph without a note.')));
    }
  }
  return { type: 'doc', content: blocks };
}

/** Footnote text -> the number the editor shows on it (its data-fn decoration). */
function editorNumbers(state: EditorState): Map<string, number> {
  const set = footnoteNumbersKey.getState(state)!.set;
  const out = new Map<string, number>();
  state.doc.descendants((node, pos) => {
    if (node.type.name !== 'footnote') return true;
    const deco = set.find(pos, pos + 1).find((d) => d.from === pos);
    out.set(String(node.attrs.text), Number((deco as unknown as { type: { attrs: Record<string, string> } } | undefined)?.type.attrs['data-fn'] ?? NaN));
    return false;
  });
  return out;
}

async function exportNumbers(doc: PMNodeType): Promise<Map<string, number>> {
  const r = readDocx(await exportDocx(inputOf([draft(doc.toJSON() as PMNode)]), { toc: false, annex: false }));
  return new Map(r.footnotes.map((f) => [f.text, f.id]));
}

describe('footnote numbers in the editor match the export', () => {
  it('a 300-note document: every footnote shows the number of its Word footnote', async () => {
    const doc = schema.nodeFromJSON(body());
    const state = EditorState.create({ schema, doc, plugins: [footnoteNumbersPlugin()] });
    const shown = editorNumbers(state);
    expect(shown.size).toBe(300);
    const exported = await exportNumbers(doc);
    let compared = 0;
    for (const [note, n] of shown) {
      expect({ note, n }).toEqual({ note, n: exported.get(note) });
      compared++;
    }
    expect(compared).toBe(300);
    // citations take numbers too: the last footnote's number is past 300
    expect(Math.max(...shown.values())).toBeGreaterThan(300);
  }, 60_000);

  it('typing, adding and removing notes and a remote whole-body replacement keep the numbers right', async () => {
    let state = EditorState.create({ schema, doc: schema.nodeFromJSON(body()), plugins: [footnoteNumbersPlugin()] });
    const expectFresh = () => {
      const fresh = notePositions(state.doc);
      expect(footnoteNumbersKey.getState(state)!.positions).toEqual(fresh);
      const shown = editorNumbers(state);
      state.doc.descendants((node, pos) => {
        if (node.type.name === 'footnote') expect(shown.get(String(node.attrs.text))).toBe(fresh.indexOf(pos) + 1);
        return true;
      });
    };
    // typing in the middle of the document, before many notes
    const mid = notePositions(state.doc)[150]!;
    state = state.apply(state.tr.insertText('typed words ', mid));
    expectFresh();
    // a note added near the start: every later note shifts by one
    state = state.apply(state.tr.insert(3, schema.nodes.footnote!.create({ text: 'Added note' })));
    expectFresh();
    expect(editorNumbers(state).get('Added note')).toBe(1);
    // a note removed
    const tenth = notePositions(state.doc)[10]!;
    state = state.apply(state.tr.delete(tenth, tenth + 1));
    expectFresh();
    // a remote change arrives as one replacement of the whole body (y-tiptap), with text typed by a peer
    const json = state.doc.toJSON() as PMNode;
    (json.content![1]!.content as PMNode[]).unshift(text('Peer text. '));
    const remote = state.tr.replaceWith(0, state.doc.content.size, schema.nodeFromJSON(json).content).setMeta(ySyncPluginKey, { isChangeOrigin: true });
    state = state.apply(remote);
    expectFresh();
    const exported = await exportNumbers(state.doc);
    for (const [note, n] of editorNumbers(state)) expect({ note, n }).toEqual({ note, n: exported.get(note) });
  }, 60_000);
});
