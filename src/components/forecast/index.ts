/**
 * Forecast engine for short annual series (SEND commissioning): pure TypeScript, no DOM.
 * Used by pages (Observable Framework), Node loaders (tsx) and tests.
 *
 * Conventions (each cited in the module that implements it):
 * - Methods: naive, drift (R `rwf`), linear (OLS trend, Student-t intervals), ses/holt/damped
 *   (ETS(A,N,N)/(A,A,N)/(A,Ad,N) error-correction form, R `ets`), theta (R `thetaf`),
 *   combination (mean of drift, damped, theta; quantile-averaged intervals), auto (lowest
 *   rolling-origin MASE, ties to the simpler method, Theta below 8 points).
 * - ETS `beta` is the state-space beta (= alpha × Holt's beta*). Initial states l0/b0 are the
 *   states at t = 0; defaults l0 = y[0], b0 = y[1] - y[0], estimated only with a free smoothing
 *   parameter on n > npars + 4 (R `ets`'s route). Checked against R forecast 8.20 and statsmodels
 *   0.13 to 1e-4 (tests/fixtures/reference/README.md, which also lists where R disagrees with itself).
 * - Parameters are estimated only when n > (number estimated) + 4 (R `ets` rule); otherwise they are
 *   fixed (initial states by the heuristic, then phi = 0.98, beta = 0.2·alpha, alpha = 0.5).
 * - sigma² = SSE/(n - npars) when n > npars + 4 (R `ets`), else SSE/n (R `HoltWintersZZ`, which R
 *   itself uses for such short series); npars = 2 (ses), 4 (holt), 5 (damped).
 * - `fitted[t]` is the one-step forecast of y[t]; NaN where none exists (naive/drift at t = 0).
 * - Intervals: normal quantiles for ETS/naive/drift/theta (as R), Student-t for linear;
 *   `intervals: "empirical"` widens them from the series' own backtest errors (`calibrateIntervals`);
 *   `intervals: "calibrated"` (default when a `calibration` table is given) uses cross-series
 *   conformal quantiles of scaled errors by horizon (`crossSeriesCalibration`, `applyCalibration`).
 *   On short annual series the analytic intervals are far too narrow (80% intervals covered 45–72%
 *   of outcomes on DfE SEN2 data, docs/forecast-accuracy.md): use calibrated intervals there,
 *   best the year-block conformal ones (`yearBlockCalibration`, `panelBacktest` `intervals:
 *   "year-block"`: 78–83% on SEN2).
 * - Cross-learning: `pooledGrowth` (see `pooledGrowth()`) + `shrinkage` shrink drift/theta trends.
 * - `panelBacktest` evaluates a method on many aligned series with both devices, without look-ahead.
 * @example
 * import {forecast} from "./components/forecast/index.js";
 * forecast([1020, 1110, 1230, 1350], {method: "auto", horizon: 3});
 */
export {forecast} from "./forecast.js";
export {
  backtest,
  type BacktestOptions,
  type BacktestResult,
  type BacktestError,
  type BacktestSummary
} from "./backtest.js";
export {linearPrediction, olsFit, type OlsFit} from "./ols.js";
export {studentTQuantile, studentTCdf, studentTUpperTail} from "./tquantile.js";
export {normalQuantile, normalUpperTail} from "./normal.js";
export {calibrateIntervals, scaledErrorQuantiles} from "./intervals.js";
export {crossSeriesCalibration, naiveWarmStart, applyCalibration, yearBlockCalibration} from "./calibration.js";
export {pooledGrowth} from "./crosslearning.js";
export {
  panelBacktest,
  type PanelSeries,
  type PanelBacktestOptions,
  type PanelBacktestResult,
  type PanelError,
  type PanelIntervalMode
} from "./panel.js";
export {naiveScale, recentScale, smapeTerm, conformalQuantile} from "./metrics.js";
export {selectMethod, AUTO_CANDIDATES, AUTO_MIN_LENGTH, AUTO_FALLBACK} from "./auto.js";
export {
  etsFilter,
  etsMean,
  etsVariance,
  etsSigma2,
  estimationPlan,
  ETS_DEFAULTS,
  ETS_BOUNDS,
  type EtsKind,
  type EtsParams
} from "./ets.js";
export {normaliseOptions} from "./validate.js";
export {
  METHODS,
  type Method,
  type ConcreteMethod,
  type ForecastOptions,
  type ForecastParams,
  type ForecastResult,
  type Bands,
  type AutoSelection,
  type IntervalMode,
  type IntervalCalibration
} from "./types.js";
