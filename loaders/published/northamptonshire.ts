import {check, type Check} from "./check.js";
import {integerCell, parseTable, sourceOf, textCell, type Source} from "./table.js";

/** One row of the turning-18 table: young people leaving residential short breaks. */
export interface Turning18Row {
  /** `YYYY-MM`. */
  readonly month: string;
  readonly monthAsPrinted: string;
  readonly youngPeople: number;
  readonly nightsPerMonth: number;
  /** Residential unit: `JGS` (John Greenwood Shipman) or `Squirrels`. */
  readonly unit: string;
  readonly source: Source;
}

/** A residential short breaks unit. */
export interface ShortBreaksUnit {
  readonly unit: string;
  readonly name: string;
  readonly cohort: string;
  readonly maxChildrenAtOneTime: number;
  readonly daysOpenPerWeekCurrent: number;
  readonly daysOpenPerWeekProposed: number;
  readonly additionalDayCareSessionsProposed: number;
  readonly source: Source;
}

/**
 * Parse `northamptonshire/turning_18.csv`.
 * @throws Error naming file, row and column.
 * @example
 * parseTurning18(text, "northamptonshire/turning_18.csv").length; // 8
 */
export function parseTurning18(text: string, file: string): Turning18Row[] {
  const columns = [
    "month",
    "month_as_printed",
    "young_people",
    "nights_per_month",
    "unit",
    "source_document",
    "source_table"
  ];
  return parseTable(text, file, columns).map((row) => {
    const month = textCell(row, "month");
    if (!/^\d{4}-(0[1-9]|1[0-2])$/.test(month)) {
      throw new Error(`invalid month in ${row.file} row ${row.row} column month: "${month}"`);
    }
    return {
      month,
      monthAsPrinted: textCell(row, "month_as_printed"),
      youngPeople: integerCell(row, "young_people"),
      nightsPerMonth: integerCell(row, "nights_per_month"),
      unit: textCell(row, "unit"),
      source: sourceOf(row)
    };
  });
}

/**
 * Parse `northamptonshire/turning_18_printed_total.csv` (the TOTAL row as printed).
 * @example
 * parseTurning18PrintedTotal(text, file); // {youngPeople: 11, nightsPerMonth: 42}
 */
export function parseTurning18PrintedTotal(text: string, file: string): {youngPeople: number; nightsPerMonth: number} {
  const rows = parseTable(text, file, ["young_people", "nights_per_month"]);
  if (rows.length !== 1) throw new Error(`expected one row in ${file}, got ${rows.length}`);
  return {youngPeople: integerCell(rows[0], "young_people"), nightsPerMonth: integerCell(rows[0], "nights_per_month")};
}

/**
 * Parse `northamptonshire/units.csv`.
 * @example
 * parseUnits(text, "northamptonshire/units.csv").map((u) => u.maxChildrenAtOneTime); // [8, 6]
 */
export function parseUnits(text: string, file: string): ShortBreaksUnit[] {
  const columns = [
    "unit",
    "name",
    "cohort",
    "max_children_at_one_time",
    "days_open_per_week_current",
    "days_open_per_week_proposed",
    "additional_day_care_sessions_proposed",
    "source_document",
    "source_table"
  ];
  return parseTable(text, file, columns).map((row) => ({
    unit: textCell(row, "unit"),
    name: textCell(row, "name"),
    cohort: textCell(row, "cohort"),
    maxChildrenAtOneTime: integerCell(row, "max_children_at_one_time"),
    daysOpenPerWeekCurrent: integerCell(row, "days_open_per_week_current"),
    daysOpenPerWeekProposed: integerCell(row, "days_open_per_week_proposed"),
    additionalDayCareSessionsProposed: integerCell(row, "additional_day_care_sessions_proposed"),
    source: sourceOf(row)
  }));
}

/** Totals of the turning-18 table, overall and by unit. */
export interface Turning18Totals {
  readonly youngPeople: number;
  readonly nightsPerMonth: number;
  readonly byUnit: readonly {readonly unit: string; readonly youngPeople: number; readonly nightsPerMonth: number}[];
}

/**
 * Sum the turning-18 table: 11 young people and 42 nights a month (JGS 9 and 31, Squirrels 2
 * and 11). Units are listed in first-appearance order.
 * @example
 * turning18Totals(rows); // {youngPeople: 11, nightsPerMonth: 42, byUnit: [...]}
 */
export function turning18Totals(rows: readonly Turning18Row[]): Turning18Totals {
  const units: string[] = [];
  for (const row of rows) if (!units.includes(row.unit)) units.push(row.unit);
  return {
    youngPeople: rows.reduce((sum, row) => sum + row.youngPeople, 0),
    nightsPerMonth: rows.reduce((sum, row) => sum + row.nightsPerMonth, 0),
    byUnit: units.map((unit) => {
      const inUnit = rows.filter((row) => row.unit === unit);
      return {
        unit,
        youngPeople: inUnit.reduce((sum, row) => sum + row.youngPeople, 0),
        nightsPerMonth: inUnit.reduce((sum, row) => sum + row.nightsPerMonth, 0)
      };
    })
  };
}

/**
 * Checks of the turning-18 rows against the printed TOTAL row.
 * @example
 * turning18Checks(totals, {youngPeople: 11, nightsPerMonth: 42}).every((c) => c.agrees); // true
 */
export function turning18Checks(
  totals: Turning18Totals,
  printed: {youngPeople: number; nightsPerMonth: number}
): Check[] {
  return [
    check("northamptonshire turning 18: young people = printed total", totals.youngPeople, printed.youngPeople),
    check(
      "northamptonshire turning 18: nights per month = printed total",
      totals.nightsPerMonth,
      printed.nightsPerMonth
    )
  ];
}
