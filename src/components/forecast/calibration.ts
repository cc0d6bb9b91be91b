import {scaledErrorQuantiles} from "./intervals.js";
import {conformalQuantile, naiveScale, recentScale} from "./metrics.js";
import type {Bands, ForecastResult, IntervalCalibration} from "./types.js";

/**
 * Cross-series conformal calibration of prediction intervals: for each level L and horizon h, the
 * split-conformal quantile (`conformalQuantile`, Vovk, Gammerman & Shafer 2005; Lei et al. 2018) at
 * L/100 of the absolute scaled errors |y - ŷ|/scale of out-of-sample forecasts at horizon h, pooled
 * over many series (each error scaled by its own training window's naive MAE, as MASE: Hyndman &
 * Koehler 2006). Pooling across series is what makes this usable on short annual series, where one
 * series has only a handful of its own errors (cross-series conformal forecasting: Stankeviciute,
 * Alaa & van der Schaar 2021, "Conformal time-series forecasting", NeurIPS). Horizons with no
 * errors reuse the largest smaller horizon h' scaled by sqrt(h/h') (random-walk growth, FPP3 §5.5).
 * No look-ahead as long as the caller passes only errors whose actuals predate the forecast origin.
 * Returns undefined when no error is usable.
 * @example
 * crossSeriesCalibration([{h: 1, scaledError: 0.5}, {h: 1, scaledError: 2}], [80], 2);
 * // {quantiles: {80: [2, 2.8284271247461903]}, count: 2}
 */
export function crossSeriesCalibration(
  errors: readonly {h: number; scaledError: number}[],
  levels: readonly number[],
  horizon: number
): IntervalCalibration | undefined {
  const usable = errors.filter((e) => Number.isFinite(e.scaledError));
  if (usable.length === 0) return undefined;
  const quantiles: Record<number, number[]> = {};
  for (const level of levels) quantiles[level] = scaledErrorQuantiles(usable, level / 100, horizon);
  return {quantiles, count: usable.length};
}

/**
 * Warm start for `crossSeriesCalibration` when no out-of-sample error of the method exists yet
 * (the first rolling origin of a panel). Uses the shortest out-of-sample forecasts every training
 * window already contains: the one-step naive forecast from two points, whose scaled error is
 * |y_t - y_{t-1}| / |y_{t-1} - y_{t-2}| (scale = the naive MAE of the 2-point window). Quantiles of
 * these, pooled over windows, give h = 1; h > 1 uses sqrt(h) (random walk, FPP3 §5.5 Table 5.2).
 * A one-difference scale is noisier than the method's own, so these intervals lean wide — the safe
 * side while no better evidence exists. Pairs with a zero denominator are skipped.
 * @example
 * naiveWarmStart([[10, 12, 13], [5, 9, 15]], [80], 2); // pseudo-errors [0.5, 1.5] → {quantiles: {80: [1.5, 2.1213203435596424]}, count: 2}
 */
export function naiveWarmStart(
  windows: readonly (readonly number[])[],
  levels: readonly number[],
  horizon: number
): IntervalCalibration | undefined {
  const pseudo: {h: number; scaledError: number}[] = [];
  for (const y of windows) {
    for (let t = 2; t < y.length; t++) {
      const scale = Math.abs(y[t - 1] - y[t - 2]);
      if (scale > 0 && Number.isFinite(y[t])) pseudo.push({h: 1, scaledError: Math.abs(y[t] - y[t - 1]) / scale});
    }
  }
  return crossSeriesCalibration(pseudo, levels, horizon);
}

