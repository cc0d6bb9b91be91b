import * as Plot from "npm:@observablehq/plot";
import {plot} from "../../plot.js";
import {formatCount, formatPercent} from "../../format.js";
import type {OutcomeYear} from "../../demand/referral-years.js";

export interface ChartOptions {
  width?: number;
  document?: Document;
}

export const OUTCOMES = [
  {key: "placed", label: "Placed", colour: "#209144"},
  {key: "declined", label: "Declined", colour: "#d3526b"},
  {key: "withdrawn", label: "Withdrawn", colour: "#896ed0"},
  {key: "waiting", label: "Still waiting", colour: "#b86c2c"}
] as const;

/** Outcome shares per year, long form, for the chart and its tooltips. */
export function outcomeShares(rows: readonly OutcomeYear[]) {
  return rows.flatMap((row) =>
    OUTCOMES.map((outcome) => ({
      financial_year: row.financial_year,
      outcome: outcome.label,
      referrals: row[outcome.key],
      share: row.referrals === 0 ? 0 : row[outcome.key] / row.referrals
    }))
  );
}

/**
 * The headline: the share placed in the latest year with enough decided, and the most common other outcome.
 *
 * @example
 * outcomesTitle(rows); // "82% of 2024-25's referrals were placed; 9% were withdrawn"
 */
export function outcomesTitle(rows: readonly OutcomeYear[]): string {
  const latest =
    [...rows].reverse().find((row) => row.referrals > 0 && row.waiting / row.referrals < 0.25) ?? rows.at(-1);
  if (!latest || latest.referrals === 0) return "Outcomes of referrals";
  const others = OUTCOMES.filter((o) => o.key !== "placed" && o.key !== "waiting").sort(
    (a, b) => latest[b.key] - latest[a.key]
  );
  return `${formatPercent(latest.placed / latest.referrals)} of ${latest.financial_year}'s referrals were placed; ${formatPercent(
    latest[others[0].key] / latest.referrals
  )} were ${others[0].label.toLowerCase()}`;
}

/**
 * One sentence per the latest year: counts of each outcome.
 *
 * @example
 * summariseOutcomes(rows);
 */
export function summariseOutcomes(rows: readonly OutcomeYear[]): string {
  if (rows.length === 0) return "No referrals match the filters.";
  const latest = rows[rows.length - 1];
  const total = rows.reduce((sum, row) => sum + row.referrals, 0);
  const sum = (key: (typeof OUTCOMES)[number]["key"]) => rows.reduce((s, row) => s + row[key], 0);
  return `Of ${formatCount(total)} referrals received from ${rows[0].financial_year} to ${latest.financial_year}, ${OUTCOMES.map(
    (o) => `${formatCount(sum(o.key))} ${o.label.toLowerCase()}`
  ).join(
    ", "
  )}; of ${latest.financial_year}'s ${formatCount(latest.referrals)}, ${formatCount(latest.waiting)} are still waiting.`;
}

/**
 * 100% bars per financial year, in a fixed outcome order, each segment of 8% or more labelled with its share.
 *
 * @example
 * outcomesChart(outcomeYears(rows), {width: 640});
 */
export function outcomesChart(rows: readonly OutcomeYear[], options: ChartOptions = {}) {
  const {document} = options;
  // Never narrower than its margins, even while the page lays out (a negative bar width is an SVG error).
  const width = Math.max(options.width ?? 640, 240);
  const data = outcomeShares(rows);
  const order = OUTCOMES.map((o) => o.label);
  return plot({
    width,
    height: 70 + rows.length * 34,
    document,
    marginLeft: 60,
    title: outcomesTitle(rows),
    subtitle:
      "Outcome so far of the referrals received in each financial year, share of referrals (left to right: placed, declined, withdrawn, still waiting)",
    ariaLabel: "Stacked bar chart of referral outcomes per financial year",
    ariaDescription: summariseOutcomes(rows),
    x: {label: null, tickFormat: (d: number) => formatPercent(d), domain: [0, 1]},
    y: {label: null, domain: rows.map((row) => row.financial_year)},
    color: {domain: order, range: OUTCOMES.map((o) => o.colour), legend: true},
    marks: [
      Plot.barX(
        data,
        Plot.stackX({
          y: "financial_year",
          x: "share",
          fill: "outcome",
          order,
          stroke: "var(--theme-background, white)",
          strokeWidth: 1,
          channels: {Referrals: "referrals"},
          tip: {format: {x: (d: number) => formatPercent(d, 1), fill: true, y: true}}
        })
      ),
      Plot.text(
        data,
        Plot.stackX({
          y: "financial_year",
          x: "share",
          z: "outcome",
          order,
          text: (d: {share: number}) => (d.share >= 0.08 ? formatPercent(d.share) : ""),
          fill: "black",
          fontSize: 11
        })
      )
    ]
  });
}
