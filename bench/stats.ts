// Small statistics for noisy machines: medians, percentiles, a log-log fit,
// and a timer that interleaves the measured code with its baseline.

export function median(values: readonly number[]): number {
  return percentile(values, 50);
}

/** Nearest-rank percentile. */
export function percentile(values: readonly number[], p: number): number {
  if (values.length === 0) return Number.NaN;
  const sorted = [...values].sort((a, b) => a - b);
  const rank = Math.ceil((p / 100) * sorted.length);
  return sorted[Math.min(sorted.length - 1, Math.max(0, rank - 1))];
}

/** Slope of log(y) against log(x) by least squares: 1 is linear growth, 2 quadratic. */
export function fittedExponent(points: readonly { x: number; y: number }[]): number {
  const logs = points.filter((p) => p.x > 0 && p.y > 0).map((p) => ({ x: Math.log(p.x), y: Math.log(p.y) }));
  const n = logs.length;
  if (n < 2) return Number.NaN;
  const meanX = logs.reduce((s, p) => s + p.x, 0) / n;
  const meanY = logs.reduce((s, p) => s + p.y, 0) / n;
  let numerator = 0;
  let denominator = 0;
  for (const p of logs) {
    numerator += (p.x - meanX) * (p.y - meanY);
    denominator += (p.x - meanX) ** 2;
  }
  return numerator / denominator;
}

export interface PairedTiming {
  /** Median time of the measured code, ms. */
  subject: number;
  /** Median time of the baseline, ms. */
  baseline: number;
  /** Median of the per-round ratios subject/baseline: each round runs both back to back, so a noisy moment hits both. */
  ratio: number;
  rounds: number;
}

/**
 * Times `subject` against `baseline` in alternating rounds (which one goes
 * first alternates too), after warm-up, until `budgetMs` is spent or
 * `maxRounds` are done. Warm-up runs both for `warmupMs` (and at least
 * `warmup` times each): a few calls leave a small input measured in a cold
 * JIT, where the engine, with far more code than a parser, is furthest from
 * the steady state a language server linting on every keystroke runs in
 * (cold start is measured on its own, against the server process).
 */
export function timePaired(subject: () => unknown, baseline: () => unknown, options: { budgetMs: number; minRounds?: number; maxRounds?: number; warmup?: number; warmupMs?: number }): PairedTiming {
  const { budgetMs, minRounds = 5, maxRounds = 5000, warmup = 3, warmupMs = budgetMs / 4 } = options;
  const warmupStarted = performance.now();
  for (let i = 0; i < warmup || performance.now() - warmupStarted < warmupMs; i++) {
    subject();
    baseline();
  }
  const subjects: number[] = [];
  const baselines: number[] = [];
  const ratios: number[] = [];
  const started = performance.now();
  for (let round = 0; round < maxRounds; round++) {
    if (round >= minRounds && performance.now() - started > budgetMs) break;
    const s = round % 2 === 0 ? timeOnce(subject) : Number.NaN;
    const b = timeOnce(baseline);
    const s2 = round % 2 === 1 ? timeOnce(subject) : s;
    subjects.push(s2);
    baselines.push(b);
    ratios.push(s2 / b);
  }
  return { subject: median(subjects), baseline: median(baselines), ratio: median(ratios), rounds: subjects.length };
}

export function timeOnce(run: () => unknown): number {
  const start = performance.now();
  run();
  return performance.now() - start;
}

export function formatMs(ms: number): string {
  if (!Number.isFinite(ms)) return 'n/a';
  if (ms >= 100) return `${ms.toFixed(0)} ms`;
  if (ms >= 10) return `${ms.toFixed(1)} ms`;
  return `${ms.toFixed(2)} ms`;
}

export function formatBytes(bytes: number): string {
  if (bytes >= 1024 * 1024) return `${(bytes / 1024 / 1024).toFixed(2)} MB`;
  return `${(bytes / 1024).toFixed(1)} KB`;
}
