import {selectMethod} from "./auto.js";
import {applyCalibration, crossSeriesCalibration, naiveWarmStart, yearBlockCalibration} from "./calibration.js";
import {pooledGrowth} from "./crosslearning.js";
import {fitMethod} from "./dispatch.js";
import {naiveScale, recentScale, smapeTerm} from "./metrics.js";
import {summariseErrors, type BacktestError, type BacktestSummary} from "./rolling.js";
import type {ConcreteMethod, FitContext, ForecastResult, IntervalCalibration, Method} from "./types.js";
import {normaliseOptions, validateSeries} from "./validate.js";

/**
 * One series of a panel: consecutive periods `start`, `start + 1`, … (e.g. calendar years) with no
 * missing values (the caller truncates or drops series with gaps).
 * @example
 * const s: PanelSeries = {id: "E06000001", start: 2016, values: [56, 112, 111, 151]};
 */
export interface PanelSeries {
  id: string;
  start: number;
  values: readonly number[];
}

/**
 * Options of `panelBacktest()`.
 * @example
 * const o: PanelBacktestOptions = {method: "auto", horizon: 3, intervals: "calibrated", shrinkage: 0.5};
 */
export interface PanelBacktestOptions {
  method: Method;
  horizon: number;
  /** Training points at a series' first origin (≥ 3). Default 3. */
  minTrain?: number;
  /** Interval levels in percent. Default [80, 95]. */
  levels?: number[];
  /**
   * "calibrated" (default): cross-series conformal per horizon, pooled over past errors, united with
   * the analytic interval; "year-block": year-block conformal (`yearBlockCalibration`, the honest
   * option when errors share a shock per period); "analytic": each method's own formula.
   */
  intervals?: PanelIntervalMode;
  /** Cross-learning weight w in [0, 1] towards the panel's pooled growth at each origin. Default 0 (off). */
  shrinkage?: number;
}

/** Interval modes of `panelBacktest`. */
export type PanelIntervalMode = "analytic" | "calibrated" | "year-block";

/** One panel backtest error: a `BacktestError` plus the series id, the period of the actual and the analytic bounds. */
export interface PanelError extends BacktestError {
  id: string;
  period: number;
  /** `recentScale` of the training window (the year-block conformal scale). */
  recentScale: number;
  analyticLower: Record<number, number>;
  analyticUpper: Record<number, number>;
}

/**
 * Result of `panelBacktest()`. `summary.coverage` is the coverage of the intervals requested
 * (`intervals`); `analyticCoverage` that of the methods' own formulas, from the same forecasts.
 * @example
 * const r: PanelBacktestResult = panelBacktest(panel, {method: "theta", horizon: 3});
 */
export interface PanelBacktestResult {
  method: Method;
  horizon: number;
  minTrain: number;
  levels: number[];
  intervals: PanelIntervalMode;
  shrinkage: number;
  /** Series with at least one origin. */
  seriesCount: number;
  /** Number of (series, origin) forecasts. */
  forecastCount: number;
  /** Origin periods (the first forecast period of each origin), ascending. */
  origins: number[];
  /** Pooled growth per origin period (only when shrinkage > 0). */
  pooledGrowth: Record<number, number>;
  /** Methods `auto` chose, with counts. */
  selected: Partial<Record<ConcreteMethod, number>>;
  errors: PanelError[];
  summary: BacktestSummary;
  analyticCoverage: Record<number, number>;
  byHorizon: (BacktestSummary & {h: number; analyticCoverage: Record<number, number>})[];
}

/**
 * Rolling-origin evaluation of one method on a panel of series aligned on calendar periods
 * (Tashman 2000; FPP3 §5.10), with the two cross-series devices that short annual series need, both
 * computed at each origin T only from data for periods before T (no look-ahead):
 * - cross-learning (`shrinkage` w > 0): the pooled growth of every series' training window
 *   (`pooledGrowth`) is passed to the method as `pooledGrowth` (drift and theta shrink towards it);
 * - calibrated intervals (default): the cross-series conformal quantiles of this method's own scaled
 *   errors whose actuals are in periods before T (`crossSeriesCalibration`), or, before any exists,
 *   the naive warm start (`naiveWarmStart`), applied by `applyCalibration`; with
 *   `intervals: "year-block"` the year-block conformal quantiles (`yearBlockCalibration`) of the
 *   scores |y - ŷ|/recentScale of those errors instead (same warm start at the first origin).
 * At each origin T, every series with at least `minTrain` points before T and one after is fitted
 * on its points before T and forecast up to `horizon` steps where actuals exist. `auto` selects per
 * series from its training window (`selectMethod`). Summaries as `backtest()` (MASE scaled per
 * training window, sMAPE 0–200, coverage), pooled over all series and origins, and per horizon.
 * @example
 * panelBacktest([{id: "a", start: 2016, values: [1, 2, 4, 7]}, {id: "b", start: 2016, values: [5, 6, 6, 8]}], {method: "naive", horizon: 1}).summary.mase;
 */
