import * as Plot from "npm:@observablehq/plot";
import {cellValue} from "../../gss.js";
import {SERIES_COLORS} from "../../palette.js";
import {plot} from "../../plot.js";
import {spotShareSentence} from "../../report/narrative.js";
import type {ReportSpotShareRow} from "../../report/types.js";

export interface SpotShareOptions {
  width?: number;
  height?: number;
  document?: Document;
  lastCompleteYear: string;
}

/**
 * One sentence on the chart (the report's own sentence).
 *
 * @example
 * summariseSpotShare(rows, "2024-25"); // "Spot purchases were 6.7% of new placements in 2024-25 (21 of 312), down from a peak of 31.3% in 2022-23."
 */
export function summariseSpotShare(rows: readonly ReportSpotShareRow[], lastCompleteYear: string): string {
  return spotShareSentence(rows, lastCompleteYear);
}

/**
 * The headline: the last complete year against the peak.
 *
 * @example
 * spotShareTitle(rows, "2024-25"); // "Spot purchase fell to 6.7% of new placements, from 31.3% in 2022-23"
 */
export function spotShareTitle(rows: readonly ReportSpotShareRow[], lastCompleteYear: string): string {
  const years = rows.filter((row) => row.financial_year <= lastCompleteYear && cellValue(row.spot_share_pct) !== null);
  const last = years.at(-1);
  if (!last) return "Spot purchase share of new placements";
  const peak = years.reduce((best, row) =>
    cellValue(row.spot_share_pct)! > cellValue(best.spot_share_pct)! ? row : best
  );
  if (peak === last)
    return `Spot purchase reached ${cellValue(last.spot_share_pct)}% of new placements in ${last.financial_year}`;
  return `Spot purchase fell to ${cellValue(last.spot_share_pct)}% of new placements, from ${cellValue(peak.spot_share_pct)}% in ${peak.financial_year}`;
}

/**
 * Spot purchases as a share of new placements per financial year, with every bar labelled; a hidden share is a
 * labelled gap ("c"), never a zero. The current part-year is shown and marked "so far".
 *
 * @example
 * spotShareChart(rows, {width: 640, lastCompleteYear: "2024-25"});
 */
export function spotShareChart(rows: readonly ReportSpotShareRow[], options: SpotShareOptions) {
  const {width = 640, height = 260, document, lastCompleteYear} = options;
  const data = rows.map((row) => ({
    ...row,
    share: cellValue(row.spot_share_pct),
    label: row.financial_year > lastCompleteYear ? `${row.financial_year} (so far)` : row.financial_year
  }));
  const label = (row: (typeof data)[number]) => (row.share === null ? "c" : `${row.share}%`);
  return plot({
    width,
    height,
    document,
    marginLeft: 44,
    title: spotShareTitle(rows, lastCompleteYear),
    subtitle: "Spot purchases as a percentage of new placements (packages started, not direct payments)",
    ariaLabel: "Column chart of the spot purchase share of new placements per financial year",
    ariaDescription: summariseSpotShare(rows, lastCompleteYear),
    x: {
      label: null,
      domain: data.map((row) => row.label),
      tickFormat: (text: string) => (width < 480 ? text.slice(2).replace(" (so far)", "*") : text)
    },
    y: {grid: true, label: "%", zero: true},
    marks: [
      Plot.barY(data, {
        x: "label",
        y: "share",
        fill: SERIES_COLORS[1],
        fillOpacity: (row: (typeof data)[number]) => (row.financial_year > lastCompleteYear ? 0.5 : 1),
        stroke: SERIES_COLORS[1]
      }),
      Plot.text(data, {
        x: "label",
        y: (row: (typeof data)[number]) => row.share ?? 0,
        text: label,
        dy: -8,
        fill: "currentColor"
      }),
      Plot.ruleY([0])
    ]
  });
}
