import { describe, it, expect } from 'vitest';
import { chathamHouseRedactor } from './chathamHouse';
import { DEFAULT_LABELS } from './exportLabels';
import type { ExportInput } from './exportInput';
import { DEFAULT_HOUSE_STYLE } from '../model/houseStyle';

const input: ExportInput = {
  workspace: { name: 'W', houseStyle: DEFAULT_HOUSE_STYLE },
  stakeholders: [
    { id: '1', name: 'Ana Maria Lopez', organisation: 'X', group: 'civil-society', region: 'global', themes: [] },
    { id: '2', name: 'Ana Maria', organisation: 'Y', group: 'government', region: 'global', themes: [] },
    { id: '3', name: 'Bo', organisation: 'Z', group: 'academia', region: 'global', themes: [] },
    { id: '4', name: 'Old Name', organisation: 'Z', group: 'academia', region: 'global', themes: [], deleted: true },
  ],
  documents: [
    {
      meta: { id: 'd', kind: 'meeting', title: 't', themes: [], date: '', createdAt: 0, createdBy: '' },
      body: { type: 'doc', content: [] },
      fields: { participants: [{ id: 'p', name: 'Free Person' }] },
      threads: [],
    },
  ],
};

describe('chathamHouseRedactor', () => {
  const r = chathamHouseRedactor(input, DEFAULT_LABELS);

  it('replaces the longest matching name, whole words only, any case and spacing', () => {
    expect(r.redact('Ana Maria Lopez and ana  maria met ANA MARIA LOPEZ.')).toBe(
      'Participant (Civil society) and Participant (Government) met Participant (Civil society).',
    );
    expect(r.redact('Banana Maria Lopezes')).toBe('Banana Maria Lopezes');
  });

  it('covers deleted registry entries and free-text participants, and skips too-short names', () => {
    expect(r.redact('Old Name spoke; Free Person too; Bo agreed.')).toBe('Participant (Academia) spoke; Participant too; Bo agreed.');
  });

  it('reports spans in the original text', () => {
    expect(r.spans('Hi Ana Maria!')).toEqual([{ start: 3, end: 12, replacement: 'Participant (Government)' }]);
  });
});
