/**
 * In-sample mean absolute error of the one-step naive forecast, (1/(n-1))·Σ|y_t - y_{t-1}|:
 * the MASE denominator of Hyndman & Koehler (2006), "Another look at measures of forecast
 * accuracy", IJF 22, eq. for non-seasonal series. NaN for fewer than 2 points.
 * @example
 * naiveScale([1, 3, 2]); // 1.5
 */
export function naiveScale(y: readonly number[]): number {
  if (y.length < 2) return NaN;
  let sum = 0;
  for (let t = 1; t < y.length; t++) sum += Math.abs(y[t] - y[t - 1]);
  return sum / (y.length - 1);
}

/**
 * Recent volatility: the mean absolute change over the last `changes` periods (default 2),
 * (1/m)·Σ_{t > n-1-m} |y_t - y_{t-1}|, m = min(changes, n - 1). The local scale of the year-block
 * conformal intervals (`yearBlockCalibration`): a normalised nonconformity score (Papadopoulos et
 * al. 2008; Lei et al. 2018 §5.2, "locally weighted" conformal) whose difficulty estimate follows the
 * series' latest movements rather than its whole history. NaN for fewer than 2 points.
 * @example
 * recentScale([10, 30, 31, 35]); // (1 + 4)/2 = 2.5
 */
export function recentScale(y: readonly number[], changes = 2): number {
  if (y.length < 2) return NaN;
  const m = Math.min(changes, y.length - 1);
  let sum = 0;
  for (let t = y.length - m; t < y.length; t++) sum += Math.abs(y[t] - y[t - 1]);
  return sum / m;
}

/**
 * Symmetric MAPE term on the 0–200 scale: 200·|a - f| / (|a| + |f|) (Makridakis 1993; the M4 sMAPE).
 * Defined as 0 when actual and forecast are both 0 (a perfect forecast).
 * @example
 * smapeTerm(100, 110); // 9.523809523809524
 */
export function smapeTerm(actual: number, forecast: number): number {
  const denominator = Math.abs(actual) + Math.abs(forecast);
  return denominator === 0 ? 0 : (200 * Math.abs(actual - forecast)) / denominator;
}

/**
 * Empirical quantile for honest intervals: the ⌈(k + 1)p⌉-th smallest of k values (the split-conformal
 * quantile, Vovk et al. 2005; Lei et al. 2018, JASA 113), falling back to the maximum when
 * ⌈(k + 1)p⌉ > k (too few values to reach level p — documented under-coverage risk). NaN for k = 0.
 * @example
 * conformalQuantile([3, 1, 2, 4], 0.5); // 3 (⌈5·0.5⌉ = 3rd smallest)
 */
export function conformalQuantile(values: readonly number[], p: number): number {
  const sorted = [...values].sort((a, b) => a - b);
  const k = sorted.length;
  if (k === 0) return NaN;
  const rank = Math.ceil((k + 1) * p - 1e-12);
  return sorted[Math.min(Math.max(rank, 1), k) - 1];
}
