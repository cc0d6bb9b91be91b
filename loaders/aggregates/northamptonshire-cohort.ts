/**
 * The Northamptonshire turning-18 table (data/published/northamptonshire/turning_18.csv) in the columns of the
 * ageing-out cohort aggregate, so the notebook's own cohort SQL (src/sql/ageing-out-leavers.sql) can be run on it as
 * a check: it must give the printed 11 young people and 42 nights a month. The residential unit stands in for the
 * Lot; the table has no area, need, funder, hours or cost, so those are "not recorded" or empty (never 0).
 */
import {Bool, Float64, Int32, Table, Utf8, tableToIPC, vectorFromArray} from "apache-arrow";
import type {ShortBreaksUnit, Turning18Row} from "../published/index.js";

/** One row of the cohort table, as the cohort SQL reads it. */
export interface CohortRow {
  turn18_month: string;
  lot_code: string;
  lot_name: string;
  statutory: boolean | null;
  area_code: string;
  area_name: string;
  primary_need: string;
  funder: string;
  children: number;
  multi_lot_children: number;
  packages: number | null;
  hours_per_week: number | null;
  weekly_cost: number | null;
  nights_per_month: number | null;
}

/** The published report is about the two Northamptonshire unitary councils together. */
const AREA = {code: "NORTHANTS", name: "North and West Northamptonshire"};
const NOT_RECORDED = "not recorded";

/**
 * The turning-18 rows as cohort rows, in the published order.
 *
 * @example
 * northamptonshireCohortRows(published.northamptonshire.turning18, published.northamptonshire.units)[0];
 * // {turn18_month: "2023-03", lot_code: "JGS", lot_name: "John Greenwood Shipman Centre", children: 1, nights_per_month: 4, ...}
 */
export function northamptonshireCohortRows(
  rows: readonly Turning18Row[],
  units: readonly ShortBreaksUnit[]
): CohortRow[] {
  return rows.map((row) => {
    const unit = units.find((candidate) => candidate.unit === row.unit);
    if (!unit) throw new Error(`unknown unit in turning_18.csv: ${row.unit}`);
    return {
      turn18_month: row.month,
      lot_code: row.unit,
      lot_name: unit.name,
      statutory: null,
      area_code: AREA.code,
      area_name: AREA.name,
      primary_need: NOT_RECORDED,
      funder: NOT_RECORDED,
      children: row.youngPeople,
      multi_lot_children: 0,
      packages: null,
      hours_per_week: null,
      weekly_cost: null,
      nights_per_month: row.nightsPerMonth
    };
  });
}

/**
 * Cohort rows as Arrow IPC, with the same column types as the demo cohort aggregate.
 *
 * @example
 * const bytes = cohortRowsToArrow(rows);
 */
export function cohortRowsToArrow(rows: readonly CohortRow[]): Uint8Array {
  const text = (key: keyof CohortRow) =>
    vectorFromArray(
      rows.map((row) => row[key] as string),
      new Utf8()
    );
  const int = (key: keyof CohortRow) =>
    vectorFromArray(
      rows.map((row) => row[key] as number | null),
      new Int32()
    );
  const float = (key: keyof CohortRow) =>
    vectorFromArray(
      rows.map((row) => row[key] as number | null),
      new Float64()
    );
  const table = new Table({
    turn18_month: text("turn18_month"),
    lot_code: text("lot_code"),
    lot_name: text("lot_name"),
    statutory: vectorFromArray(
      rows.map((row) => row.statutory),
      new Bool()
    ),
    area_code: text("area_code"),
    area_name: text("area_name"),
    primary_need: text("primary_need"),
    funder: text("funder"),
    children: int("children"),
    multi_lot_children: int("multi_lot_children"),
    packages: int("packages"),
    hours_per_week: float("hours_per_week"),
    weekly_cost: float("weekly_cost"),
    nights_per_month: float("nights_per_month")
  });
  return tableToIPC(table, "stream");
}

/**
 * The as-at month of the Northamptonshire table: the report says "in the next year there are 11 children turning
 * 18", and its first row is March 2023, so it counts the 12 months after February 2023.
 *
 * @example
 * northamptonshireAsAtMonth(rows); // "2023-02"
 */
export function northamptonshireAsAtMonth(rows: readonly Turning18Row[]): string {
  const first = rows.map((row) => row.month).sort()[0];
  if (first === undefined) throw new Error("turning_18.csv has no rows");
  const [year, month] = first.split("-").map(Number);
  const index = year * 12 + month - 2;
  return `${Math.floor(index / 12)}-${String((index % 12) + 1).padStart(2, "0")}`;
}
