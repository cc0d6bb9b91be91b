import * as Plot from "npm:@observablehq/plot";
import {plot} from "../../plot.js";
import {formatCount} from "../../format.js";

/** A scenario's framework capacity gap in one Lot × area in the final projected year. */
export interface CapacityGapRow {
  scenario: string;
  financial_year: string;
  /** Short Lot code for the axis; the name is in the tooltip and the table. */
  lot_code: string;
  lot_name: string;
  area_name: string;
  /** Framework hours a week wanted minus capacity: positive = shortfall. */
  gap: number;
}

export interface CapacityGapOptions {
  width?: number;
  document?: Document;
}

const cellLabel = (r: CapacityGapRow) => `${r.lot_code} · ${r.area_name}`;
const hours = (v: number) => `${formatCount(Math.round(Math.abs(v)))} hours a week`;

/**
 * The headline: total shortfall per scenario and the largest gap.
 *
 * @example
 * capacityGapHeadline(rows); // "In 2029-30 the framework is short by 180 hours a week in scenario A and 40 hours a week in B"
 */
export function capacityGapHeadline(rows: readonly CapacityGapRow[]): string {
  if (rows.length === 0) return "No capacity projection";
  const scenarios = [...new Set(rows.map((r) => r.scenario))];
  const short = scenarios.map((s) =>
    rows.filter((r) => r.scenario === s).reduce((sum, r) => sum + Math.max(0, r.gap), 0)
  );
  const year = rows[0].financial_year;
  if (short.every((v) => v <= 0.5)) {
    return `In ${year} the framework has capacity to spare in every Lot and area in ${scenarios.length > 1 ? "both scenarios" : `scenario ${scenarios[0]}`}`;
  }
  const parts = scenarios.map(
    (s, i) => `${short[i] > 0.5 ? hours(short[i]) : "nothing"} in ${i === 0 ? "scenario " : ""}${s}`
  );
  return `In ${year} the framework is short by ${parts.join(" and ")}`;
}

/**
 * One sentence for the text alternative: the shortfall totals and the largest gap.
 *
 * @example
 * summariseCapacityGap(rows);
 */
export function summariseCapacityGap(rows: readonly CapacityGapRow[]): string {
  if (rows.length === 0) return "No capacity projection.";
  const worst = rows.reduce((a, r) => (r.gap > a.gap ? r : a));
  const tail =
    worst.gap > 0.5
      ? `the largest gap is ${worst.lot_name}, ${worst.area_name}, in scenario ${worst.scenario}, ${hours(worst.gap)} more than framework capacity.`
      : "every Lot and area has spare framework capacity.";
  return `${capacityGapHeadline(rows)}; ${tail}`;
}

/**
 * Framework capacity gap by Lot × area in the final year: one row per cell, a circle for the first scenario and a
 * triangle for the second, joined by a line; right of zero is a shortfall (met by spot purchase).
 *
 * @example
 * capacityGapChart(rows, {width: 640});
 */
export function capacityGapChart(rows: readonly CapacityGapRow[], options: CapacityGapOptions = {}) {
  const {width = 640, document} = options;
  const cells = [...new Set(rows.map(cellLabel))];
  const scenarios = [...new Set(rows.map((r) => r.scenario))];
  const data = rows.map((r) => ({...r, cell: cellLabel(r)}));
  return plot({
    width,
    height: 40 + cells.length * 26,
    document,
    marginLeft: 120,
    title: capacityGapHeadline(rows),
    subtitle: `Framework hours a week wanted minus framework capacity, ${rows[0]?.financial_year ?? ""}: right of zero is a shortfall bought on the spot market`,
    ariaLabel: "Dot chart of the framework capacity gap by Lot and area, by scenario",
    ariaDescription: summariseCapacityGap(rows),
    x: {grid: true, label: "Hours a week short (+) or spare (−)", tickFormat: (v: number) => formatCount(v)},
    y: {domain: cells, label: null},
    color: {domain: scenarios, range: ["#0084d5", "#d3526b"], legend: true},
    symbol: {domain: scenarios, range: ["circle", "triangle"], legend: false},
    marks: [
      Plot.ruleX([0]),
      Plot.link(
        cells.map((cell) => {
          const pair = data.filter((r) => r.cell === cell);
          return {cell, x1: pair[0]?.gap ?? 0, x2: pair[1]?.gap ?? pair[0]?.gap ?? 0};
        }),
        {y1: "cell", y2: "cell", x1: "x1", x2: "x2", stroke: "#7b7b7b"}
      ),
      Plot.dot(data, {
        x: "gap",
        y: "cell",
        fill: "scenario",
        symbol: "scenario",
        r: 5,
        tip: true,
        title: (r: CapacityGapRow) =>
          `Scenario ${r.scenario}: ${r.lot_name}, ${r.area_name}\n${r.gap >= 0 ? "Short by" : "Spare"} ${hours(r.gap)}`
      })
    ]
  });
}
