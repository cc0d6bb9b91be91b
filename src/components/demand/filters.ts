/**
 * The demand page's filters (financial-year range, area, Lot) applied to aggregate rows in the browser. "All" is
 * the empty string, as kept in the URL.
 */

export interface DemandFilter {
  /** First and last financial year shown, inclusive (labels such as `2019-20` compare in order as text). */
  from: string;
  to: string;
  /** Area code, or "" for every area. */
  area: string;
  /** Lot code, or "" for every Lot. Rows without a Lot (EHCP activity) ignore it. */
  lot: string;
}

/**
 * The rows inside the filter. Never mutates its input.
 *
 * @example
 * filterRows(rows, {from: "2022-23", to: "2024-25", area: "NORTH", lot: ""});
 */
export function filterRows<T extends {financial_year: string; area_code: string; lot_code?: string}>(
  rows: readonly T[],
  filter: DemandFilter
): T[] {
  return rows.filter(
    (row) =>
      row.financial_year >= filter.from &&
      row.financial_year <= filter.to &&
      (filter.area === "" || row.area_code === filter.area) &&
      (filter.lot === "" || row.lot_code === undefined || row.lot_code === filter.lot)
  );
}

/**
 * Words for the filter, for titles and captions.
 *
 * @example
 * describeFilter({from: "2019-20", to: "2024-25", area: "", lot: "LOT1"}, {areas: {}, lots: {LOT1: "Lot 1"}});
 * // "2019-20 to 2024-25, all areas, Lot 1"
 */
export function describeFilter(
  filter: DemandFilter,
  names: {areas: Record<string, string>; lots: Record<string, string>},
  {lotApplies = true}: {lotApplies?: boolean} = {}
): string {
  const years = filter.from === filter.to ? filter.from : `${filter.from} to ${filter.to}`;
  const area = filter.area === "" ? "all areas" : (names.areas[filter.area] ?? filter.area);
  const parts = [years, area];
  if (lotApplies) parts.push(filter.lot === "" ? "all Lots" : (names.lots[filter.lot] ?? filter.lot));
  return parts.join(", ");
}
