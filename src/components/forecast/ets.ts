import {symmetricBands} from "./bands.js";
import {fromInterval, nelderMead, toInterval} from "./optimise.js";
import type {FitContext, ModelFit} from "./types.js";

/** The additive-error exponential smoothing models: ETS(A,N,N), ETS(A,A,N), ETS(A,Ad,N). */
export type EtsKind = "ses" | "holt" | "damped";

/**
 * A complete parameter set of an additive ETS model. For `ses`, beta = b0 = 0 and phi = 1;
 * for `holt`, phi = 1. `beta` is the state-space beta (alpha·β* in Holt's notation).
 */
export interface EtsParams {
  alpha: number;
  beta: number;
  phi: number;
  l0: number;
  b0: number;
}

/** R forecast `ets` default bounds: lower = c(rep(1e-4, 3), 0.8), upper = c(rep(0.9999, 3), 0.98) (R/ets.R). */
export const ETS_BOUNDS = {alphaLo: 1e-4, alphaHi: 0.9999, betaLo: 1e-4, phiLo: 0.8, phiHi: 0.98} as const;

/**
 * Documented defaults used when a series is too short to estimate a parameter
 * (R forecast `ets` rule: estimate only if n > npars + 4).
 * alpha = 0.5 (equal weight to the newest point and the past), beta = 0.2·alpha (Holt's β* = 0.2),
 * phi = 0.98 (R's upper bound: a mild damping).
 */
export const ETS_DEFAULTS = {alpha: 0.5, betaRatio: 0.2, phi: 0.98} as const;

/**
 * Runs the error-correction recursion of ETS(A,·,N) (Hyndman et al. 2008, Table 2.1, additive error):
 *   ŷ_t = l_{t-1} + φ b_{t-1};  e_t = y_t - ŷ_t;
 *   l_t = l_{t-1} + φ b_{t-1} + α e_t;  b_t = φ b_{t-1} + β e_t.
 * The initial states (l0, b0) are the states at t = 0, before the first observation.
 * Same as R forecast `pegelsresid.C` / `etscalc` for additive errors.
 * @example
 * etsFilter([10, 12, 13], "holt", {alpha: 0.5, beta: 0.1, phi: 1, l0: 10, b0: 2}).fitted; // [12, 12.8, 14.12]
 */
export function etsFilter(
  y: readonly number[],
  kind: EtsKind,
  p: EtsParams
): {fitted: number[]; residuals: number[]; sse: number; level: number; slope: number} {
  const fitted = new Array<number>(y.length);
  const residuals = new Array<number>(y.length);
  return {fitted, residuals, ...etsRecursion(y, kind, p, fitted, residuals)};
}

/**
 * The recursion of `etsFilter`; writes fitted values and residuals only when given arrays for them, so the
 * optimiser's objective (the SSE) allocates nothing: it runs hundreds of thousands of times in a backtest.
 */
function etsRecursion(
  y: readonly number[],
  kind: EtsKind,
  p: EtsParams,
  fitted?: number[],
  residuals?: number[]
): {sse: number; level: number; slope: number} {
  const trend = kind !== "ses";
  const phi = kind === "damped" ? p.phi : 1;
  const beta = trend ? p.beta : 0;
  const alpha = p.alpha;
  let l = p.l0;
  let b = trend ? p.b0 : 0;
  let sse = 0;
  for (let t = 0; t < y.length; t++) {
    const yhat = l + phi * b;
    const e = y[t] - yhat;
    if (fitted) fitted[t] = yhat;
    if (residuals) residuals[t] = e;
    sse += e * e;
    l = yhat + alpha * e;
    b = phi * b + beta * e;
  }
  return {sse, level: l, slope: b};
}

/**
 * Point forecasts l_n + (φ + φ² + … + φ^h) b_n (φ = 1 for holt; b_n = 0 for ses).
 * @example
 * etsMean(10, 2, 0.5, 3); // [11, 11.5, 11.75]
 */
