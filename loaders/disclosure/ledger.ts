/**
 * The suppression ledger: one decision per canonical cell key for a whole release, so the same figure is `c`
 * everywhere or a number everywhere (pages, downloads, KPI cards), and figures published in earlier releases are
 * respected. Reference: ONS, "Disclosure control guidance for tables" (consistent suppression across linked
 * tables); Hundepool et al. (2012) §4.1.3 (linked tables).
 */
import {canonicalKey, type CellCoordinates} from "./keys.js";
import type {SuppressionReason} from "./secondary.js";

/** One ledger entry. The true value is kept (in memory only) to detect two tables disagreeing about a cell. */
export interface LedgerEntry {
  value: number;
  suppressed: boolean;
  reason: SuppressionReason | null;
  /** True for figures already released (an earlier period's publication): they can never be withdrawn. */
  locked: boolean;
}

/**
 * Decisions keyed by canonical cell key. Suppression only ever grows: once `c`, a cell stays `c` in every table.
 *
 * @example
 * const ledger = new SuppressionLedger();
 * ledger.record(canonicalKey({lot: "A"}, "referrals"), 3, "primary");
 * ledger.isSuppressed(canonicalKey({lot: "A"}, "referrals")); // true
 */
export class SuppressionLedger {
  readonly #entries = new Map<string, LedgerEntry>();

  /** The entry of a key, if any. */
  get(id: string): LedgerEntry | undefined {
    const e = this.#entries.get(id);
    return e ? {...e} : undefined;
  }

  /** True if the cell has been suppressed in some table. */
  isSuppressed(id: string): boolean {
    return this.#entries.get(id)?.suppressed === true;
  }

  /** True if the cell was released earlier and cannot be suppressed now. */
  isLocked(id: string): boolean {
    return this.#entries.get(id)?.locked === true;
  }

  /** Number of suppressed cells recorded. */
  get suppressedCount(): number {
    let n = 0;
    for (const e of this.#entries.values()) if (e.suppressed) n++;
    return n;
  }

  /** Record a decision. Throws if the same cell had another value elsewhere, or if a released cell is hidden. */
  record(id: string, value: number, reason: SuppressionReason | null): void {
    const previous = this.#entries.get(id);
    if (previous && Math.abs(previous.value - value) > 1e-6 * Math.max(1, Math.abs(value))) {
      throw new Error(`ledger conflict: ${id} is ${value} here but ${previous.value} in another table`);
    }
    const suppressed = reason !== null || previous?.suppressed === true;
    if (previous?.locked && suppressed)
      throw new Error(`ledger conflict: ${id} was released earlier and cannot be suppressed`);
    this.#entries.set(id, {
      value,
      suppressed,
      reason: reason ?? previous?.reason ?? null,
      locked: previous?.locked ?? false
    });
  }

  /**
   * Register a figure released in an earlier publication (for example last year's table): it will never be chosen
   * for secondary suppression, because hiding it now would protect nothing.
   */
  lockPublished(coordinates: CellCoordinates, measure: string, value: number): void {
    const id = canonicalKey(coordinates, measure);
    const previous = this.#entries.get(id);
    if (previous?.suppressed) throw new Error(`ledger conflict: ${id} is suppressed but was released earlier`);
    this.#entries.set(id, {value, suppressed: false, reason: null, locked: true});
  }

  /**
   * Lock every figure recorded as published: once one artifact of a release has shown a figure, no later artifact
   * may hide it (that would break consistency), so later tables choose other cells for secondary suppression.
   */
  lockReleased(): void {
    for (const entry of this.#entries.values()) if (!entry.suppressed) entry.locked = true;
  }

  /** The entries, sorted by key, for a ledger file shared by the loaders of one build (never published). */
  toJSON(): [string, LedgerEntry][] {
    return [...this.#entries].sort(([a], [b]) => (a < b ? -1 : a > b ? 1 : 0)).map(([id, e]) => [id, {...e}]);
  }

  /**
   * A ledger from `toJSON()` output.
   *
   * @example
   * SuppressionLedger.fromJSON(JSON.parse(JSON.stringify(ledger))).isSuppressed(id);
   */
  static fromJSON(entries: readonly (readonly [string, LedgerEntry])[]): SuppressionLedger {
    const ledger = new SuppressionLedger();
    for (const [id, e] of entries) {
      if (typeof id !== "string" || typeof e?.value !== "number" || typeof e.suppressed !== "boolean") {
        throw new Error(`invalid ledger entry: ${JSON.stringify(id)}`);
      }
      ledger.#entries.set(id, {
        value: e.value,
        suppressed: e.suppressed,
        reason: e.reason ?? null,
        locked: e.locked === true
      });
    }
    return ledger;
  }
}
