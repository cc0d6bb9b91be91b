import {logGamma, regularizedBeta} from "./special.js";
import {normalQuantile, normalUpperTail} from "./normal.js";

/**
 * Upper tail of Student's t with `df` degrees of freedom, P(T > t), via
 * P(|T| > t) = I_{df/(df+t²)}(df/2, 1/2) (Abramowitz & Stegun 26.7.1 / 26.5.27).
 * @example
 * studentTUpperTail(12.706204736174707, 1); // 0.025
 */
export function studentTUpperTail(t: number, df: number): number {
  if (t < 0) return 1 - studentTUpperTail(-t, df);
  if (df === Infinity) return normalUpperTail(t);
  const t2 = t * t;
  const x = df / (df + t2);
  const oneMinusX = t2 / (df + t2);
  return 0.5 * regularizedBeta(x, df / 2, 0.5, oneMinusX);
}

/**
 * Student's t cumulative distribution function P(T ≤ t).
 * @example
 * studentTCdf(0, 5); // 0.5
 */
export function studentTCdf(t: number, df: number): number {
  return 1 - studentTUpperTail(t, df);
}

/**
 * Student's t density.
 * @example
 * studentTDensity(0, 1); // 1/π = 0.3183098861837907
 */
export function studentTDensity(t: number, df: number): number {
  const logC = logGamma((df + 1) / 2) - logGamma(df / 2) - 0.5 * Math.log(df * Math.PI);
  return Math.exp(logC - ((df + 1) / 2) * Math.log1p((t * t) / df));
}

/**
 * Student's t quantile t_{p, df} for any df > 0 (non-integer allowed; df = Infinity gives the normal
 * quantile). Solved on the exact upper tail (regularized incomplete beta, Numerical Recipes §6.4)
 * by Newton steps safeguarded by bisection inside a bracket, to a relative tolerance of ~1e-13.
 * Reference values: any t table, e.g. NIST/SEMATECH e-Handbook §1.3.6.7.2
 * (df = 1: t_0.975 = 12.706; df = 10: 2.228).
 * @example
 * studentTQuantile(0.975, 10); // 2.2281388519649385
 */
export function studentTQuantile(p: number, df: number): number {
  if (!(df > 0)) throw new Error(`invalid df: ${df}`);
  if (!(p > 0 && p < 1)) throw new Error(`invalid probability: ${p}`);
  if (df === Infinity) return normalQuantile(p);
  if (p === 0.5) return 0;
  // Work on the smaller tail directly (no 1 - (1 - p) round-off).
  return p < 0.5 ? -upperTailQuantile(p, df) : upperTailQuantile(1 - p, df);
}

/** t > 0 with P(T > t) = target, for 0 < target < 0.5. */
function upperTailQuantile(target: number, df: number): number {
  // Bracket [lo, hi] with tail(lo) >= target > tail(hi).
  let lo = 0;
  let hi = Math.max(1, -normalQuantile(target));
  while (studentTUpperTail(hi, df) > target) {
    lo = hi;
    hi *= 2;
    if (hi > 1e300) return Infinity;
  }
  let t = (lo + hi) / 2;
  for (let i = 0; i < 500; i++) {
    const f = studentTUpperTail(t, df) - target;
    if (f > 0) lo = t;
    else hi = t;
    // tail'(t) = -density(t)
    let next = t + f / studentTDensity(t, df);
    if (!(next > lo && next < hi)) next = (lo + hi) / 2;
    if (Math.abs(next - t) <= 1e-14 * Math.max(1, Math.abs(next))) return next;
    t = next;
  }
  return t;
}
