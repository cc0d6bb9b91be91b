import {symmetricBands} from "./bands.js";
import {etsVariance, fitEts} from "./ets.js";
import {olsFit} from "./ols.js";
import type {FitContext, ModelFit} from "./types.js";

/**
 * The standard Theta method (Assimakopoulos & Nikolopoulos 2000), the M4 benchmark, for non-seasonal
 * data as R forecast `thetaf` (R/theta.R): SES plus half the OLS slope of y on 0..n-1 as drift,
 *   ŷ_{n+h} = SES_{n+h} + (b/2)·[(h - 1) + (1 - (1 - α)^n)/α],
 * which is SES with drift (Hyndman & Billah 2003, "Unmasking the Theta method", IJF 19).
 * Intervals from the SES model: se_h = σ·sqrt(1 + (h - 1)α²) (R: `sqrt(fcast$model$sigma) *
 * sqrt((0:(h-1))*alpha^2 + 1)`, where `$sigma` partially matches the ets `sigma2`).
 * The SES fit follows `fitEts` (given alpha/l0 used exactly). Fitted values are the SES fitted
 * values, as R's `thetaf` returns them.
 * @example
 * fitTheta([10, 12, 13, 15], {horizon: 1, levels: [80], params: {alpha: 0.5, l0: 10}, shrinkage: 0}).mean;
 */
export function fitTheta(y: readonly number[], ctx: FitContext): ModelFit {
  const n = y.length;
  const sesParams: FitContext["params"] = {};
  if (ctx.params.alpha !== undefined) sesParams.alpha = ctx.params.alpha;
  if (ctx.params.l0 !== undefined) sesParams.l0 = ctx.params.l0;
  const ses = fitEts(y, "ses", {...ctx, params: sesParams});
  const alpha = ses.params.alpha;
  const slope = olsFit(
    y.map((_, i) => i),
    y
  ).slope;
  // Cross-learning (as for drift): shrink the trend slope towards the pooled growth per period.
  const w = ctx.pooledGrowth === undefined ? 0 : ctx.shrinkage;
  const drift = (w > 0 ? (1 - w) * slope + w * (ctx.pooledGrowth ?? 0) * y[n - 1] : slope) / 2;
  // (1 - (1 - α)^n)/α → n as α → 0.
  const weight = alpha > 0 ? (1 - (1 - alpha) ** n) / alpha : n;
  const mean = ses.mean.map((m, i) => m + drift * (i + weight));
  const se = etsVariance(ses.sigma2, alpha, 0, 1, ctx.horizon).map(Math.sqrt);
  return {
    method: "theta",
    params: {alpha, l0: ses.params.l0, drift},
    fitted: ses.fitted,
    mean,
    ...symmetricBands(mean, se, ctx.levels),
    sigma2: ses.sigma2
  };
}
