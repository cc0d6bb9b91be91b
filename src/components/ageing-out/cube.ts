/**
 * The ageing-out page's input choices looked up in the results of its two "cube" queries
 * (src/sql/ageing-out-leavers-cube.sql, src/sql/ageing-out-population-cube.sql), which DuckDB-WASM runs once when
 * the page opens: an input change then selects rows here instead of running a query in DuckDB's worker.
 */

/** The page's inputs that choose the leavers rows (filters: a code, or '' for all). */
export interface LeaversChoice {
  period: string;
  horizon: number;
  lot: string;
  area: string;
  need: string;
  funder: string;
}

/** The filters that choose the population rows ('' for all). */
export interface FilterChoice {
  lot: string;
  area: string;
  need: string;
  funder: string;
}

/**
 * The order of ageing-out-leavers-cube.sql's rows, for `onCohortTable` (sql.ts; an ORDER BY inside a subquery does not
 * order the outer result).
 */
export const CUBE_ORDER = "period_kind, horizon, area_filter, need_filter, funder_filter, start_index, lot_code";

/** The columns of a leavers cube row that name its choice, in the order of its lookup key. */
const LEAVERS_CHOICE_COLUMNS = ["period_kind", "horizon", "area_filter", "need_filter", "funder_filter"];
/** The columns of a population cube row that name its choice, in the order of its lookup key. */
const POPULATION_CHOICE_COLUMNS = ["lot_filter", "area_filter", "need_filter", "funder_filter"];

const key = (...parts: (string | number)[]) => JSON.stringify(parts.map(String));

function column(row: Record<string, unknown>, name: string): string {
  const value = row[name];
  if (typeof value !== "string" && typeof value !== "number") {
    throw new Error(`ageing-out cube row has no ${name} (got ${String(value)})`);
  }
  return String(value);
}

/**
 * The rows grouped by their values of `choiceColumns` (keyed by `key` of those values, in that order), each row
 * without the choice columns and without `alsoDropped` (columns the single-choice query does not return).
 */
function groupRows<T>(
  rows: readonly Record<string, unknown>[],
  choiceColumns: readonly string[],
  alsoDropped: readonly string[] = []
): Map<string, T[]> {
  const groups = new Map<string, T[]>();
  for (const row of rows) {
    const id = key(...choiceColumns.map((name) => column(row, name)));
    let group = groups.get(id);
    if (!group) groups.set(id, (group = []));
    const rest = {...row};
    for (const name of [...choiceColumns, ...alsoDropped]) delete rest[name];
    group.push(rest as T);
  }
  return groups;
}

/**
 * Indexes the rows of ageing-out-leavers-cube.sql (in its order) by choice. The function returned gives, for a
 * choice, the rows ageing-out-leavers.sql returns for it, with the same columns and order (a Lot filter keeps that
 * Lot's rows); a choice with no young person turning 18 gives no rows.
 *
 * @example
 * const leavers = leaversLookup(cubeRows);
 * leavers({period: "year", horizon: 3, lot: "", area: "", need: "", funder: ""});
 */
export function leaversLookup<T>(rows: readonly Record<string, unknown>[]): (choice: LeaversChoice) => T[] {
  const groups = groupRows<T>(rows, LEAVERS_CHOICE_COLUMNS, ["start_index"]);
  return ({period, horizon, lot, area, need, funder}) => {
    const group = groups.get(key(period, horizon, area, need, funder)) ?? [];
    return lot === "" ? group : group.filter((row) => (row as Record<string, unknown>).lot_code === lot);
  };
}

/**
 * Indexes the rows of ageing-out-population-cube.sql by filter choice. The function returned gives the rows
 * ageing-out-population.sql returns for those filters at a 5-year horizon (years 0-5), or undefined for a choice
 * with no child and no entrant, which the cube does not hold.
 *
 * @example
 * const population = populationLookup(cubeRows);
 * population({lot: "L2", area: "", need: "", funder: ""})?.filter((row) => row.year <= 3);
 */
export function populationLookup<T>(
  rows: readonly Record<string, unknown>[]
): (choice: FilterChoice) => T[] | undefined {
  const groups = groupRows<T>(rows, POPULATION_CHOICE_COLUMNS);
  return ({lot, area, need, funder}) => groups.get(key(lot, area, need, funder));
}
