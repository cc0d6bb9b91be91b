/**
 * EHC needs assessment activity (`data/demand-ehcp.arrow`): totals per financial year, rolling 12-month totals,
 * and the conversion of requests into plans, same-year and lag-adjusted.
 */
import {isCompleteFinancialYear, monthsBetween} from "../periods.js";

/** One row of `data/demand-ehcp.arrow`. */
export interface EhcpRow {
  month: string;
  financial_year: string;
  area_code: string;
  area_name: string;
  requests_received: number;
  assessments_completed: number;
  plans_issued: number;
}

export type EhcpMeasure = "requests_received" | "assessments_completed" | "plans_issued";

export const EHCP_MEASURES: Record<EhcpMeasure, string> = {
  requests_received: "Requests for assessment",
  assessments_completed: "Assessments completed",
  plans_issued: "New plans issued"
};

export interface EhcpYear {
  financial_year: string;
  requests_received: number;
  assessments_completed: number;
  plans_issued: number;
  /** Months of the year in the data (12 for a complete year). */
  months: number;
  complete: boolean;
}

function byMonth(rows: readonly EhcpRow[]): Map<string, Record<EhcpMeasure, number>> {
  const months = new Map<string, Record<EhcpMeasure, number>>();
  for (const row of rows) {
    const entry = months.get(row.month) ?? {requests_received: 0, assessments_completed: 0, plans_issued: 0};
    entry.requests_received += row.requests_received;
    entry.assessments_completed += row.assessments_completed;
    entry.plans_issued += row.plans_issued;
    months.set(row.month, entry);
  }
  return months;
}

/**
 * Totals per financial year.
 *
 * @example
 * ehcpYears(rows, {extractDate: "2025-11-30", dataStart: "2019-04-01"});
 */
export function ehcpYears(rows: readonly EhcpRow[], context: {extractDate: string; dataStart: string}): EhcpYear[] {
  const years = new Map<string, EhcpYear & {monthSet: Set<string>}>();
  for (const row of rows) {
    const entry = years.get(row.financial_year) ?? {
      financial_year: row.financial_year,
      requests_received: 0,
      assessments_completed: 0,
      plans_issued: 0,
      months: 0,
      complete: isCompleteFinancialYear(row.financial_year, context),
      monthSet: new Set<string>()
    };
    entry.requests_received += row.requests_received;
    entry.assessments_completed += row.assessments_completed;
    entry.plans_issued += row.plans_issued;
    entry.monthSet.add(row.month);
    years.set(row.financial_year, entry);
  }
  return [...years.values()]
    .sort((a, b) => a.financial_year.localeCompare(b.financial_year))
    .map(({monthSet, ...year}) => ({...year, months: monthSet.size}));
}

export interface RollingPoint {
  month: string;
  measure: EhcpMeasure;
  /** Total of the 12 months ending with `month`. */
  total: number;
}

/**
 * Rolling 12-month totals of each measure, from the 12th month of data on (a month missing from the data counts
 * as a gap: no total is given for any window that contains it).
 *
 * @example
 * rollingTwelveMonths(rows).at(-1); // {month: "2025-11", measure: "plans_issued", total: 1288}
 */
export function rollingTwelveMonths(rows: readonly EhcpRow[]): RollingPoint[] {
  const months = byMonth(rows);
  if (months.size === 0) return [];
  const keys = [...months.keys()].sort();
  const all = monthsBetween(keys[0], keys[keys.length - 1]);
  const points: RollingPoint[] = [];
  for (let end = 11; end < all.length; end++) {
    const window = all.slice(end - 11, end + 1);
    if (window.some((month) => !months.has(month))) continue;
    for (const measure of Object.keys(EHCP_MEASURES) as EhcpMeasure[]) {
      points.push({
        month: all[end],
        measure,
        total: window.reduce((sum, month) => sum + months.get(month)![measure], 0)
      });
    }
  }
  return points;
}

export interface ConversionYear {
  financial_year: string;
  requests_received: number;
  /** Plans issued in the same financial year. */
  plans_same_year: number;
  /** Plans issued / requests, same year; null without requests. */
  same_year_rate: number | null;
  /** Plans issued in the 12 months starting `lagMonths` after the year began. */
  plans_lagged: number | null;
  /** Lagged plans / requests; null until every lagged month is in the data. */
  lagged_rate: number | null;
}

/**
 * Conversion of EHC needs assessment requests into plans per financial year. Plans follow requests by about 20
 * weeks, so a same-year ratio mixes last year's requests into this year's plans; the lag-adjusted ratio divides the
 * plans issued in the 12 months starting `lagMonths` months after 1 April by the year's requests. Only complete
 * years are given; a year whose lagged months are not all in the data has no lagged rate.
 *
 * @example
 * conversionYears(rows, {extractDate: "2025-11-30", dataStart: "2019-04-01", lagMonths: 5});
 */
export function conversionYears(
  rows: readonly EhcpRow[],
  {extractDate, dataStart, lagMonths = 5}: {extractDate: string; dataStart: string; lagMonths?: number}
): ConversionYear[] {
  const months = byMonth(rows);
  return ehcpYears(rows, {extractDate, dataStart})
    .filter((year) => year.complete)
    .map((year) => {
      const start = Number(year.financial_year.slice(0, 4));
      const first = monthsBetween(`${start}-04`, `${start + 2}-12`)[lagMonths];
      const lagged = monthsBetween(first, monthsBetween(first, `${start + 3}-12`)[11]);
      const known = lagged.every((month) => months.has(month));
      const plansLagged = known ? lagged.reduce((sum, month) => sum + months.get(month)!.plans_issued, 0) : null;
      const rate = (plans: number | null) =>
        plans === null || year.requests_received === 0 ? null : plans / year.requests_received;
      return {
        financial_year: year.financial_year,
        requests_received: year.requests_received,
        plans_same_year: year.plans_issued,
        same_year_rate: rate(year.plans_issued),
        plans_lagged: plansLagged,
        lagged_rate: rate(plansLagged)
      };
    });
}
