import * as Plot from "npm:@observablehq/plot";
import {plot} from "../../plot.js";
import {formatCount, formatPercent} from "../../format.js";

/** Referrals in one financial year for one category of a breakdown (an area, a Lot, a need or a source). */
export interface MixRow {
  financial_year: string;
  category: string;
  referrals: number;
}

export interface MixOptions {
  /** What the categories are, e.g. "area", "Lot", "primary need", "referral source". */
  dimension: string;
  /** Show at most this many categories; the rest are summed as "Other". */
  maxCategories?: number;
  width?: number;
  document?: Document;
}

/**
 * Sums rows per year × category and keeps the largest categories (by total), folding the rest into "Other".
 *
 * @example
 * mixTotals(rows, 6);
 */
export function mixTotals(rows: readonly MixRow[], maxCategories = 7): MixRow[] {
  const totals = new Map<string, number>();
  for (const row of rows) totals.set(row.category, (totals.get(row.category) ?? 0) + row.referrals);
  const ranked = [...totals].sort((a, b) => b[1] - a[1] || a[0].localeCompare(b[0])).map(([category]) => category);
  const keep = new Set(ranked.length > maxCategories ? ranked.slice(0, maxCategories - 1) : ranked);
  const cells = new Map<string, MixRow>();
  for (const row of rows) {
    const category = keep.has(row.category) ? row.category : "Other";
    const id = `${row.financial_year}|${category}`;
    const cell = cells.get(id) ?? {financial_year: row.financial_year, category, referrals: 0};
    cell.referrals += row.referrals;
    cells.set(id, cell);
  }
  const order = [...ranked.filter((category) => keep.has(category)), "Other"];
  return [...cells.values()].sort(
    (a, b) => order.indexOf(a.category) - order.indexOf(b.category) || a.financial_year.localeCompare(b.financial_year)
  );
}

/**
 * One sentence: the largest category and its share over the years shown.
 *
 * @example
 * summariseMix(rows, "area"); // "Across 2019-20 to 2025-26, the area with most referrals was North: 512 of 1,813 (28%)."
 */
export function summariseMix(rows: readonly MixRow[], dimension: string): string {
  if (rows.length === 0) return "No referrals match the filters.";
  const totals = new Map<string, number>();
  for (const row of rows) totals.set(row.category, (totals.get(row.category) ?? 0) + row.referrals);
  const total = [...totals.values()].reduce((sum, n) => sum + n, 0);
  const [top, n] = [...totals].sort((a, b) => b[1] - a[1] || a[0].localeCompare(b[0]))[0];
  const years = [...new Set(rows.map((row) => row.financial_year))].sort();
  const span = years.length === 1 ? years[0] : `${years[0]} to ${years[years.length - 1]}`;
  return `Across ${span}, the ${dimension} with most referrals was ${top}: ${formatCount(n)} of ${formatCount(total)} (${formatPercent(
    total === 0 ? 0 : n / total
  )}).`;
}

/**
 * Small multiples: one row of columns per category (named at the left), financial years across. Categories are told
 * apart by their labels, not by colour.
 *
 * @example
 * referralMixChart(mixTotals(rows), {dimension: "area", width: 640});
 */
export function referralMixChart(rows: readonly MixRow[], options: MixOptions) {
  const {width = 640, document, dimension} = options;
  const categories = [...new Set(rows.map((row) => row.category))];
  const years = [...new Set(rows.map((row) => row.financial_year))].sort();
  const narrow = width < 480;
  const top = rows.reduce(
    (best, row) => (row.referrals > best.referrals ? row : best),
    rows[0] ?? {category: "", referrals: 0, financial_year: ""}
  );
  return plot({
    width,
    height: 60 + categories.length * 84,
    document,
    marginLeft: 8,
    marginRight: 8,
    marginTop: 24,
    title: rows.length === 0 ? `Referrals by ${dimension}` : `Most referrals by ${dimension}: ${categories[0]}`,
    subtitle: `Referrals received per financial year, one row per ${dimension}${top.referrals ? `; the largest cell is ${formatCount(top.referrals)} (${top.category}, ${top.financial_year})` : ""}`,
    ariaLabel: `Small-multiple column charts of referrals per financial year by ${dimension}`,
    ariaDescription: summariseMix(rows, dimension),
    fy: {label: null, domain: categories, axis: null, padding: 0.2},
    x: {label: null, domain: years, tickFormat: (d: string) => (narrow ? d.slice(2) : d)},
    y: {axis: null, insetTop: 30},
    marks: [
      Plot.barY(rows, {fy: "category", x: "financial_year", y: "referrals", fill: "#0084d5", tip: true}),
      Plot.text(rows, {
        fy: "category",
        x: "financial_year",
        y: "referrals",
        text: (d: MixRow) => formatCount(d.referrals),
        dy: -7,
        fill: "currentColor",
        fontSize: 10
      }),
      Plot.text(categories, {
        fy: (d: string) => d,
        text: (d: string) => d,
        frameAnchor: "top-left",
        fontWeight: "bold",
        fontSize: 12,
        fill: "currentColor"
      }),
      Plot.ruleY([0], {strokeOpacity: 0.5})
    ]
  });
}
