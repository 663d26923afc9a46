import { describe, expect, it } from 'vitest';
import { oneLineExtract } from './activity';
import { TestWorkspace } from './testWorkspace';

describe('row.activity', () => {
  it('a one-line extract is the first sentence, or the first line, cut at a word', () => {
    expect(oneLineExtract('First sentence. Second one.')).toBe('First sentence.');
    expect(oneLineExtract('\n  A heading without a stop\nThen text.')).toBe('A heading without a stop');
    expect(oneLineExtract('Is it? Yes.')).toBe('Is it?');
    expect(oneLineExtract('3.5 per cent rose. Next.')).toBe('3.5 per cent rose.');
    const long = oneLineExtract(`${'word '.repeat(60)}end.`, 40);
    expect(long.length).toBeLessThanOrEqual(40);
    expect(long).toMatch(/word…$/);
    expect(oneLineExtract('')).toBe('');
  });

  it('is computed by the catalog row from the document’s fields and text', () => {
    const w = new TestWorkspace();
    const ana = w.person({ name: 'Ana' });
    const c = w.contribution('C', ana, '2025-03-01', [], 'Quotas work. Mostly.');
    const m = w.meeting('M', '2025-03-02', [], { participants: [ana], keyMessages: 'One\n\n Two ', actions: [{ owner: 'Ana', task: 'Do it', due: '2025-03-09', status: 'done' }] });
    const d = w.consultation('D', '2025-03-01', '2025-03-31');
    const rows = new Map(w.rows().map((r) => [r.docId, r]));
    expect(rows.get(c)!.activity).toMatchObject({ stakeholderId: ana, receivedOn: '2025-03-01', extract: 'Quotas work.', participants: [], actionPoints: [] });
    expect(rows.get(m)!.activity).toMatchObject({ stakeholderId: '', participants: [{ stakeholderId: ana, name: '' }], keyMessages: ['One', 'Two'], actionPoints: [{ owner: 'Ana', task: 'Do it', due: '2025-03-09', status: 'done' }] });
    expect(rows.get(d)!.activity).toMatchObject({ consultationOpensOn: '2025-03-01', consultationClosesOn: '2025-03-31', digestMonth: '' });
  });
});
