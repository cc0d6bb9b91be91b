import * as Plot from "npm:@observablehq/plot";
import {SERIES_COLORS} from "../../palette.js";
import {plot} from "../../plot.js";
import {formatCount} from "../../format.js";

/** Children and young people by Lot (or Spot Purchase) for one commissioner and year; printed totals excluded. */
export interface CypByLotPoint {
  commissioner: string;
  year: string;
  category: string;
  cyp: number;
}

/**
 * One sentence: each commissioner's CYP in the latest year, and how many were spot purchased.
 *
 * @example
 * summariseLewishamCyp(rows);
 * // "In 2021-22 Lewisham Council supported 205 children and young people (26 spot purchased; 178 in Lot C) and SEL CCG 23 (16 in Lot B)."
 */
export function summariseLewishamCyp(rows: readonly CypByLotPoint[]): string {
  const lastYear = rows
    .map((row) => row.year)
    .sort()
    .at(-1);
  if (lastYear === undefined) return "No figures.";
  const commissioners = [...new Set(rows.map((row) => row.commissioner))];
  const parts = commissioners.map((commissioner, index) => {
    const latest = rows.filter((row) => row.commissioner === commissioner && row.year === lastYear);
    const total = latest.reduce((sum, row) => sum + row.cyp, 0);
    const largest = [...latest].sort((a, b) => b.cyp - a.cyp)[0];
    const spot = latest.find((row) => /spot/i.test(row.category));
    const details = [
      ...(spot && spot.cyp > 0 ? [`${formatCount(spot.cyp)} spot purchased`] : []),
      ...(largest ? [`${formatCount(largest.cyp)} in ${largest.category}`] : [])
    ];
    return `${commissioner} ${index === 0 ? "supported " : ""}${formatCount(total)}${index === 0 ? " children and young people" : ""} (${details.join("; ")})`;
  });
  return `In ${lastYear} ${parts.join(" and ")}.`;
}

export interface LewishamCypOptions {
  width?: number;
  source: string;
  document?: Document;
}

/**
 * Children and young people per year by Lot, stacked, one panel per commissioner, with the total above.
 *
 * @example
 * lewishamCypChart(rows, {width: 640, source: "lewisham-personalised-care-framework.txt, paras 4.10-4.11"});
 */
export function lewishamCypChart(rows: readonly CypByLotPoint[], options: LewishamCypOptions) {
  const {width = 640, source, document} = options;
  const totals = [...new Set(rows.map((row) => `${row.commissioner}\u0000${row.year}`))].map((key) => {
    const [commissioner, year] = key.split("\u0000");
    const cyp = rows
      .filter((row) => row.commissioner === commissioner && row.year === year)
      .reduce((sum, row) => sum + row.cyp, 0);
    return {commissioner, year, cyp};
  });
  const lastYear = rows
    .map((row) => row.year)
    .sort()
    .at(-1);
  const latest = totals.filter((row) => row.year === lastYear);
  const spotLatest = rows
    .filter((row) => row.year === lastYear && /spot/i.test(row.category))
    .reduce((sum, row) => sum + row.cyp, 0);
  const categories = [...new Set(rows.map((row) => row.category))].sort();
  return plot({
    width,
    height: 340,
    document,
    marginLeft: 44,
    marginTop: 28,
    title: `${latest.map((row) => `${row.commissioner}: ${formatCount(row.cyp)}`).join("; ")} CYP in ${lastYear}${spotLatest > 0 ? `, ${formatCount(spotLatest)} spot purchased` : ""}`,
    subtitle: "Children and young people supported per year, by Lot",
    caption: `Source: ${source}`,
    ariaLabel: "Stacked column chart of children and young people per year by Lot, one panel per commissioner",
    ariaDescription: summariseLewishamCyp(rows),
    fx: {label: null},
    x: {label: null},
    y: {grid: true, label: "Children and young people"},
    color: {domain: categories, range: [...SERIES_COLORS], legend: true},
    marks: [
      Plot.barY(rows, {fx: "commissioner", x: "year", y: "cyp", fill: "category", tip: true, order: categories}),
      Plot.text(totals, {
        fx: "commissioner",
        x: "year",
        y: "cyp",
        text: (d: {cyp: number}) => formatCount(d.cyp),
        dy: -8
      }),
      Plot.ruleY([0])
    ]
  });
}
