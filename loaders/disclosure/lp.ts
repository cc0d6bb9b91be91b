/**
 * A small dense two-phase simplex for the bounds an attacker can put on suppressed cells.
 *
 * Problem form: variables x ≥ 0, equality constraints A x = b. For each requested variable it returns the
 * minimum and maximum feasible value (the LP relaxation), and whether the optimal vertex found is integral
 * (then the bound is also the integer bound). Dantzig's pivot rule, falling back to Bland's rule (smallest index
 * entering and leaving) when progress stalls, so it cannot cycle. Reference: Chvátal, "Linear Programming" (1983), ch. 2–3 (two-phase method, Bland's rule);
 * this is the "audit" an intruder runs on a suppressed table, as in Hundepool et al., "Statistical
 * Disclosure Control" (Wiley, 2012), §4.3.
 */

const EPS = 1e-9;

/** One equality constraint: Σ coefficients[j]·x[j] = rhs, with sparse coefficients. */
export interface LinearEquation {
  coefficients: ReadonlyMap<number, number>;
  rhs: number;
}

/** The feasible range of one variable. */
export interface VariableBounds {
  min: number;
  max: number;
  /** True when the vertex attaining `min` is integral, so `min` is also the integer-programming bound. */
  minIntegral: boolean;
  /** True when the vertex attaining `max` is integral (always true when `max` is infinite). */
  maxIntegral: boolean;
}

interface Tableau {
  rows: number[][];
  basis: number[];
  width: number;
}

function pivot(t: Tableau, objective: number[], row: number, column: number): void {
  const pivotRow = t.rows[row];
  const p = pivotRow[column];
  for (let j = 0; j < t.width; j++) pivotRow[j] /= p;
  const eliminate = (target: number[]) => {
    const f = target[column];
    if (f === 0) return;
    for (let j = 0; j < t.width; j++) target[j] -= f * pivotRow[j];
    target[column] = 0;
  };
  for (let i = 0; i < t.rows.length; i++) if (i !== row) eliminate(t.rows[i]);
  eliminate(objective);
  t.basis[row] = column;
}

/**
 * Run the simplex on a reduced-cost row (minimisation). Returns false if unbounded. Dantzig's rule (most negative
 * reduced cost) is fast; after 50 pivots without progress it switches to Bland's rule, which cannot cycle.
 */
function simplex(t: Tableau, objective: number[], columns: number): boolean {
  const rhs = t.width - 1;
  let stalled = 0;
  for (let iteration = 0; iteration < 100_000; iteration++) {
    const bland = stalled > 50;
    let entering = -1;
    for (let j = 0; j < columns; j++) {
      if (objective[j] < -EPS && (entering < 0 || (!bland && objective[j] < objective[entering]))) {
        entering = j;
        if (bland) break;
      }
    }
    if (entering < 0) return true;
    let leaving = -1;
    let best = Infinity;
    for (let i = 0; i < t.rows.length; i++) {
      const a = t.rows[i][entering];
      if (a <= EPS) continue;
      const ratio = t.rows[i][rhs] / a;
      if (ratio < best - EPS || (Math.abs(ratio - best) <= EPS && t.basis[i] < t.basis[leaving])) {
        best = ratio;
        leaving = i;
      }
    }
    if (leaving < 0) return false;
    const before = objective[rhs];
    pivot(t, objective, leaving, entering);
    stalled = Math.abs(objective[rhs] - before) <= EPS ? stalled + 1 : 0;
  }
  throw new Error("simplex: iteration limit reached");
}

/**
 * A feasible basis for A x = b, x ≥ 0 (phase 1), with redundant equations removed. Throws if infeasible.
 */
function feasibleBasis(equations: readonly LinearEquation[], variables: number): Tableau {
  const m = equations.length;
  const width = variables + m + 1;
  const rows = equations.map((eq, i) => {
    const row = new Array<number>(width).fill(0);
    const sign = eq.rhs < 0 ? -1 : 1;
    for (const [j, a] of eq.coefficients) {
      if (!(j >= 0 && j < variables)) throw new Error(`invalid variable index: ${j}`);
      row[j] += sign * a;
    }
    row[variables + i] = 1;
    row[width - 1] = sign * eq.rhs;
    return row;
  });
  const t: Tableau = {rows, basis: rows.map((_, i) => variables + i), width};
  const objective = new Array<number>(width).fill(0);
  for (const row of rows) {
    for (let j = 0; j < variables; j++) objective[j] -= row[j];
    objective[width - 1] -= row[width - 1];
  }
  simplex(t, objective, variables + m);
  const scale = Math.max(1, ...equations.map((eq) => Math.abs(eq.rhs)));
  if (-objective[width - 1] > 1e-7 * scale) throw new Error("infeasible constraints: published values do not add up");
  // drive artificial variables out of the basis; a row where that is impossible is redundant
  const keep: number[] = [];
  for (let i = 0; i < t.rows.length; i++) {
    if (t.basis[i] >= variables) {
      let column = -1;
      for (let j = 0; j < variables; j++) {
        if (Math.abs(t.rows[i][j]) > 1e-7) {
          column = j;
          break;
        }
      }
      if (column < 0) continue;
      pivot(t, new Array<number>(width).fill(0), i, column);
    }
    keep.push(i);
  }
  const reducedWidth = variables + 1;
  return {
    rows: keep.map((i) => [...t.rows[i].slice(0, variables), t.rows[i][width - 1]]),
    basis: keep.map((i) => t.basis[i]),
    width: reducedWidth
  };
}

