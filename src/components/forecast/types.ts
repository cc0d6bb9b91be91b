/**
 * Shared types of the forecast engine. Pure data: no DOM, no I/O.
 */

/** Every method the engine accepts; `auto` picks one of the others by backtest. */
export const METHODS = ["naive", "drift", "linear", "ses", "holt", "damped", "theta", "combination", "auto"] as const;

/**
 * A forecasting method name.
 * @example
 * const m: Method = "damped";
 */
export type Method = (typeof METHODS)[number];

/** A method that fits a model directly (everything except `auto`). */
export type ConcreteMethod = Exclude<Method, "auto">;

/**
 * Parameters of the exponential-smoothing family. Any that are given are used exactly;
 * the rest are estimated or fixed (see `ets.ts`).
 * `beta` is the state-space (ETS) beta of Hyndman et al. (2008), i.e. alpha * Holt's beta*.
 * @example
 * const p: ForecastParams = {alpha: 0.5, beta: 0.1, l0: 100, b0: 5};
 */
export interface ForecastParams {
  alpha?: number;
  beta?: number;
  phi?: number;
  l0?: number;
  b0?: number;
}

/**
 * How prediction intervals are produced: "analytic" (the model's formula, as R), "empirical"
 * (analytic widened by the series' own backtest errors, `calibrateIntervals`) or "calibrated"
 * (cross-series conformal intervals from an `IntervalCalibration`, `applyCalibration`).
 */
export type IntervalMode = "analytic" | "empirical" | "calibrated";

/**
 * Quantiles of absolute scaled forecast errors |y - ŷ|/(naive MAE of the training window), per
 * level and horizon: `quantiles[80][h - 1]`. Built by `crossSeriesCalibration` (or
 * `naiveWarmStart`) from many series' out-of-sample errors; applied by `applyCalibration`.
 * @example
 * const c: IntervalCalibration = {quantiles: {80: [1.6, 2.4, 3.1], 95: [3.0, 4.6, 6.2]}, count: 1200};
 */
export interface IntervalCalibration {
  quantiles: Record<number, number[]>;
  /** Number of errors the quantiles were computed from. */
  count: number;
  /**
   * The scale the errors were divided by, and the half-width is multiplied by: "naive" (default) the
   * naive MAE of the whole series (`naiveScale`), "recent" the mean absolute change over its last 2
   * periods (`recentScale`).
   */
  scale?: "naive" | "recent";
  /** "union" (default): the union with the analytic interval (only ever wider); "conformal": the conformal interval alone. */
  combine?: "union" | "conformal";
  /** Growth of the quantile beyond the table's last horizon H: "sqrt" (default) × sqrt(h/H), "linear" × h/H. */
  growth?: "sqrt" | "linear";
}

/**
 * Options of `forecast()`.
 * @example
 * const o: ForecastOptions = {method: "holt", horizon: 5, levels: [80, 95]};
 */
export interface ForecastOptions {
  /** Validated at run time too (pages call this from plain JavaScript). */
  method: Method;
  horizon: number;
  /** Prediction-interval levels in percent, each in (0, 100). Default [80, 95]. */
  levels?: number[];
  params?: ForecastParams;
  /**
   * "analytic", "empirical" (analytic widened by the series' own backtest errors, see `intervals.ts`)
   * or "calibrated" (needs `calibration`). Default: "calibrated" when `calibration` is given, else "analytic".
   */
  intervals?: IntervalMode;
  /** Cross-series calibration table for `intervals: "calibrated"` (see `crossSeriesCalibration`). */
  calibration?: IntervalCalibration;
  /** Cross-learning for `drift` and `theta` (hence `combination`, `auto`): a pooled proportional growth rate per period (0.05 = 5%), e.g. from `pooledGrowth`. */
  pooledGrowth?: number;
  /** Weight in [0, 1] given to `pooledGrowth` when shrinking the drift. Default 0 unless pooledGrowth is set, then 0.5. */
  shrinkage?: number;
}

/**
 * Options after validation and defaulting (done once, at the entry point).
 * @example
 * const n: NormalisedOptions = {method: "ses", horizon: 3, levels: [80, 95], params: {}, intervals: "analytic"};
 */
export interface NormalisedOptions {
  method: Method;
  horizon: number;
  levels: number[];
  params: ForecastParams;
  intervals: IntervalMode;
  calibration?: IntervalCalibration;
  pooledGrowth?: number;
  shrinkage: number;
}

/**
 * Interval bounds keyed by level, e.g. `lower[80][h - 1]`.
 * @example
 * const b: Bands = {80: [1, 2], 95: [0, 1]};
 */
export type Bands = Record<number, number[]>;

/**
 * What `auto` reports about its choice.
 * @example
 * const s: AutoSelection = {criterion: "mase", selected: "drift", scores: {drift: 0.8}, fallback: false};
 */
export interface AutoSelection {
  criterion: "mase";
  selected: ConcreteMethod;
  /** Backtest MASE of each candidate (NaN when it could not be scored). */
  scores: Partial<Record<ConcreteMethod, number>>;
  /** True when the series was too short to backtest and the documented fallback was used. */
  fallback: boolean;
}

/**
 * The result of `forecast()`.
 * `fitted[t]` is the one-step-ahead in-sample forecast of `y[t]` (NaN where a method has none,
 * e.g. t = 0 for naive/drift, as R's `NA`).
 * @example
 * const r: ForecastResult = forecast([1, 2, 3], {method: "naive", horizon: 1});
 */
export interface ForecastResult {
  method: ConcreteMethod;
  params: Record<string, number>;
  fitted: number[];
  mean: number[];
  lower: Bands;
  upper: Bands;
  /** Innovation variance used for analytic intervals (NaN for methods without one, e.g. combination). */
  sigma2: number;
  intervals: IntervalMode;
  /** Present when method "auto" was requested. */
  selection?: AutoSelection;
}

/**
 * What every concrete method's fitting function returns (the engine's internal currency).
 * @example
 * const f: ModelFit = {method: "naive", params: {}, fitted: [NaN, 1], mean: [2], lower: {}, upper: {}, sigma2: 1};
 */
export interface ModelFit {
  method: ConcreteMethod;
  params: Record<string, number>;
  fitted: number[];
  mean: number[];
  lower: Bands;
  upper: Bands;
  sigma2: number;
}

/**
 * Everything a concrete method needs besides the series (already validated).
 * @example
 * const c: FitContext = {horizon: 3, levels: [80, 95], params: {}, shrinkage: 0};
 */
export interface FitContext {
  horizon: number;
  levels: number[];
  params: ForecastParams;
  pooledGrowth?: number;
  shrinkage: number;
  /**
   * The estimated smoothing parameters and states of the previous training window, by ETS kind. A backtest with
   * `warmStart` passes one store through its origins: each ETS fit then starts Nelder–Mead from the previous
   * origin's optimum instead of the multi-start grid, and records its own.
   */
  warmStarts?: Map<string, Readonly<Record<"alpha" | "beta" | "phi" | "l0" | "b0", number>>>;
}
