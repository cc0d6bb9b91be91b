import * as Plot from "npm:@observablehq/plot";
import {plot} from "../../plot.js";
import {formatCount, formatMonth, monthDate} from "../../format.js";
import {CATEGORY_COLOURS} from "../../palette.js";
import type {ChartOptions} from "./capacity-demand.js";

/** Referrals waiting at a month end in one wait band (summed over the Lots and areas chosen). */
export interface WaitingPoint {
  month: string;
  wait_band: string;
  waiting: number;
}

/** Wait bands in order, shortest first (as `loaders/aggregates/capacity.ts` labels them). */
export const WAIT_BAND_ORDER = ["Under 4 weeks", "4 to 13 weeks", "13 to 26 weeks", "Over 26 weeks"] as const;

/** Bands counted as a long wait: over 13 weeks. */
export const LONG_WAIT_BANDS: readonly string[] = ["13 to 26 weeks", "Over 26 weeks"];

function totals(rows: readonly WaitingPoint[]) {
  const byMonth = new Map<string, {all: number; long: number}>();
  for (const row of rows) {
    const entry = byMonth.get(row.month) ?? {all: 0, long: 0};
    entry.all += row.waiting;
    if (LONG_WAIT_BANDS.includes(row.wait_band)) entry.long += row.waiting;
    byMonth.set(row.month, entry);
  }
  return [...byMonth].sort(([a], [b]) => (a < b ? -1 : 1));
}

/**
 * One sentence on the waiting list, generated from the data.
 *
 * @example
 * summariseWaitingList([{month: "2024-05", wait_band: "Over 26 weeks", waiting: 3}, {month: "2024-06", wait_band: "Under 4 weeks", waiting: 1}]);
 * // "The waiting list peaked at 3 referrals at the end of May 2024; at the end of June 2024, 1 referral was waiting, 0 of them for more than 13 weeks."
 */
export function summariseWaitingList(rows: readonly WaitingPoint[]): string {
  const series = totals(rows);
  if (series.length === 0) return "No referral was waiting at any month end in this selection.";
  const [peakMonth, peak] = series.reduce((best, entry) => (entry[1].all > best[1].all ? entry : best));
  const [lastMonth, last] = series[series.length - 1];
  return `The waiting list peaked at ${formatCount(peak.all)} referrals at the end of ${formatMonth(
    peakMonth
  )}; at the end of ${formatMonth(lastMonth)}, ${formatCount(last.all)} ${
    last.all === 1 ? "referral was" : "referrals were"
  } waiting, ${formatCount(last.long)} of them for more than 13 weeks.`;
}

/**
 * The headline.
 *
 * @example
 * waitingListTitle([]); // "No one was waiting in this selection"
 */
export function waitingListTitle(rows: readonly WaitingPoint[]): string {
  const series = totals(rows);
  if (series.length === 0) return "No one was waiting in this selection";
  const [peakMonth, peak] = series.reduce((best, entry) => (entry[1].all > best[1].all ? entry : best));
  const [longMonth, long] = series.reduce((best, entry) => (entry[1].long > best[1].long ? entry : best));
  const longText = long.long > 0 ? `; long waits peaked at ${formatCount(long.long)} in ${formatMonth(longMonth)}` : "";
  return `The waiting list peaked at ${formatCount(peak.all)} in ${formatMonth(peakMonth)}${longText}`;
}

/**
 * Referrals waiting at each month end, stacked by how long they had waited (longest at the bottom).
 *
 * @example
 * waitingListChart(rows, {width: 640});
 */
export function waitingListChart(rows: readonly WaitingPoint[], options: ChartOptions = {}) {
  const {width = 640, height = 300, document} = options;
  const months = [...new Set(rows.map((row) => row.month))].sort();
  // A complete grid, so a band with no one in a month stacks as zero rather than interpolating across the gap.
  const present = new Map<string, number>();
  for (const row of rows) {
    const key = `${row.month}|${row.wait_band}`;
    present.set(key, (present.get(key) ?? 0) + row.waiting);
  }
  const data = months.flatMap((month) =>
    WAIT_BAND_ORDER.map((band) => ({
      month,
      date: monthDate(month),
      wait_band: band,
      waiting: present.get(`${month}|${band}`) ?? 0
    }))
  );
  const order = [...WAIT_BAND_ORDER].reverse();
  return plot({
    width,
    height,
    document,
    marginLeft: 48,
    title: waitingListTitle(rows),
    subtitle: "Referrals waiting for a decision at each month end, by time waited so far",
    ariaLabel: "Stacked area chart of referrals waiting at each month end, by time waited",
    ariaDescription: summariseWaitingList(rows),
    x: {type: "utc", label: null},
    y: {grid: true, label: "Referrals waiting"},
    color: {
      domain: [...WAIT_BAND_ORDER],
      range: [CATEGORY_COLOURS[0], CATEGORY_COLOURS[2], CATEGORY_COLOURS[1], CATEGORY_COLOURS[3]],
      legend: true
    },
    marks: [
      Plot.areaY(data, {
        x: "date",
        y: "waiting",
        fill: "wait_band",
        order,
        stroke: "var(--theme-background, white)",
        strokeWidth: 0.5
      }),
      Plot.ruleY([0]),
      Plot.tip(
        data,
        Plot.pointerX(
          Plot.stackY({
            x: "date",
            y: "waiting",
            fill: "wait_band",
            order,
            channels: {Month: (d: (typeof data)[number]) => formatMonth(d.month), "Time waited": "wait_band"},
            format: {x: false, fill: false}
          })
        )
      )
    ]
  });
}
