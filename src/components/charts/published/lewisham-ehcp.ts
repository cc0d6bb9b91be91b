import * as Plot from "npm:@observablehq/plot";
import {SERIES_COLORS} from "../../palette.js";
import {plot} from "../../plot.js";
import {formatChange, formatCount} from "../../format.js";

/** One value of Lewisham's EHC needs assessment table. */
export interface EhcpPoint {
  indicator: string;
  year: string;
  value: number;
}

/** Growth of one indicator from its first year, and on the previous year. */
export interface EhcpGrowth {
  indicator: string;
  firstYear: string;
  lastYear: string;
  first: number;
  previous: number;
  last: number;
  sinceFirst: number;
  onPreviousYear: number;
}

/**
 * Growth of every indicator in the rows: first year → last year, and previous year → last year.
 *
 * @example
 * ehcpGrowth([{indicator: "Requests", year: "2018-19", value: 416}, {indicator: "Requests", year: "2020-21", value: 486}, {indicator: "Requests", year: "2021-22", value: 592}])[0].sinceFirst; // 0.423…
 */
export function ehcpGrowth(rows: readonly EhcpPoint[]): EhcpGrowth[] {
  const indicators = [...new Set(rows.map((row) => row.indicator))];
  return indicators.flatMap((indicator) => {
    const series = rows.filter((row) => row.indicator === indicator).sort((a, b) => a.year.localeCompare(b.year));
    if (series.length < 2 || series[0].value <= 0 || series[series.length - 2].value <= 0) return [];
    const [first, previous, last] = [series[0], series[series.length - 2], series[series.length - 1]];
    return [
      {
        indicator,
        firstYear: first.year,
        lastYear: last.year,
        first: first.value,
        previous: previous.value,
        last: last.value,
        sinceFirst: last.value / first.value - 1,
        onPreviousYear: last.value / previous.value - 1
      }
    ];
  });
}

/** Growth as the seed reports state it, e.g. "+42% since 2018-19". */
export function growthSince(growth: EhcpGrowth): string {
  return `${formatChange(growth.sinceFirst)} since ${growth.firstYear}`;
}

/** Growth on the previous year, e.g. "+22% on the previous year". */
export function growthOnPrevious(growth: EhcpGrowth): string {
  return `${formatChange(growth.onPreviousYear)} on the previous year`;
}

/**
 * One sentence per indicator: from, to, and the two growth figures.
 *
 * @example
 * summariseEhcp(rows);
 * // "Requests for EHC Needs Assessments rose from 416 in 2018-19 to 592 in 2021-22 (+42% since 2018-19; +22% on the previous year). …"
 */
export function summariseEhcp(rows: readonly EhcpPoint[]): string {
  const growths = ehcpGrowth(rows);
  if (growths.length === 0) return "No EHC needs assessment figures with two or more years.";
  return growths
    .map(
      (growth) =>
        `${growth.indicator} ${growth.last >= growth.first ? "rose" : "fell"} from ${formatCount(growth.first)} in ${growth.firstYear} to ${formatCount(growth.last)} in ${growth.lastYear} (${growthSince(growth)}; ${growthOnPrevious(growth)}).`
    )
    .join(" ");
}

export interface EhcpChartOptions {
  width?: number;
  /** The source, printed under the chart. */
  source: string;
  document?: Document;
}

/**
 * Lewisham's EHC needs assessment requests and new plans per year, as labelled lines.
 *
 * @example
 * lewishamEhcpChart(rows, {width: 640, source: "lewisham-personalised-care-framework.txt, para 4.8 table"});
 */
export function lewishamEhcpChart(rows: readonly EhcpPoint[], options: EhcpChartOptions) {
  const {width = 640, source, document} = options;
  const [lead] = ehcpGrowth(rows);
  const years = [...new Set(rows.map((row) => row.year))].sort();
  const lastYear = years[years.length - 1];
  return plot({
    width,
    height: 320,
    document,
    marginLeft: 48,
    marginRight: 16,
    marginTop: 24,
    title: lead
      ? `${lead.indicator} rose ${formatChange(lead.sinceFirst)} since ${lead.firstYear} (${growthOnPrevious(lead)})`
      : "EHC needs assessments",
    subtitle: "Number per year, Lewisham",
    caption: `Source: ${source}`,
    ariaLabel: "Line chart of EHC needs assessment requests and new EHC plans per year, Lewisham",
    ariaDescription: summariseEhcp(rows),
    x: {domain: years, label: null, type: "point", inset: 24},
    y: {grid: true, label: "Number", zero: true},
    color: {type: "ordinal", range: [...SERIES_COLORS], legend: true},
    marks: [
      Plot.ruleY([0]),
      Plot.line(rows, {x: "year", y: "value", stroke: "indicator", strokeWidth: 2.5, sort: "year"}),
      Plot.dot(rows, {x: "year", y: "value", fill: "indicator", symbol: "indicator", r: 4, tip: true}),
      Plot.text(rows, {x: "year", y: "value", text: (d: EhcpPoint) => formatCount(d.value), dy: -10}),
      Plot.text(
        rows.filter((row) => row.year === lastYear),
        {
          x: "year",
          y: "value",
          text: "indicator",
          dy: 12,
          textAnchor: "end",
          lineWidth: 12,
          fontSize: 10,
          lineAnchor: "top"
        }
      )
    ]
  });
}
