import { describe, expect, it } from 'vitest';
import type { MenuEvent } from '../../common/desktopApi';
import { MenuEventOutbox } from './menuEvents';

describe('MenuEventOutbox', () => {
  it('holds events until attached, then delivers them in order and passes later ones straight through', () => {
    const outbox = new MenuEventOutbox();
    const delivered: MenuEvent[] = [];
    outbox.send({ command: 'join-invite', payload: 'rapporteur://join?server=wss://a&token=t' });
    outbox.send({ command: 'export' });
    expect(outbox.size).toBe(2);
    outbox.attach((event) => delivered.push(event));
    outbox.send({ command: 'new-document' });
    expect(delivered.map((e) => e.command)).toEqual(['join-invite', 'export', 'new-document']);
    expect(outbox.size).toBe(0);
  });

  it('holds again after detach (page reloading)', () => {
    const outbox = new MenuEventOutbox();
    const delivered: MenuEvent[] = [];
    outbox.attach((event) => delivered.push(event));
    outbox.detach();
    outbox.send({ command: 'rebuild-index' });
    expect(delivered).toEqual([]);
    outbox.attach((event) => delivered.push(event));
    expect(delivered).toEqual([{ command: 'rebuild-index' }]);
  });

  it('keeps only the most recent 20 while nobody listens', () => {
    const outbox = new MenuEventOutbox();
    for (let i = 0; i < 25; i++) outbox.send({ command: 'join-invite', payload: String(i) });
    const delivered: MenuEvent[] = [];
    outbox.attach((event) => delivered.push(event));
    expect(delivered).toHaveLength(20);
    expect(delivered[0].payload).toBe('5');
  });
});
