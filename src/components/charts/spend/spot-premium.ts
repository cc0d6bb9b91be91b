import * as Plot from "npm:@observablehq/plot";
import {SERIES_COLORS} from "../../palette.js";
import {plot} from "../../plot.js";
import {formatChange, formatMoney} from "../../format.js";
import type {PremiumLine} from "../../spend/measures.js";

export interface SpotPremiumOptions {
  width?: number;
  /** The year to headline. */
  financialYear: string;
  document?: Document;
}

const lotShort = (code: string) => (code === "ALL" ? "All Lots" : code.replace(/^LOT/i, "Lot "));

/**
 * One sentence: the premium in the headline year, its cost, and the range over the years.
 *
 * @example
 * summariseSpotPremium(lines, "2024-25");
 * // "In 2024-25 spot-purchased hours cost 18% more than the same hours at framework rates (£23,456 extra over 1,234 hours); across the years the premium ranged from +12% (2019-20) to +21% (2022-23)."
 */
export function summariseSpotPremium(lines: readonly PremiumLine[], financialYear: string): string {
  const overall = lines.filter((line) => line.lot_code === "ALL" && line.premium !== null);
  if (overall.length === 0) return "No spot-purchased hours can be compared with framework hours for these filters.";
  const year = overall.find((line) => line.financial_year === financialYear);
  const head = year
    ? `In ${financialYear} spot-purchased hours cost ${formatChange(year.premium ?? 0).replace("+", "")} ${(year.premium ?? 0) >= 0 ? "more" : "less"} than the same hours at framework rates (${formatMoney(Math.abs(year.extra_gbp))} ${year.extra_gbp >= 0 ? "extra" : "saved"} over ${Math.round(year.spot_hours).toLocaleString("en-GB")} hours)`
    : `In ${financialYear} no spot-purchased hours can be compared`;
  const sorted = [...overall].sort((a, b) => (a.premium ?? 0) - (b.premium ?? 0));
  const range =
    sorted.length > 1
      ? `; across the years the premium ranged from ${formatChange(sorted[0].premium ?? 0)} (${sorted[0].financial_year}) to ${formatChange(sorted[sorted.length - 1].premium ?? 0)} (${sorted[sorted.length - 1].financial_year})`
      : "";
  return `${head}${range}.`;
}

/**
 * The spot-purchase premium per year: one line per Lot and a thicker line for all Lots, labelled.
 *
 * @example
 * spotPremiumChart(spotPremium(rows), {width: 640, financialYear: "2024-25"});
 */
export function spotPremiumChart(lines: readonly PremiumLine[], options: SpotPremiumOptions) {
  const {width = 640, financialYear, document} = options;
  const data = lines.filter((line) => line.premium !== null).map((line) => ({...line, lot: lotShort(line.lot_code)}));
  const year = data.find((line) => line.lot_code === "ALL" && line.financial_year === financialYear);
  const lots = [...new Set(data.map((line) => line.lot))].sort((a, b) =>
    a === "All Lots" ? 1 : b === "All Lots" ? -1 : a.localeCompare(b)
  );
  const last = lots.map((lot) => data.filter((line) => line.lot === lot).at(-1)).filter((line) => line !== undefined);
  return plot({
    width,
    height: 340,
    document,
    marginLeft: 48,
    marginRight: 64,
    marginTop: 24,
    title: year
      ? `Spot purchase cost ${formatChange(year.premium ?? 0).replace("+", "")} more per hour than the framework in ${financialYear}`
      : `No spot hours to compare in ${financialYear}`,
    subtitle:
      "Spot-purchase premium: spot hourly rate against the framework's in the same Lot, area and year, weighted by spot hours",
    ariaLabel: "Line chart of the spot-purchase premium per financial year, by Lot",
    ariaDescription: summariseSpotPremium(lines, financialYear),
    x: {label: null, type: "point", inset: 16},
    y: {grid: true, label: "Premium", tickFormat: (value: number) => formatChange(value), zero: true},
    color: {domain: lots, range: [...SERIES_COLORS], legend: true},
    marks: [
      Plot.ruleY([0]),
      Plot.line(
        data.filter((line) => line.lot_code !== "ALL"),
        {x: "financial_year", y: "premium", stroke: "lot", strokeWidth: 1.5, sort: "financial_year"}
      ),
      Plot.line(
        data.filter((line) => line.lot_code === "ALL"),
        {x: "financial_year", y: "premium", stroke: "lot", strokeWidth: 3.5, sort: "financial_year"}
      ),
      Plot.dot(data, {
        x: "financial_year",
        y: "premium",
        fill: "lot",
        symbol: "lot",
        r: 4,
        tip: {format: {y: (v: number) => formatChange(v, 1)}},
        channels: {"extra £": (d: PremiumLine) => formatMoney(d.extra_gbp)}
      }),
      Plot.text(last, {
        x: "financial_year",
        y: "premium",
        text: (d: {lot: string; premium: number | null}) => `${d.lot} ${formatChange(d.premium ?? 0)}`,
        textAnchor: "start",
        dx: 8,
        fontSize: 10
      })
    ]
  });
}
