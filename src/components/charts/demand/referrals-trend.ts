import * as Plot from "npm:@observablehq/plot";
import {plot} from "../../plot.js";
import {formatChange, formatCount, formatMonth, monthDate} from "../../format.js";
import {monthsBetween} from "../../periods.js";

/** Referrals received in one month (already filtered and summed over areas and Lots). */
export interface MonthTotal {
  month: string;
  referrals: number;
}

export interface ChartOptions {
  width?: number;
  height?: number;
  document?: Document;
}

/**
 * Sums rows per month and fills months with no referrals with 0 (a month with no referral is a true zero here: the
 * referrals table lists every referral).
 *
 * @example
 * monthTotals([{month: "2024-04", referrals: 2}, {month: "2024-06", referrals: 1}]);
 * // [{month: "2024-04", referrals: 2}, {month: "2024-05", referrals: 0}, {month: "2024-06", referrals: 1}]
 */
export function monthTotals(rows: readonly MonthTotal[], range?: {first: string; last: string}): MonthTotal[] {
  const totals = new Map<string, number>();
  for (const row of rows) totals.set(row.month, (totals.get(row.month) ?? 0) + row.referrals);
  const keys = [...totals.keys()].sort();
  const first = range?.first ?? keys[0];
  const last = range?.last ?? keys[keys.length - 1];
  if (first === undefined || last === undefined) return [];
  return monthsBetween(first, last).map((month) => ({month, referrals: totals.get(month) ?? 0}));
}

function lastTwelve(rows: readonly MonthTotal[]) {
  if (rows.length < 24) return null;
  const sum = (slice: readonly MonthTotal[]) => slice.reduce((total, row) => total + row.referrals, 0);
  return {latest: sum(rows.slice(-12)), before: sum(rows.slice(-24, -12)), end: rows[rows.length - 1].month};
}

/**
 * The headline: referrals in the latest 12 months against the 12 before.
 *
 * @example
 * referralsTrendTitle(rows); // "401 referrals in the 12 months to November 2025, +12% on the 12 months before"
 */
export function referralsTrendTitle(rows: readonly MonthTotal[]): string {
  const twelve = lastTwelve(rows);
  if (!twelve) return "Referrals received each month";
  const change =
    twelve.before === 0
      ? ""
      : `, ${formatChange((twelve.latest - twelve.before) / twelve.before)} on the 12 months before`;
  return `${formatCount(twelve.latest)} referrals in the 12 months to ${formatMonth(twelve.end)}${change}`;
}

/**
 * One sentence: total, range and busiest month.
 *
 * @example
 * summariseReferralsTrend(rows);
 */
export function summariseReferralsTrend(rows: readonly MonthTotal[]): string {
  if (rows.length === 0) return "No referrals match the filters.";
  const total = rows.reduce((sum, row) => sum + row.referrals, 0);
  const busiest = rows.reduce((best, row) => (row.referrals > best.referrals ? row : best));
  return `${formatCount(total)} referrals were received between ${formatMonth(rows[0].month)} and ${formatMonth(
    rows[rows.length - 1].month
  )}; the busiest month was ${formatMonth(busiest.month)} with ${formatCount(busiest.referrals)}.`;
}

/**
 * Columns of referrals per month with a line for the 12-month average.
 *
 * @example
 * referralsTrendChart(monthTotals(rows), {width: 640});
 */
export function referralsTrendChart(rows: readonly MonthTotal[], options: ChartOptions = {}) {
  const {width = 640, height = 280, document} = options;
  const data = rows.map((row, index) => {
    const window = rows.slice(Math.max(0, index - 11), index + 1);
    return {
      ...row,
      date: monthDate(row.month),
      average: window.length === 12 ? window.reduce((sum, r) => sum + r.referrals, 0) / 12 : null
    };
  });
  return plot({
    width,
    height,
    document,
    marginLeft: 40,
    title: referralsTrendTitle(rows),
    subtitle: "Referrals received each month (columns) and the average of the last 12 months (line)",
    ariaLabel: "Column chart of referrals received each month, with a 12-month average line",
    ariaDescription: summariseReferralsTrend(rows),
    x: {type: "utc", label: null},
    y: {grid: true, label: "Referrals a month"},
    marks: [
      Plot.rectY(data, {x: "date", interval: "month", y: "referrals", fill: "#0084d5", inset: 0.5}),
      Plot.lineY(
        data.filter((d) => d.average !== null),
        {x: "date", y: "average", stroke: "currentColor", strokeWidth: 2}
      ),
      Plot.tip(
        data,
        Plot.pointerX({
          x: "date",
          y: "referrals",
          title: (d: (typeof data)[number]) =>
            `${formatMonth(d.month)}\n${formatCount(d.referrals)} referrals` +
            (d.average === null ? "" : `\n12-month average ${d.average.toFixed(1)}`)
        })
      ),
      Plot.ruleY([0])
    ]
  });
}
