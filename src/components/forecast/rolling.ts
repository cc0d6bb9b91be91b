import {naiveScale, smapeTerm} from "./metrics.js";
import type {Bands} from "./types.js";

/**
 * One forecast error from a rolling origin. `origin` is the number of training points
 * (the model saw y[0..origin)); the forecast is for y[origin + h - 1].
 */
export interface BacktestError {
  origin: number;
  h: number;
  actual: number;
  forecast: number;
  lower: Record<number, number>;
  upper: Record<number, number>;
  /** In-sample one-step naive MAE of the training window (MASE scale). */
  scale: number;
  /** |actual - forecast| / scale; NaN when scale is 0 (excluded from MASE). */
  scaledError: number;
  /** sMAPE term, 0–200. */
  smape: number;
}

/** Accuracy summary of a set of backtest errors. */
export interface BacktestSummary {
  count: number;
  /** Mean of the scaled absolute errors with a non-zero scale (NaN if none). */
  mase: number;
  /** Number of errors that entered the MASE (the others had a flat training window). */
  maseCount: number;
  /** Mean sMAPE, 0–200. */
  smape: number;
  /** Share of actuals inside [lower, upper], by level. */
  coverage: Record<number, number>;
}

/**
 * Rolling-origin (time-series cross-validation) evaluation: for each origin from `minTrain` to
 * n - 1, fit on y[0..origin) and forecast up to `horizon` steps where actuals exist
 * (Tashman 2000, "Out-of-sample tests of forecasting accuracy", IJF 16; FPP3 §5.10).
 * @example
 * rollingOrigin([1, 2, 3, 5], (train, h) => ({mean: new Array<number>(h).fill(train[train.length - 1]), lower: {}, upper: {}}), 1, 3, []).errors[0].forecast; // 3
 */
export function rollingOrigin(
  y: readonly number[],
  fit: (train: number[], horizon: number) => {mean: number[]; lower: Bands; upper: Bands},
  horizon: number,
  minTrain: number,
  levels: readonly number[]
): {errors: BacktestError[]; summary: BacktestSummary; byHorizon: (BacktestSummary & {h: number})[]} {
  const errors: BacktestError[] = [];
  for (let origin = minTrain; origin < y.length; origin++) {
    const train = y.slice(0, origin);
    const steps = Math.min(horizon, y.length - origin);
    const fc = fit(train, steps);
    const scale = naiveScale(train);
    for (let h = 1; h <= steps; h++) {
      const actual = y[origin + h - 1];
      const forecast = fc.mean[h - 1];
      const lower: Record<number, number> = {};
      const upper: Record<number, number> = {};
      for (const level of levels) {
        lower[level] = fc.lower[level][h - 1];
        upper[level] = fc.upper[level][h - 1];
      }
      errors.push({
        origin,
        h,
        actual,
        forecast,
        lower,
        upper,
        scale,
        scaledError: scale > 0 ? Math.abs(actual - forecast) / scale : NaN,
        smape: smapeTerm(actual, forecast)
      });
    }
  }
  const byHorizon: (BacktestSummary & {h: number})[] = [];
  for (let h = 1; h <= horizon; h++) {
    const at = errors.filter((e) => e.h === h);
    if (at.length > 0) byHorizon.push({h, ...summariseErrors(at, levels)});
  }
  return {errors, summary: summariseErrors(errors, levels), byHorizon};
}

/**
 * Summarises backtest errors: MASE (Hyndman & Koehler 2006) pooled over origins and horizons,
 * each error scaled by its own training window's naive MAE; errors whose training window is flat
 * (scale 0, MASE undefined) are left out of the MASE and counted in `count - maseCount`.
 * sMAPE on the 0–200 scale; interval coverage per level.
 * @example
 * summariseErrors([], [80]).mase; // NaN
 */
export function summariseErrors(errors: readonly BacktestError[], levels: readonly number[]): BacktestSummary {
  const scaled = errors.map((e) => e.scaledError).filter((v) => Number.isFinite(v));
  const mean = (a: number[]): number => (a.length === 0 ? NaN : a.reduce((s, v) => s + v, 0) / a.length);
  const coverage: Record<number, number> = {};
  for (const level of levels) {
    coverage[level] = mean(errors.map((e) => (e.actual >= e.lower[level] && e.actual <= e.upper[level] ? 1 : 0)));
  }
  return {
    count: errors.length,
    mase: mean(scaled),
    maseCount: scaled.length,
    smape: mean(errors.map((e) => e.smape)),
    coverage
  };
}
