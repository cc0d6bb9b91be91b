import {
  METHODS,
  panelBacktest,
  type Method,
  type PanelBacktestResult,
  type PanelSeries
} from "../../src/components/forecast/index.js";

/** Accuracy of one method on a panel, relative to naive on the same forecasts. */
export interface MethodAccuracy {
  method: Method;
  /** Pooled MASE divided by naive's pooled MASE (< 1: better than naive). */
  relativeMase: number;
  mase: number;
  /** Mean sMAPE, 0–200. */
  smape: number;
  /** Coverage of the year-block conformal intervals (`yearBlockCalibration`), by level. */
  coverage: Record<number, number>;
  /** Coverage of the methods' own analytic intervals, by level. */
  analyticCoverage: Record<number, number>;
  series: number;
  forecasts: number;
  errors: number;
  origins: number[];
  selected?: Partial<Record<string, number>>;
  byHorizon: {
    h: number;
    relativeMase: number;
    mase: number;
    smape: number;
    coverage: Record<number, number>;
    analyticCoverage: Record<number, number>;
    errors: number;
  }[];
}

/**
 * Backtests every method of the engine on a panel (`panelBacktest`, year-block conformal intervals, the
 * given cross-learning weight) and expresses MASE relative to naive, overall and per horizon.
 * @example
 * const table = panelAccuracy(panel, {horizon: 3, shrinkage: 0});
 */
export function panelAccuracy(
  panel: readonly PanelSeries[],
  options: {horizon: number; shrinkage: number; methods?: readonly Method[]}
): MethodAccuracy[] {
  const methods = options.methods ?? METHODS;
  const run = (method: Method): PanelBacktestResult =>
    panelBacktest(panel, {method, horizon: options.horizon, shrinkage: options.shrinkage, intervals: "year-block"});
  const naive = run("naive");
  return methods.map((method) => {
    const r = method === "naive" ? naive : run(method);
    const out: MethodAccuracy = {
      method,
      relativeMase: r.summary.mase / naive.summary.mase,
      mase: r.summary.mase,
      smape: r.summary.smape,
      coverage: r.summary.coverage,
      analyticCoverage: r.analyticCoverage,
      series: r.seriesCount,
      forecasts: r.forecastCount,
      errors: r.summary.count,
      origins: r.origins,
      byHorizon: r.byHorizon.map((b) => {
        const n = naive.byHorizon.find((x) => x.h === b.h);
        return {
          h: b.h,
          relativeMase: n === undefined ? NaN : b.mase / n.mase,
          mase: b.mase,
          smape: b.smape,
          coverage: b.coverage,
          analyticCoverage: b.analyticCoverage,
          errors: b.count
        };
      })
    };
    if (method === "auto") out.selected = r.selected;
    return out;
  });
}
