import * as Plot from "npm:@observablehq/plot";
import {plot} from "../../plot.js";
import {formatPercent} from "../../format.js";
import type {ConversionYear} from "../../demand/ehcp.js";

export interface ChartOptions {
  width?: number;
  height?: number;
  document?: Document;
  lagMonths?: number;
}

const latestWith = (rows: readonly ConversionYear[], key: "lagged_rate" | "same_year_rate") =>
  [...rows].reverse().find((row) => row[key] !== null);

/**
 * The headline: the latest lag-adjusted conversion (or same-year, when no lagged year is complete).
 *
 * @example
 * conversionTitle(rows); // "60% of 2024-25's requests led to a plan, allowing 5 months for the plan to follow"
 */
export function conversionTitle(rows: readonly ConversionYear[], lagMonths = 5): string {
  const lagged = latestWith(rows, "lagged_rate");
  if (lagged) {
    return `${formatPercent(lagged.lagged_rate!)} of ${lagged.financial_year}'s requests led to a plan, allowing ${lagMonths} months for the plan to follow`;
  }
  const same = latestWith(rows, "same_year_rate");
  return same
    ? `New plans were ${formatPercent(same.same_year_rate!)} of requests in ${same.financial_year} (same-year ratio)`
    : "Conversion of EHC needs assessment requests into plans";
}

/**
 * One sentence comparing the two ratios over the years shown.
 *
 * @example
 * summariseConversion(rows);
 */
export function summariseConversion(rows: readonly ConversionYear[], lagMonths = 5): string {
  if (rows.length === 0) return "No complete financial year of EHC needs assessment activity matches the filters.";
  const parts = rows.map(
    (row) =>
      `${row.financial_year} ${row.same_year_rate === null ? "–" : formatPercent(row.same_year_rate)} same-year` +
      (row.lagged_rate === null ? "" : `, ${formatPercent(row.lagged_rate)} lag-adjusted`)
  );
  return `Plans issued as a share of requests (lag-adjusted: plans issued from ${lagMonths} months after the year began): ${parts.join("; ")}.`;
}

/**
 * Two labelled lines per financial year: plans issued ÷ requests in the same year, and lag-adjusted.
 *
 * @example
 * conversionChart(conversionYears(rows, context), {width: 640});
 */
export function conversionChart(rows: readonly ConversionYear[], options: ChartOptions = {}) {
  const {width = 640, height = 280, document, lagMonths = 5} = options;
  const series = [
    {key: "same_year_rate" as const, label: "Same year", dash: "6,3"},
    {key: "lagged_rate" as const, label: `Lag-adjusted (${lagMonths} months)`, dash: "none"}
  ];
  const data = series.flatMap((s) =>
    rows
      .filter((row) => row[s.key] !== null)
      .map((row) => ({financial_year: row.financial_year, series: s.label, dash: s.dash, rate: row[s.key]!}))
  );
  const ends = series
    .map((s) => data.filter((d) => d.series === s.label).at(-1))
    .filter((d): d is (typeof data)[number] => d !== undefined);
  return plot({
    width,
    height,
    document,
    marginLeft: 44,
    marginRight: width < 480 ? 12 : 140,
    title: conversionTitle(rows, lagMonths),
    subtitle: "New EHC plans issued as a share of requests for assessment, complete financial years",
    ariaLabel: "Line chart of the conversion of EHC needs assessment requests into plans per financial year",
    ariaDescription: summariseConversion(rows, lagMonths),
    x: {
      type: "point",
      label: null,
      domain: rows.map((row) => row.financial_year),
      tickFormat: (d: string) => (width < 480 ? d.slice(2) : d),
      inset: 16
    },
    y: {grid: true, label: "Plans ÷ requests", tickFormat: (d: number) => formatPercent(d), zero: true},
    color: {domain: series.map((s) => s.label), range: ["#896ed0", "#0084d5"], legend: width < 480},
    marks: [
      ...series.map((s) =>
        Plot.lineY(
          data.filter((d) => d.series === s.label),
          {x: "financial_year", y: "rate", stroke: "series", strokeWidth: 2, strokeDasharray: s.dash}
        )
      ),
      Plot.dot(data, {
        x: "financial_year",
        y: "rate",
        fill: "series",
        r: 3,
        tip: {format: {y: (d: number) => formatPercent(d, 1)}}
      }),
      width < 480
        ? null
        : Plot.text(ends, {
            x: "financial_year",
            y: "rate",
            text: (d: (typeof data)[number]) => `${d.series}: ${formatPercent(d.rate)}`,
            dx: 8,
            textAnchor: "start",
            fill: "currentColor"
          }),
      Plot.ruleY([0])
    ]
  });
}
