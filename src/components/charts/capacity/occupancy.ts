import * as Plot from "npm:@observablehq/plot";
import {plot} from "../../plot.js";
import {formatCount, formatPercent} from "../../format.js";
import {formatDate} from "../../provenance.js";
import {CATEGORY_COLOURS} from "../../palette.js";
import {dodgeLabels} from "../label-dodge.js";
import type {ChartOptions} from "./capacity-demand.js";

/** One residential short-break unit's occupancy in one week. */
export interface OccupancyWeek {
  week_start: string;
  unit_name: string;
  bed_nights_used: number;
  bed_nights_available: number;
  occupancy: number;
  /** Target occupancy as a fraction, e.g. 0.85. */
  target: number;
}

/** Per unit: occupancy over the weeks given (bed nights used ÷ available), its target and weeks at or above it. */
export function occupancyByUnit(rows: readonly OccupancyWeek[]) {
  const units = new Map<
    string,
    {unit_name: string; used: number; available: number; target: number; weeks: number; weeksOnTarget: number}
  >();
  for (const row of rows) {
    const entry = units.get(row.unit_name) ?? {
      unit_name: row.unit_name,
      used: 0,
      available: 0,
      target: row.target,
      weeks: 0,
      weeksOnTarget: 0
    };
    entry.used += row.bed_nights_used;
    entry.available += row.bed_nights_available;
    entry.weeks += 1;
    if (row.occupancy >= row.target) entry.weeksOnTarget += 1;
    units.set(row.unit_name, entry);
  }
  return [...units.values()]
    .map((unit) => ({...unit, occupancy: unit.available > 0 ? unit.used / unit.available : 0}))
    .sort((a, b) => (a.unit_name < b.unit_name ? -1 : 1));
}

/**
 * One sentence on occupancy against target, generated from the data.
 *
 * @example
 * summariseOccupancy([
 *   {week_start: "2024-04-01", unit_name: "Oak House", bed_nights_used: 28, bed_nights_available: 56, occupancy: 0.5, target: 0.85},
 *   {week_start: "2024-04-08", unit_name: "Oak House", bed_nights_used: 49, bed_nights_available: 56, occupancy: 0.875, target: 0.85}
 * ]);
 * // "From 1 April 2024 to the week of 8 April 2024, Oak House was 69% occupied against a target of 85%, reaching the target in 1 of 2 weeks."
 */
export function summariseOccupancy(rows: readonly OccupancyWeek[]): string {
  if (rows.length === 0) return "No residential nights are recorded for this selection.";
  const weeks = rows.map((row) => row.week_start).sort();
  const parts = occupancyByUnit(rows).map(
    (unit) =>
      `${unit.unit_name} was ${formatPercent(unit.occupancy)} occupied against a target of ${formatPercent(unit.target)}, reaching the target in ${formatCount(unit.weeksOnTarget)} of ${formatCount(unit.weeks)} weeks`
  );
  return `From ${formatDate(weeks[0])} to the week of ${formatDate(weeks[weeks.length - 1])}, ${parts.join("; ")}.`;
}

/**
 * The headline.
 *
 * @example
 * occupancyTitle([]); // "No residential nights recorded"
 */
export function occupancyTitle(rows: readonly OccupancyWeek[]): string {
  const units = occupancyByUnit(rows);
  if (units.length === 0) return "No residential nights recorded";
  const below = units.filter((unit) => unit.occupancy < unit.target);
  const range = units.map((unit) => unit.occupancy).sort((a, b) => a - b);
  const span =
    range.length > 1 ? `${formatPercent(range[0])}–${formatPercent(range[range.length - 1])}` : formatPercent(range[0]);
  if (below.length === units.length)
    return `${units.length === 1 ? "The unit ran" : units.length === 2 ? "Both units ran" : `All ${formatCount(units.length)} units ran`} below target, at ${span} occupancy`;
  if (below.length === 0) return `Every unit met its occupancy target (${span})`;
  return `${formatCount(below.length)} of ${formatCount(units.length)} units ran below target (${span} occupancy)`;
}

/**
 * Weekly occupancy per unit (one line each, labelled at its end) against the target (dashed rule, labelled).
 *
 * @example
 * occupancyChart(rows, {width: 640});
 */
export function occupancyChart(rows: readonly OccupancyWeek[], options: ChartOptions = {}) {
  const {width = 640, height = 300, document} = options;
  const data = rows.map((row) => ({...row, date: new Date(`${row.week_start}T00:00:00Z`)}));
  const units = occupancyByUnit(rows).map((unit) => unit.unit_name);
  const targets = [...new Set(rows.map((row) => row.target))];
  const ends = units.map((unit) =>
    data
      .filter((d) => d.unit_name === unit)
      .sort((a, b) => (a.week_start < b.week_start ? -1 : 1))
      .pop()!
  );
  const positions = dodgeLabels(
    ends.map((end) => end.occupancy),
    14 / Math.max(60, height - 90)
  );
  const labels = ends.map((end, i) => ({...end, y: positions[i]}));
  return plot({
    width,
    height,
    document,
    marginLeft: 48,
    marginRight: 96,
    title: occupancyTitle(rows),
    subtitle: "Beds used as a share of beds available each week (weeks start on Monday), by unit; dashed line: target",
    ariaLabel: "Line chart of weekly occupancy of each residential short-break unit against its target",
    ariaDescription: summariseOccupancy(rows),
    x: {type: "utc", label: null},
    y: {grid: true, label: "Occupancy", domain: [0, 1], tickFormat: (d: number) => formatPercent(d)},
    color: {domain: units, range: [...CATEGORY_COLOURS]},
    marks: [
      Plot.ruleY(targets, {strokeDasharray: "6,4", stroke: "currentColor"}),
      Plot.text(targets, {
        y: (d: number) => d,
        frameAnchor: "right",
        text: (d: number) => `${formatPercent(d)} target`,
        textAnchor: "start",
        dx: 4,
        dy: -8
      }),
      Plot.lineY(data, {x: "date", y: "occupancy", stroke: "unit_name", strokeWidth: 1.5}),
      Plot.text(labels, {x: "date", y: "y", text: "unit_name", fill: "unit_name", textAnchor: "start", dx: 4}),
      Plot.ruleY([0]),
      Plot.tip(
        data,
        Plot.pointer({
          x: "date",
          y: "occupancy",
          stroke: "unit_name",
          channels: {
            Unit: "unit_name",
            "Week of": (d: (typeof data)[number]) => formatDate(d.week_start),
            Occupancy: (d: (typeof data)[number]) => formatPercent(d.occupancy),
            "Bed nights used": "bed_nights_used",
            "Bed nights available": "bed_nights_available"
          },
          format: {x: false, y: false, stroke: false}
        })
      )
    ]
  });
}
