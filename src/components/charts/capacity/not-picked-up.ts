import * as Plot from "npm:@observablehq/plot";
import {plot} from "../../plot.js";
import {outcomeLabel} from "../../commissioning-labels.js";
import {formatCount, formatPercent} from "../../format.js";
import {CATEGORY_COLOURS} from "../../palette.js";
import type {ChartOptions} from "./capacity-demand.js";

/** Referrals received in a financial year with one outcome, by whether the framework had a spare place then. */
export interface OutcomeCapacityRow {
  financial_year: string;
  outcome: string;
  /** `none`: framework providers had no spare place in the referral's Lot and area in the month it was received. */
  framework_capacity: string;
  referrals: number;
}

/** Outcomes that mean a referral did not lead to a package (yet), in stacking order. */
export const NOT_PLACED_OUTCOMES = ["declined", "withdrawn", "waiting"] as const;

/**
 * Whether a referral counts as *not picked up*: declined, withdrawn or still waiting, and received when the
 * framework had no spare place in its Lot and area.
 *
 * @example
 * isNotPickedUp({financial_year: "2022-23", outcome: "withdrawn", framework_capacity: "none", referrals: 1}); // true
 */
export function isNotPickedUp(row: OutcomeCapacityRow): boolean {
  return row.framework_capacity === "none" && (NOT_PLACED_OUTCOMES as readonly string[]).includes(row.outcome);
}

function byYear(rows: readonly OutcomeCapacityRow[]) {
  const years = new Map<string, {all: number; notPickedUp: number}>();
  for (const row of rows) {
    const entry = years.get(row.financial_year) ?? {all: 0, notPickedUp: 0};
    entry.all += row.referrals;
    if (isNotPickedUp(row)) entry.notPickedUp += row.referrals;
    years.set(row.financial_year, entry);
  }
  return [...years].sort(([a], [b]) => (a < b ? -1 : 1));
}

/**
 * One sentence on referrals not picked up, generated from the data.
 *
 * @example
 * summariseNotPickedUp([
 *   {financial_year: "2022-23", outcome: "withdrawn", framework_capacity: "none", referrals: 3},
 *   {financial_year: "2022-23", outcome: "placed", framework_capacity: "none", referrals: 1}
 * ]);
 * // "3 of 4 referrals (75%) were not picked up: declined, withdrawn or still waiting when the framework had no spare place; the most were in 2022-23 (3, 75% of that year's referrals)."
 */
export function summariseNotPickedUp(rows: readonly OutcomeCapacityRow[]): string {
  const years = byYear(rows);
  const all = years.reduce((sum, [, y]) => sum + y.all, 0);
  const missed = years.reduce((sum, [, y]) => sum + y.notPickedUp, 0);
  if (all === 0) return "No referrals are recorded for this selection.";
  if (missed === 0) return `None of ${formatCount(all)} referrals was received when the framework had no spare place.`;
  const [worstYear, worst] = years.reduce((best, entry) => (entry[1].notPickedUp > best[1].notPickedUp ? entry : best));
  return `${formatCount(missed)} of ${formatCount(all)} referrals (${formatPercent(
    missed / all
  )}) were not picked up: declined, withdrawn or still waiting when the framework had no spare place; the most were in ${worstYear} (${formatCount(
    worst.notPickedUp
  )}, ${formatPercent(worst.notPickedUp / worst.all)} of that year's referrals).`;
}

/**
 * The headline.
 *
 * @example
 * notPickedUpTitle([]); // "No referrals in this selection"
 */
export function notPickedUpTitle(rows: readonly OutcomeCapacityRow[]): string {
  const years = byYear(rows);
  if (years.length === 0) return "No referrals in this selection";
  const [worstYear, worst] = years.reduce((best, entry) => (entry[1].notPickedUp > best[1].notPickedUp ? entry : best));
  if (worst.notPickedUp === 0) return "Every referral arrived when the framework had a spare place";
  return `${formatPercent(worst.notPickedUp / worst.all)} of referrals in ${worstYear} were not picked up for lack of framework capacity`;
}

/**
 * Referrals not picked up per financial year received, stacked by outcome, with each year's total referrals as a
 * tick for scale.
 *
 * @example
 * notPickedUpChart(rows, {width: 640});
 */
export function notPickedUpChart(rows: readonly OutcomeCapacityRow[], options: ChartOptions = {}) {
  const {width = 640, height = 300, document} = options;
  const years = byYear(rows);
  const stacked = NOT_PLACED_OUTCOMES.map(outcomeLabel);
  const data = years.flatMap(([financial_year]) =>
    NOT_PLACED_OUTCOMES.map((outcome) => ({
      financial_year,
      outcome: outcomeLabel(outcome),
      referrals: rows
        .filter((row) => row.financial_year === financial_year && row.outcome === outcome && isNotPickedUp(row))
        .reduce((sum, row) => sum + row.referrals, 0)
    }))
  );
  const totals = years.map(([financial_year, y]) => ({financial_year, ...y}));
  return plot({
    width,
    height,
    document,
    marginLeft: 48,
    title: notPickedUpTitle(rows),
    subtitle:
      "Referrals declined, withdrawn or still waiting that arrived when framework providers had no spare place in their Lot and area; tick = all referrals that year",
    ariaLabel: "Stacked column chart of referrals not picked up per financial year, by outcome",
    ariaDescription: summariseNotPickedUp(rows),
    x: {label: null, domain: years.map(([year]) => year)},
    y: {grid: true, label: "Referrals"},
    color: {domain: stacked, range: [CATEGORY_COLOURS[1], CATEGORY_COLOURS[3], CATEGORY_COLOURS[5]], legend: true},
    marks: [
      Plot.barY(data, {x: "financial_year", y: "referrals", fill: "outcome", order: stacked, tip: true}),
      Plot.tickY(totals, {x: "financial_year", y: "all", stroke: "currentColor", strokeWidth: 2}),
      Plot.text(totals, {
        x: "financial_year",
        y: "all",
        text: (d: (typeof totals)[number]) => `${formatCount(d.notPickedUp)} of ${formatCount(d.all)}`,
        dy: -8,
        fontSize: 11
      }),
      Plot.ruleY([0])
    ]
  });
}
