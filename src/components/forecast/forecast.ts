import {selectMethod} from "./auto.js";
import {fitMethod} from "./dispatch.js";
import {applyCalibration} from "./calibration.js";
import {calibrateIntervals} from "./intervals.js";
import {rollingOrigin} from "./rolling.js";
import type {AutoSelection, ConcreteMethod, FitContext, ForecastOptions, ForecastResult} from "./types.js";
import {normaliseOptions, validateSeries} from "./validate.js";

/**
 * Forecasts a short annual series with one of the engine's methods and returns point forecasts,
 * one-step fitted values and prediction intervals keyed by level.
 * Options are validated and defaulted once here (`normaliseOptions`); inputs are never mutated.
 * With `intervals: "empirical"` (needs n ≥ 4) the analytic intervals are widened by
 * `calibrateIntervals` from a rolling-origin backtest of the same method (minTrain 3). With
 * `intervals: "calibrated"` (the default when `calibration` is given) they are the cross-series
 * conformal intervals mean ± q_h·(naive MAE of y) of `applyCalibration`.
 * Methods and references: see naive.ts, linear.ts, ets.ts, theta.ts, combination.ts, auto.ts.
 * @example
 * forecast([120, 131, 140, 152], {method: "holt", horizon: 3}).mean;
 * forecast([120, 131, 140, 152], {method: "ses", horizon: 2, params: {alpha: 0.3, l0: 120}}).lower[80];
 * forecast([120, 131, 140, 152], {method: "auto", horizon: 3, calibration: {quantiles: {80: [1.5, 2.5, 3.4]}, count: 900}, levels: [80]});
 */
export function forecast(y: readonly number[], options: ForecastOptions): ForecastResult {
  validateSeries(y);
  const o = normaliseOptions(options);
  const ctx: FitContext = {horizon: o.horizon, levels: o.levels, params: o.params, shrinkage: o.shrinkage};
  if (o.pooledGrowth !== undefined) ctx.pooledGrowth = o.pooledGrowth;
  let method: ConcreteMethod;
  let selection: AutoSelection | undefined;
  if (o.method === "auto") {
    selection = selectMethod(y, ctx);
    method = selection.selected;
  } else {
    method = o.method;
  }
  const fit = fitMethod(y, method, ctx);
  let result: ForecastResult = {...fit, intervals: "analytic"};
  if (selection !== undefined) result.selection = selection;
  if (o.intervals === "empirical" && y.length >= 4) {
    const {errors} = rollingOrigin(
      y,
      (train, h) => fitMethod(train, method, {...ctx, horizon: h, levels: []}),
      o.horizon,
      3,
      []
    );
    result = calibrateIntervals(y, result, errors);
  }
  if (o.intervals === "calibrated" && o.calibration !== undefined) result = applyCalibration(y, result, o.calibration);
  return result;
}