export function etsMean(level: number, slope: number, phi: number, horizon: number): number[] {
  const out: number[] = [];
  let damp = 0;
  let power = 1;
  for (let h = 1; h <= horizon; h++) {
    power *= phi;
    damp += power;
    out.push(level + damp * slope);
  }
  return out;
}

/**
 * Forecast variances of the class-1 (linear homoscedastic) ETS models, Hyndman et al. (2008)
 * Table 6.1: v_h = σ²[1 + Σ_{j=1}^{h-1} c_j²], with c_j = α (ses), α + βj (holt),
 * α + βφ(1 - φ^j)/(1 - φ) (damped) — computed as α + β(φ + … + φ^j), which covers all three.
 * Same as R forecast `class1()` (newer: `ets_fc_class1()`) in R/etsforecast.R, where c_j = H F^{j-1} G
 * and `var <- sigma2 * c(1, 1 + cumsum(cj^2))`.
 * @example
 * etsVariance(1, 0.5, 0.1, 1, 3); // [1, 1.36, 1.85]
 */
export function etsVariance(sigma2: number, alpha: number, beta: number, phi: number, horizon: number): number[] {
  const out: number[] = [];
  let sum = 0;
  let damp = 0;
  let power = 1;
  for (let h = 1; h <= horizon; h++) {
    out.push(sigma2 * (1 + sum));
    power *= phi;
    damp += power;
    const c = alpha + beta * damp;
    sum += c * c;
  }
  return out;
}

/**
 * The number of parameters R's `ets` counts for its short-series rule and sigma² denominator:
 * alpha + l0 (2), + beta + b0 (2) with a trend, + phi (1) when damped (R/ets.R `npars`).
 * @example
 * etsParameterCount("damped"); // 5
 */
export function etsParameterCount(kind: EtsKind): number {
  return kind === "ses" ? 2 : kind === "holt" ? 4 : 5;
}

/**
 * Innovation variance as R forecast computes it, which depends on the series length:
 * - n > npars + 4: R fits the state-space model and uses
 *   `sigma2 <- sum(residuals^2)/(ny - np)` with np = length(model$par) = npars (R/ets.R);
 * - otherwise R falls back to `HoltWintersZZ` (l0 = y[1], b0 = y[2] - y[1]), whose
 *   `sigma2 <- mean(final.fit$residuals^2)`, i.e. SSE/n (R/HoltWintersNew.R).
 * @example
 * etsSigma2(12, 20, "holt"); // 12 / 16 = 0.75
 */
export function etsSigma2(sse: number, n: number, kind: EtsKind): number {
  const np = etsParameterCount(kind);
  return n > np + 4 ? sse / (n - np) : sse / n;
}

type Name = "alpha" | "beta" | "phi" | "l0" | "b0";

/**
 * Which parameters are estimated for a series of length n.
 * - Smoothing parameters (alpha, beta, phi) that are not given are estimated while n > (number
 *   estimated) + 4 (R `ets`'s rule applied to what is actually optimised); otherwise they drop to
 *   their `ETS_DEFAULTS` in the order phi, beta, alpha until the rule holds.
 * - Initial states l0/b0 that are not given are the heuristic l0 = y[0], b0 = y[1] - y[0] (the
 *   states before the first observation, as R's `HoltWintersZZ`, `ses`/`holt(initial = "simple")`),
 *   EXCEPT when some smoothing parameter is estimated too and n > npars + 4 with R's full count
 *   (`etsParameterCount`: 2, 4, 5): then R's `ets` would fit the model by likelihood, and so the
 *   engine estimates the states with the smoothing parameters. So with every smoothing parameter
 *   given, R's `ets` and the engine differ only on series longer than npars + 4 where the states are
 *   not given (R estimates them; the engine uses the heuristic the issue specifies).
 * @example
 * estimationPlan(3, "holt", {}); // [] — everything fixed for n = 3
 */