export function panelBacktest(panel: readonly PanelSeries[], options: PanelBacktestOptions): PanelBacktestResult {
  for (const s of panel) {
    validateSeries(s.values);
    if (!Number.isInteger(s.start)) throw new Error(`invalid start: ${String(s.start)}`);
  }
  const o = normaliseOptions({
    method: options.method,
    horizon: options.horizon,
    levels: options.levels ?? [80, 95],
    shrinkage: options.shrinkage ?? 0
  });
  const minTrain = options.minTrain ?? 3;
  if (!Number.isInteger(minTrain) || minTrain < 3) throw new Error(`invalid minTrain: ${String(minTrain)}`);
  const intervals = options.intervals ?? "calibrated";
  if (intervals !== "analytic" && intervals !== "calibrated" && intervals !== "year-block")
    throw new Error(`invalid intervals: ${String(intervals)}`);
  const periods = [...new Set(panel.flatMap((s) => s.values.map((_, i) => s.start + i)))].sort((a, b) => a - b);
  const errors: PanelError[] = [];
  const origins: number[] = [];
  const growth: Record<number, number> = {};
  const selected: Partial<Record<ConcreteMethod, number>> = {};
  const used = new Set<string>();
  let forecastCount = 0;
  for (const origin of periods) {
    const windows = panel.map((s) => s.values.slice(0, Math.max(0, Math.min(s.values.length, origin - s.start))));
    const targets = panel
      .map((s, i) => ({s, train: windows[i]}))
      .filter(({s, train}) => train.length >= minTrain && train.length < s.values.length);
    if (targets.length === 0) continue;
    origins.push(origin);
    const base: FitContext = {horizon: o.horizon, levels: o.levels, params: {}, shrinkage: o.shrinkage};
    if (o.shrinkage > 0) {
      const g = pooledGrowth(windows);
      if (Number.isFinite(g)) {
        base.pooledGrowth = g;
        growth[origin] = g;
      }
    }
    let calibration: IntervalCalibration | undefined;
    if (intervals !== "analytic") {
      const past = errors.filter((e) => e.period < origin);
      const fromPast =
        intervals === "year-block"
          ? yearBlockCalibration(
              past.map((e) => ({h: e.h, period: e.period, score: Math.abs(e.actual - e.forecast) / e.recentScale})),
              o.levels,
              o.horizon
            )
          : crossSeriesCalibration(past, o.levels, o.horizon);
      calibration =
        fromPast ??
        naiveWarmStart(
          windows.filter((w) => w.length > 0),
          o.levels,
          o.horizon
        );
    }
    for (const {s, train} of targets) {
      const steps = Math.min(o.horizon, s.values.length - train.length);
      const ctx: FitContext = {...base, horizon: steps};
      const method: ConcreteMethod = o.method === "auto" ? selectMethod(train, ctx).selected : o.method;
      if (o.method === "auto") selected[method] = (selected[method] ?? 0) + 1;
      const fit: ForecastResult = {...fitMethod(train, method, ctx), intervals: "analytic"};
      const final = calibration === undefined ? fit : applyCalibration(train, fit, calibration);
      const scale = naiveScale(train);
      const recent = recentScale(train);
      forecastCount += 1;
      used.add(s.id);
      for (let h = 1; h <= steps; h++) {
        const actual = s.values[train.length + h - 1];
        const forecast = fit.mean[h - 1];
        const pick = (bands: Record<number, number[]>): Record<number, number> =>
          Object.fromEntries(o.levels.map((l) => [l, bands[l][h - 1]]));
        errors.push({
          id: s.id,
          period: origin + h - 1,
          origin: train.length,
          h,
          actual,
          forecast,
          lower: pick(final.lower),
          upper: pick(final.upper),
          analyticLower: pick(fit.lower),
          analyticUpper: pick(fit.upper),
          scale,
          recentScale: recent,
          scaledError: scale > 0 ? Math.abs(actual - forecast) / scale : NaN,
          smape: smapeTerm(actual, forecast)
        });
      }
    }
  }
  const analytic = (list: readonly PanelError[]): Record<number, number> =>
    summariseErrors(
      list.map((e) => ({...e, lower: e.analyticLower, upper: e.analyticUpper})),
      o.levels
    ).coverage;
  const byHorizon: PanelBacktestResult["byHorizon"] = [];
  for (let h = 1; h <= o.horizon; h++) {
    const at = errors.filter((e) => e.h === h);
    if (at.length > 0) byHorizon.push({h, ...summariseErrors(at, o.levels), analyticCoverage: analytic(at)});
  }
  return {
    method: o.method,
    horizon: o.horizon,
    minTrain,
    levels: o.levels,
    intervals,
    shrinkage: o.shrinkage,
    seriesCount: used.size,
    forecastCount,
    origins,
    pooledGrowth: growth,
    selected,
    errors,
    summary: summariseErrors(errors, o.levels),
    analyticCoverage: analytic(errors),
    byHorizon
  };
}
