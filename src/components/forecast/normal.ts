import {regularizedGammaQ} from "./special.js";

/**
 * Upper tail of the standard normal, Q(z) = P(Z > z), computed without cancellation in the tail
 * via erfc(u) = Q_Γ(1/2, u²) (Abramowitz & Stegun 7.1.2, 6.5.17).
 * @example
 * normalUpperTail(1.959963984540054); // 0.025
 */
export function normalUpperTail(z: number): number {
  if (z < 0) return 1 - normalUpperTail(-z);
  return 0.5 * regularizedGammaQ(0.5, (z * z) / 2);
}

/**
 * Standard normal density φ(z).
 * @example
 * normalDensity(0); // 0.3989422804014327
 */
export function normalDensity(z: number): number {
  return Math.exp(-0.5 * z * z) / Math.sqrt(2 * Math.PI);
}

/**
 * Standard normal quantile Φ⁻¹(p), accurate to ~1e-14: a starting value from Abramowitz & Stegun
 * 26.2.23, refined by Newton steps on the exact upper tail.
 * @example
 * normalQuantile(0.975); // 1.959963984540054
 */
export function normalQuantile(p: number): number {
  if (!(p > 0 && p < 1)) {
    if (p === 0) return -Infinity;
    if (p === 1) return Infinity;
    throw new Error(`invalid probability: ${p}`);
  }
  if (p === 0.5) return 0;
  // Work on the smaller tail directly so that p = 1e-10 keeps full precision.
  return p < 0.5 ? -upperTailQuantile(p) : upperTailQuantile(1 - p);
}

/** z > 0 with Q(z) = tail, for 0 < tail < 0.5. */
function upperTailQuantile(tail: number): number {
  const t = Math.sqrt(-2 * Math.log(tail));
  let z =
    t - (2.515517 + 0.802853 * t + 0.010328 * t * t) / (1 + 1.432788 * t + 0.189269 * t * t + 0.001308 * t * t * t);
  for (let i = 0; i < 50; i++) {
    const step = (normalUpperTail(z) - tail) / normalDensity(z);
    z += step;
    if (Math.abs(step) < 1e-15 * (1 + Math.abs(z))) break;
  }
  return z;
}
