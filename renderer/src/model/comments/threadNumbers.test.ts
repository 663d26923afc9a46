import { describe, expect, it } from 'vitest';
import { threadNumbers } from './threadNumbers';

describe('threadNumbers', () => {
  it('looks numbers up by id and ids by number', () => {
    const n = threadNumbers([{ id: 'a', number: 1 }, { id: 'b', number: 2 }]);
    expect([n.numberOf('b'), n.numberOf('x'), n.idOfNumber(1), n.idOfNumber(9)]).toEqual([2, null, 'a', null]);
  });
});
