import type {EesRow} from "./ees.js";
import type {DfeCell} from "./symbols.js";

/** One point of a series: the start year, the `time_period` as written, and the value or typed missing value. */
export type SeriesPoint = DfeCell & {year: number; timePeriod: string};

/** The series of one geography (code + latest name), ordered by year. */
export interface GeographySeries {
  code: string;
  name: string;
  points: SeriesPoint[];
}

/**
 * Extract one indicator as a series per geography from EES rows: for every row at `geographicLevel` (and
 * matching every given filter value), group by the geography code (LA: `new_la_code`), order by year.
 * Geographies are ordered by code. Two rows for the same geography and period mean a filter is missing:
 * that throws rather than silently picking one.
 *
 * @example
 * sen2Series(rows, {column: "inreq_ehc", geographicLevel: "National"})[0].points.at(-1);
 * // {kind: "value", value: 114482, year: 2022, timePeriod: "2022"}
 */
export function eesSeries(
  rows: readonly EesRow[],
  options: {column: string; geographicLevel: string; filters?: Readonly<Record<string, string>>}
): GeographySeries[] {
  const groups = new Map<string, {name: string; lastYear: number; points: SeriesPoint[]}>();
  const seen = new Set<string>();
  for (const row of rows) {
    if (row.geographicLevel !== options.geographicLevel) continue;
    if (options.filters && Object.entries(options.filters).some(([k, v]) => row.filters[k] !== v)) continue;
    const cell = row.values[options.column];
    if (cell === undefined) throw new Error(`unknown column: ${options.column}`);
    const id = `${row.code}\u0000${row.timePeriod}\u0000${row.timeIdentifier}`;
    if (seen.has(id)) {
      throw new Error(
        `duplicate rows for ${row.code} in ${row.timePeriod}: select a filter (columns: ${Object.keys(row.filters).join(", ") || "none"})`
      );
    }
    seen.add(id);
    const group = groups.get(row.code) ?? {name: row.name, lastYear: row.year, points: []};
    if (row.year >= group.lastYear) {
      group.name = row.name;
      group.lastYear = row.year;
    }
    group.points.push({...cell, year: row.year, timePeriod: row.timePeriod});
    groups.set(row.code, group);
  }
  return [...groups.entries()]
    .sort(([a], [b]) => (a < b ? -1 : a > b ? 1 : 0))
    .map(([code, g]) => ({
      code,
      name: g.name,
      points: [...g.points].sort((a, b) => a.year - b.year || (a.timePeriod < b.timePeriod ? -1 : 1))
    }));
}

/**
 * {@link eesSeries} under the name used for the SEN2 (EHC plans) file.
 *
 * @example
 * sen2Series(rows, {column: "inreq_ehc", geographicLevel: "Local authority"});
 */
export const sen2Series = eesSeries;
