/**
 * Options of `nelderMead`.
 */
export interface NelderMeadOptions {
  /** Initial simplex step per coordinate (default 0.5 for every coordinate). */
  steps?: number[];
  maxIterations?: number;
  /** Stop when the spread of function values in the simplex is below this (relative + absolute). */
  tolerance?: number;
}

/**
 * Deterministic Nelder–Mead simplex minimiser (reflection 1, expansion 2, contraction 0.5,
 * shrink 0.5), as in Nelder & Mead (1965) with the tie-breaking rules of Lagarias et al. (1998),
 * "Convergence properties of the Nelder–Mead simplex method in low dimensions", SIAM J. Optim. 9.
 * Unconstrained: callers impose bounds by transforming variables (e.g. a logistic map).
 * Non-finite objective values are treated as +Infinity.
 * @example
 * nelderMead(([x, y]) => (x - 1) ** 2 + (y + 2) ** 2, [0, 0]).x; // ≈ [1, -2]
 */
export function nelderMead(
  f: (x: number[]) => number,
  start: readonly number[],
  options: NelderMeadOptions = {}
): {x: number[]; value: number; iterations: number} {
  const d = start.length;
  const evaluate = (x: number[]): number => {
    const v = f(x);
    return Number.isFinite(v) ? v : Infinity;
  };
  if (d === 0) return {x: [], value: evaluate([]), iterations: 0};
  const steps = options.steps ?? start.map(() => 0.5);
  const maxIterations = options.maxIterations ?? 1000 * d;
  const tolerance = options.tolerance ?? 1e-12;

  const simplex: {x: number[]; v: number}[] = [{x: [...start], v: evaluate([...start])}];
  for (let i = 0; i < d; i++) {
    const x = [...start];
    x[i] += steps[i] === 0 ? 0.00025 : steps[i];
    simplex.push({x, v: evaluate(x)});
  }
  const order = (): void => {
    // Stable insertion sort (d + 1 points): ties keep their order, so runs are deterministic.
    for (let i = 1; i < simplex.length; i++) {
      const p = simplex[i];
      let j = i - 1;
      while (j >= 0 && simplex[j].v > p.v) {
        simplex[j + 1] = simplex[j];
        j--;
      }
      simplex[j + 1] = p;
    }
  };
  const combine = (a: number[], b: number[], t: number): number[] => {
    const out: number[] = [];
    for (let k = 0; k < d; k++) out.push(a[k] + t * (b[k] - a[k]));
    return out;
  };
  const centroid: number[] = new Array<number>(d).fill(0);

  let iterations = 0;
  order();
  while (iterations < maxIterations) {
    iterations++;
    const best = simplex[0];
    const worst = simplex[d];
    if (Math.abs(worst.v - best.v) <= tolerance * (Math.abs(best.v) + tolerance)) {
      let size = 0;
      let largest = -Infinity;
      for (const p of simplex) for (let k = 0; k < d; k++) size = Math.max(size, Math.abs(p.x[k] - best.x[k]));
      for (let k = 0; k < d; k++) largest = Math.max(largest, Math.abs(best.x[k]));
      if (size <= 1e-10 * (1 + largest)) break;
    }
    centroid.fill(0);
    for (let i = 0; i < d; i++) for (let k = 0; k < d; k++) centroid[k] += simplex[i].x[k] / d;
    const xr = combine(centroid, worst.x, -1);
    const vr = evaluate(xr);
    if (vr < best.v) {
      const xe = combine(centroid, worst.x, -2);
      const ve = evaluate(xe);
      simplex[d] = ve < vr ? {x: xe, v: ve} : {x: xr, v: vr};
    } else if (vr < simplex[d - 1].v) {
      simplex[d] = {x: xr, v: vr};
    } else {
      const outside = vr < worst.v;
      const xc = outside ? combine(centroid, xr, 0.5) : combine(centroid, worst.x, 0.5);
      const vc = evaluate(xc);
      if (vc < (outside ? vr : worst.v)) {
        simplex[d] = {x: xc, v: vc};
      } else {
        for (let i = 1; i <= d; i++) {
          const x = combine(best.x, simplex[i].x, 0.5);
          simplex[i] = {x, v: evaluate(x)};
        }
      }
    }
    order();
  }
  return {x: simplex[0].x, value: simplex[0].v, iterations};
}

/**
 * Maps an unconstrained real to (lo, hi) with the logistic function.
 * @example
 * toInterval(0, 0, 1); // 0.5
 */
export function toInterval(u: number, lo: number, hi: number): number {
  return lo + (hi - lo) / (1 + Math.exp(-u));
}

/**
 * Inverse of `toInterval` (values at or beyond the bounds are pulled 1e-9 inside).
 * @example
 * fromInterval(0.5, 0, 1); // 0
 */
export function fromInterval(x: number, lo: number, hi: number): number {
  const p = Math.min(Math.max((x - lo) / (hi - lo), 1e-9), 1 - 1e-9);
  return Math.log(p / (1 - p));
}