export function estimationPlan(n: number, kind: EtsKind, given: Partial<EtsParams>): Name[] {
  const smoothing: Name[] = (["alpha", "beta", "phi"] as Name[]).filter(
    (k) =>
      given[k] === undefined &&
      (k === "alpha" || (k === "beta" && kind !== "ses") || (k === "phi" && kind === "damped"))
  );
  const states: Name[] = (["l0", "b0"] as Name[]).filter(
    (k) => given[k] === undefined && (k === "l0" || kind !== "ses")
  );
  if (smoothing.length > 0 && n > etsParameterCount(kind) + 4) return [...smoothing, ...states];
  const keep = [...smoothing];
  while (keep.length > 0 && n <= keep.length + 4) keep.pop();
  return keep;
}

/**
 * Fits ETS(A,N,N) `ses`, ETS(A,A,N) `holt` or ETS(A,Ad,N) `damped` and forecasts with normal
 * prediction intervals from the class-1 analytic variance.
 * Given params are used exactly; the others are estimated by minimising the SSE (equivalent to R's
 * default Gaussian likelihood n·log(SSE) for additive errors) with a multi-start Nelder–Mead over
 * R's default bounds (alpha in [1e-4, 0.9999], beta in [1e-4, alpha], phi in [0.8, 0.98]),
 * or fixed per `estimationPlan`.
 * @example
 * fitEts([10, 12, 13], "holt", {horizon: 2, levels: [80], params: {alpha: 0.5, beta: 0.1}, shrinkage: 0}).mean; // [15.168, 16.776]
 */
export function fitEts(y: readonly number[], kind: EtsKind, ctx: FitContext): ModelFit {
  const n = y.length;
  const given: Partial<EtsParams> = {};
  for (const k of ["alpha", "beta", "phi", "l0", "b0"] as const) {
    const v = ctx.params[k];
    if (v !== undefined) given[k] = v;
  }
  const free = estimationPlan(n, kind, given);
  const base = solveOnce(y, kind, given, free, ctx.warmStarts?.get(kind));
  ctx.warmStarts?.set(kind, base);
  const fit = etsFilter(y, kind, base);
  const phi = kind === "damped" ? base.phi : 1;
  const beta = kind === "ses" ? 0 : base.beta;
  const sigma2 = etsSigma2(fit.sse, n, kind);
  const mean = etsMean(fit.level, kind === "ses" ? 0 : fit.slope, phi, ctx.horizon);
  const se = etsVariance(sigma2, base.alpha, beta, phi, ctx.horizon).map(Math.sqrt);
  const params: Record<string, number> = {alpha: base.alpha, l0: base.l0};
  if (kind !== "ses") Object.assign(params, {beta: base.beta, b0: base.b0});
  if (kind === "damped") params.phi = base.phi;
  return {method: kind, params, fitted: fit.fitted, mean, ...symmetricBands(mean, se, ctx.levels), sigma2};
}

// A warm start's bounded parameters stay within this distance of 0 on the optimiser's logistic scale (the bound's
// width × 0.0025 from either end), where a simplex step of 0.5 still moves the parameter.
const WARM_LOGIT_LIMIT = 6;
// Iterations per estimated parameter of a warm-started fit (a cold fit allows 400 per start, then 1000 to polish).
const WARM_ITERATIONS = 200;

// Fitted parameters of recent series: a notebook refits the same training windows on every input change (and
// Theta and the combination refit the SES and damped models the other methods fit), and `solve` is a pure function.
const solved = new Map<string, EtsParams>();
const SOLVED_CAPACITY = 4096;

/** `solve`, remembered for the most recent series, kinds, given parameters and starts (the same result, computed once). */
function solveOnce(
  y: readonly number[],
  kind: EtsKind,
  given: Partial<EtsParams>,
  free: Name[],
  start?: Readonly<EtsParams>
): EtsParams {
  const key = `${kind}|${free.join(",")}|${JSON.stringify(given)}|${start ? JSON.stringify(start) : ""}|${y.join(",")}`;
  const known = solved.get(key);
  if (known) return {...known};
  const params = solve(y, kind, given, free, start);
  if (solved.size >= SOLVED_CAPACITY) solved.delete(solved.keys().next().value!);
  solved.set(key, params);
  return {...params};
}

