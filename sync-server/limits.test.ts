import { describe, expect, it } from 'vitest';
import { IpLimiter } from './limits';

describe('IpLimiter', () => {
  it('allows up to the cap per address and frees slots on release', () => {
    const limiter = new IpLimiter(2);
    expect(limiter.tryAcquire('1.1.1.1')).toBe(true);
    expect(limiter.tryAcquire('1.1.1.1')).toBe(true);
    expect(limiter.tryAcquire('1.1.1.1')).toBe(false);
    expect(limiter.tryAcquire('2.2.2.2')).toBe(true);
    limiter.release('1.1.1.1');
    expect(limiter.count('1.1.1.1')).toBe(1);
    expect(limiter.tryAcquire('1.1.1.1')).toBe(true);
    limiter.release('2.2.2.2');
    limiter.release('2.2.2.2'); // extra releases never go negative
    expect(limiter.count('2.2.2.2')).toBe(0);
  });
});
