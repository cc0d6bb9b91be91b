/**
 * Percentiles of a distribution given as counts per value (e.g. referrals per number of days), exactly as if the
 * values were listed one by one: linear interpolation between order statistics (Hyndman and Fan type 7, as
 * d3.quantile, DuckDB's quantile_cont and Excel's PERCENTILE.INC compute).
 */

export interface Bin {
  value: number;
  count: number;
}

/**
 * The `p`-quantile (0–1) of the distribution; null when it is empty.
 *
 * @example
 * weightedQuantile([{value: 10, count: 1}, {value: 20, count: 1}], 0.5); // 15
 * weightedQuantile([{value: 5, count: 3}, {value: 9, count: 1}], 0.9); // 7.8
 */
export function weightedQuantile(bins: readonly Bin[], p: number): number | null {
  if (!(p >= 0 && p <= 1)) throw new Error(`invalid quantile p: ${p}`);
  const sorted = bins.filter((bin) => bin.count > 0).sort((a, b) => a.value - b.value);
  const n = sorted.reduce((sum, bin) => sum + bin.count, 0);
  if (n === 0) return null;
  const h = (n - 1) * p;
  const lo = Math.floor(h);
  const at = (index: number): number => {
    let seen = 0;
    for (const bin of sorted) {
      seen += bin.count;
      if (index < seen) return bin.value;
    }
    return sorted[sorted.length - 1].value;
  };
  const a = at(lo);
  return h === lo ? a : a + (at(lo + 1) - a) * (h - lo);
}
