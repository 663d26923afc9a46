import { describe, expect, it } from 'vitest';
import { AwarenessGuard, readAwarenessUpdate, stateProblem, TokenBucket, writeAwarenessUpdate } from './awarenessGuard';

const who = { sub: 'u1', name: 'Ana' };
const limits = { maxStateBytes: 1024, ratePerSecond: 30, burst: 60 };
const entry = (clientID: number, state: unknown, clock = 1) => ({ clientID, clock, json: JSON.stringify(state) });

describe('awareness guard', () => {
  it('reads and writes the y-protocols awareness update format', () => {
    const entries = [entry(1, { user: { name: 'Ana' } }), entry(2, null, 7)];
    expect(readAwarenessUpdate(writeAwarenessUpdate(entries))).toEqual(entries);
  });

  it("checks the state's size, shape and user against the token", () => {
    expect(stateProblem(JSON.stringify({ user: { name: 'Ana', id: 'u1', color: '#f00' }, cursor: null }), who, 1024)).toBeNull();
    expect(stateProblem('null', who, 1024)).toBeNull();
    expect(stateProblem('{}', who, 1024)).toBeNull();
    expect(stateProblem(JSON.stringify({ user: { name: 'Secretariat (official)' } }), who, 1024)).toMatch(/name/);
    expect(stateProblem(JSON.stringify({ user: { name: 'Ana', id: 'someone-else' } }), who, 1024)).toMatch(/id/);
    expect(stateProblem(JSON.stringify({ user: 'Ana' }), who, 1024)).toMatch(/object/);
    expect(stateProblem('[1]', who, 1024)).toMatch(/object/);
    expect(stateProblem(JSON.stringify({ pad: 'x'.repeat(2000) }), who, 1024)).toMatch(/larger/);
    expect(() => stateProblem('{nope', who, 1024)).toThrow();
  });

  it("binds the first unowned client id to the connection and drops everyone else's entries", () => {
    const room = {};
    const a = new AwarenessGuard(room, who, limits);
    const b = new AwarenessGuard(room, { sub: 'u2', name: 'Bob' }, limits);
    expect(a.check(writeAwarenessUpdate([entry(10, { user: { name: 'Ana' } })]))).toMatchObject({ kind: 'apply', dropped: 0 });
    expect(a.ownClientId).toBe(10);
    // b cannot take 10; its first unowned id (20) becomes its own, the entry for 10 is dropped.
    const v = b.check(writeAwarenessUpdate([entry(10, null, 2), entry(20, { user: { name: 'Bob' } })]));
    expect(v).toMatchObject({ kind: 'apply', dropped: 1 });
    expect(v.kind === 'apply' && readAwarenessUpdate(v.update).map((e) => e.clientID)).toEqual([20]);
    expect(b.check(writeAwarenessUpdate([entry(10, { user: { name: 'Bob' } }, 3)]))).toMatchObject({ kind: 'drop', reason: 'other-client' });
    expect(b.check(writeAwarenessUpdate([entry(20, { user: { name: 'Ana' } }, 4)]))).toMatchObject({ kind: 'refuse' });
    expect(a.release()).toBe(10);
    const c = new AwarenessGuard(room, who, limits);
    expect(c.check(writeAwarenessUpdate([entry(10, { user: { name: 'Ana' } }, 5)]))).toMatchObject({ kind: 'apply' });
  });

  it('limits the message rate with a token bucket', () => {
    let now = 0;
    const bucket = new TokenBucket(30, 60, () => now);
    let passed = 0;
    for (let i = 0; i < 100; i++) if (bucket.take()) passed++;
    expect(passed).toBe(60);
    now = 1000;
    passed = 0;
    for (let i = 0; i < 100; i++) if (bucket.take()) passed++;
    expect(passed).toBe(30);
  });
});
