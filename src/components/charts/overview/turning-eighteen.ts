import * as Plot from "npm:@observablehq/plot";
import {plot} from "../../plot.js";
import {formatCount, formatMonth, monthDate} from "../../format.js";
import type {TurningEighteenMonth} from "../../overview/types.js";

export interface ChartOptions {
  width?: number;
  height?: number;
  document?: Document;
}

const total = (rows: readonly TurningEighteenMonth[]) => rows.reduce((sum, row) => sum + row.young_people, 0);

/**
 * The headline: how many supported young people turn 18 in the next 12 months.
 *
 * @example
 * turningEighteenTitle(rows); // "24 young people now supported turn 18 in the next 12 months"
 */
export function turningEighteenTitle(rows: readonly TurningEighteenMonth[]): string {
  const n = total(rows);
  return `${formatCount(n)} ${n === 1 ? "young person" : "young people"} now supported turn${n === 1 ? "s" : ""} 18 in the next 12 months`;
}

/**
 * One sentence: the total and the busiest month.
 *
 * @example
 * summariseTurningEighteen(rows);
 */
export function summariseTurningEighteen(rows: readonly TurningEighteenMonth[]): string {
  if (rows.length === 0) return "No months to show.";
  const n = total(rows);
  if (n === 0)
    return `No young person now supported turns 18 between ${formatMonth(rows[0].month)} and ${formatMonth(rows[rows.length - 1].month)}.`;
  const busiest = rows.reduce((best, row) => (row.young_people > best.young_people ? row : best));
  return `${formatCount(n)} young people now supported turn 18 between ${formatMonth(rows[0].month)} and ${formatMonth(
    rows[rows.length - 1].month
  )}; the most in one month is ${formatCount(busiest.young_people)}, in ${formatMonth(busiest.month)}.`;
}

/**
 * Columns: supported young people by the month they turn 18, each labelled with its count.
 *
 * @example
 * turningEighteenChart(data.turning18.byMonth, {width: 640});
 */
export function turningEighteenChart(rows: readonly TurningEighteenMonth[], options: ChartOptions = {}) {
  const {width = 640, height = 260, document} = options;
  const data = rows.map((row) => ({...row, date: monthDate(row.month)}));
  return plot({
    width,
    height,
    document,
    marginLeft: 40,
    title: turningEighteenTitle(rows),
    subtitle:
      "Children and young people with an active package, by the month of their 18th birthday (transition to adult services)",
    ariaLabel: "Column chart of supported young people turning 18 in each of the next 12 months",
    ariaDescription: summariseTurningEighteen(rows),
    x: {
      type: "band",
      label: null,
      tickFormat: (d: Date) => d.toLocaleDateString("en-GB", {month: "short", timeZone: "UTC"})
    },
    y: {grid: true, label: "Young people", tickFormat: (d: number) => (Number.isInteger(d) ? String(d) : "")},
    marks: [
      Plot.barY(data, {
        x: "date",
        y: "young_people",
        fill: "#c656a2",
        tip: {format: {x: (d: Date) => formatMonth(d.toISOString().slice(0, 7))}}
      }),
      Plot.text(data, {
        x: "date",
        y: "young_people",
        text: (d: TurningEighteenMonth) => String(d.young_people),
        dy: -8,
        fill: "currentColor"
      }),
      Plot.ruleY([0])
    ]
  });
}
