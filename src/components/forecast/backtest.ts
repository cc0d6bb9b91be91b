import {selectMethod} from "./auto.js";
import {fitMethod} from "./dispatch.js";
import {rollingOrigin, type BacktestError, type BacktestSummary} from "./rolling.js";
import type {FitContext, ForecastParams, Method} from "./types.js";
import {normaliseOptions, validateSeries} from "./validate.js";

/**
 * Options of `backtest()`.
 * @example
 * const o: BacktestOptions = {method: "drift", horizon: 2, minTrain: 3};
 */
export interface BacktestOptions {
  method: Method;
  horizon: number;
  /** Training points at the first origin, an integer from 3 to n - 1. Default 3. */
  minTrain?: number;
  levels?: number[];
  params?: ForecastParams;
  pooledGrowth?: number;
  shrinkage?: number;
  /**
   * Fit the ETS models (and those inside Theta and the combination) at each origin from the previous origin's
   * optimum, with one Nelder–Mead run instead of the multi-start grid: several times faster on long series, and
   * the fits can differ slightly where the objective has more than one minimum. Default false.
   */
  warmStart?: boolean;
}

/**
 * Result of `backtest()`: every error, the pooled summary and one summary per horizon.
 * @example
 * const r: BacktestResult = backtest([1, 2, 3, 5, 8], {method: "naive", horizon: 1});
 */
export interface BacktestResult {
  method: Method;
  horizon: number;
  minTrain: number;
  levels: number[];
  errors: BacktestError[];
  summary: BacktestSummary;
  byHorizon: (BacktestSummary & {h: number})[];
}

export type {BacktestError, BacktestSummary};

/**
 * Rolling-origin evaluation of a method on a series (Tashman 2000; FPP3 §5.10 "time series
 * cross-validation"): origins from `minTrain` to n - 1; at each, the method is fitted on
 * y[0..origin) only and forecasts up to `horizon` steps where actuals exist.
 * Summaries: MASE scaled by each training window's in-sample one-step naive MAE (Hyndman & Koehler
 * 2006; errors from flat windows, scale 0, are excluded from MASE and reported via `maseCount`),
 * sMAPE (0–200) and interval coverage per level (default 80 and 95).
 * `auto` re-selects its method at every origin from the training window alone (no look-ahead).
 * @example
 * backtest([1, 2, 4, 7, 11], {method: "naive", horizon: 2}).summary.mase; // 2.888888888888889
 */
export function backtest(y: readonly number[], options: BacktestOptions): BacktestResult {
  validateSeries(y);
  const o = normaliseOptions({...options, intervals: "analytic"});
  const minTrain = options.minTrain ?? 3;
  if (!Number.isInteger(minTrain) || minTrain < 3 || minTrain > y.length - 1) {
    throw new Error(`invalid minTrain: ${String(minTrain)}`);
  }
  const base: FitContext = {horizon: o.horizon, levels: o.levels, params: o.params, shrinkage: o.shrinkage};
  if (options.warmStart) base.warmStarts = new Map();
  if (o.pooledGrowth !== undefined) base.pooledGrowth = o.pooledGrowth;
  const run = (train: number[], h: number) => {
    const ctx = {...base, horizon: h};
    if (o.method !== "auto") return fitMethod(train, o.method, ctx);
    // auto's inner backtests fit other windows, and its choice may change between origins: no warm starts
    const cold = {...ctx, warmStarts: undefined};
    return fitMethod(train, selectMethod(train, cold).selected, cold);
  };
  const {errors, summary, byHorizon} = rollingOrigin(y, run, o.horizon, minTrain, o.levels);
  return {method: o.method, horizon: o.horizon, minTrain, levels: o.levels, errors, summary, byHorizon};
}
