import {studentTQuantile} from "./tquantile.js";

/**
 * A simple linear regression fit y = intercept + slope * x by ordinary least squares.
 */
export interface OlsFit {
  n: number;
  intercept: number;
  slope: number;
  xbar: number;
  /** Σ (x - x̄)² */
  sxx: number;
  /** Residual sum of squares. */
  sse: number;
  /** Residual degrees of freedom, n - 2. */
  df: number;
  /** Residual standard deviation s = sqrt(sse / (n - 2)). */
  residualSD: number;
  fitted: number[];
}

/**
 * Ordinary least squares for one predictor, computed on centred data (two-pass) for accuracy.
 * Reference: any regression text, e.g. Montgomery, Peck & Vining, Introduction to Linear Regression
 * Analysis, §2.2; checked against NIST StRD `Norris` certified values.
 * @example
 * olsFit([1, 2, 3], [2, 4, 7]).slope; // 2.5
 */
export function olsFit(x: readonly number[], y: readonly number[]): OlsFit {
  const n = x.length;
  if (n !== y.length) throw new Error(`invalid y: length ${y.length} differs from x length ${n}`);
  if (n < 3) throw new Error("linear regression requires at least 3 data points");
  for (let i = 0; i < n; i++) {
    if (!Number.isFinite(x[i])) throw new Error(`invalid x at index ${i}: ${x[i]}`);
    if (!Number.isFinite(y[i])) throw new Error(`invalid value at index ${i}: ${y[i]}`);
  }
  let xbar = 0;
  let ybar = 0;
  for (let i = 0; i < n; i++) {
    xbar += x[i];
    ybar += y[i];
  }
  xbar /= n;
  ybar /= n;
  let sxx = 0;
  let sxy = 0;
  for (let i = 0; i < n; i++) {
    const dx = x[i] - xbar;
    sxx += dx * dx;
    sxy += dx * (y[i] - ybar);
  }
  if (!(sxx > 0)) throw new Error("invalid x: all values are equal");
  const slope = sxy / sxx;
  const intercept = ybar - slope * xbar;
  const fitted = x.map((xi) => intercept + slope * xi);
  let sse = 0;
  for (let i = 0; i < n; i++) sse += (y[i] - fitted[i]) ** 2;
  const df = n - 2;
  return {n, intercept, slope, xbar, sxx, sse, df, residualSD: Math.sqrt(sse / df), fitted};
}

/**
 * Prediction intervals for NEW observations at `x0` from a simple OLS fit of `y` on `x`:
 * ŷ0 ± t_{1-(1-level/100)/2, n-2} · s · sqrt(1 + 1/n + (x0 - x̄)² / Sxx).
 * Reference: Montgomery, Peck & Vining §2.5.2 (prediction of new observations); the same as R
 * `predict(lm(y ~ x), newdata, interval = "prediction", level = level / 100)`.
 * @example
 * linearPrediction([1, 2, 3], [2, 4, 7], [4], 95); // {mean: [9.3333], lower: [-0.1373], upper: [18.8040]}
 */
export function linearPrediction(
  x: readonly number[],
  y: readonly number[],
  x0: readonly number[],
  level: number
): {mean: number[]; lower: number[]; upper: number[]} {
  if (!(Number.isFinite(level) && level > 0 && level < 100)) throw new Error(`invalid level: ${level}`);
  x0.forEach((v, i) => {
    if (!Number.isFinite(v)) throw new Error(`invalid x0 at index ${i}: ${v}`);
  });
  const fit = olsFit(x, y);
  const q = studentTQuantile(0.5 + level / 200, fit.df);
  const mean = x0.map((v) => fit.intercept + fit.slope * v);
  const se = x0.map((v) => fit.residualSD * Math.sqrt(1 + 1 / fit.n + (v - fit.xbar) ** 2 / fit.sxx));
  return {
    mean,
    lower: mean.map((m, i) => m - q * se[i]),
    upper: mean.map((m, i) => m + q * se[i])
  };
}
