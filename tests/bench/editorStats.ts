// Small statistics for the editor bench: nearest-rank percentiles, rounded for JSON output.

export const round = (x: number, digits = 1) => Math.round(x * 10 ** digits) / 10 ** digits;

export function percentile(values: number[], p: number): number {
  if (values.length === 0) return NaN;
  const sorted = [...values].sort((a, b) => a - b);
  return sorted[Math.min(sorted.length - 1, Math.max(0, Math.ceil((p / 100) * sorted.length) - 1))];
}

export function summary(values: number[]): { median_ms: number; p95_ms: number; min_ms: number; max_ms: number; runs: number } {
  return {
    median_ms: round(percentile(values, 50)),
    p95_ms: round(percentile(values, 95)),
    min_ms: round(Math.min(...values)),
    max_ms: round(Math.max(...values)),
    runs: values.length,
  };
}
