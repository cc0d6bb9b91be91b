/**
 * Rows of the ageing-out notebook's SQL results (src/sql/ageing-out-*.sql), as the charts and tables use them.
 */

/** One row of `ageing-out-leavers.sql`: young people turning 18 in a period, in one Lot. */
export interface LeaversRow {
  /** Period label: `2026-04` (month), `2026-27 Q1`, `2026-27` or `Year 1`. */
  period: string;
  /** First month of the period, `YYYY-MM`. */
  period_start: string;
  first_month: string;
  last_month: string;
  lot_code: string;
  lot_name: string;
  children: number;
  multi_lot_children: number;
  /** Null where the source records no packages (the published Northamptonshire table). */
  packages: number | null;
  hours_per_week: number | null;
  weekly_cost: number | null;
  /** Weekly cost × 365.25 / 7: the full-year value of the packages that end. */
  annual_cost: number | null;
  /** Residential nights a month; null where the data cannot attribute nights to children. */
  nights_per_month: number | null;
  statutory_children: number;
}

/** One row of `ageing-out-population.sql`: the projected supported population `year` years after the extract. */
export interface PopulationRow {
  year: number;
  as_at_month: string;
  current_not_aged_out: number;
  current_aged_out: number;
  current_still_supported: number;
  new_entrants_supported: number;
  projected: number;
  lower_80: number;
  upper_80: number;
  lower_95: number;
  upper_95: number;
  entrants_per_year: number;
  dispersion: number;
}

/** A period's totals over Lots. */
export interface PeriodTotal {
  period: string;
  period_start: string;
  children: number;
  hours_per_week: number;
  annual_cost: number;
}

/**
 * Totals per period over Lots, in period order (hours and cost treat a null as not recorded: the total is then
 * only of the Lots that record it).
 *
 * @example
 * periodTotals([{period: "Year 1", period_start: "2025-12", children: 2, hours_per_week: 5, annual_cost: 100, ...}]);
 * // [{period: "Year 1", period_start: "2025-12", children: 2, hours_per_week: 5, annual_cost: 100}]
 */
export function periodTotals(rows: readonly LeaversRow[]): PeriodTotal[] {
  const totals = new Map<string, PeriodTotal>();
  for (const row of rows) {
    const total = totals.get(row.period) ?? {
      period: row.period,
      period_start: row.period_start,
      children: 0,
      hours_per_week: 0,
      annual_cost: 0
    };
    total.children += row.children;
    total.hours_per_week += row.hours_per_week ?? 0;
    total.annual_cost += row.annual_cost ?? 0;
    totals.set(row.period, total);
  }
  return [...totals.values()].sort((a, b) =>
    a.period_start < b.period_start ? -1 : a.period_start > b.period_start ? 1 : 0
  );
}
