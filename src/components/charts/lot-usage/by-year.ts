import * as Plot from "npm:@observablehq/plot";
import {plot} from "../../plot.js";
import {formatChange, formatCount} from "../../format.js";
import {CATEGORY_COLOURS} from "../../palette.js";
import {dodgeLabels} from "../label-dodge.js";

/** One value of one series (a Lot, route or funder) in one financial year. */
export interface YearSeriesRow {
  financial_year: string;
  series: string;
  value: number;
}

export interface ByYearOptions {
  /** What is counted, as a plural noun phrase for the title, e.g. "children" or "hours a week". */
  measure: string;
  /** The y-axis label. */
  axisLabel: string;
  /** The chart's subtitle: the measure, stated exactly. */
  subtitle: string;
  /** What a series is, for the text alternative, e.g. "Lot" or "route". */
  seriesNoun: string;
  format?: (value: number) => string;
  /** Series order (also colour order); default: largest in the last year first. */
  seriesOrder?: readonly string[];
  /** A financial year that is not complete (the current one); marked with * and left out of comparisons. */
  partialYear?: string;
  width?: number;
  height?: number;
  document?: Document;
}

function years(rows: readonly YearSeriesRow[]): string[] {
  return [...new Set(rows.map((row) => row.financial_year))].sort();
}

/** The years compared in the headline: the first and the last complete one. */
function comparedYears(rows: readonly YearSeriesRow[], partialYear?: string): [string, string] | null {
  const all = years(rows).filter((year) => year !== partialYear);
  if (all.length === 0) return null;
  return [all[0], all[all.length - 1]];
}

function valueOf(rows: readonly YearSeriesRow[], series: string, year: string): number {
  return rows.filter((row) => row.series === series && row.financial_year === year).reduce((s, r) => s + r.value, 0);
}

function seriesIn(rows: readonly YearSeriesRow[], order?: readonly string[]): string[] {
  const present = [...new Set(rows.map((row) => row.series))];
  if (order) return [...order.filter((s) => present.includes(s)), ...present.filter((s) => !order.includes(s)).sort()];
  return present.sort();
}

/**
 * One sentence comparing each series between the first and the last complete year, generated from the data.
 *
 * @example
 * summariseByYear(
 *   [{financial_year: "2019-20", series: "Lot 1", value: 10}, {financial_year: "2024-25", series: "Lot 1", value: 15}],
 *   {measure: "children", seriesNoun: "Lot"}
 * );
 * // "In 2024-25: Lot 1 15 children (+50% on 2019-20)."
 */
export function summariseByYear(
  rows: readonly YearSeriesRow[],
  {
    measure,
    format = formatCount,
    partialYear,
    seriesOrder
  }: Pick<ByYearOptions, "measure" | "format" | "partialYear" | "seriesOrder" | "seriesNoun">
): string {
  const compared = comparedYears(rows, partialYear);
  if (!compared) return `No ${measure} in this selection.`;
  const [first, last] = compared;
  const parts = seriesIn(rows, seriesOrder).map((series, index) => {
    const a = valueOf(rows, series, first);
    const b = valueOf(rows, series, last);
    const change = first !== last && a > 0 ? ` (${formatChange(b / a - 1)} on ${first})` : "";
    return `${series} ${format(b)}${index === 0 ? ` ${measure}` : ""}${change}`;
  });
  return `In ${last}: ${parts.join(", ")}.`;
}

/**
 * The headline: which series was largest in the last complete year, and how it changed.
 *
 * @example
 * byYearTitle([{financial_year: "2024-25", series: "Lot 2", value: 300}], {measure: "children"}); // "Lot 2 had the most children in 2024-25: 300"
 */
export function byYearTitle(
  rows: readonly YearSeriesRow[],
  {measure, format = formatCount, partialYear}: Pick<ByYearOptions, "measure" | "format" | "partialYear">
): string {
  const compared = comparedYears(rows, partialYear);
  if (!compared) return `No ${measure} in this selection`;
  const [first, last] = compared;
  const ranked = seriesIn(rows)
    .map((series) => ({series, value: valueOf(rows, series, last), before: valueOf(rows, series, first)}))
    .sort((a, b) => b.value - a.value || (a.series < b.series ? -1 : 1));
  const top = ranked[0];
  const change = first !== last && top.before > 0 ? `, ${formatChange(top.value / top.before - 1)} on ${first}` : "";
  if (ranked.length === 1) return `${top.series}: ${format(top.value)} ${measure} in ${last}${change}`;
  return `${top.series} had the most ${measure} in ${last}: ${format(top.value)}${change}`;
}

/**
 * A line per series across financial years, labelled at its end (no legend needed), with points for every year.
 *
 * @example
 * byYearChart(rows, {measure: "children", axisLabel: "Children", subtitle: "Distinct children with an active package", seriesNoun: "Lot"});
 */
export function byYearChart(rows: readonly YearSeriesRow[], options: ByYearOptions) {
  const {width = 640, height = 300, document, format = formatCount, partialYear, axisLabel, subtitle} = options;
  const domain = years(rows);
  const order = seriesIn(rows, options.seriesOrder);
  const ends = order.map((series) => {
    const last = rows
      .filter((row) => row.series === series)
      .sort((a, b) => (a.financial_year < b.financial_year ? -1 : 1))
      .pop()!;
    return {...last};
  });
  const yMax = Math.max(1, ...rows.map((row) => row.value));
  const positions = dodgeLabels(
    ends.map((end) => end.value),
    (yMax * 14) / Math.max(60, height - 90)
  );
  const labels = ends.map((end, i) => ({...end, y: positions[i]}));
  const perYear = (width - 166) / Math.max(1, domain.length);
  const narrow = perYear < 80;
  const tiny = perYear < 40;
  const tickText = (d: string) => `${tiny ? d.slice(2) : d}${d === partialYear ? "*" : ""}`;
  return plot({
    width,
    height,
    document,
    marginLeft: 56,
    marginRight: 110,
    marginBottom: narrow ? 50 : 30,
    title: byYearTitle(rows, options),
    subtitle: partialYear && domain.includes(partialYear) ? `${subtitle}. * ${partialYear} is a part year` : subtitle,
    ariaLabel: `Line chart of ${options.measure} per financial year, one line per ${options.seriesNoun}`,
    ariaDescription: summariseByYear(rows, options),
    x: {
      type: "point",
      domain,
      label: null,
      tickFormat: tickText,
      padding: 0.3,
      tickRotate: narrow ? -40 : 0
    },
    y: {grid: true, label: axisLabel, zero: true, tickFormat: (d: number) => format(d)},
    color: {domain: order, range: [...CATEGORY_COLOURS]},
    marks: [
      Plot.ruleY([0]),
      Plot.lineY(rows, {x: "financial_year", y: "value", stroke: "series", strokeWidth: 2, sort: "financial_year"}),
      Plot.dot(rows, {
        x: "financial_year",
        y: "value",
        fill: "series",
        r: 3,
        tip: true,
        channels: {[options.seriesNoun]: "series"},
        title: (d: YearSeriesRow) => `${d.series}, ${d.financial_year}: ${format(d.value)}`
      }),
      Plot.text(labels, {x: "financial_year", y: "y", text: "series", fill: "series", textAnchor: "start", dx: 6})
    ]
  });
}
