// Structured logs: one JSON object per line. Callers pass fields, never tokens (the upgrade handler logs the
// path without its query string).

export type LogLevel = 'debug' | 'info' | 'warn' | 'error';
export type LogFields = Record<string, unknown>;

export interface Logger {
  debug(event: string, fields?: LogFields): void;
  info(event: string, fields?: LogFields): void;
  warn(event: string, fields?: LogFields): void;
  error(event: string, fields?: LogFields): void;
}

const order: Record<LogLevel, number> = { debug: 10, info: 20, warn: 30, error: 40 };

export function errorFields(err: unknown): LogFields {
  return err instanceof Error ? { error: err.message, errorName: err.name } : { error: String(err) };
}

export function createLogger(
  write: (line: string) => void = (line) => process.stdout.write(line),
  minLevel: LogLevel = 'info',
): Logger {
  const emit = (level: LogLevel, event: string, fields?: LogFields) => {
    if (order[level] < order[minLevel]) return;
    let line: string;
    try {
      line = JSON.stringify({ time: new Date().toISOString(), level, event, ...fields });
    } catch {
      line = JSON.stringify({ time: new Date().toISOString(), level, event, note: 'unserialisable fields' });
    }
    write(line + '\n');
  };
  return {
    debug: (e, f) => emit('debug', e, f),
    info: (e, f) => emit('info', e, f),
    warn: (e, f) => emit('warn', e, f),
    error: (e, f) => emit('error', e, f),
  };
}

export const silentLogger: Logger = { debug() {}, info() {}, warn() {}, error() {} };

/**
 * At most `perMinute` lines per key (e.g. a refusal reason) per minute, so a flood of refused requests cannot
 * flood the log. admit() returns null to suppress, else how many lines of that key were suppressed before it.
 */
export class LogThrottle {
  private readonly windows = new Map<string, { start: number; count: number; suppressed: number }>();
  constructor(
    private readonly perMinute: number,
    private readonly now: () => number = () => Date.now(),
  ) {}

  admit(key: string): number | null {
    const t = this.now();
    const w = this.windows.get(key);
    if (!w || t - w.start >= 60_000) {
      if (!w && this.windows.size >= 1000) this.windows.clear(); // keys are a fixed set; this is only a backstop
      this.windows.set(key, { start: t, count: 1, suppressed: 0 });
      return w?.suppressed ?? 0;
    }
    if (w.count >= this.perMinute) {
      w.suppressed += 1;
      return null;
    }
    w.count += 1;
    const suppressed = w.suppressed;
    w.suppressed = 0;
    return suppressed;
  }
}
