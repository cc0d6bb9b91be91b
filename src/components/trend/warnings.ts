/**
 * Data-driven cautions for the model card: a short history, a structural break (such as Lot 1's collapse in
 * 2022-23) and seasonality the engine does not model.
 */
import {formatChange} from "../format.js";
import type {Grain} from "./measures.js";
import type {SeriesRow} from "./rows.js";

export interface WarningContext {
  grain: Grain;
  window: number;
  /** Formats a value of the series. */
  format: (value: number) => string;
}

/**
 * The largest one-period change, if it is a break: more than three times the median absolute change and more
 * than 25% of the level before it.
 *
 * @example
 * findBreak([{period: "a", value: 90}, {period: "b", value: 95}, {period: "c", value: 9}, {period: "d", value: 12}]);
 * // {from: "b", to: "c", before: 95, after: 9}
 */
export function findBreak(
  series: readonly {period: string; value: number}[]
): {from: string; to: string; before: number; after: number} | null {
  if (series.length < 4) return null;
  const changes = series.slice(1).map((row, i) => ({i: i + 1, change: row.value - series[i].value}));
  const sorted = changes.map((c) => Math.abs(c.change)).sort((a, b) => a - b);
  const median =
    sorted.length % 2
      ? sorted[(sorted.length - 1) / 2]
      : (sorted[sorted.length / 2 - 1] + sorted[sorted.length / 2]) / 2;
  const biggest = changes.reduce((a, b) => (Math.abs(b.change) > Math.abs(a.change) ? b : a));
  const before = series[biggest.i - 1].value;
  if (Math.abs(biggest.change) > 3 * median && Math.abs(biggest.change) > 0.25 * Math.abs(before)) {
    return {from: series[biggest.i - 1].period, to: series[biggest.i].period, before, after: series[biggest.i].value};
  }
  return null;
}

/**
 * Cautions about a series, in plain English, most important first.
 *
 * @example
 * seriesWarnings(series, {grain: "year", window: 1, format: String});
 */
export function seriesWarnings(series: readonly SeriesRow[], context: WarningContext): string[] {
  const warnings: string[] = [];
  const n = series.length;
  const unit = context.grain === "year" ? "financial years" : context.grain === "quarter" ? "quarters" : "months";
  if (n < 10) {
    warnings.push(
      `Short series: only ${n} ${unit} of history. Parameters rest on very few points and the backtest has few forecasts to judge by; treat the later years of the forecast as indicative.`
    );
  }
  const found = findBreak(series);
  if (found) {
    const change = found.before === 0 ? "" : ` (${formatChange((found.after - found.before) / found.before)})`;
    warnings.push(
      `Structural break: the series ${found.after < found.before ? "fell" : "rose"} from ${context.format(found.before)} in ${found.from} to ${context.format(found.after)} in ${found.to}${change}. ` +
        "A statistical method treats this as part of the pattern; if it was a one-off (a Lot collapsing, a framework relaunch), forecast from the periods after it or use the scenario planner instead."
    );
  }
  if (context.grain !== "year" && context.window === 1) {
    warnings.push(
      `Seasonality: the methods do not model seasons, so a regular pattern within the year shows up as noise and widens the intervals. Use a rolling ${context.grain === "month" ? "12-month" : "4-quarter"} total, or the financial-year grain.`
    );
  }
  return warnings;
}
