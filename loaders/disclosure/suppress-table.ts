/**
 * Suppress a table: primary suppression (counts 1–5, dominant spend), secondary suppression by relation to a
 * fixpoint, then an attacker audit by linear programming, adding secondary cells until every sensitive cell is
 * protected. Deterministic: cells are processed in canonical-key order and candidates in cost order; there is no
 * randomness. References: DfE SEN2 methodology (primary and secondary suppression); Hundepool et al.,
 * "Statistical Disclosure Control" (Wiley, 2012), ch. 4 (suppression, audit by feasibility intervals).
 */
import {auditModel, type CellInterval} from "./audit.js";
import {dominanceReason, type DominanceOptions} from "./dominance.js";
import type {CellCoordinates} from "./keys.js";
import type {SuppressionLedger} from "./ledger.js";
import {buildModel, type DisclosureTable, type TableModel} from "./model.js";
import {isPrimaryCount, MINIMUM_PUBLISHED_COUNT} from "./primary.js";
import {cheapest, completeSecondary, type SuppressionReason} from "./secondary.js";

/** Options of suppression. */
export interface SuppressOptions {
  /** Smallest count published as a number (default 6, so 1–5 become `c`). */
  minimumCount?: number;
  dominance?: DominanceOptions;
  /** Decisions shared with other tables of the release. */
  ledger?: SuppressionLedger;
}

/** A published cell. */
export interface PublishedCell {
  key: CellCoordinates;
  measure: string;
  value: number | "c";
  reason: SuppressionReason | null;
  /** True if the cell was not in the input (a computed total, subtotal or cumulative value). */
  computed: boolean;
}

/** The outcome for a table. */
export interface SuppressionResult {
  /** Every cell of the completed table, in canonical-key order. */
  cells: PublishedCell[];
  counts: Record<SuppressionReason, number>;
  /** Cells added because the audit found the relation rule insufficient. */
  repairs: number;
}

/** Internal outcome on the model, for callers that need the model too. */
export interface ModelSuppression {
  model: TableModel;
  reasons: (SuppressionReason | null)[];
  sensitive: boolean[];
  intervals: CellInterval[];
  repairs: number;
}

/**
 * Suppress a completed model. See `suppressTable`.
 *
 * @example
 * suppressModel(buildModel(table)).reasons; // one reason (or null) per model cell
 */
export function suppressModel(model: TableModel, options: SuppressOptions = {}): ModelSuppression {
  const minimum = options.minimumCount ?? MINIMUM_PUBLISHED_COUNT;
  const ledger = options.ledger;
  const locked = new Set<number>();
  let reasons: (SuppressionReason | null)[] = model.cells.map((cell, i) => {
    if (ledger?.isLocked(cell.id)) locked.add(i);
    if (cell.kind === "count" && isPrimaryCount(cell.value, minimum)) return "primary";
    if (cell.kind === "spend" && cell.value > 0) {
      const spend = {value: cell.value, contributors: cell.contributors ?? 0, largest: cell.largest ?? 0};
      if (dominanceReason(spend, options.dominance) !== null) return "dominance";
    }
    if (ledger?.isSuppressed(cell.id)) return "consistency";
    return null;
  });
  for (const i of locked) {
    if (reasons[i] !== null)
      throw new Error(`ledger conflict: ${model.cells[i].id} was released earlier but is ${reasons[i]}`);
  }
  const sensitive = reasons.map((r) => r === "primary" || r === "dominance");
  const relationsOf = model.cells.map((): number[] => []);
  model.relations.forEach((r, k) => [r.total, ...r.parts].forEach((i) => relationsOf[i].push(k)));
  const available = (i: number) => reasons[i] === null && !locked.has(i) && model.cells[i].value !== 0;
  let repairs = 0;
  const cache = new Map<string, CellInterval[]>();
  for (;;) {
    reasons = completeSecondary(model, reasons, locked);
    const suppressed = reasons.map((r) => r !== null);
    const intervals = auditModel(model, suppressed, sensitive, {
      minimumCount: minimum,
      dominance: options.dominance,
      cache
    });
    const failing = intervals.filter((iv) => !iv.protected);
    if (failing.length === 0) return {model, reasons, sensitive, intervals, repairs};
    // widen each failing cell's uncertainty: suppress the cheapest published partner in one of its relations,
    // else next to any suppressed cell, else anywhere; then apply the relation rule and audit again
    const touching = model.relations
      .filter((r) => [r.total, ...r.parts].some((i) => suppressed[i]))
      .flatMap((r) => [r.total, ...r.parts]);
    reasons = reasons.slice();
    for (const f of failing) {
      const near = relationsOf[f.cell].flatMap((k) => [model.relations[k].total, ...model.relations[k].parts]);
      let pick = cheapest(model, near.filter(available));
      if (pick < 0) pick = cheapest(model, touching.filter(available));
      if (pick < 0) pick = cheapest(model, model.cells.map((_, i) => i).filter(available));
      if (pick < 0) throw new Error(`cannot protect ${model.cells[f.cell].id}: no cell left to suppress`);
      reasons[pick] = "secondary";
      repairs++;
    }
  }
}

/**
 * Apply disclosure control to a table: every count of 1 to 5 and every dominated spend figure becomes `c`, and
 * enough other cells become `c` that none can be recovered from the published cells and totals. Missing totals
 * and subtotals are computed and returned too (drop them if not wanted: publishing fewer cells is always safe).
 * With a ledger, cells suppressed in other tables are suppressed here ("consistency") and this table's decisions
 * are recorded.
 *
 * @example
 * suppressTable({dimensions: ["lot"], measures: ["referrals"],
 *   cells: [{key: {lot: "A"}, value: 3}, {key: {lot: "B"}, value: 9}, {key: {lot: "C"}, value: 0}]}).cells
 *   .map((c) => [c.key.lot, c.value, c.reason]);
 * // [["A", "c", "primary"], ["B", "c", "secondary"], ["C", 0, null], ["Total", 12, null]]
 */
export function suppressTable(table: DisclosureTable, options: SuppressOptions = {}): SuppressionResult {
  const {model, reasons, repairs} = suppressModel(buildModel(table), options);
  const counts: Record<SuppressionReason, number> = {primary: 0, secondary: 0, dominance: 0, consistency: 0};
  const cells = model.cells.map((cell, i) => {
    const reason = reasons[i];
    if (reason !== null) counts[reason]++;
    options.ledger?.record(cell.id, cell.value, reason);
    return {
      key: {...cell.coordinates},
      measure: cell.measure,
      value: reason === null ? cell.value : ("c" as const),
      reason,
      computed: !cell.given
    };
  });
  return {cells, counts, repairs};
}

/**
 * Suppress several linked tables of one release consistently: tables are suppressed in turn through one ledger,
 * and the round is repeated until no table adds a suppression (suppression only grows, so this terminates).
 *
 * @example
 * const [byLot, byArea] = suppressTables([tableByLot, tableByArea], {ledger: new SuppressionLedger()});
 */
export function suppressTables(
  tables: readonly DisclosureTable[],
  options: SuppressOptions & {ledger: SuppressionLedger}
): SuppressionResult[] {
  for (;;) {
    const before = options.ledger.suppressedCount;
    const results = tables.map((t) => suppressTable(t, options));
    if (options.ledger.suppressedCount === before) return results;
  }
}
