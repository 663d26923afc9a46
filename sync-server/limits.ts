// Resource limits: defaults in one place, and the per-IP socket counter (counted from the TCP connect).

export const DEFAULT_LIMITS = {
  /** largest websocket message accepted; bigger frames close the connection with 1009 */
  maxMessageBytes: 16 * 1024 * 1024,
  /** open TCP sockets per client IP: websockets, sockets still sending their request, idle keep-alive ones */
  maxConnPerIp: 50,
  /** open TCP sockets in all */
  maxConnections: 10_000,
  /** a socket over a cap is cut after this long if it has not sent its request (it then gets 429/503) */
  refusedSocketTimeoutMs: 5_000,
  /** log lines per refusal reason per minute (the rest are counted in rapporteur_upgrade_logs_suppressed_total) */
  refusedLogLinesPerMinute: 20,
  /** unsent bytes queued to one client before it is treated as dead */
  maxBufferedBytes: 64 * 1024 * 1024,
  /** messages a connection may send while its document is still loading */
  maxEarlyMessages: 1024,
  /** size of a commenter's update held back while waiting for the structs it depends on */
  maxHeldBytes: 4 * 1024 * 1024,
  /** one connection's presence: bytes of its one state, and awareness messages per second (token bucket) */
  awareness: { maxStateBytes: 8 * 1024, ratePerSecond: 30, burst: 60 },
} as const;

export class IpLimiter {
  private readonly counts = new Map<string, number>();
  constructor(private readonly maxPerIp: number) {}

  /** Reserves a slot for `ip`; false when it already has `maxPerIp`. */
  tryAcquire(ip: string): boolean {
    const n = this.counts.get(ip) ?? 0;
    if (n >= this.maxPerIp) return false;
    this.counts.set(ip, n + 1);
    return true;
  }

  release(ip: string): void {
    const n = this.counts.get(ip) ?? 0;
    if (n <= 1) this.counts.delete(ip);
    else this.counts.set(ip, n - 1);
  }

  count(ip: string): number {
    return this.counts.get(ip) ?? 0;
  }
}
