import * as Plot from "npm:@observablehq/plot";
import {SERIES_COLORS} from "../../palette.js";
import {plot} from "../../plot.js";
import {formatMoney, formatMonth, monthDate} from "../../format.js";
import type {SpendPoint} from "../../spend/measures.js";

export interface SpendOverTimeOptions {
  width?: number;
  /** `month` draws monthly columns on a time axis; `financial_year` one column per year. */
  period: "month" | "financial_year";
  /** What the colours break spend down by, for the subtitle (e.g. "Lot"). */
  breakdown: string;
  /** The date committed spend runs to, for labels. */
  committedTo?: string;
  document?: Document;
}

function totals(points: readonly SpendPoint[]) {
  const byPeriod = new Map<string, {period: string; spend: number; committed: number}>();
  for (const point of points) {
    const entry = byPeriod.get(point.period) ?? {period: point.period, spend: 0, committed: 0};
    entry.spend += point.spend_gbp;
    entry.committed += point.committed_gbp;
    byPeriod.set(point.period, entry);
  }
  return [...byPeriod.values()].sort((a, b) => a.period.localeCompare(b.period));
}

const label = (period: string, kind: "month" | "financial_year") => (kind === "month" ? formatMonth(period) : period);

/**
 * One sentence: total actual spend over the periods shown, committed spend still to come, the largest group and
 * the highest period.
 *
 * @example
 * summariseSpendOverTime(points, "financial_year");
 * // "£4.1m was spent from 2019-20 to 2025-26, and £0.3m more is committed; Lot 2 … accounts for 58%; the highest year was 2024-25 with £1.6m."
 */
export function summariseSpendOverTime(points: readonly SpendPoint[], period: "month" | "financial_year"): string {
  const all = totals(points);
  const series = all.filter((entry) => entry.spend > 0);
  const committed = all.reduce((sum, entry) => sum + entry.committed, 0);
  if (series.length === 0)
    return committed > 0
      ? `Nothing spent yet; ${formatMoney(committed)} is committed.`
      : "No spend matches these filters.";
  const spend = series.reduce((sum, entry) => sum + entry.spend, 0);
  const groups = new Map<string, number>();
  for (const point of points) groups.set(point.group, (groups.get(point.group) ?? 0) + point.spend_gbp);
  const [largest, largestSpend] = [...groups].sort((a, b) => b[1] - a[1])[0];
  const highest = series.reduce((best, entry) => (entry.spend > best.spend ? entry : best));
  const share = spend > 0 ? Math.round((100 * largestSpend) / spend) : 0;
  return `${formatMoney(spend)} was spent ${rangeText(series, period)}${committed > 0 ? `, and ${formatMoney(committed)} more is committed` : ""}; ${largest} accounts for ${share}%; the highest ${period === "month" ? "month" : "year"} was ${label(highest.period, period)} with ${formatMoney(highest.spend)}.`;
}

function rangeText(series: readonly {period: string}[], period: "month" | "financial_year"): string {
  return series.length === 1
    ? `in ${label(series[0].period, period)}`
    : `from ${label(series[0].period, period)} to ${label(series[series.length - 1].period, period)}`;
}

/**
 * A headline for the chart: growth between the first and last complete periods, or the total.
 *
 * @example
 * spendHeadline(points, "financial_year", ["2019-20", "2024-25"]); // "Spend rose 89% from 2019-20 to 2024-25"
 */
export function spendHeadline(
  points: readonly SpendPoint[],
  period: "month" | "financial_year",
  completePeriods: readonly string[]
): string {
  const series = totals(points).filter((entry) => completePeriods.includes(entry.period));
  if (series.length >= 2 && series[0].spend > 0) {
    const [first, last] = [series[0], series[series.length - 1]];
    const change = last.spend / first.spend - 1;
    return `Spend ${change >= 0 ? "rose" : "fell"} ${Math.round(Math.abs(change) * 100)}% from ${label(first.period, period)} to ${label(last.period, period)}`;
  }
  const all = totals(points);
  const spent = all.filter((entry) => entry.spend > 0);
  const spend = spent.reduce((sum, entry) => sum + entry.spend, 0);
  const committed = all.reduce((sum, entry) => sum + entry.committed, 0);
  if (all.length === 0) return "No spend matches these filters";
  const more = committed > 0 ? `; ${formatMoney(committed)} more committed` : "";
  return spent.length ? `${formatMoney(spend)} spent ${rangeText(spent, period)}${more}` : `Nothing spent yet${more}`;
}

/**
 * Actual spend per period stacked by group, with committed spend (to 31 March) as a dashed outline on top.
 *
 * @example
 * spendOverTimeChart(spendSeries(rows, "month", "lot"), {width: 640, period: "month", breakdown: "Lot"});
 */
export function spendOverTimeChart(
  points: readonly SpendPoint[],
  options: SpendOverTimeOptions & {completePeriods: readonly string[]}
) {
  const {width = 640, period, breakdown, completePeriods, committedTo, document} = options;
  const committed = totals(points)
    .filter((entry) => entry.committed > 0)
    .map((entry) => ({...entry, y1: entry.spend, y2: entry.spend + entry.committed}));
  const isMonth = period === "month";
  const x = (value: string) => (isMonth ? monthDate(value) : value);
  const data = points.filter((point) => point.spend_gbp > 0).map((point) => ({...point, x: x(point.period)}));
  const committedData = committed.map((entry) => ({...entry, x: x(entry.period)}));
  const groups = [...new Set(points.map((point) => point.group))].sort();
  const marks = isMonth
    ? [
        Plot.rectY(data, {
          x: "x",
          interval: "month",
          y: "spend_gbp",
          fill: "group",
          order: groups,
          tip: {format: {y: (v: number) => formatMoney(v), x: (d: Date) => formatMonth(d.toISOString().slice(0, 7))}}
        }),
        Plot.rectY(committedData, {
          x: "x",
          interval: "month",
          y1: "y1",
          y2: "y2",
          fill: "none",
          stroke: "currentColor",
          strokeDasharray: "3,2",
          inset: 1
        })
      ]
    : [
        Plot.barY(data, {
          x: "x",
          y: "spend_gbp",
          fill: "group",
          order: groups,
          tip: {format: {y: (v: number) => formatMoney(v)}}
        }),
        Plot.rectY(committedData, {
          x: "x",
          y1: "y1",
          y2: "y2",
          fill: "none",
          stroke: "currentColor",
          strokeDasharray: "3,2"
        }),
        Plot.text(totals(points), {
          x: "period",
          y: (d: {spend: number; committed: number}) => d.spend + d.committed,
          text: (d: {spend: number; committed: number}) => formatMoney(d.spend + d.committed),
          dy: -8,
          fontSize: 10
        })
      ];
  return plot({
    width,
    height: 340,
    document,
    marginLeft: 56,
    marginTop: 24,
    title: spendHeadline(points, period, completePeriods),
    subtitle: `Spend per ${isMonth ? "month" : "financial year"} (£), by ${breakdown}${committed.length ? `; dashed: committed to ${committedTo ?? "31 March"}` : ""}`,
    ariaLabel: `Stacked column chart of spend per ${isMonth ? "month" : "financial year"} by ${breakdown}`,
    ariaDescription: summariseSpendOverTime(points, period),
    x: isMonth ? {type: "utc", label: null} : {label: null, type: "band"},
    y: {grid: true, label: "£", tickFormat: (value: number) => formatMoney(value)},
    color: {domain: groups, range: [...SERIES_COLORS], legend: true},
    marks: [...marks, Plot.ruleY([0])]
  });
}
