/**
 * Runs the forecast engine on a series for the notebook: backtests every method, chooses one (or takes the
 * reader's), decides which prediction intervals are honest, and says why in plain English.
 */
import {
  AUTO_CANDIDATES,
  AUTO_FALLBACK,
  AUTO_MIN_LENGTH,
  backtest,
  calibrateIntervals,
  forecast,
  type BacktestResult,
  type ConcreteMethod,
  type ForecastResult,
  type IntervalMode,
  type Method
} from "../forecast/index.js";
import {METHOD_CARDS} from "./methods.js";

/** "auto": empirical when the analytic intervals under-covered in the backtest, else analytic. */
export type IntervalChoice = "auto" | IntervalMode;

export interface TrendRunOptions {
  method: Method;
  horizon: number;
  /** Inner and outer interval levels in percent, e.g. [80, 95]. */
  levels: readonly [number, number];
  intervals: IntervalChoice;
  /**
   * Rolling origins backtested (the latest ones); default all (the engine's minimum training length, 3). Monthly
   * and quarterly series use fewer to stay fast in the browser.
   */
  origins?: number;
  /** Fit each backtest origin from the previous origin's optimum (see `backtest`'s `warmStart`). Default false. */
  warmStart?: boolean;
}

export interface MethodScore {
  method: ConcreteMethod;
  label: string;
  /** Mean absolute scaled error over the backtest (below 1 beats the one-step naive forecast in-sample). */
  mase: number;
  /** Share of backtest actuals inside the inner and outer analytic intervals. */
  coverageInner: number;
  coverageOuter: number;
  forecasts: number;
  chosen: boolean;
}

export interface TrendRun {
  method: ConcreteMethod;
  result: ForecastResult;
  scores: MethodScore[];
  /** Training points at the first backtest origin (NaN when the series is too short to backtest). */
  minTrain: number;
  /** Why this method: chosen by the reader, by backtest, or the short-series fallback. */
  methodReason: string;
  /** Which intervals are shown and why. */
  intervalReason: string;
}

const relTie = (a: number, b: number) => a < b - 1e-9 * Math.max(1, b);

/**
 * Backtests every method, picks the one to show, computes its forecast and intervals.
 * The automatic choice follows the engine's `auto` rule (lowest rolling-origin MASE, ties to the simpler method,
 * theta below 8 points, as AUTO_MIN_LENGTH and AUTO_FALLBACK say); with all origins it is exactly `selectMethod`.
 *
 * @example
 * runTrend([210, 198, 236, 255, 298, 374], {method: "auto", horizon: 3, levels: [80, 95], intervals: "auto"}).method;
 */
