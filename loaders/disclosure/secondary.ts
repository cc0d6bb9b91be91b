/**
 * Secondary suppression by relation, the DfE/ONS rule of thumb: in every additive relation (a total and its
 * parts) either no cell is suppressed or at least two non-zero cells are, so no suppressed cell can be recovered
 * by subtraction; a suppressed zero does not count as a partner (a zero is often known to be zero). Cells are
 * chosen deterministically by cost, and the rule is applied to every relation until nothing changes (a new
 * suppression can break another relation). Reference: ONS, "Disclosure control guidance for tables produced
 * from surveys" (secondary suppression); DfE, "Statistics: SEN2 methodology" (secondary suppression so that
 * suppressed figures cannot be worked out from totals).
 */
import type {ModelCell, TableModel} from "./model.js";

/** Why a cell is published as `c`. */
export type SuppressionReason = "primary" | "secondary" | "dominance" | "consistency";

/**
 * Cost order of candidate secondary cells: smallest value first (least information lost), then the cell with the
 * fewest total coordinates (keep totals and subtotals published where possible), then canonical key.
 *
 * @example
 * const a = {value: 7, totalLevels: 0, id: "b"} as ModelCell, b = {value: 7, totalLevels: 1, id: "a"} as ModelCell;
 * compareCost(a, b) < 0; // true: same value, a is an interior cell
 */
export function compareCost(a: ModelCell, b: ModelCell): number {
  return a.value - b.value || a.totalLevels - b.totalLevels || (a.id < b.id ? -1 : a.id > b.id ? 1 : 0);
}

/** The cheapest cell among `candidates` (indices), or -1. */
export function cheapest(model: TableModel, candidates: Iterable<number>): number {
  let best = -1;
  for (const c of candidates) if (best < 0 || compareCost(model.cells[c], model.cells[best]) < 0) best = c;
  return best;
}

/**
 * Apply the relation rule to a fixpoint. Returns new reasons (the input array is not changed); `locked` cells
 * (already published elsewhere) are never chosen.
 *
 * @example
 * // Lot A = 3 (primary), Lot B = 9, Lot C = 0, Total = 12: B is chosen (C is zero)
 * completeSecondary(model, ["primary", null, null, null], new Set()); // ["primary", "secondary", null, null]
 */
export function completeSecondary(
  model: TableModel,
  reasons: readonly (SuppressionReason | null)[],
  locked: ReadonlySet<number>
): (SuppressionReason | null)[] {
  const out = reasons.slice();
  for (let changed = true; changed;) {
    changed = false;
    for (const relation of model.relations) {
      const members = [relation.total, ...relation.parts];
      const nonZeroSuppressed = members.filter((i) => out[i] !== null && model.cells[i].value !== 0).length;
      if (nonZeroSuppressed !== 1) continue;
      const pick = cheapest(
        model,
        members.filter((i) => out[i] === null && !locked.has(i) && model.cells[i].value !== 0)
      );
      if (pick < 0) continue; // only locked or zero partners: left to the audit, which will refuse the table
      out[pick] = "secondary";
      changed = true;
    }
  }
  return out;
}
