/**
 * The attacker's audit of a suppressed table: for every sensitive cell, the smallest and largest value it can take
 * given every published cell, every additive relation and non-negativity (linear programming over the suppressed
 * cells, one connected group of them at a time). Reference: Hundepool et al., "Statistical Disclosure Control"
 * (Wiley, 2012), §4.3.1 (feasibility intervals, protection levels).
 *
 * Protection criteria (documented in docs/disclosure-control.md):
 * - a primary count (1 to 5) is protected when its integer feasibility interval [⌈min⌉, ⌊max⌋] contains 0 or a
 *   value ≥ 6, i.e. the attacker can neither find the value nor conclude that it lies in 1–5;
 * - a dominance spend cell X is protected when min ≤ X − P and max ≥ X + P, P = requiredProtection(X).
 */
import {requiredProtection, type DominanceOptions} from "./dominance.js";
import {variableBounds, type LinearEquation} from "./lp.js";
import type {TableModel} from "./model.js";
import {MINIMUM_PUBLISHED_COUNT} from "./primary.js";

/** The attacker's interval for one sensitive cell. */
export interface CellInterval {
  /** Index of the cell in the model. */
  cell: number;
  lower: number;
  /** NaN when not needed to decide (the lower bound already protects, or already fails). */
  upper: number;
  /** True when both bounds are attained at integral vertices, so an integer attacker gets the same interval. */
  exact: boolean;
  protected: boolean;
}

/** Options of the audit. */
export interface AuditOptions {
  minimumCount?: number;
  dominance?: DominanceOptions;
  /** Compute both bounds for every cell (default false: stop once protection is decided). */
  full?: boolean;
  /**
   * Results of earlier audits of the same model, by group of suppressed cells. A group whose cells have not changed
   * has the same intervals (published values do not change), so repeated audits only solve the groups that grew.
   */
  cache?: Map<string, CellInterval[]>;
  /** Stop at the first group with an unprotected cell (default false). */
  stopAtFailure?: boolean;
}

function components(model: TableModel, suppressed: readonly boolean[]): number[][] {
  const parent = model.cells.map((_, i) => i);
  const find = (i: number): number => {
    while (parent[i] !== i) i = parent[i] = parent[parent[i]];
    return i;
  };
  for (const r of model.relations) {
    const s = [r.total, ...r.parts].filter((i) => suppressed[i]);
    for (let k = 1; k < s.length; k++) parent[find(s[k])] = find(s[0]);
  }
  const groups = new Map<number, number[]>();
  model.cells.forEach((_, i) => {
    if (!suppressed[i]) return;
    const root = find(i);
    groups.set(root, [...(groups.get(root) ?? []), i]);
  });
  return [...groups.values()];
}

/**
 * Feasibility intervals of the sensitive cells (`sensitive[i]` true) of a table whose `suppressed` cells are
 * hidden. Counts are judged by the primary criterion, spend by the dominance protection level.
 *
 * @example
 * // A = 3 and B = 9 suppressed, Total = 12 published: A ∈ [0, 12], protected
 * auditModel(model, [true, true, false], [true, false, false]); // [{cell: 0, lower: 0, upper: NaN, exact: true, protected: true}]
 */
export function auditModel(
  model: TableModel,
  suppressed: readonly boolean[],
  sensitive: readonly boolean[],
  options: AuditOptions = {}
): CellInterval[] {
  const minimum = options.minimumCount ?? MINIMUM_PUBLISHED_COUNT;
  const out: CellInterval[] = [];
  for (const group of components(model, suppressed)) {
    const targets = group.filter((i) => sensitive[i]);
    if (targets.length === 0) continue;
    const cacheKey = group.join(",");
    const cached = options.cache?.get(cacheKey);
    if (cached) {
      out.push(...cached);
      if (options.stopAtFailure && cached.some((iv) => !iv.protected)) break;
      continue;
    }
    const groupIntervals: CellInterval[] = [];
    const variable = new Map(group.map((cell, j) => [cell, j]));
    const equations: LinearEquation[] = [];
    for (const r of model.relations) {
      const members: [number, number][] = [[r.total, 1], ...r.parts.map((p): [number, number] => [p, -1])];
      if (!members.some(([i]) => variable.has(i))) continue;
      const coefficients = new Map<number, number>();
      let rhs = 0;
      for (const [i, sign] of members) {
        const j = variable.get(i);
        if (j === undefined) rhs -= sign * model.cells[i].value;
        else coefficients.set(j, (coefficients.get(j) ?? 0) + sign);
      }
      equations.push({coefficients, rhs});
    }
    const protection = (cell: number) => {
      const c = model.cells[cell];
      return c.kind === "spend"
        ? requiredProtection(
            {value: c.value, contributors: c.contributors ?? 0, largest: c.largest ?? 0},
            options.dominance
          )
        : 0;
    };
    const decidedByMin = (min: number, j: number) => {
      const c = model.cells[group[j]];
      if (options.full) return false;
      if (c.kind === "count") return Math.ceil(min - 1e-7) <= 0;
      return min > c.value - protection(group[j]) + 1e-7 * Math.max(1, c.value);
    };
    const bounds = variableBounds(
      equations,
      group.length,
      targets.map((t) => variable.get(t)!),
      {skipMax: decidedByMin}
    );
    targets.forEach((cell, k) => {
      const b = bounds[k];
      const c = model.cells[cell];
      let lower = b.min;
      let upper = b.max;
      let isProtected: boolean;
      if (c.kind === "count") {
        lower = Math.max(0, Math.ceil(lower - 1e-7));
        upper = Number.isNaN(upper) ? upper : Math.floor(upper + 1e-7);
        isProtected = lower <= 0 || upper >= minimum;
      } else {
        const p = protection(cell);
        const tol = 1e-7 * Math.max(1, c.value);
        isProtected = lower <= Math.max(0, c.value - p) + tol && !Number.isNaN(upper) && upper >= c.value + p - tol;
      }
      groupIntervals.push({
        cell,
        lower,
        upper,
        exact: b.minIntegral && (Number.isNaN(upper) || b.maxIntegral),
        protected: isProtected
      });
    });
    options.cache?.set(cacheKey, groupIntervals);
    out.push(...groupIntervals);
    if (options.stopAtFailure && groupIntervals.some((iv) => !iv.protected)) break;
  }
  return out.sort((a, b) => a.cell - b.cell);
}
