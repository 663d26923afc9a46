// Prometheus text exposition (format 0.0.4) for the few figures the server keeps. No client library: counters,
// gauges read at scrape time, and one histogram kind are all we need.

type Labels = Record<string, string>;

const labelKey = (labels: Labels | undefined) =>
  labels
    ? Object.entries(labels)
        .sort(([a], [b]) => (a < b ? -1 : a > b ? 1 : 0))
        .map(([k, v]) => `${k}="${v.replace(/["\\\n]/g, '_')}"`)
        .join(',')
    : '';

export class Counter {
  private readonly values = new Map<string, number>();
  constructor(readonly name: string, readonly help: string) {}
  inc(by = 1, labels?: Labels): void {
    const key = labelKey(labels);
    this.values.set(key, (this.values.get(key) ?? 0) + by);
  }
  get(labels?: Labels): number {
    return this.values.get(labelKey(labels)) ?? 0;
  }
  render(): string {
    const lines = [`# HELP ${this.name} ${this.help}`, `# TYPE ${this.name} counter`];
    if (this.values.size === 0) lines.push(`${this.name} 0`);
    for (const [key, value] of this.values) lines.push(`${this.name}${key ? `{${key}}` : ''} ${value}`);
    return lines.join('\n');
  }
}

export class Gauge {
  constructor(
    readonly name: string,
    readonly help: string,
    private readonly read: () => number,
    /** a counter kept elsewhere (e.g. by a client library) and read at scrape time */
    private readonly kind: 'gauge' | 'counter' = 'gauge',
  ) {}
  render(): string {
    return [`# HELP ${this.name} ${this.help}`, `# TYPE ${this.name} ${this.kind}`, `${this.name} ${this.read()}`].join('\n');
  }
}

export class Histogram {
  /** cumulative count per upper bound, as Prometheus reports buckets */
  private readonly bins: Array<{ le: number; count: number }>;
  private sum = 0;
  private count = 0;
  constructor(readonly name: string, readonly help: string, readonly buckets: readonly number[]) {
    this.bins = buckets.map((le) => ({ le, count: 0 }));
  }
  observe(value: number): void {
    this.sum += value;
    this.count += 1;
    for (const bin of this.bins) if (value <= bin.le) bin.count += 1;
  }
  get observations(): number {
    return this.count;
  }
  render(): string {
    const lines = [`# HELP ${this.name} ${this.help}`, `# TYPE ${this.name} histogram`];
    for (const { le, count } of this.bins) lines.push(`${this.name}_bucket{le="${le}"} ${count}`);
    lines.push(`${this.name}_bucket{le="+Inf"} ${this.count}`, `${this.name}_sum ${this.sum}`, `${this.name}_count ${this.count}`);
    return lines.join('\n');
  }
}

/** The server's metrics. Gauges are wired by the server once its loaded rooms and connection set exist. */
export class Metrics {
  readonly connectionsAccepted = new Counter('rapporteur_connections_accepted_total', 'Websocket connections accepted');
  readonly upgradesRejected = new Counter('rapporteur_upgrades_rejected_total', 'Upgrade requests refused before the websocket opened, by HTTP status');
  readonly messagesIn = new Counter('rapporteur_messages_in_total', 'Websocket messages received');
  readonly messagesOut = new Counter('rapporteur_messages_out_total', 'Websocket messages sent');
  readonly bytesIn = new Counter('rapporteur_bytes_in_total', 'Websocket payload bytes received');
  readonly bytesOut = new Counter('rapporteur_bytes_out_total', 'Websocket payload bytes sent');
  readonly refusedUpdates = new Counter('rapporteur_refused_updates_total', 'Updates refused by role policy, by role');
  readonly awarenessDropped = new Counter(
    'rapporteur_awareness_dropped_total',
    'Awareness entries not applied, by reason: rate (over the per-connection rate), other-client (not the connection\'s own client id), refused (closed the connection)',
  );
  readonly upgradeLogsSuppressed = new Counter('rapporteur_upgrade_logs_suppressed_total', 'Refused-upgrade log lines suppressed by the log rate limit');
  readonly malformedMessages = new Counter('rapporteur_malformed_messages_total', 'Messages that could not be decoded');
  readonly persistedUpdates = new Counter('rapporteur_persisted_updates_total', 'Updates committed to storage');
  readonly persistFailures = new Counter('rapporteur_persist_failures_total', 'Storage commits that failed');
  readonly compactions = new Counter('rapporteur_compactions_total', 'Document compactions');
  readonly persistSeconds = new Histogram('rapporteur_persist_seconds', 'Time to commit one batch of updates durably', [
    0.0005, 0.001, 0.0025, 0.005, 0.01, 0.025, 0.05, 0.1, 0.25, 0.5, 1, 2.5,
  ]);
  readonly fanoutTransitSeconds = new Histogram(
    'rapporteur_fanout_transit_seconds',
    "Time from another instance's publish of a fan-out message to its handling here (Redis, then this event loop)",
    [0.0005, 0.001, 0.0025, 0.005, 0.01, 0.025, 0.05, 0.1, 0.25, 0.5, 1, 2.5],
  );
  readonly fanoutApplied = new Counter('rapporteur_fanout_applied_total', 'Updates from other instances (Redis) applied to a loaded document');
  readonly fanoutResyncs = new Counter('rapporteur_fanout_resyncs_total', 'Loaded documents re-read from the store after a Redis reconnect');
  private readonly gauges: Gauge[] = [];

  gauge(name: string, help: string, read: () => number): void {
    this.gauges.push(new Gauge(name, help, read));
  }

  /** A counter read at scrape time (the Redis and PostgreSQL figures). */
  counterFn(name: string, help: string, read: () => number): void {
    this.gauges.push(new Gauge(name, help, read, 'counter'));
  }

  render(): string {
    const parts = [
      ...this.gauges.map((g) => g.render()),
      this.connectionsAccepted.render(),
      this.upgradesRejected.render(),
      this.messagesIn.render(),
      this.messagesOut.render(),
      this.bytesIn.render(),
      this.bytesOut.render(),
      this.refusedUpdates.render(),
      this.awarenessDropped.render(),
      this.upgradeLogsSuppressed.render(),
      this.malformedMessages.render(),
      this.persistedUpdates.render(),
      this.persistFailures.render(),
      this.compactions.render(),
      this.persistSeconds.render(),
      this.fanoutApplied.render(),
      this.fanoutResyncs.render(),
      this.fanoutTransitSeconds.render(),
    ];
    return parts.join('\n') + '\n';
  }
}
