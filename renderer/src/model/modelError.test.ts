import { describe, expect, it } from 'vitest';
import * as Y from 'yjs';
import { addStakeholder } from './stakeholders';
import { isModelError, ModelError } from './modelError';

describe('ModelError', () => {
  it('carries one issue, or several', () => {
    const one = new ModelError('x.error', 'An error.', { n: 1 });
    expect(one.issues).toEqual([{ id: 'x.error', fallback: 'An error.', values: { n: 1 } }]);
    expect([one.id, one.message, one.fallback]).toEqual(['x.error', 'x.error', 'An error.']);
    let caught: unknown;
    try {
      addStakeholder(new Y.Doc(), { name: ' ', organisation: '', group: 'aliens' as never, region: 'nowhere' as never, themes: [] });
    } catch (e) {
      caught = e;
    }
    expect(isModelError(caught) && caught.issues.map((i) => i.id)).toEqual(['stakeholder.error.name', 'stakeholder.error.group', 'stakeholder.error.region']);
  });
});
