import {
  METHODS,
  type ForecastOptions,
  type ForecastParams,
  type IntervalCalibration,
  type IntervalMode,
  type Method,
  type NormalisedOptions
} from "./types.js";

/**
 * Checks a series: at least 3 points, all finite. Throws the engine's guard-rail messages.
 * @example
 * validateSeries([1, 2, NaN]); // throws "invalid value at index 2: NaN"
 */
export function validateSeries(y: readonly number[]): void {
  if (!Array.isArray(y) || y.length < 3) throw new Error("forecast requires at least 3 data points");
  for (let i = 0; i < y.length; i++) {
    if (typeof y[i] !== "number" || !Number.isFinite(y[i]))
      throw new Error(`invalid value at index ${i}: ${String(y[i])}`);
  }
}

/**
 * Checks that a horizon is a positive integer.
 * @example
 * validateHorizon(0); // throws "invalid horizon: 0"
 */
export function validateHorizon(horizon: unknown): number {
  if (typeof horizon !== "number" || !Number.isInteger(horizon) || horizon < 1) {
    throw new Error(`invalid horizon: ${String(horizon)}`);
  }
  return horizon;
}

/**
 * Checks a method name against `METHODS`.
 * @example
 * validateMethod("foo"); // throws "invalid method: foo"
 */
export function validateMethod(method: unknown): Method {
  if (typeof method !== "string" || !(METHODS as readonly string[]).includes(method)) {
    throw new Error(`invalid method: ${String(method)}`);
  }
  return method as Method;
}

/**
 * Checks interval levels: each a finite percentage strictly between 0 and 100.
 * @example
 * validateLevels([80, 120]); // throws "invalid level: 120"
 */
export function validateLevels(levels: unknown): number[] {
  if (!Array.isArray(levels)) throw new Error(`invalid levels: ${String(levels)}`);
  for (const level of levels as unknown[]) {
    if (typeof level !== "number" || !Number.isFinite(level) || level <= 0 || level >= 100) {
      throw new Error(`invalid level: ${String(level)}`);
    }
  }
  return [...(levels as number[])];
}

function checkRange(name: string, value: number | undefined, lo: number, hi: number): void {
  if (value === undefined) return;
  if (typeof value !== "number" || !Number.isFinite(value) || value < lo || value > hi) {
    throw new Error(`invalid ${name}: ${String(value)}`);
  }
}

/**
 * Checks smoothing parameters against the usual ETS region: 0 ≤ alpha ≤ 1, 0 ≤ beta ≤ alpha
 * (beta ≤ 1 when alpha is not given), 0 < phi ≤ 1; l0 and b0 finite.
 * Reference: Hyndman et al. (2008) §5.1 / R forecast `check.param` (beta must not exceed alpha).
 * @example
 * validateParams({alpha: 1.5}); // throws "invalid alpha: 1.5"
 */
export function validateParams(params: unknown): ForecastParams {
  if (params === undefined || params === null) return {};
  if (typeof params !== "object") throw new Error(`invalid params: ${typeof params}`);
  const p = params as ForecastParams;
  checkRange("alpha", p.alpha, 0, 1);
  checkRange("beta", p.beta, 0, p.alpha ?? 1);
  checkRange("phi", p.phi, Number.MIN_VALUE, 1);
  checkRange("l0", p.l0, -Infinity, Infinity);
  checkRange("b0", p.b0, -Infinity, Infinity);
  const out: ForecastParams = {};
  for (const key of ["alpha", "beta", "phi", "l0", "b0"] as const) if (p[key] !== undefined) out[key] = p[key];
  return out;
}

/**
 * Validates and defaults every option once, at the entry point.
 * @example
 * normaliseOptions({method: "ses", horizon: 3}); // {method: "ses", horizon: 3, levels: [80, 95], ...}
 */
export function normaliseOptions(options: ForecastOptions): NormalisedOptions {
  if (options === null || typeof options !== "object") throw new Error(`invalid options: ${String(options)}`);
  const method = validateMethod(options.method);
  const horizon = validateHorizon(options.horizon);
  const levels = validateLevels(options.levels ?? [80, 95]);
  const params = validateParams(options.params);
  const intervals = options.intervals ?? (options.calibration === undefined ? "analytic" : "calibrated");
  if (intervals !== "analytic" && intervals !== "empirical" && intervals !== "calibrated")
    throw new Error(`invalid intervals: ${String(intervals)}`);
  const calibration = validateCalibration(options.calibration, intervals);
  checkRange("pooledGrowth", options.pooledGrowth, -Infinity, Infinity);
  checkRange("shrinkage", options.shrinkage, 0, 1);
  const shrinkage = options.shrinkage ?? (options.pooledGrowth === undefined ? 0 : 0.5);
  const out: NormalisedOptions = {method, horizon, levels, params, intervals, shrinkage};
  if (calibration !== undefined) out.calibration = calibration;
  if (options.pooledGrowth !== undefined) out.pooledGrowth = options.pooledGrowth;
  return out;
}

/**
 * Checks a calibration table: required with `intervals: "calibrated"`; each level's quantiles a
 * non-empty array of finite, non-negative numbers.
 * @example
 * validateCalibration(undefined, "calibrated"); // throws "invalid calibration: required when intervals is calibrated"
 */
export function validateCalibration(calibration: unknown, intervals: IntervalMode): IntervalCalibration | undefined {
  if (calibration === undefined) {
    if (intervals === "calibrated") throw new Error("invalid calibration: required when intervals is calibrated");
    return undefined;
  }
  const c = calibration as IntervalCalibration | null;
  if (c === null || typeof c !== "object" || c.quantiles === null || typeof c.quantiles !== "object")
    throw new Error(`invalid calibration: ${typeof calibration}`);
  for (const [level, q] of Object.entries(c.quantiles)) {
    if (!Array.isArray(q) || q.length === 0 || !q.every((v) => typeof v === "number" && Number.isFinite(v) && v >= 0))
      throw new Error(`invalid calibration quantiles for level ${level}`);
  }
  const allowed = {scale: ["naive", "recent"], combine: ["union", "conformal"], growth: ["sqrt", "linear"]} as const;
  for (const [field, values] of Object.entries(allowed)) {
    const v = (c as unknown as Record<string, unknown>)[field];
    if (v !== undefined && !(values as readonly unknown[]).includes(v))
      throw new Error(`invalid calibration ${field}: ${JSON.stringify(v)}`);
  }
  return c;
}
