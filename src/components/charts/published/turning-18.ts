import * as Plot from "npm:@observablehq/plot";
import {SERIES_COLORS} from "../../palette.js";
import {plot} from "../../plot.js";
import {formatCount, formatMonth, monthDate} from "../../format.js";

/** One row of the turning-18 table. */
export interface Turning18Point {
  month: string;
  youngPeople: number;
  nightsPerMonth: number;
  unit: string;
}

/**
 * One sentence: how many young people turn 18, over which months, and the nights a month freed, by unit.
 *
 * @example
 * summariseTurning18(rows);
 * // "11 young people turn 18 between March 2023 and February 2024, using 42 nights a month between them (JGS 9 and 31, Squirrels 2 and 11)."
 */
export function summariseTurning18(rows: readonly Turning18Point[]): string {
  if (rows.length === 0) return "No young people turning 18.";
  const months = rows.map((row) => row.month).sort();
  const people = rows.reduce((sum, row) => sum + row.youngPeople, 0);
  const nights = rows.reduce((sum, row) => sum + row.nightsPerMonth, 0);
  const units = [...new Set(rows.map((row) => row.unit))].map((unit) => {
    const inUnit = rows.filter((row) => row.unit === unit);
    return `${unit} ${formatCount(inUnit.reduce((s, r) => s + r.youngPeople, 0))} and ${formatCount(inUnit.reduce((s, r) => s + r.nightsPerMonth, 0))}`;
  });
  return `${formatCount(people)} young people turn 18 between ${formatMonth(months[0])} and ${formatMonth(months[months.length - 1])}, using ${formatCount(nights)} nights a month between them (${units.join(", ")}).`;
}

export interface Turning18Options {
  width?: number;
  source: string;
  document?: Document;
}

/**
 * Nights a month used by young people turning 18, by month of their birthday and unit, with the cumulative
 * nights freed as a step line.
 *
 * @example
 * turning18Chart(rows, {width: 640, source: "northamptonshire-short-breaks-model.txt"});
 */
export function turning18Chart(rows: readonly Turning18Point[], options: Turning18Options) {
  const {width = 640, source, document} = options;
  const data = rows.map((row) => ({...row, date: monthDate(row.month)}));
  const people = rows.reduce((sum, row) => sum + row.youngPeople, 0);
  const nights = rows.reduce((sum, row) => sum + row.nightsPerMonth, 0);
  const months = [...new Set(rows.map((row) => row.month))].sort();
  let running = 0;
  const cumulative = months.map((month) => {
    running += rows.filter((row) => row.month === month).reduce((sum, row) => sum + row.nightsPerMonth, 0);
    return {date: monthDate(month), nights: running};
  });
  return plot({
    width,
    height: 320,
    document,
    marginLeft: 44,
    marginTop: 24,
    title: `${formatCount(people)} young people turning 18 free ${formatCount(nights)} nights a month`,
    subtitle:
      "Residential short-break nights a month used by young people turning 18, by month and unit; line: cumulative",
    caption: `Source: ${source}`,
    ariaLabel: "Column chart of residential nights a month freed by young people turning 18, by month and unit",
    ariaDescription: summariseTurning18(rows),
    x: {type: "utc", label: null, interval: "month", tickFormat: "%b %Y", ticks: 6},
    y: {grid: true, label: "Nights a month"},
    color: {type: "ordinal", range: [...SERIES_COLORS], legend: true},
    marks: [
      Plot.rectY(data, {x: "date", interval: "month", y: "nightsPerMonth", fill: "unit", tip: true, inset: 2}),
      Plot.line(cumulative, {
        x: "date",
        y: "nights",
        curve: "step-after",
        stroke: "currentColor",
        strokeDasharray: "4,3"
      }),
      Plot.text(cumulative.slice(-1), {
        x: "date",
        y: "nights",
        text: (d: {nights: number}) => `${formatCount(d.nights)} in all`,
        dy: -8,
        textAnchor: "end"
      }),
      Plot.ruleY([0])
    ]
  });
}
