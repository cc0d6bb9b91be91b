import * as Plot from "npm:@observablehq/plot";
import {SERIES_COLORS} from "../../palette.js";
import {plot} from "../../plot.js";
import {formatCount, formatMonth, monthDate} from "../../format.js";
import type {PopulationRow} from "../../ageing-out/types.js";

export interface PopulationChartOptions {
  width?: number;
  height?: number;
  document?: Document;
}

const whole = (value: number) => formatCount(Math.round(value));

/**
 * One sentence on the projected population, generated from the data.
 *
 * @example
 * summarisePopulation(rows);
 * // "308 children are supported in November 2025; by November 2030 the projection is 308 (95% interval 82 to 533), of whom 6 are children supported today."
 */
export function summarisePopulation(rows: readonly PopulationRow[]): string {
  if (rows.length === 0) return "No projection is available.";
  const first = rows[0];
  const last = rows[rows.length - 1];
  if (rows.length === 1)
    return `${whole(first.projected)} children are supported in ${formatMonth(first.as_at_month)}.`;
  return `${whole(first.projected)} children are supported in ${formatMonth(first.as_at_month)}; by ${formatMonth(
    last.as_at_month
  )} the projection is ${whole(last.projected)} (95% interval ${whole(last.lower_95)} to ${whole(
    last.upper_95
  )}), of whom ${whole(last.current_still_supported)} are children supported today.`;
}

/**
 * The headline: where the projection ends, against today.
 *
 * @example
 * populationTitle(rows); // "The supported population is projected to stay near 308 by November 2030"
 */
export function populationTitle(rows: readonly PopulationRow[]): string {
  if (rows.length < 2) return "Supported population";
  const first = rows[0].projected;
  const last = rows[rows.length - 1];
  const change = first > 0 ? (last.projected - first) / first : 0;
  const when = formatMonth(last.as_at_month);
  if (Math.abs(change) < 0.05) return `The supported population is projected to stay near ${whole(first)} by ${when}`;
  return `The supported population is projected to ${change > 0 ? "rise" : "fall"} from ${whole(first)} to ${whole(
    last.projected
  )} by ${when}`;
}

/**
 * Projected supported population at each anniversary of the extract: central projection with 80% and 95%
 * intervals, the part that is children supported today, and today's children not yet 18 (if none left support).
 *
 * @example
 * populationChart(rows, {width: 640});
 */
export function populationChart(rows: readonly PopulationRow[], options: PopulationChartOptions = {}) {
  const {width = 640, height = 340, document} = options;
  const data = rows.map((row) => ({...row, date: monthDate(row.as_at_month), label: formatMonth(row.as_at_month)}));
  const last = data[data.length - 1];
  const series = [
    {key: "projected", name: "Projected population"},
    {key: "current_not_aged_out", name: "Today's children not yet 18"},
    {key: "current_still_supported", name: "Today's children still supported"}
  ] as const;
  const long = data.flatMap((row) =>
    series.map((s) => ({date: row.date, label: row.label, series: s.name, value: row[s.key]}))
  );
  return plot({
    width,
    height,
    document,
    marginLeft: 48,
    marginRight: 150,
    title: populationTitle(rows),
    subtitle:
      "Children and young people with an active package, projected each year from the extract; shaded: 80% and 95% intervals",
    ariaLabel: "Line chart of the projected supported population with 80% and 95% intervals",
    ariaDescription: summarisePopulation(rows),
    x: {
      type: "utc",
      label: null,
      ticks: data.map((row) => row.date),
      tickFormat: (date: Date) => String(date.getUTCFullYear())
    },
    y: {grid: true, label: "Children and young people", zero: true},
    color: {
      type: "ordinal",
      domain: series.map((s) => s.name),
      range: [SERIES_COLORS[0], SERIES_COLORS[1], SERIES_COLORS[4]],
      legend: true
    },
    marks: [
      // Pale bands are outlined so their edges keep 3:1 contrast (WCAG 1.4.11): dotted 95%, solid 80%.
      Plot.areaY(data, {
        x: "date",
        y1: "lower_95",
        y2: "upper_95",
        fill: SERIES_COLORS[0],
        fillOpacity: 0.12,
        stroke: SERIES_COLORS[0],
        strokeDasharray: "1 3"
      }),
      Plot.areaY(data, {
        x: "date",
        y1: "lower_80",
        y2: "upper_80",
        fill: SERIES_COLORS[0],
        fillOpacity: 0.2,
        stroke: SERIES_COLORS[0]
      }),
      ...series.map((s, index) =>
        Plot.line(data, {
          x: "date",
          y: s.key,
          stroke: () => s.name,
          strokeWidth: index === 0 ? 2.5 : 2,
          strokeDasharray: index === 0 ? undefined : index === 1 ? "6 3" : "2 3"
        })
      ),
      Plot.dot(long, {x: "date", y: "value", stroke: "series", fill: "var(--theme-background, white)", r: 3}),
      Plot.text(last ? series.map((s) => ({date: last.date, value: last[s.key], series: s.name})) : [], {
        x: "date",
        y: "value",
        text: "series",
        dx: 8,
        textAnchor: "start",
        fill: "currentColor"
      }),
      Plot.tip(
        data,
        Plot.pointerX({
          x: "date",
          y: "projected",
          channels: {
            "As at": "label",
            Projected: (row: PopulationRow) => whole(row.projected),
            "80% interval": (row: PopulationRow) => `${whole(row.lower_80)} to ${whole(row.upper_80)}`,
            "95% interval": (row: PopulationRow) => `${whole(row.lower_95)} to ${whole(row.upper_95)}`,
            "Today's children still supported": (row: PopulationRow) => whole(row.current_still_supported),
            "New entrants still supported": (row: PopulationRow) => whole(row.new_entrants_supported)
          },
          format: {x: false, y: false}
        })
      ),
      Plot.ruleY([0])
    ]
  });
}
