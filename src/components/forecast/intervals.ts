import {conformalQuantile, naiveScale} from "./metrics.js";
import type {BacktestError} from "./rolling.js";
import type {Bands, ForecastResult} from "./types.js";

/**
 * Widens prediction intervals empirically from rolling-origin backtest errors ("honest" intervals).
 *
 * Method: for each horizon h and level L, take the absolute scaled errors |y - ŷ|/scale of the
 * backtest at horizon h (each scaled by its own training window's naive MAE, as in MASE), and their
 * split-conformal quantile q_h at L/100 (`conformalQuantile`). The empirical half-width is
 * q_h · (naive MAE of the whole series). The result's bounds are the union of the analytic and the
 * empirical interval (lower = min, upper = max): intervals are only ever widened.
 * Horizons with no backtest errors reuse the largest smaller horizon h' that has them, scaled by
 * sqrt(h/h') (random-walk growth of uncertainty). With no usable errors (or a flat series) the
 * intervals are returned unchanged. No look-ahead: every error comes from a forecast made with data
 * before its origin, so all of them predate the final forecast origin.
 * References: Williams & Goodman (1971), "A simple method for the construction of empirical
 * confidence limits for economic forecasts", JASA 66; Lei et al. (2018), "Distribution-free
 * predictive inference for regression", JASA 113; Hyndman & Koehler (2006) for the scaling.
 * @example
 * calibrateIntervals(y, forecast(y, {method: "drift", horizon: 2}), backtest(y, {method: "drift", horizon: 2}).errors);
 */
export function calibrateIntervals(
  y: readonly number[],
  result: ForecastResult,
  errors: readonly BacktestError[]
): ForecastResult {
  const scale = naiveScale(y);
  const horizon = result.mean.length;
  const lower: Bands = {};
  const upper: Bands = {};
  let widened = false;
  for (const key of Object.keys(result.lower)) {
    const level = Number(key);
    const q = scaledErrorQuantiles(errors, level / 100, horizon);
    lower[level] = result.lower[level].map((l, i) => {
      const w = q[i] * scale;
      return Number.isFinite(w) && scale > 0 ? Math.min(l, result.mean[i] - w) : l;
    });
    upper[level] = result.upper[level].map((u, i) => {
      const w = q[i] * scale;
      return Number.isFinite(w) && scale > 0 ? Math.max(u, result.mean[i] + w) : u;
    });
    if (q.some((v) => Number.isFinite(v)) && scale > 0) widened = true;
  }
  return {...result, lower, upper, intervals: widened ? "empirical" : result.intervals};
}

/**
 * Split-conformal quantiles of absolute scaled backtest errors per horizon 1..horizon (NaN where no
 * horizon up to h has errors); gaps are filled from the largest smaller horizon times sqrt(h/h').
 * @example
 * scaledErrorQuantiles(errors, 0.8, 3); // [q1, q2, q3]
 */
export function scaledErrorQuantiles(
  errors: readonly Pick<BacktestError, "h" | "scaledError">[],
  p: number,
  horizon: number
): number[] {
  const out: number[] = [];
  let lastH = 0;
  let lastQ = NaN;
  for (let h = 1; h <= horizon; h++) {
    const values = errors.filter((e) => e.h === h && Number.isFinite(e.scaledError)).map((e) => e.scaledError);
    if (values.length > 0) {
      lastQ = conformalQuantile(values, p);
      lastH = h;
      out.push(lastQ);
    } else {
      out.push(lastH > 0 ? lastQ * Math.sqrt(h / lastH) : NaN);
    }
  }
  return out;
}
