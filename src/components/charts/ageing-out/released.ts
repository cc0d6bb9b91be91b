import * as Plot from "npm:@observablehq/plot";
import {SERIES_COLORS} from "../../palette.js";
import {plot} from "../../plot.js";
import {formatMoney} from "../../format.js";
import {formatHours, periodText} from "../../ageing-out/text.js";
import {periodTotals, type LeaversRow} from "../../ageing-out/types.js";

export interface ReleasedChartOptions {
  width?: number;
  height?: number;
  periodName?: string;
  document?: Document;
}

/**
 * One sentence on the support released, generated from the data.
 *
 * @example
 * summariseReleased(rows, "year");
 * // "Packages worth £210,000 a year (150 hours a week) end as young people turn 18 over the 3 years shown; the most, £120,000, in Year 1."
 */
export function summariseReleased(rows: readonly LeaversRow[], periodName = "period"): string {
  const totals = periodTotals(rows);
  if (totals.length === 0) return "No package ends because a child turns 18 in the period shown.";
  const cost = totals.reduce((sum, row) => sum + row.annual_cost, 0);
  const hours = totals.reduce((sum, row) => sum + row.hours_per_week, 0);
  const most = totals.reduce((best, row) => (row.annual_cost > best.annual_cost ? row : best));
  return `Packages worth ${formatMoney(cost)} a year (${formatHours(hours)}) end as young people turn 18 over the ${
    totals.length
  } ${periodName}${totals.length === 1 ? "" : "s"} shown; the most, ${formatMoney(most.annual_cost)}, in ${periodText(
    most.period
  )}.`;
}

/**
 * The headline: the yearly value of packages that end.
 *
 * @example
 * releasedTitle(rows); // "£210,000 a year of packages ends when these young people turn 18"
 */
export function releasedTitle(rows: readonly LeaversRow[]): string {
  const cost = rows.reduce((sum, row) => sum + (row.annual_cost ?? 0), 0);
  if (cost === 0) return "No package spend is released in the period shown";
  return `${formatMoney(cost)} a year of packages ends when these young people turn 18`;
}

/**
 * Full-year value of the packages that end when young people turn 18, per period, stacked by the Lot that buys them,
 * each column labelled with its hours a week.
 *
 * @example
 * releasedChart(rows, {width: 640, periodName: "year"});
 */
export function releasedChart(rows: readonly LeaversRow[], options: ReleasedChartOptions = {}) {
  const {width = 640, height = 340, periodName = "period", document} = options;
  const totals = periodTotals(rows);
  const domain = totals.map((row) => row.period);
  const step = Math.max(1, Math.ceil(domain.length / Math.max(2, Math.floor(width / 70))));
  const lots = [...new Set(rows.map((row) => row.lot_name))].sort();
  const data = rows
    .filter((row) => (row.annual_cost ?? 0) > 0)
    .map((row) => ({
      ...row,
      label: periodText(row.period),
      cost: formatMoney(row.annual_cost ?? 0),
      hours: formatHours(row.hours_per_week ?? 0)
    }));
  return plot({
    width,
    height,
    document,
    marginLeft: 64,
    marginBottom: 40,
    title: releasedTitle(rows),
    subtitle: `Full-year value of the packages that end (hours a week × hourly rate × 52.18 weeks), per ${periodName}, by Lot; labels show hours a week`,
    ariaLabel: `Stacked column chart of the yearly value of packages released per ${periodName}, by Lot`,
    ariaDescription: summariseReleased(rows, periodName),
    x: {
      domain,
      label: null,
      ticks: domain.filter((_, index) => index % step === 0),
      tickFormat: (period: string) => periodText(period)
    },
    y: {grid: true, label: "£ a year", tickFormat: (value: number) => formatMoney(value)},
    color: {legend: true, type: "ordinal", domain: lots, range: [...SERIES_COLORS]},
    marks: [
      Plot.barY(data, {
        x: "period",
        y: "annual_cost",
        fill: "lot_name",
        order: lots,
        stroke: "var(--theme-background, white)",
        strokeWidth: 0.5,
        channels: {Period: "label", Lot: "lot_name", "£ a year": "cost", Hours: "hours"},
        tip: {format: {x: false, y: false, fill: false}}
      }),
      Plot.text(totals, {
        x: "period",
        y: "annual_cost",
        text: (row: {hours_per_week: number}) => `${Math.round(row.hours_per_week).toLocaleString("en-GB")} h/wk`,
        dy: -7,
        fill: "currentColor"
      }),
      Plot.ruleY([0])
    ]
  });
}
