/**
 * Seeded pseudo-random numbers for the demo generator (no Math.random, no clock).
 *
 * mulberry32 is Tommy Ettinger's 32-bit generator (public domain, used by e.g. the `pure-rand` package);
 * `hashSeed` mixes integers with the murmur3 32-bit finaliser so that per-child streams are independent.
 */

/** A source of uniform numbers in [0, 1). */
export type Random = () => number;

/**
 * Create a mulberry32 generator.
 * @param seed any 32-bit integer
 * @returns a function giving uniform floats in [0, 1)
 * @example
 * const rng = mulberry32(42); rng(); // 0.6011037519201636
 */
export function mulberry32(seed: number): Random {
  let state = seed >>> 0;
  return () => {
    state = (state + 0x6d2b79f5) >>> 0;
    let t = state;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}

/**
 * Mix two integers into one 32-bit seed (murmur3 fmix32 of a combination).
 * @example
 * hashSeed(1, 2) !== hashSeed(2, 1); // true
 */
export function hashSeed(a: number, b: number): number {
  let h = (Math.imul(a >>> 0, 0x9e3779b1) ^ (b >>> 0)) >>> 0;
  h ^= h >>> 16;
  h = Math.imul(h, 0x85ebca6b);
  h ^= h >>> 13;
  h = Math.imul(h, 0xc2b2ae35);
  h ^= h >>> 16;
  return h >>> 0;
}

/**
 * Uniform integer in [min, max] (both inclusive).
 * @example
 * uniformInt(mulberry32(1), 1, 6); // a die roll
 */
export function uniformInt(rng: Random, min: number, max: number): number {
  return min + Math.floor(rng() * (max - min + 1));
}

/**
 * Triangular distribution (min, mode, max) by inverse CDF (Law & Kelton, Simulation Modeling, 5th ed., 8.3.15).
 * @example
 * triangular(mulberry32(1), 2, 4, 9); // between 2 and 9, most often near 4
 */
export function triangular(rng: Random, min: number, mode: number, max: number): number {
  const u = rng();
  const split = (mode - min) / (max - min);
  return u < split
    ? min + Math.sqrt(u * (max - min) * (mode - min))
    : max - Math.sqrt((1 - u) * (max - min) * (max - mode));
}

/**
 * Index drawn with probability proportional to `weights` (which need not sum to 1).
 * @example
 * weightedIndex(mulberry32(1), [0, 1, 0]); // 1
 */
export function weightedIndex(rng: Random, weights: readonly number[]): number {
  let total = 0;
  for (const w of weights) total += w;
  let u = rng() * total;
  for (let i = 0; i < weights.length; i++) {
    u -= weights[i];
    if (u < 0) return i;
  }
  return weights.length - 1;
}

/**
 * Binomial(n, p) draw by summing Bernoulli trials (n is small here: beds in a unit, monthly cohorts).
 * @example
 * binomial(mulberry32(1), 8, 0.65); // 0..8
 */
export function binomial(rng: Random, n: number, p: number): number {
  let k = 0;
  for (let i = 0; i < n; i++) if (rng() < p) k++;
  return k;
}

/**
 * Split an integer total into parts proportional to weights, by the largest-remainder (Hamilton) method,
 * so the parts sum exactly to the total. Ties go to the earlier index (stable).
 * @example
 * largestRemainder(10, [1, 1, 1]); // [4, 3, 3]
 */
export function largestRemainder(total: number, weights: readonly number[]): number[] {
  const sum = weights.reduce((a, b) => a + b, 0);
  if (sum <= 0) return weights.map(() => 0);
  const exact = weights.map((w) => (total * w) / sum);
  const parts = exact.map((x) => Math.floor(x));
  let left = total - parts.reduce((a, b) => a + b, 0);
  const order = exact.map((x, i) => ({i, r: x - Math.floor(x)})).sort((a, b) => b.r - a.r || a.i - b.i);
  for (let k = 0; left > 0; k++, left--) parts[order[k % order.length].i]++;
  return parts;
}
