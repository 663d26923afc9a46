import { describe, expect, it } from 'vitest';
import type { PMNode } from '../bodyJson';
import { resolveSuggestions } from './resolveSuggestions';
import { writeBlockSuggestion } from '../../schema/blockTypeSuggestion';

describe('resolveSuggestions with a pending block-type change', () => {
  const body: PMNode = {
    type: 'doc',
    content: [
      { type: 'heading', attrs: { bid: 'a', level: 2, suggestion: writeBlockSuggestion({ id: 's1', fromType: 'paragraph', fromAttrs: {} }) }, content: [{ type: 'text', text: 'Was a paragraph' }] },
      { type: 'heading', attrs: { bid: 'b', level: 3, suggestion: writeBlockSuggestion({ id: 's2', fromType: 'heading', fromAttrs: { level: 1 } }) }, content: [{ type: 'text', text: 'Was H1' }] },
    ],
  };
  it('accept keeps the new type without the attribute; reject restores the old type and level, keeping the id', () => {
    expect(resolveSuggestions(body, 'accept').content!.map((n) => [n.type, n.attrs])).toEqual([
      ['heading', { bid: 'a', level: 2 }],
      ['heading', { bid: 'b', level: 3 }],
    ]);
    expect(resolveSuggestions(body, 'reject').content!.map((n) => [n.type, n.attrs])).toEqual([
      ['paragraph', { bid: 'a' }],
      ['heading', { bid: 'b', level: 1 }],
    ]);
  });
});