export function runTrend(y: readonly number[], options: TrendRunOptions): TrendRun {
  const {method: requested, horizon, levels, intervals} = options;
  const n = y.length;
  if (n < 3) throw new Error(`series too short: ${n} periods, the engine needs at least 3`);
  const minTrain = n >= 4 ? Math.max(3, n - (options.origins ?? n)) : NaN;
  const results = new Map<ConcreteMethod, BacktestResult>();
  if (n >= 4) {
    for (const method of AUTO_CANDIDATES) {
      results.set(method, backtest(y, {method, horizon, levels: [...levels], minTrain, warmStart: options.warmStart}));
    }
  }
  const forecasts = results.get("naive")?.summary.count ?? 0;
  let method: ConcreteMethod;
  let methodReason: string;
  if (requested !== "auto") {
    method = requested;
    methodReason = `${METHOD_CARDS[method].label} was chosen on this page.`;
  } else if (n < AUTO_MIN_LENGTH) {
    method = AUTO_FALLBACK;
    methodReason = `With only ${n} periods there is too little history to backtest methods against each other, so the automatic choice is the ${METHOD_CARDS[AUTO_FALLBACK].label.toLowerCase()} benchmark.`;
  } else {
    let best: ConcreteMethod | undefined;
    for (const candidate of AUTO_CANDIDATES) {
      const mase = results.get(candidate)!.summary.mase;
      if (!Number.isFinite(mase)) continue;
      if (best === undefined || relTie(mase, results.get(best)!.summary.mase)) best = candidate;
    }
    if (best === undefined) {
      method = AUTO_FALLBACK;
      methodReason = `No method could be scored (the history is flat), so the automatic choice is the ${METHOD_CARDS[AUTO_FALLBACK].label.toLowerCase()} benchmark.`;
    } else {
      method = best;
      const ranked = AUTO_CANDIDATES.filter((m) => m !== best && Number.isFinite(results.get(m)!.summary.mase)).sort(
        (a, b) => results.get(a)!.summary.mase - results.get(b)!.summary.mase
      );
      const mase = results.get(best)!.summary.mase;
      const runnerUp = ranked[0];
      methodReason =
        `Chosen automatically: ${METHOD_CARDS[best].label} made the smallest errors (MASE ${mase.toFixed(2)}) when each method ` +
        `forecast the history it had not yet seen, over ${forecasts} backtest forecasts` +
        (runnerUp
          ? `; the next best was ${METHOD_CARDS[runnerUp].label} (MASE ${results.get(runnerUp)!.summary.mase.toFixed(2)}).`
          : ".");
    }
  }

  let result = forecast(y, {method, horizon, levels: [...levels]});
  const chosen = results.get(method);
  const [inner, outer] = levels;
  let intervalReason: string;
  if (!chosen || chosen.errors.length === 0) {
    intervalReason =
      "The intervals shown are the model's own (analytic): the series is too short to check them against a backtest.";
  } else {
    const cover = chosen.summary.coverage;
    const under = cover[inner] < inner / 100 || cover[outer] < outer / 100;
    const measured = `in the backtest, ${Math.round(cover[inner] * 100)}% of actuals fell inside the ${inner}% interval and ${Math.round(cover[outer] * 100)}% inside the ${outer}%`;
    const widen = intervals === "empirical" || (intervals === "auto" && under);
    if (widen) {
      result = calibrateIntervals(y, result, chosen.errors);
      const h = result.mean.length - 1;
      const same =
        result.intervals === "empirical" &&
        result.lower[inner][h] === result.lower[outer][h] &&
        result.upper[inner][h] === result.upper[outer][h];
      const note = same
        ? ` With only ${chosen.errors.length} backtest errors, the ${inner}% and ${outer}% empirical intervals both reach the largest error seen, so they coincide at the end of the horizon: the true ${outer}% range may be wider still.`
        : "";
      intervalReason =
        result.intervals === "empirical"
          ? `The intervals shown are empirical: the model's own intervals widened to the errors this method actually made in the backtest (${measured} of the model's own intervals${under ? ", too few to trust them" : ""}).${note}`
          : `The intervals shown are the model's own (analytic): the backtest errors could not widen them (${measured}).`;
    } else {
      intervalReason = `The intervals shown are the model's own (analytic): ${measured}${under ? ", fewer than they should — switch to empirical intervals for an honest range" : ", as many as they should"}.`;
    }
  }

  const scores: MethodScore[] = AUTO_CANDIDATES.filter((m) => results.has(m)).map((m) => {
    const summary = results.get(m)!.summary;
    return {
      method: m,
      label: METHOD_CARDS[m].label,
      mase: summary.mase,
      coverageInner: summary.coverage[inner],
      coverageOuter: summary.coverage[outer],
      forecasts: summary.count,
      chosen: m === method
    };
  });
  return {method, result, scores, minTrain, methodReason, intervalReason};
}

/** One row of `linear.sql`'s output. */
export interface SqlLinearRow {
  h: number;
  mean: number;
  lower_inner: number;
  upper_inner: number;
  lower_outer: number;
  upper_outer: number;
  slope: number;
  intercept: number;
  n: number;
}

/**
 * The linear-trend forecast as DuckDB computed it, in place of the engine's (they agree to 1e-9: see
 * tests/unit/trend/series-sql.test.ts). Only for the linear method with analytic intervals.
 *
 * @example
 * withSqlLinear(run.result, sqlRows, [80, 95]);
 */
export function withSqlLinear(
  result: ForecastResult,
  rows: readonly SqlLinearRow[],
  levels: readonly [number, number]
): ForecastResult {
  if (result.method !== "linear" || result.intervals !== "analytic") return result;
  if (rows.length !== result.mean.length)
    throw new Error(`invalid rows: ${rows.length} for horizon ${result.mean.length}`);
  const [inner, outer] = levels;
  const n = result.fitted.length;
  return {
    ...result,
    params: {intercept: rows[0].intercept, slope: rows[0].slope},
    fitted: Array.from({length: n}, (_, i) => rows[0].intercept + rows[0].slope * (i + 1)),
    mean: rows.map((r) => r.mean),
    lower: {[inner]: rows.map((r) => r.lower_inner), [outer]: rows.map((r) => r.lower_outer)},
    upper: {[inner]: rows.map((r) => r.upper_inner), [outer]: rows.map((r) => r.upper_outer)}
  };
}
