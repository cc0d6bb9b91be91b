import * as Plot from "npm:@observablehq/plot";
import {formatCount, formatMonth, monthDate} from "../format.js";
import {seriesColorScale} from "../palette.js";
import {plot} from "../plot.js";

/** One row of `data/referrals-monthly.arrow`, as the chart needs it. */
export interface ReferralsMonthRow {
  month: string;
  financial_year: string;
  lot_name: string;
  referrals: number;
}

export interface ReferralsByMonthOptions {
  width?: number;
  height?: number;
  /** A document to draw into, for server-side rendering in tests. */
  document?: Document;
}

function monthlyTotals(rows: readonly ReferralsMonthRow[]): Map<string, number> {
  const totals = new Map<string, number>();
  for (const row of rows) totals.set(row.month, (totals.get(row.month) ?? 0) + row.referrals);
  return totals;
}

/**
 * One sentence that says what the chart shows, generated from the data: for the chart's text alternative and
 * for readers who do not see the chart.
 *
 * @example
 * summariseReferralsByMonth([{month: "2024-05", financial_year: "2024-25", lot_name: "Lot 1", referrals: 3}]);
 * // "3 referrals were received between May 2024 and May 2024; the busiest month was May 2024 with 3."
 */
export function summariseReferralsByMonth(rows: readonly ReferralsMonthRow[]): string {
  const totals = [...monthlyTotals(rows)].sort(([a], [b]) => (a < b ? -1 : a > b ? 1 : 0));
  if (totals.length === 0) return "No referrals are recorded.";
  const total = totals.reduce((sum, [, n]) => sum + n, 0);
  const [busiest, most] = totals.reduce((best, entry) => (entry[1] > best[1] ? entry : best));
  return `${formatCount(total)} referrals were received between ${formatMonth(totals[0][0])} and ${formatMonth(
    totals[totals.length - 1][0]
  )}; the busiest month was ${formatMonth(busiest)} with ${formatCount(most)}.`;
}

/**
 * Referrals received per month, stacked by Lot.
 *
 * @example
 * referralsByMonthChart(rows, {width: 640});
 */
export function referralsByMonthChart(rows: readonly ReferralsMonthRow[], options: ReferralsByMonthOptions = {}) {
  const {width = 640, height = 320, document} = options;
  const data = rows.map((row) => ({...row, date: monthDate(row.month)}));
  return plot({
    width,
    height,
    document,
    marginLeft: 48,
    title: "Referrals received each month",
    subtitle: "Number of referrals received, by Lot requested",
    ariaLabel: "Column chart of referrals received each month, stacked by Lot",
    ariaDescription: summariseReferralsByMonth(rows),
    x: {type: "utc", label: null},
    y: {grid: true, label: "Referrals"},
    color: {...seriesColorScale(), legend: true},
    marks: [
      Plot.rectY(data, {x: "date", interval: "month", y: "referrals", fill: "lot_name", tip: true}),
      Plot.ruleY([0])
    ]
  });
}
