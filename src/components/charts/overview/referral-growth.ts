import * as Plot from "npm:@observablehq/plot";
import {plot} from "../../plot.js";
import {formatChange, formatCount} from "../../format.js";
import type {ReferralYear} from "../../overview/types.js";

export interface ReferralGrowth {
  first: ReferralYear;
  latest: ReferralYear;
  previous: ReferralYear | undefined;
  /** Growth from the first to the latest complete year, as a fraction. */
  sinceFirst: number;
  /** Growth from the previous complete year to the latest, as a fraction; null with one complete year. */
  onPrevious: number | null;
}

/**
 * Growth in referrals across complete financial years only (a part year would understate the latest).
 *
 * @example
 * referralGrowth(rows)?.sinceFirst; // 0.78 for 210 → 374
 */
export function referralGrowth(rows: readonly ReferralYear[]): ReferralGrowth | null {
  const complete = rows.filter((row) => row.complete);
  if (complete.length < 2 || complete[0].referrals === 0) return null;
  const first = complete[0];
  const latest = complete[complete.length - 1];
  const previous = complete[complete.length - 2];
  return {
    first,
    latest,
    previous,
    sinceFirst: (latest.referrals - first.referrals) / first.referrals,
    onPrevious: previous.referrals > 0 ? (latest.referrals - previous.referrals) / previous.referrals : null
  };
}

/**
 * The headline of the referrals chart, in the seeds' terms ("+42% since 2019-20").
 *
 * @example
 * referralGrowthTitle(rows); // "Referrals rose 78% from 2019-20 to 2024-25; up 26% on 2023-24"
 */
export function referralGrowthTitle(rows: readonly ReferralYear[]): string {
  const growth = referralGrowth(rows);
  if (!growth) return "Referrals received each financial year";
  const verb = growth.sinceFirst >= 0 ? "rose" : "fell";
  const since = `${Math.abs(Math.round(growth.sinceFirst * 100))}%`;
  const onPrevious =
    growth.onPrevious === null
      ? ""
      : `; ${growth.onPrevious >= 0 ? "up" : "down"} ${Math.abs(Math.round(growth.onPrevious * 100))}% on ${
          growth.previous?.financial_year ?? "the previous year"
        }`;
  return `Referrals ${verb} ${since} from ${growth.first.financial_year} to ${growth.latest.financial_year}${onPrevious}`;
}

/**
 * One sentence summarising referrals per year and the part year so far.
 *
 * @example
 * summariseReferralGrowth(rows);
 */
export function summariseReferralGrowth(rows: readonly ReferralYear[]): string {
  if (rows.length === 0) return "No referrals are recorded.";
  const growth = referralGrowth(rows);
  const parts: string[] = [];
  if (growth) {
    parts.push(
      `Referrals went from ${formatCount(growth.first.referrals)} in ${growth.first.financial_year} to ${formatCount(
        growth.latest.referrals
      )} in ${growth.latest.financial_year} (${formatChange(growth.sinceFirst)}` +
        (growth.onPrevious === null || !growth.previous
          ? ")"
          : `; ${formatChange(growth.onPrevious)} on ${growth.previous.financial_year})`)
    );
  }
  const current = rows[rows.length - 1];
  const before = rows[rows.length - 2];
  if (!current.complete && before) {
    parts.push(
      `so far in ${current.financial_year} there have been ${formatCount(current.referrals_to_date)}, against ${formatCount(
        before.referrals_to_date
      )} by the same point of ${before.financial_year}`
    );
  }
  return `${parts.join("; ")}.`;
}

export interface ChartOptions {
  width?: number;
  height?: number;
  document?: Document;
}

/**
 * Referrals per financial year: full-year columns for complete years, an outlined column for the year so far, and
 * a tick at the same point of each year so the part year can be compared fairly.
 *
 * @example
 * referralGrowthChart(data.referrals.byYear, {width: 640});
 */
export function referralGrowthChart(rows: readonly ReferralYear[], options: ChartOptions = {}) {
  const {width = 640, height = 300, document} = options;
  const data = rows.map((row) => ({
    ...row,
    status: row.complete ? "Full year" : "Year so far",
    label: row.complete ? formatCount(row.referrals) : `${formatCount(row.referrals)} so far`
  }));
  return plot({
    width,
    height,
    document,
    marginLeft: 44,
    title: referralGrowthTitle(rows),
    subtitle:
      "Referrals received per financial year (columns; the latest is the year so far, outlined) and by the same day of each year (short horizontal ticks)",
    ariaLabel: "Column chart of referrals received per financial year",
    ariaDescription: summariseReferralGrowth(rows),
    x: {label: null, type: "band", padding: 0.2, tickFormat: (d: string) => (width < 480 ? d.slice(2) : d)},
    y: {grid: true, label: "Referrals"},
    marks: [
      Plot.barY(
        data.filter((row) => row.complete),
        {x: "financial_year", y: "referrals", fill: "#0084d5", tip: {format: {x: true, y: true}}}
      ),
      Plot.barY(
        data.filter((row) => !row.complete),
        {x: "financial_year", y: "referrals", fill: "#0084d5", fillOpacity: 0.25, stroke: "#0084d5", strokeWidth: 2}
      ),
      Plot.tickY(data, {x: "financial_year", y: "referrals_to_date", stroke: "currentColor", strokeWidth: 3}),
      Plot.text(data, {x: "financial_year", y: "referrals", text: "label", dy: -8, fill: "currentColor"}),
      Plot.ruleY([0])
    ]
  });
}
