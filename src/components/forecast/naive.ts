import {symmetricBands} from "./bands.js";
import type {FitContext, ModelFit} from "./types.js";

/**
 * Naive (random walk) forecasts: every future value equals the last observation.
 * sigma² = Σ(y_t - y_{t-1})² / (n - 1); se_h = sigma·sqrt(h); normal quantiles.
 * Reference: Hyndman & Athanasopoulos, FPP3 §5.5 Table 5.2; R forecast `lagwalk`/`forecast.lagwalk`
 * (R/naive.R: `mse <- sum(res^2)/(sum(!is.na(res)) - (drift != 0))`, `se <- sqrt(mse*steps + (steps*drift.se)^2)`).
 * fitted[0] is NaN (R: NA).
 * @example
 * fitNaive([1, 3, 2], {horizon: 2, levels: [80], params: {}, shrinkage: 0}).mean; // [2, 2]
 */
export function fitNaive(y: readonly number[], ctx: FitContext): ModelFit {
  const n = y.length;
  let ss = 0;
  for (let t = 1; t < n; t++) ss += (y[t] - y[t - 1]) ** 2;
  const sigma2 = ss / (n - 1);
  const mean = Array.from({length: ctx.horizon}, () => y[n - 1]);
  const se = mean.map((_, i) => Math.sqrt(sigma2 * (i + 1)));
  return {
    method: "naive",
    params: {},
    fitted: [NaN, ...y.slice(0, n - 1)],
    mean,
    ...symmetricBands(mean, se, ctx.levels),
    sigma2
  };
}

/**
 * Random walk with drift: drift b = mean of first differences = (y_n - y_1)/(n - 1);
 * forecasts y_n + h·b; residual variance sigma² = Σ(d_t - b)² / (n - 2) (R: `lm(d ~ 1)` sigma);
 * se_h = sqrt(sigma²·h + h²·se(b)²) with se(b) = sigma/sqrt(n - 1), i.e. sigma·sqrt(h(1 + h/(n - 1)))
 * (FPP3 §5.5 Table 5.2, T = n). As R, when b is exactly 0 the mse denominator is n - 1.
 *
 * Cross-learning option: with `pooledGrowth` g (proportional growth per period) and weight w =
 * `shrinkage`, the drift becomes (1 - w)·b + w·g·y_n, a James–Stein-style shrinkage towards the
 * caller's pooled growth (cf. Hyndman et al. 2011, "Optimal combination forecasts for hierarchical
 * time series", and the cross-learning discussion of Makridakis et al. 2020, M4). Interval widths
 * keep R's formula (the unshrunk drift's standard error), which is conservative.
 * @example
 * fitDrift([1, 2, 4], {horizon: 2, levels: [80], params: {}, shrinkage: 0}).mean; // [5.5, 7]
 */
export function fitDrift(y: readonly number[], ctx: FitContext): ModelFit {
  const n = y.length;
  const d = Array.from({length: n - 1}, (_, i) => y[i + 1] - y[i]);
  const b = d.reduce((s, v) => s + v, 0) / d.length;
  let ss = 0;
  for (const v of d) ss += (v - b) ** 2;
  const sigma2lm = ss / (d.length - 1);
  const driftSe2 = sigma2lm / d.length;
  const mse = ss / (d.length - (b !== 0 ? 1 : 0));
  const w = ctx.pooledGrowth === undefined ? 0 : ctx.shrinkage;
  const drift = w > 0 ? (1 - w) * b + w * (ctx.pooledGrowth ?? 0) * y[n - 1] : b;
  const mean = Array.from({length: ctx.horizon}, (_, i) => y[n - 1] + (i + 1) * drift);
  const se = mean.map((_, i) => Math.sqrt(mse * (i + 1) + (i + 1) ** 2 * driftSe2));
  const params: Record<string, number> = {drift, driftSe: Math.sqrt(driftSe2)};
  if (w > 0) {
    params.unshrunkDrift = b;
    params.shrinkage = w;
  }
  return {
    method: "drift",
    params,
    fitted: [NaN, ...y.slice(0, n - 1).map((v) => v + drift)],
    mean,
    ...symmetricBands(mean, se, ctx.levels),
    sigma2: mse
  };
}
