import * as Plot from "npm:@observablehq/plot";
import {SERIES_COLORS} from "../../palette.js";
import {plot} from "../../plot.js";
import {formatCount} from "../../format.js";

/** A figure in Lot 1's history: a count for a period, or a printed range. */
export interface Lot1HistoryRow {
  period: string;
  measure: string;
  low: number;
  high: number;
  /** The figure as printed, e.g. "80-110". */
  printed: string;
}

/**
 * A period as a phrase: "in 2022-23", but "before April 2022" as it is.
 *
 * @example
 * periodPhrase("2022-23"); // "in 2022-23"
 */
export function periodPhrase(period: string): string {
  return /^(before|after|since|in|from|during)\b/i.test(period) ? period : `in ${period}`;
}

/**
 * One sentence comparing supported young people over the periods.
 *
 * @example
 * summariseLot1History(rows);
 * // "Young people supported: 80–110 in a typical year before April 2022; 9 in 2022-23; …"
 */
export function summariseLot1History(rows: readonly Lot1HistoryRow[]): string {
  if (rows.length === 0) return "No Lot 1 history.";
  return `${rows
    .map(
      (row) =>
        `${row.measure} ${periodPhrase(row.period)}: ${row.low === row.high ? formatCount(row.low) : `${formatCount(row.low)}–${formatCount(row.high)}`}`
    )
    .join("; ")}.`;
}

export interface Lot1HistoryOptions {
  width?: number;
  source: string;
  /** Measure to headline (e.g. "Young people supported"). */
  headline: string;
  document?: Document;
}

/**
 * Lot 1 figures period by period: bars for counts, a bar from low to high for a printed range.
 *
 * @example
 * lot1HistoryChart(rows, {width: 640, source: "staffordshire-lot-details.txt", headline: "Young people supported"});
 */
export function lot1HistoryChart(rows: readonly Lot1HistoryRow[], options: Lot1HistoryOptions) {
  const {width = 640, source, headline, document} = options;
  const data = rows.map((row) => ({...row, key: `${row.period} · ${row.measure}`}));
  const headlineRows = rows.filter((row) => row.measure === headline);
  const range = headlineRows.find((row) => row.low !== row.high);
  const lowest = headlineRows.filter((row) => row.low === row.high).sort((a, b) => a.low - b.low)[0];
  const title =
    range && lowest
      ? `${headline}: ${formatCount(lowest.low)} ${periodPhrase(lowest.period)}, against ${formatCount(range.low)}–${formatCount(range.high)} ${periodPhrase(range.period)}`
      : `Lot 1: ${headline.toLowerCase()}`;
  return plot({
    width,
    height: 60 + 52 * data.length,
    document,
    marginLeft: 8,
    marginRight: 56,
    title,
    subtitle: "Lot 1 (Lifeskills and Independence), Staffordshire: figures as printed, period by period",
    caption: `Source: ${source}`,
    ariaLabel: "Bar chart of Lot 1 figures by period",
    ariaDescription: summariseLot1History(rows),
    x: {grid: true, label: "Number"},
    y: {domain: data.map((row) => row.key), axis: null, padding: 0.5},
    color: {domain: [...new Set(rows.map((row) => row.measure))], range: [...SERIES_COLORS], legend: true},
    marks: [
      Plot.barX(data, {
        x1: (row: Lot1HistoryRow) => (row.low === row.high ? 0 : row.low),
        x2: "high",
        y: "key",
        fill: "measure",
        tip: true
      }),
      Plot.text(data, {
        x: 0,
        y: "key",
        text: "key",
        textAnchor: "start",
        dy: -14,
        fontWeight: 600,
        lineWidth: Math.max(24, (width - 30) / 12)
      }),
      Plot.text(data, {x: "high", y: "key", text: "printed", textAnchor: "start", dx: 4}),
      Plot.ruleX([0])
    ]
  });
}