/**
 * Fills every parameter: given ones exactly, free ones by optimisation (from `start` when given, else from a grid of
 * starting points), the rest by defaults/heuristics.
 */
function solve(
  y: readonly number[],
  kind: EtsKind,
  given: Partial<EtsParams>,
  free: Name[],
  start?: Readonly<EtsParams>
): EtsParams {
  const heuristicL0 = y[0];
  const heuristicB0 = kind === "ses" ? 0 : y[1] - y[0];
  const fixedAlpha = given.alpha ?? Math.max(ETS_DEFAULTS.alpha, given.beta ?? 0);
  const complete = (v: Partial<EtsParams>): EtsParams => {
    const alpha = v.alpha ?? fixedAlpha;
    return {
      alpha,
      beta: kind === "ses" ? 0 : (v.beta ?? given.beta ?? ETS_DEFAULTS.betaRatio * alpha),
      phi: kind === "damped" ? (v.phi ?? given.phi ?? ETS_DEFAULTS.phi) : 1,
      l0: v.l0 ?? given.l0 ?? heuristicL0,
      b0: kind === "ses" ? 0 : (v.b0 ?? given.b0 ?? heuristicB0)
    };
  };
  // beta cannot be estimated inside [1e-4, alpha] when a given alpha is below 1e-4.
  const plan = free.filter((k) => !(k === "beta" && given.alpha !== undefined && given.alpha < ETS_BOUNDS.betaLo));
  if (plan.length === 0) return complete({});

  const alphaLo = Math.min(Math.max(ETS_BOUNDS.alphaLo, given.beta ?? 0), ETS_BOUNDS.alphaHi);
  const alphaHi = Math.max(ETS_BOUNDS.alphaHi, alphaLo);
  const scale = Math.max(spread(y), 1e-8);
  // Where each parameter sits in the optimiser's vector (-1: not estimated).
  const at = (k: Name) => plan.indexOf(k);
  const [iAlpha, iBeta, iPhi, iL0, iB0] = [at("alpha"), at("beta"), at("phi"), at("l0"), at("b0")];
  const betaDefault = given.beta;
  const phiDefault = given.phi ?? ETS_DEFAULTS.phi;
  const l0Default = given.l0 ?? heuristicL0;
  const b0Default = given.b0 ?? heuristicB0;
  /** The parameters a point of the optimiser stands for, written into `p` (the objective reuses one object). */
  const decodeInto = (u: readonly number[], p: EtsParams): EtsParams => {
    const alpha = iAlpha >= 0 ? toInterval(u[iAlpha], alphaLo, alphaHi) : fixedAlpha;
    p.alpha = alpha;
    p.beta =
      kind === "ses"
        ? 0
        : iBeta >= 0
          ? toInterval(u[iBeta], ETS_BOUNDS.betaLo, Math.max(alpha, ETS_BOUNDS.betaLo))
          : (betaDefault ?? ETS_DEFAULTS.betaRatio * alpha);
    p.phi = kind !== "damped" ? 1 : iPhi >= 0 ? toInterval(u[iPhi], ETS_BOUNDS.phiLo, ETS_BOUNDS.phiHi) : phiDefault;
    p.l0 = iL0 >= 0 ? u[iL0] * scale : l0Default;
    p.b0 = kind === "ses" ? 0 : iB0 >= 0 ? u[iB0] * scale : b0Default;
    return p;
  };
  const decode = (u: readonly number[]): EtsParams => decodeInto(u, {alpha: 0, beta: 0, phi: 1, l0: 0, b0: 0});
  const scratch: EtsParams = {alpha: 0, beta: 0, phi: 1, l0: 0, b0: 0};
  const objective = (u: number[]): number => etsRecursion(y, kind, decodeInto(u, scratch)).sse;

  // Deterministic grid of starting points (R's initstate regression and the heuristic states).
  const m = Math.min(10, y.length);
  const head = y.slice(0, m);
  const tHead = head.map((_, i) => i + 1);
  const tbar = (m + 1) / 2;
  const ybar = head.reduce((s, v) => s + v, 0) / m;
  let sty = 0;
  let stt = 0;
  head.forEach((v, i) => {
    sty += (tHead[i] - tbar) * (v - ybar);
    stt += (tHead[i] - tbar) ** 2;
  });
  const regB0 = sty / stt;
  const regL0 = ybar - regB0 * tbar;
  const stateStarts =
    kind === "ses"
      ? [
          {l0: heuristicL0, b0: 0},
          {l0: ybar, b0: 0}
        ]
      : [
          {l0: heuristicL0, b0: heuristicB0},
          {l0: regL0, b0: regB0}
        ];
  const starts: number[][] = [];
  for (const a of [0.2, 0.8]) {
    for (const r of [0.1, 0.5]) {
      for (const ph of [0.95]) {
        for (const s of stateStarts) {
          const alpha = plan.includes("alpha") ? Math.min(Math.max(a, alphaLo), alphaHi) : fixedAlpha;
          starts.push(
            plan.map((k) => {
              if (k === "alpha") return fromInterval(alpha, alphaLo, alphaHi);
              if (k === "beta") return fromInterval(r * alpha, ETS_BOUNDS.betaLo, Math.max(alpha, ETS_BOUNDS.betaLo));
              if (k === "phi") return fromInterval(ph, ETS_BOUNDS.phiLo, ETS_BOUNDS.phiHi);
              if (k === "l0") return s.l0 / scale;
              return s.b0 / scale;
            })
          );
        }
      }
    }
  }
  // A warm start replaces the grid: the previous, one point shorter window's optimum is close to this one's. An
  // optimum on a bound sits far out on the logistic scale, where the simplex's steps change nothing: pull it in.
  const inward = (u: number) => Math.min(Math.max(u, -WARM_LOGIT_LIMIT), WARM_LOGIT_LIMIT);
  const unique = start
    ? [
        plan.map((k) => {
          const alpha = Math.min(Math.max(start.alpha, alphaLo), alphaHi);
          if (k === "alpha") return inward(fromInterval(alpha, alphaLo, alphaHi));
          if (k === "beta")
            return inward(fromInterval(start.beta, ETS_BOUNDS.betaLo, Math.max(alpha, ETS_BOUNDS.betaLo)));
          if (k === "phi") return inward(fromInterval(start.phi, ETS_BOUNDS.phiLo, ETS_BOUNDS.phiHi));
          return (k === "l0" ? start.l0 : start.b0) / scale;
        })
      ]
    : dedupe(starts);
  const steps = plan.map((k) => (k === "l0" || k === "b0" ? 0.1 : 0.5));
  if (start) {
    // From a warm start, one short run: the previous optimum is already close, and a flat direction (a parameter
    // on its bound) would otherwise keep the simplex going to its full budget.
    const from = unique[0];
    const warm = nelderMead(objective, from, {steps, maxIterations: WARM_ITERATIONS * plan.length, tolerance: 1e-10});
    return decode(warm.value <= objective(from) ? warm.x : from);
  }
  let best: {x: number[]; value: number} | undefined;
  for (const start of unique) {
    const r = nelderMead(objective, start, {steps, maxIterations: 400 * plan.length});
    if (best === undefined || r.value < best.value) best = r;
  }
  // Polish: restart from the best point (standard remedy for premature simplex collapse).
  const polished = nelderMead(objective, best!.x, {steps: steps.map((s) => s / 5), maxIterations: 1000 * plan.length});
  const final = polished.value <= best!.value ? polished.x : best!.x;
  return decode(final);
}

function spread(y: readonly number[]): number {
  const mean = y.reduce((s, v) => s + v, 0) / y.length;
  return Math.sqrt(y.reduce((s, v) => s + (v - mean) ** 2, 0) / y.length) || Math.abs(mean);
}

function dedupe(points: number[][]): number[][] {
  const seen = new Set<string>();
  return points.filter((p) => {
    const key = p.join(",");
    if (seen.has(key)) return false;
    seen.add(key);
    return true;
  });
}
