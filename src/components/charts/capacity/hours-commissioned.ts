import * as Plot from "npm:@observablehq/plot";
import {plot} from "../../plot.js";
import {ROUTES, lotLabel, routeLabel} from "../../commissioning-labels.js";
import {formatChange, formatCount, formatMonth, formatPercent, monthDate} from "../../format.js";
import {CATEGORY_COLOURS} from "../../palette.js";
import type {ChartOptions} from "./capacity-demand.js";

/** Weekly hours of packages active at a month end, for one Lot and route (summed over the areas chosen). */
export interface HoursRow {
  month: string;
  lot_code: string;
  route: string;
  hours: number;
}

function monthTotals(rows: readonly HoursRow[]) {
  const totals = new Map<string, number>();
  for (const row of rows) totals.set(row.month, (totals.get(row.month) ?? 0) + row.hours);
  return [...totals].sort(([a], [b]) => (a < b ? -1 : 1));
}

/**
 * One sentence on hours commissioned, generated from the data.
 *
 * @example
 * summariseHoursCommissioned([
 *   {month: "2024-04", lot_code: "LOT2", route: "framework", hours: 30},
 *   {month: "2024-05", lot_code: "LOT2", route: "framework", hours: 30},
 *   {month: "2024-05", lot_code: "LOT2", route: "direct_payment", hours: 10}
 * ]);
 * // "At the end of May 2024, 40 hours a week were commissioned (+33% on April 2024): Framework 75%, Direct payment 25%."
 */
export function summariseHoursCommissioned(rows: readonly HoursRow[]): string {
  const totals = monthTotals(rows);
  if (totals.length === 0) return "No packages were active in this selection.";
  const [firstMonth, first] = totals[0];
  const [lastMonth, last] = totals[totals.length - 1];
  const shares = ROUTES.map((route) => ({
    route,
    hours: rows.filter((row) => row.month === lastMonth && row.route === route).reduce((sum, row) => sum + row.hours, 0)
  }))
    .filter((entry) => entry.hours > 0)
    .map((entry) => `${routeLabel(entry.route)} ${formatPercent(entry.hours / last)}`);
  const change =
    first > 0 && totals.length > 1 ? ` (${formatChange(last / first - 1)} on ${formatMonth(firstMonth)})` : "";
  return `At the end of ${formatMonth(lastMonth)}, ${formatCount(Math.round(last))} hours a week were commissioned${change}${
    shares.length > 0 ? `: ${shares.join(", ")}` : ""
  }.`;
}

/**
 * The headline.
 *
 * @example
 * hoursCommissionedTitle([]); // "No hours commissioned in this selection"
 */
export function hoursCommissionedTitle(rows: readonly HoursRow[]): string {
  const totals = monthTotals(rows);
  if (totals.length === 0) return "No hours commissioned in this selection";
  const [firstMonth, first] = totals[0];
  const [lastMonth, last] = totals[totals.length - 1];
  if (totals.length === 1 || first === 0)
    return `${formatCount(Math.round(last))} hours a week commissioned at ${formatMonth(lastMonth)}`;
  const change = last / first - 1;
  const verb =
    Math.abs(change) < 0.005
      ? "held steady"
      : change > 0
        ? `rose ${formatPercent(change)}`
        : `fell ${formatPercent(-change)}`;
  return `Hours commissioned ${verb} between ${formatMonth(firstMonth)} and ${formatMonth(lastMonth)}`;
}

/**
 * Weekly hours of active packages at each month end, stacked by purchasing route, one panel per Lot.
 *
 * @example
 * hoursCommissionedChart(rows, {width: 640});
 */
export function hoursCommissionedChart(rows: readonly HoursRow[], options: ChartOptions = {}) {
  const {width = 640, document} = options;
  const lots = [...new Set(rows.map((row) => row.lot_code))].sort();
  const months = [...new Set(rows.map((row) => row.month))].sort();
  const routes = ROUTES.filter((route) => rows.some((row) => row.route === route));
  const sums = new Map<string, number>();
  for (const row of rows) {
    const key = `${row.month}|${row.lot_code}|${row.route}`;
    sums.set(key, (sums.get(key) ?? 0) + row.hours);
  }
  // A complete grid, so a route absent in a month stacks as zero instead of being interpolated.
  const data = lots.flatMap((lot) =>
    months.flatMap((month) =>
      routes.map((route) => ({
        month,
        date: monthDate(month),
        lot: lotLabel(lot),
        route: routeLabel(route),
        hours: Math.round((sums.get(`${month}|${lot}|${route}`) ?? 0) * 100) / 100
      }))
    )
  );
  const order = routes.map(routeLabel);
  return plot({
    width,
    height: options.height ?? Math.max(180, lots.length * 120),
    document,
    marginLeft: 52,
    title: hoursCommissionedTitle(rows),
    subtitle: "Hours per week of packages active at each month end, by Lot and purchasing route",
    ariaLabel: "Stacked area charts of weekly hours commissioned each month by purchasing route, one panel per Lot",
    ariaDescription: summariseHoursCommissioned(rows),
    x: {type: "utc", label: null},
    y: {grid: true, label: "Hours per week"},
    fy: {label: null, domain: lots.map(lotLabel), axis: null},
    color: {domain: ROUTES.map(routeLabel), range: [...CATEGORY_COLOURS.slice(0, 4)], legend: true},
    marks: [
      Plot.areaY(data, {
        x: "date",
        y: "hours",
        fy: "lot",
        fill: "route",
        order,
        stroke: "var(--theme-background, white)",
        strokeWidth: 0.5
      }),
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
        Plot.pointerX(
          Plot.stackY({
            x: "date",
            y: "hours",
            fy: "lot",
            fill: "route",
            order,
            channels: {Month: (d: (typeof data)[number]) => formatMonth(d.month), Route: "route"},
            format: {x: false, fill: false}
          })
        )
      )
    ]
  });
}
