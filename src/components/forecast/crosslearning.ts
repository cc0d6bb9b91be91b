/**
 * Pooled proportional growth per period of a set of training windows (cross-learning): the total
 * change over all windows divided by the total of (length - 1) × last value,
 *   g = Σ_i (y_i,last - y_i,first) / Σ_i (n_i - 1)·y_i,last,
 * so that g·y_n is a series' drift if it grew like the pool (larger series weigh more, as in the
 * aggregate). Used by `drift` and `theta` through `pooledGrowth`/`shrinkage` (shrinkage towards the
 * pooled value: James & Stein 1961; cross-learning across series: Makridakis et al. 2020, M4;
 * Semenoglou et al. 2021, "Investigating the accuracy of cross-learning time series forecasting
 * methods", IJF 37). Windows with fewer than 2 points are ignored. NaN when nothing is usable.
 * Pass only windows that end before the forecast origin (no look-ahead).
 * @example
 * pooledGrowth([[100, 110, 120], [10, 13]]); // (20 + 3) / (2·120 + 1·13) = 0.09090909090909091
 */
export function pooledGrowth(windows: readonly (readonly number[])[]): number {
  let change = 0;
  let base = 0;
  for (const y of windows) {
    if (y.length < 2) continue;
    change += y[y.length - 1] - y[0];
    base += (y.length - 1) * y[y.length - 1];
  }
  return base === 0 ? NaN : change / base;
}
