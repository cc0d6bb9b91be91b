import * as Plot from "npm:@observablehq/plot";
import {plot} from "../../plot.js";
import {formatMoney, formatPercent} from "../../format.js";

/** Framework and spot-purchase spend of one commissioner in one year, with the printed total. */
export interface SpendShareRow {
  commissioner: string;
  year: string;
  frameworkGbp: number;
  spotPurchaseGbp: number;
  totalGbp: number;
  spotShare: number;
}

/**
 * One sentence: the spot-purchase share of each commissioner's spend in the latest year, and in the first.
 *
 * @example
 * summariseLewishamSpend(rows);
 * // "In 2021-22 spot purchase was 35% of Lewisham Council's £1.1m (0% in 2019-20) and 68% of SEL CCG's £2.7m (73% in 2019-20)."
 */
export function summariseLewishamSpend(rows: readonly SpendShareRow[]): string {
  const commissioners = [...new Set(rows.map((row) => row.commissioner))];
  if (commissioners.length === 0) return "No spend figures.";
  const lastYear =
    rows
      .map((row) => row.year)
      .sort()
      .at(-1) ?? "";
  const parts = commissioners.flatMap((commissioner) => {
    const series = rows.filter((row) => row.commissioner === commissioner).sort((a, b) => a.year.localeCompare(b.year));
    const last = series.find((row) => row.year === lastYear);
    if (!last) return [];
    const first = series[0];
    const then = first.year === last.year ? "" : ` (${formatPercent(first.spotShare)} in ${first.year})`;
    return [`${formatPercent(last.spotShare)} of ${commissioner}'s ${formatMoney(last.totalGbp)}${then}`];
  });
  return `In ${lastYear} spot purchase was ${parts.join(" and ")}.`;
}

export interface LewishamSpendOptions {
  width?: number;
  source: string;
  document?: Document;
}

/**
 * Framework versus spot-purchase value of care per year, one panel per commissioner, stacked, with the spot
 * share written above each column.
 *
 * @example
 * lewishamSpendChart(spendShares, {width: 640, source: "lewisham-personalised-care-framework.txt, para 5.5"});
 */
export function lewishamSpendChart(rows: readonly SpendShareRow[], options: LewishamSpendOptions) {
  const {width = 640, source, document} = options;
  const long = rows.flatMap((row) => [
    {commissioner: row.commissioner, year: row.year, route: "Framework", amount: row.frameworkGbp},
    {commissioner: row.commissioner, year: row.year, route: "Spot purchase", amount: row.spotPurchaseGbp}
  ]);
  const lastYear = rows
    .map((row) => row.year)
    .sort()
    .at(-1);
  const latest = rows.filter((row) => row.year === lastYear).sort((a, b) => b.spotShare - a.spotShare);
  const title =
    latest.length > 0
      ? `In ${lastYear} spot purchase was ${latest.map((row) => `${formatPercent(row.spotShare)} of ${row.commissioner} spend`).join(" and ")}`
      : "Framework and spot-purchase spend";
  return plot({
    width,
    height: 340,
    document,
    marginLeft: 56,
    marginTop: 28,
    title,
    subtitle: "Value of care per year by route (£), Lewisham Council short breaks and SEL CCG continuing care",
    caption: `Source: ${source}`,
    ariaLabel: "Stacked column chart of framework and spot-purchase spend per year, one panel per commissioner",
    ariaDescription: summariseLewishamSpend(rows),
    fx: {label: null},
    x: {label: null, tickRotate: 0},
    y: {grid: true, label: "£", tickFormat: (value: number) => formatMoney(value)},
    color: {domain: ["Framework", "Spot purchase"], range: ["#0084d5", "#b86c2c"], legend: true},
    marks: [
      Plot.barY(long, {
        fx: "commissioner",
        x: "year",
        y: "amount",
        fill: "route",
        tip: {format: {y: (v: number) => formatMoney(v)}}
      }),
      Plot.text(rows, {
        fx: "commissioner",
        x: "year",
        y: "totalGbp",
        text: (row: SpendShareRow) => `${formatPercent(row.spotShare)} spot`,
        dy: -8,
        fontSize: 10
      }),
      Plot.ruleY([0])
    ]
  });
}
