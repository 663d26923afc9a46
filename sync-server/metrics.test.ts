import { describe, expect, it } from 'vitest';
import { Metrics } from './metrics';

describe('Metrics', () => {
  it('renders Prometheus text with counters, labels, gauges and a histogram', () => {
    const m = new Metrics();
    let open = 3;
    m.gauge('rapporteur_connections', 'Open connections', () => open);
    m.messagesIn.inc();
    m.messagesIn.inc(2);
    m.refusedUpdates.inc(1, { role: 'viewer' });
    m.persistSeconds.observe(0.0004);
    m.persistSeconds.observe(0.03);
    open = 4;
    const text = m.render();
    expect(text).toContain('# TYPE rapporteur_connections gauge\nrapporteur_connections 4');
    expect(text).toContain('rapporteur_messages_in_total 3');
    expect(text).toContain('rapporteur_refused_updates_total{role="viewer"} 1');
    expect(text).toContain('rapporteur_persist_seconds_bucket{le="0.0005"} 1');
    expect(text).toContain('rapporteur_persist_seconds_bucket{le="0.05"} 2');
    expect(text).toContain('rapporteur_persist_seconds_bucket{le="+Inf"} 2');
    expect(text).toContain('rapporteur_persist_seconds_count 2');
    for (const line of text.trim().split('\n')) expect(line).toMatch(/^(# (HELP|TYPE) \w+ .+|\w+(\{[^}]*\})? [\d.e+-]+)$/);
  });
});
