import { describe, expect, it } from 'vitest';
import { EditorState } from '@tiptap/pm/state';
import type { Node as PMNode } from '@tiptap/pm/model';
import { rapporteurSchema } from './schema';
import { nestingOf, nestsTooDeep } from './nestingLimits';
import { MAX_LIST_DEPTH, MAX_TABLE_DEPTH } from './limits';

const schema = rapporteurSchema();
const para = (text: string) => ({ type: 'paragraph', content: [{ type: 'text', text }] });
const list = (depth: number): Record<string, unknown> => {
  let l: Record<string, unknown> = { type: 'bulletList', content: [{ type: 'listItem', content: [para(`level ${depth}`)] }] };
  for (let d = depth - 1; d >= 1; d--) l = { type: 'bulletList', content: [{ type: 'listItem', content: [para(`level ${d}`), l] }] };
  return l;
};
const table = (depth: number): Record<string, unknown> => {
  const cell = (content: unknown[]) => ({ type: 'tableCell', content });
  let t: Record<string, unknown> = { type: 'table', content: [{ type: 'tableRow', content: [cell([para(`t${depth}`)])] }] };
  for (let d = depth - 1; d >= 1; d--) t = { type: 'table', content: [{ type: 'tableRow', content: [cell([para(`t${d}`), t])] }] };
  return t;
};
const docOf = (...content: unknown[]) => schema.nodeFromJSON({ type: 'doc', content });
const node = (json: Record<string, unknown>): PMNode => schema.nodeFromJSON(json);

describe('nesting limits', () => {
  it('measures list and table nesting', () => {
    expect(nestingOf(docOf(list(4), table(2)))).toEqual({ lists: 4, tables: 2 });
  });

  it('refuses inserting a list deeper than 9 levels or a table deeper than 3, allows the limits themselves', () => {
    const state = EditorState.create({ doc: docOf(para('x')) });
    expect(nestsTooDeep(state.tr.insert(0, node(list(MAX_LIST_DEPTH))))).toBe(false);
    expect(nestsTooDeep(state.tr.insert(0, node(list(MAX_LIST_DEPTH + 1))))).toBe(true);
    expect(nestsTooDeep(state.tr.insert(0, node(list(200))))).toBe(true);
    expect(nestsTooDeep(state.tr.insert(0, node(table(MAX_TABLE_DEPTH))))).toBe(false);
    expect(nestsTooDeep(state.tr.insert(0, node(table(MAX_TABLE_DEPTH + 1))))).toBe(true);
  });

  it('lets a document that is already too deep be edited, without going deeper', () => {
    const state = EditorState.create({ doc: docOf(list(12), para('after')) });
    // typing inside the deepest item
    let textPos = -1;
    state.doc.descendants((n, pos) => {
      if (n.isText && n.text === 'level 12') textPos = pos;
    });
    expect(nestsTooDeep(state.tr.insertText('!', textPos + 1))).toBe(false);
    expect(nestsTooDeep(state.tr.insert(state.doc.content.size, node(list(10))))).toBe(true);
  });

  it('measures every block a change of several steps reaches, wherever it is in a long document', () => {
    const paras = Array.from({ length: 200 }, (_, i) => para(`paragraph ${i}`));
    const state = EditorState.create({ doc: docOf(...paras) });
    const end = state.doc.content.size;
    // a deep list pasted at the very end, then a character typed at the start: the first step's range is mapped to the end
    expect(nestsTooDeep(state.tr.insert(end, node(list(MAX_LIST_DEPTH + 1))).insertText('x', 1))).toBe(true);
    // a deep list put between two blocks in the middle
    let between = 0;
    state.doc.forEach((n, offset, i) => {
      if (i === 100) between = offset;
    });
    expect(nestsTooDeep(state.tr.insert(between, node(list(MAX_LIST_DEPTH + 1))))).toBe(true);
    expect(nestsTooDeep(state.tr.insert(between, node(list(MAX_LIST_DEPTH))).insertText('x', 1))).toBe(false);
  });
});
