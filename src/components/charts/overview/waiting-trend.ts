import * as Plot from "npm:@observablehq/plot";
import {plot} from "../../plot.js";
import {formatCount, formatMonth, monthDate} from "../../format.js";
import type {WaitingMonth} from "../../overview/types.js";

export interface ChartOptions {
  width?: number;
  height?: number;
  document?: Document;
}

function latestAndYearBefore(rows: readonly WaitingMonth[]) {
  const latest = rows[rows.length - 1];
  const before = rows.length > 12 ? rows[rows.length - 13] : undefined;
  return {latest, before};
}

/**
 * The headline: how many are waiting at the latest month end, against a year earlier.
 *
 * @example
 * waitingTitle(rows); // "75 referrals waiting at the end of November 2025, up from 53 a year earlier"
 */
export function waitingTitle(rows: readonly WaitingMonth[]): string {
  if (rows.length === 0) return "Referrals waiting for a decision";
  const {latest, before} = latestAndYearBefore(rows);
  const head = `${formatCount(latest.waiting)} referrals waiting at the end of ${formatMonth(latest.month)}`;
  if (!before) return head;
  if (before.waiting === latest.waiting) return `${head}, the same as a year earlier`;
  return `${head}, ${latest.waiting > before.waiting ? "up" : "down"} from ${formatCount(before.waiting)} a year earlier`;
}

/**
 * One sentence: the latest count and median wait, the peak and when.
 *
 * @example
 * summariseWaiting(rows);
 */
export function summariseWaiting(rows: readonly WaitingMonth[]): string {
  if (rows.length === 0) return "No referrals are recorded.";
  const {latest} = latestAndYearBefore(rows);
  const peak = rows.reduce((best, row) => (row.waiting > best.waiting ? row : best));
  const median = latest.median_days === null ? "" : `, who had waited a median of ${latest.median_days} days`;
  return `At the end of ${formatMonth(latest.month)} ${formatCount(latest.waiting)} referrals were awaiting a decision${median}; the most waiting at any month end since ${formatMonth(
    rows[0].month
  )} was ${formatCount(peak.waiting)}, in ${formatMonth(peak.month)}.`;
}

/**
 * Referrals awaiting a decision at each month end, with the latest value labelled.
 *
 * @example
 * waitingTrendChart(data.waiting.byMonth, {width: 640});
 */
export function waitingTrendChart(rows: readonly WaitingMonth[], options: ChartOptions = {}) {
  const {width = 640, height = 300, document} = options;
  const data = rows.map((row) => ({...row, date: monthDate(row.month)}));
  const last = data.slice(-1);
  return plot({
    width,
    height,
    document,
    marginLeft: 44,
    marginRight: 40,
    title: waitingTitle(rows),
    subtitle: "Referrals received and not yet decided, counted on the last day of each month",
    ariaLabel: "Line chart of referrals waiting for a decision at each month end",
    ariaDescription: summariseWaiting(rows),
    x: {type: "utc", label: null},
    y: {grid: true, label: "Referrals waiting", zero: true},
    marks: [
      Plot.areaY(data, {x: "date", y: "waiting", fill: "#896ed0", fillOpacity: 0.2, stroke: "#896ed0"}),
      Plot.lineY(data, {x: "date", y: "waiting", stroke: "#896ed0", strokeWidth: 2}),
      Plot.dot(last, {x: "date", y: "waiting", fill: "currentColor", r: 4}),
      Plot.text(last, {
        x: "date",
        y: "waiting",
        text: (d: WaitingMonth) => formatCount(d.waiting),
        dx: 8,
        textAnchor: "start",
        fill: "currentColor"
      }),
      Plot.tip(
        data,
        Plot.pointerX({
          x: "date",
          y: "waiting",
          title: (d: WaitingMonth) =>
            `${formatMonth(d.month)}\n${formatCount(d.waiting)} waiting\nmedian ${d.median_days ?? "–"} days waited`
        })
      ),
      Plot.ruleY([0])
    ]
  });
}
