import {fitEts} from "./ets.js";
import {fitDrift} from "./naive.js";
import {fitTheta} from "./theta.js";
import type {Bands, FitContext, ModelFit} from "./types.js";

/**
 * Equal-weight combination of drift, damped trend and Theta — the spirit of the M4 "Comb"
 * benchmark (Makridakis et al. 2020) with drift in place of SES/Holt, as FPP3 §13.4 recommends
 * combining simple methods.
 *
 * Mean: the average of the three point forecasts. Intervals: the average of the three methods'
 * bounds at each level ("quantile averaging", Lichtendahl, Grushka-Cockayne & Winkler 2013,
 * "Is it better to average probabilities or quantiles?", Management Science 59). This is the
 * quantile function of a combined forecast distribution; it needs no assumption about the
 * correlation between methods' errors. Averaging quantiles gives intervals no wider than the
 * widest component's, so they can be too narrow when components agree by chance: use
 * `intervals: "empirical"` to widen them from backtest errors.
 * Params are forwarded: all to `damped`, alpha/l0 to `theta`. Reported params are prefixed
 * (`damped.alpha`, `theta.drift`, `drift.drift`, …). Fitted values average the components that
 * have one (drift has none at t = 0). sigma2 is NaN (no single innovation variance).
 * @example
 * fitCombination([10, 12, 13, 15], {horizon: 2, levels: [80], params: {}, shrinkage: 0}).mean;
 */
export function fitCombination(y: readonly number[], ctx: FitContext): ModelFit {
  const parts = [fitDrift(y, ctx), fitEts(y, "damped", ctx), fitTheta(y, ctx)];
  const average = (arrays: number[][]): number[] =>
    arrays[0].map((_, i) => {
      const values = arrays.map((a) => a[i]).filter((v) => Number.isFinite(v));
      return values.length === 0 ? NaN : values.reduce((s, v) => s + v, 0) / values.length;
    });
  const lower: Bands = {};
  const upper: Bands = {};
  for (const level of ctx.levels) {
    lower[level] = average(parts.map((p) => p.lower[level]));
    upper[level] = average(parts.map((p) => p.upper[level]));
  }
  const params: Record<string, number> = {};
  for (const p of parts) for (const [k, v] of Object.entries(p.params)) params[`${p.method}.${k}`] = v;
  return {
    method: "combination",
    params,
    fitted: average(parts.map((p) => p.fitted)),
    mean: average(parts.map((p) => p.mean)),
    lower,
    upper,
    sigma2: NaN
  };
}
