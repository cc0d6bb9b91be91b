import {symmetricBands} from "./bands.js";
import {olsFit} from "./ols.js";
import type {FitContext, ModelFit} from "./types.js";

/**
 * Linear trend: OLS of y on t = 1..n, forecasts a + b·(n + h), Student-t prediction intervals with
 * n - 2 degrees of freedom and se = s·sqrt(1 + 1/n + (t0 - t̄)²/Stt).
 * Reference: FPP3 §7.1/§7.6 (trend regression, prediction intervals); identical to R
 * `forecast(tslm(y ~ trend), h)` and `predict(lm(y ~ t), interval = "prediction")`.
 * With n = 3 there is 1 degree of freedom (t_{0.975,1} = 12.71): wide, and honestly so.
 * @example
 * fitLinear([2, 4, 7], {horizon: 1, levels: [95], params: {}, shrinkage: 0}).mean; // [9.333333333333332]
 */
export function fitLinear(y: readonly number[], ctx: FitContext): ModelFit {
  const n = y.length;
  const t = Array.from({length: n}, (_, i) => i + 1);
  const fit = olsFit(t, y);
  const t0 = Array.from({length: ctx.horizon}, (_, i) => n + i + 1);
  const mean = t0.map((v) => fit.intercept + fit.slope * v);
  const se = t0.map((v) => fit.residualSD * Math.sqrt(1 + 1 / n + (v - fit.xbar) ** 2 / fit.sxx));
  return {
    method: "linear",
    params: {intercept: fit.intercept, slope: fit.slope},
    fitted: fit.fitted,
    mean,
    ...symmetricBands(mean, se, ctx.levels, fit.df),
    sigma2: fit.residualSD ** 2
  };
}
