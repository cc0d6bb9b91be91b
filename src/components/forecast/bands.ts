import {normalQuantile} from "./normal.js";
import {studentTQuantile} from "./tquantile.js";
import type {Bands} from "./types.js";

/**
 * Symmetric interval bounds mean ± q·se for each level, with q the normal quantile
 * (df = Infinity, as R's forecast.ets / rwf) or the Student-t quantile with `df` degrees of freedom
 * (as R's predict.lm).
 * @example
 * symmetricBands([10], [1], [95]); // {lower: {95: [8.040036015459946]}, upper: {95: [11.959963984540054]}}
 */
export function symmetricBands(
  mean: readonly number[],
  se: readonly number[],
  levels: readonly number[],
  df: number = Infinity
): {lower: Bands; upper: Bands} {
  const lower: Bands = {};
  const upper: Bands = {};
  for (const level of levels) {
    const p = 0.5 + level / 200;
    const q = df === Infinity ? normalQuantile(p) : studentTQuantile(p, df);
    lower[level] = mean.map((m, i) => m - q * se[i]);
    upper[level] = mean.map((m, i) => m + q * se[i]);
  }
  return {lower, upper};
}
