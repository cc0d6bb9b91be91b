/**
 * Summary statistics for benchmark samples: median and 90th percentile, and a power-law fit of time on size.
 * Pure functions, no I/O.
 */

/** One measure as written to `bench/results.json`. */
export interface Measure {
  name: string;
  unit: string;
  median: number;
  p90: number;
  /** Every sample after the warm-ups, in the order measured. */
  runs: number[];
  /** A ratio measured side by side in the same run (e.g. WASM time / native time). */
  ratio?: number;
  /** The target, in the measure's unit (or the ratio's, where `targetOn` is "ratio"). */
  target?: number;
  targetOn?: "median" | "p90" | "ratio" | "value";
  /** True when the target is met, or when there is no target. */
  pass: boolean;
  note?: string;
}

/**
 * The q-quantile by the nearest-rank method (Hyndman & Fan 1996, definition 1): the smallest sample with at
 * least q of the samples at or below it.
 *
 * @example
 * quantile([1, 2, 3, 4, 5, 6, 7, 8, 9, 10], 0.9); // 9
 */
export function quantile(samples: readonly number[], q: number): number {
  if (samples.length === 0) throw new Error("invalid samples: empty");
  if (!(q > 0 && q <= 1)) throw new Error(`invalid quantile: ${q}`);
  const sorted = [...samples].sort((a, b) => a - b);
  return sorted[Math.max(0, Math.ceil(q * sorted.length) - 1)];
}

/**
 * The median (mean of the two middle samples when their number is even).
 *
 * @example
 * median([3, 1, 2, 10]); // 2.5
 */
export function median(samples: readonly number[]): number {
  if (samples.length === 0) throw new Error("invalid samples: empty");
  const sorted = [...samples].sort((a, b) => a - b);
  const middle = Math.floor(sorted.length / 2);
  return sorted.length % 2 === 1 ? sorted[middle] : (sorted[middle - 1] + sorted[middle]) / 2;
}

/** Rounds to `digits` significant decimals for the report, keeping integers exact. */
export function round(value: number, digits = 3): number {
  return Number.isInteger(value) ? value : Number(value.toFixed(digits));
}

/**
 * A measure from samples, with a pass/fail against an optional target (lower is better).
 *
 * @example
 * measure("first chart /", "ms", [900, 950, 1000], {target: 1000, targetOn: "median"}).pass; // true
 */
export function measure(
  name: string,
  unit: string,
  runs: readonly number[],
  options: {ratio?: number; target?: number; targetOn?: Measure["targetOn"]; note?: string} = {}
): Measure {
  const result: Measure = {
    name,
    unit,
    median: round(median(runs)),
    p90: round(quantile(runs, 0.9)),
    runs: runs.map((value) => round(value)),
    pass: true
  };
  if (options.ratio !== undefined) result.ratio = round(options.ratio);
  if (options.target !== undefined) {
    const on = options.targetOn ?? "median";
    result.target = options.target;
    result.targetOn = on;
    const value = on === "ratio" ? (options.ratio ?? NaN) : on === "p90" ? result.p90 : result.median;
    result.pass = value <= options.target;
  }
  if (options.note) result.note = options.note;
  return result;
}

/**
 * Least-squares fit of log(time) = log(a) + b·log(n): the growth exponent b and the R² of the fit.
 *
 * @example
 * powerLawFit([10, 100, 1000], [1, 10, 100]); // {exponent: 1, r2: 1}
 */
export function powerLawFit(sizes: readonly number[], times: readonly number[]): {exponent: number; r2: number} {
  if (sizes.length !== times.length || sizes.length < 2) throw new Error(`invalid fit points: ${sizes.length}`);
  const x = sizes.map(Math.log);
  const y = times.map(Math.log);
  const mx = x.reduce((s, v) => s + v, 0) / x.length;
  const my = y.reduce((s, v) => s + v, 0) / y.length;
  let sxy = 0;
  let sxx = 0;
  let syy = 0;
  for (let i = 0; i < x.length; i++) {
    sxy += (x[i] - mx) * (y[i] - my);
    sxx += (x[i] - mx) ** 2;
    syy += (y[i] - my) ** 2;
  }
  const exponent = sxy / sxx;
  const r2 = syy === 0 ? 1 : (sxy * sxy) / (sxx * syy);
  return {exponent: round(exponent, 4), r2: round(r2, 4)};
}