function clone(t: Tableau): Tableau {
  return {rows: t.rows.map((r) => r.slice()), basis: t.basis.slice(), width: t.width};
}

/** The vertex of a tableau: x[j] for every variable, and whether all are integral. */
function vertex(t: Tableau, variables: number): {x: number[]; integral: boolean} {
  const x = new Array<number>(variables).fill(0);
  let integral = true;
  t.rows.forEach((row, i) => {
    const v = row[t.width - 1];
    if (t.basis[i] < variables) x[t.basis[i]] = v;
    if (Math.abs(v - Math.round(v)) > 1e-7) integral = false;
  });
  return {x, integral};
}

/** Minimise Σ cost[j]·x[j] from a feasible basis; returns the optimal vertex, or null if unbounded. */
function optimise(
  base: Tableau,
  variables: number,
  cost: ReadonlyMap<number, number>
): {x: number[]; integral: boolean} | null {
  const t = clone(base);
  const objective = new Array<number>(t.width).fill(0);
  for (const [j, c] of cost) objective[j] = c;
  for (let i = 0; i < t.rows.length; i++) {
    const c = cost.get(t.basis[i]) ?? 0;
    if (c === 0) continue;
    for (let j = 0; j < t.width; j++) objective[j] -= c * t.rows[i][j];
  }
  return simplex(t, objective, variables) ? vertex(t, variables) : null;
}

/**
 * Minimum and maximum of each target variable subject to A x = b, x ≥ 0. `skipMax` lets a caller that only
 * needs the maximum when the minimum is not already decisive save the second solve (`max` is then NaN).
 *
 * @example
 * // x0 + x1 = 7, x0 + x2 = 4 → x0 ∈ [0, 4]
 * const eq = (c: [number, number][], rhs: number) => ({coefficients: new Map(c), rhs});
 * variableBounds([eq([[0, 1], [1, 1]], 7), eq([[0, 1], [2, 1]], 4)], 3, [0]);
 * // [{min: 0, max: 4, minIntegral: true, maxIntegral: true}]
 */
export function variableBounds(
  equations: readonly LinearEquation[],
  variables: number,
  targets: readonly number[],
  options: {skipMax?: (min: number, target: number) => boolean} = {}
): VariableBounds[] {
  if (!Number.isInteger(variables) || variables < 0) throw new Error(`invalid variables: ${variables}`);
  const base = feasibleBasis(equations, variables);
  // every vertex met is a feasible point: a variable at 0 there has minimum 0, with no further solve
  const zeroAt = new Map<number, boolean>();
  const remember = (v: {x: number[]; integral: boolean}) =>
    v.x.forEach((x, j) => {
      if (Math.abs(x) <= 1e-9) zeroAt.set(j, (zeroAt.get(j) ?? false) || v.integral);
    });
  remember(vertex(base, variables));
  // one solve pushing all targets down at once usually finds most of their zeros
  if (targets.length > 1) remember(optimise(base, variables, new Map(targets.map((t) => [t, 1])))!);
  return targets.map((target) => {
    if (!(target >= 0 && target < variables)) throw new Error(`invalid target: ${target}`);
    let min = 0;
    let minIntegral = zeroAt.get(target) ?? false;
    if (!zeroAt.has(target)) {
      const low = optimise(base, variables, new Map([[target, 1]]))!; // x ≥ 0, so the minimum is bounded
      remember(low);
      min = low.x[target] + 0; // + 0 turns -0 into 0
      minIntegral = low.integral;
    }
    if (options.skipMax?.(min, target)) return {min, max: NaN, minIntegral, maxIntegral: false};
    const high = optimise(base, variables, new Map([[target, -1]]));
    if (high === null) return {min, max: Infinity, minIntegral, maxIntegral: true};
    remember(high);
    return {min, max: high.x[target] + 0, minIntegral, maxIntegral: high.integral};
  });
}