/**
 * Year-block conformal calibration, for panels whose forecast errors share a common shock in each
 * outcome period (a national surge in requests, COVID-19 in 2020): errors in the same period are not
 * exchangeable draws, the periods are. For each level L and horizon h: the L-quantile of each past
 * period's scores (`conformalQuantile` over the series), then the split-conformal L-quantile of those
 * per-period quantiles (⌈(k + 1)L⌉-th of k periods, the maximum while k < 1/(1 - L) - 1): a
 * finite-sample correction at the level of the exchangeable unit (the period), as in block or
 * cluster conformal prediction (Dunn, Wasserman & Ramdas 2023, "Distribution-free prediction sets for
 * two-layer hierarchical models", JASA). Horizons with no scores reuse the largest smaller horizon h'
 * × h/h' (errors from a misjudged trend grow linearly with h). Scores are |y - ŷ| / `recentScale` of
 * the training window, so the table is applied with `scale: "recent"`, and alone
 * (`combine: "conformal"`): a union with the analytic interval would break its calibration.
 * No look-ahead as long as the caller passes only scores whose period precedes the forecast origin.
 * Returns undefined when no score is usable.
 * @example
 * yearBlockCalibration([{h: 1, period: 2019, score: 1}, {h: 1, period: 2019, score: 3}, {h: 1, period: 2020, score: 2}], [50], 2);
 * // per period: 2019 → ⌈3·0.5⌉ = 2nd of [1, 3] = 3; 2020 → 2; over periods ⌈3·0.5⌉ = 2nd of [2, 3] = 3
 * // {quantiles: {50: [3, 6]}, count: 3, scale: "recent", combine: "conformal", growth: "linear"}
 */
export function yearBlockCalibration(
  scores: readonly {h: number; period: number; score: number}[],
  levels: readonly number[],
  horizon: number
): IntervalCalibration | undefined {
  const usable = scores.filter((e) => Number.isFinite(e.score));
  if (usable.length === 0) return undefined;
  const quantiles: Record<number, number[]> = {};
  for (const level of levels) {
    const p = level / 100;
    const row: number[] = [];
    let lastH = 0;
    let lastQ = NaN;
    for (let h = 1; h <= horizon; h++) {
      const at = usable.filter((e) => e.h === h);
      if (at.length > 0) {
        const periods = [...new Set(at.map((e) => e.period))].sort((a, b) => a - b);
        const perPeriod = periods.map((period) =>
          conformalQuantile(
            at.filter((e) => e.period === period).map((e) => e.score),
            p
          )
        );
        lastQ = conformalQuantile(perPeriod, p);
        lastH = h;
        row.push(lastQ);
      } else {
        row.push(lastH > 0 ? (lastQ * h) / lastH : NaN);
      }
    }
    quantiles[level] = row;
  }
  return {quantiles, count: usable.length, scale: "recent", combine: "conformal", growth: "linear"};
}

/**
 * Calibrated intervals from an `IntervalCalibration`: the conformal interval mean ± q_h · scale(y),
 * with scale(y) = `naiveScale(y)` (default) or `recentScale(y)` (`scale: "recent"`), and q_h from the
 * table (horizons beyond its last H extend it by sqrt(h/H), or h/H with `growth: "linear"`).
 * By default (`combine: "union"`) the result is the union with the analytic interval, so intervals are
 * only ever widened and the model's own uncertainty is a floor; `combine: "conformal"` (the year-block
 * tables) uses the conformal interval alone. Levels missing from the table, and flat series (scale 0),
 * keep their analytic intervals.
 * @example
 * applyCalibration([10, 12, 13], forecast([10, 12, 13], {method: "naive", horizon: 1}), {quantiles: {80: [2]}, count: 10}).upper[80]; // [16] (13 + 2·1.5)
 */
export function applyCalibration(
  y: readonly number[],
  result: ForecastResult,
  calibration: IntervalCalibration
): ForecastResult {
  const scale = calibration.scale === "recent" ? recentScale(y) : naiveScale(y);
  if (!(scale > 0)) return result;
  const union = calibration.combine !== "conformal";
  const extend = (q: number, h: number, last: number): number =>
    calibration.growth === "linear" ? (q * h) / last : q * Math.sqrt(h / last);
  const lower: Bands = {...result.lower};
  const upper: Bands = {...result.upper};
  let applied = false;
  for (const key of Object.keys(result.lower)) {
    const level = Number(key);
    const table = calibration.quantiles[level] as number[] | undefined;
    if (table === undefined || table.length === 0) continue;
    const last = table.length;
    const q = result.mean.map((_, i) => (i < last ? table[i] : extend(table[last - 1], i + 1, last)));
    if (!q.every((v) => Number.isFinite(v))) continue;
    lower[level] = result.mean.map((m, i) =>
      union ? Math.min(result.lower[level][i], m - q[i] * scale) : m - q[i] * scale
    );
    upper[level] = result.mean.map((m, i) =>
      union ? Math.max(result.upper[level][i], m + q[i] * scale) : m + q[i] * scale
    );
    applied = true;
  }
  return applied ? {...result, lower, upper, intervals: "calibrated"} : result;
}
