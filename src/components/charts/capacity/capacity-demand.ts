import * as Plot from "npm:@observablehq/plot";
import {plot} from "../../plot.js";
import {lotLabel} from "../../commissioning-labels.js";
import {CATEGORY_COLOURS} from "../../palette.js";
import {dodgeLabels} from "../label-dodge.js";
import {formatCount, formatMonth, formatPercent, monthDate} from "../../format.js";

/** Offered and demanded hours per week for one Lot in one month (summed over the areas chosen). */
export interface CapacityDemandPoint {
  month: string;
  lot_code: string;
  offered_hours: number;
  held_hours: number;
  waiting: number;
  demand_hours: number;
}

export interface ChartOptions {
  width?: number;
  height?: number;
  /** A document to draw into, for server-side rendering in tests. */
  document?: Document;
}

/** The Lot-months where demand was above the hours offered (including months with demand and nothing offered). */
export function shortfallMonths(rows: readonly CapacityDemandPoint[]): CapacityDemandPoint[] {
  return rows.filter((row) => row.demand_hours > row.offered_hours);
}

function latestMonth(rows: readonly CapacityDemandPoint[]): string {
  return rows.reduce((latest, row) => (row.month > latest ? row.month : latest), rows[0].month);
}

/**
 * One sentence on capacity against demand, generated from the data.
 *
 * @example
 * summariseCapacityDemand([{month: "2024-05", lot_code: "LOT1", offered_hours: 10, held_hours: 8, waiting: 2, demand_hours: 12}]);
 * // "In May 2024 providers offered 10 hours a week against demand of 12 (120%); demand was above the hours offered in 1 of 1 Lot-months, most often in Lot 1 (1)."
 */
export function summariseCapacityDemand(rows: readonly CapacityDemandPoint[]): string {
  if (rows.length === 0) return "No capacity or demand is recorded for this selection.";
  const latest = latestMonth(rows);
  const now = rows.filter((row) => row.month === latest);
  const offered = now.reduce((sum, row) => sum + row.offered_hours, 0);
  const demand = now.reduce((sum, row) => sum + row.demand_hours, 0);
  const ratio = offered > 0 ? ` (${formatPercent(demand / offered)})` : " (no hours offered)";
  const short = shortfallMonths(rows);
  const byLot = new Map<string, number>();
  for (const row of short) byLot.set(row.lot_code, (byLot.get(row.lot_code) ?? 0) + 1);
  const worst = [...byLot].sort((a, b) => b[1] - a[1] || (a[0] < b[0] ? -1 : 1))[0];
  const shortText =
    short.length === 0
      ? "demand stayed within the hours offered in every Lot-month"
      : `demand was above the hours offered in ${formatCount(short.length)} of ${formatCount(rows.length)} Lot-months, most often in ${lotLabel(worst[0])} (${formatCount(worst[1])})`;
  return `In ${formatMonth(latest)} providers offered ${formatCount(offered)} hours a week against demand of ${formatCount(
    Math.round(demand)
  )}${ratio}; ${shortText}.`;
}

/**
 * The chart's headline: the finding, computed from the data.
 *
 * @example
 * capacityDemandTitle([]); // "No capacity data for this selection"
 */
export function capacityDemandTitle(rows: readonly CapacityDemandPoint[]): string {
  if (rows.length === 0) return "No capacity data for this selection";
  const short = shortfallMonths(rows);
  if (short.length === 0) return "Providers offered enough hours to meet demand in every month";
  const months = [...new Set(short.map((row) => row.month))].sort();
  return `Demand exceeded the hours providers offered in ${formatCount(months.length)} months, from ${formatMonth(
    months[0]
  )} to ${formatMonth(months[months.length - 1])}`;
}

/**
 * Hours per week offered by providers (solid line) against demand (packages held plus waiting referrals; dashed
 * line with shaded shortfall), one panel per Lot.
 *
 * @example
 * capacityDemandChart(rows, {width: 640});
 */
export function capacityDemandChart(rows: readonly CapacityDemandPoint[], options: ChartOptions = {}) {
  const {width = 640, document} = options;
  const lots = [...new Set(rows.map((row) => row.lot_code))].sort();
  const data = rows.map((row) => ({...row, date: monthDate(row.month), lot: lotLabel(row.lot_code)}));
  const height = options.height ?? Math.max(160, lots.length * 130);
  const yMax = Math.max(1, ...data.map((d) => Math.max(d.offered_hours, d.demand_hours)));
  const gap = (yMax * 13) / Math.max(40, height / Math.max(1, lots.length) - 30);
  const labels = lots.flatMap((lot) => {
    const last = data
      .filter((d) => d.lot_code === lot)
      .sort((a, b) => (a.month < b.month ? -1 : 1))
      .pop();
    if (!last) return [];
    const [offered, demand] = dodgeLabels([last.offered_hours, last.demand_hours], gap);
    return [
      {date: last.date, lot: last.lot, y: offered, text: "Offered"},
      {date: last.date, lot: last.lot, y: demand, text: "Demand"}
    ];
  });
  return plot({
    width,
    height,
    document,
    marginLeft: 52,
    marginRight: 64,
    title: capacityDemandTitle(rows),
    subtitle:
      "Hours per week offered by providers (solid) and demanded (dashed: packages held plus waiting referrals), by Lot; shaded where demand was higher",
    ariaLabel: "Line charts of provider hours offered and hours demanded each month, one panel per Lot",
    ariaDescription: summariseCapacityDemand(rows),
    x: {type: "utc", label: null},
    y: {grid: true, label: "Hours per week", nice: true},
    fy: {label: null, domain: lots.map(lotLabel), axis: null},
    color: {domain: ["Offered", "Demand"], range: [CATEGORY_COLOURS[0], CATEGORY_COLOURS[1]], legend: true},
    marks: [
      Plot.areaY(data, {
        x: "date",
        y1: "offered_hours",
        y2: (d: (typeof data)[number]) => Math.max(d.offered_hours, d.demand_hours),
        fy: "lot",
        fill: CATEGORY_COLOURS[1],
        fillOpacity: 0.25,
        // The outline keeps the shortfall's edge at 3:1 contrast (WCAG 1.4.11).
        stroke: CATEGORY_COLOURS[1],
        strokeWidth: 1
      }),
      Plot.lineY(data, {x: "date", y: "offered_hours", fy: "lot", stroke: CATEGORY_COLOURS[0], strokeWidth: 2}),
      Plot.lineY(data, {
        x: "date",
        y: "demand_hours",
        fy: "lot",
        stroke: CATEGORY_COLOURS[1],
        strokeWidth: 2,
        strokeDasharray: "5,3"
      }),
      Plot.text(labels, {x: "date", y: "y", fy: "lot", text: "text", fill: "text", textAnchor: "start", dx: 4}),
      Plot.ruleY([0]),
      Plot.text(lots.map(lotLabel), {
        fy: (d: string) => d,
        text: (d: string) => d,
        frameAnchor: "top-left",
        dx: 6,
        dy: 2,
        fontWeight: "bold"
      }),
      Plot.tip(
        data,
        Plot.pointerX({
          x: "date",
          y: "demand_hours",
          fy: "lot",
          channels: {
            Month: (d: (typeof data)[number]) => formatMonth(d.month),
            Offered: "offered_hours",
            Held: "held_hours",
            Waiting: "waiting",
            Demand: "demand_hours"
          },
          format: {x: false, y: false}
        })
      )
    ]
  });
}
