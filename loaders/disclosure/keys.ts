/**
 * Canonical cell keys: the identity of a published figure, independent of the table, page or file it appears in.
 * Two tables that publish "referrals, 2024-25, Lot 1, all areas" share one key, so the suppression ledger can
 * give that figure the same decision everywhere (DfE/ONS consistency: the same cell is never `c` in one table
 * and a number in another).
 */

/** Coordinates of a cell: dimension name → member (a total is the dimension's total label, e.g. "Total"). */
export type CellCoordinates = Readonly<Record<string, string>>;

/**
 * The canonical key of a cell: the measure and the coordinates sorted by dimension name, JSON-encoded (so no
 * separator can be confused with a value). Coordinates at a dimension's total (`totals[name]`) are left out:
 * "Lot 1, all areas" in a Lot × area table is the same figure as "Lot 1" in a table by Lot alone.
 *
 * @example
 * canonicalKey({lot_code: "L1", area_code: "N"}, "referrals");
 * // '["referrals",["area_code","N"],["lot_code","L1"]]'
 * canonicalKey({lot_code: "L1", area_code: "Total"}, "referrals", {area_code: "Total"});
 * // '["referrals",["lot_code","L1"]]'
 */
export function canonicalKey(
  coordinates: CellCoordinates,
  measure: string,
  totals: Readonly<Record<string, string | null>> = {}
): string {
  const pairs = Object.keys(coordinates)
    .filter((name) => !(Object.hasOwn(totals, name) && totals[name] === coordinates[name]))
    .sort()
    .map((name) => [name, coordinates[name]]);
  return JSON.stringify([measure, ...pairs]);
}
