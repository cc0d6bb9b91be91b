import * as Plot from "npm:@observablehq/plot";
import {SERIES_COLORS} from "../../palette.js";
import {plot} from "../../plot.js";
import {formatCount} from "../../format.js";
import {periodText, youngPeople} from "../../ageing-out/text.js";
import {periodTotals, type LeaversRow} from "../../ageing-out/types.js";

export interface LeaversChartOptions {
  width?: number;
  height?: number;
  /** How the periods are described in the text, e.g. "year" or "quarter". */
  periodName?: string;
  document?: Document;
}

/**
 * One sentence on who turns 18, generated from the data.
 *
 * @example
 * summariseLeavers(rows, "year");
 * // "26 young people turn 18 in the 3 years shown (Year 1 to Year 3); the most in one year is 24, in Year 1."
 */
export function summariseLeavers(rows: readonly LeaversRow[], periodName = "period"): string {
  const totals = periodTotals(rows);
  if (totals.length === 0) return "No currently supported child turns 18 in the period shown.";
  const total = totals.reduce((sum, row) => sum + row.children, 0);
  const busiest = totals.reduce((best, row) => (row.children > best.children ? row : best));
  const range =
    totals.length === 1
      ? periodText(totals[0].period)
      : `${periodText(totals[0].period)} to ${periodText(totals[totals.length - 1].period)}`;
  return `${youngPeople(total)} turn 18 in the ${totals.length} ${periodName}${totals.length === 1 ? "" : "s"} shown (${range}); the most in one ${periodName} is ${formatCount(
    busiest.children
  )}, in ${periodText(busiest.period)}.`;
}

/**
 * The headline: how many turn 18, and the Lot with the most of them.
 *
 * @example
 * leaversTitle(rows); // "26 young people turn 18 and leave children's services; 19 of them on Lot 2"
 */
export function leaversTitle(rows: readonly LeaversRow[]): string {
  const total = rows.reduce((sum, row) => sum + row.children, 0);
  if (total === 0) return "No currently supported child turns 18 in the period shown";
  const byLot = new Map<string, number>();
  for (const row of rows) byLot.set(row.lot_name, (byLot.get(row.lot_name) ?? 0) + row.children);
  const [lot, most] = [...byLot].reduce((best, entry) => (entry[1] > best[1] ? entry : best));
  return `${youngPeople(total)} turn 18 and leave children's services; ${formatCount(most)} of them mainly on ${lot}`;
}

/** Periods in order, for the x axis. */
function periodDomain(rows: readonly LeaversRow[]): string[] {
  return periodTotals(rows).map((row) => row.period);
}

/**
 * Young people turning 18 per period, stacked by the Lot of their main package, with each period's total above
 * its column.
 *
 * @example
 * leaversChart(rows, {width: 640, periodName: "year"});
 */
export function leaversChart(rows: readonly LeaversRow[], options: LeaversChartOptions = {}) {
  const {width = 640, height = 340, periodName = "period", document} = options;
  const domain = periodDomain(rows);
  const step = Math.max(1, Math.ceil(domain.length / Math.max(2, Math.floor(width / 70))));
  const lots = [...new Set(rows.map((row) => row.lot_name))].sort();
  const data = rows.filter((row) => row.children > 0).map((row) => ({...row, label: periodText(row.period)}));
  const totals = periodTotals(rows);
  return plot({
    width,
    height,
    document,
    marginLeft: 48,
    marginBottom: 40,
    title: leaversTitle(rows),
    subtitle: `Currently supported children and young people turning 18, per ${periodName}, by the Lot of their main package`,
    ariaLabel: `Stacked column chart of young people turning 18 per ${periodName}, by Lot`,
    ariaDescription: summariseLeavers(rows, periodName),
    x: {
      domain,
      label: null,
      ticks: domain.filter((_, index) => index % step === 0),
      tickFormat: (period: string) => periodText(period)
    },
    y: {
      grid: true,
      label: "Young people",
      tickFormat: (value: number) => (Number.isInteger(value) ? formatCount(value) : "")
    },
    color: {legend: true, type: "ordinal", domain: lots, range: [...SERIES_COLORS]},
    marks: [
      Plot.barY(data, {
        x: "period",
        y: "children",
        fill: "lot_name",
        order: lots,
        stroke: "var(--theme-background, white)",
        strokeWidth: 0.5,
        channels: {Period: "label", Lot: "lot_name", "Young people": "children"},
        tip: {format: {x: false, y: false, fill: false}}
      }),
      Plot.text(totals, {
        x: "period",
        y: "children",
        text: (row: {children: number}) => formatCount(row.children),
        dy: -7,
        fill: "currentColor"
      }),
      Plot.ruleY([0])
    ]
  });
}
