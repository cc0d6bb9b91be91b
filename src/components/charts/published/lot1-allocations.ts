import * as Plot from "npm:@observablehq/plot";
import {plot} from "../../plot.js";
import {formatCount, formatMoney, formatPercent} from "../../format.js";

/** Lot 1 allocation against budget for one area (double district). */
export interface Lot1AreaRow {
  area: string;
  allocatedCyp: number;
  /** Allocated £, reconstructed from the printed cells (CYP × hours × implied hourly rate). */
  allocatedGbp: number;
  /** Budgeted £ and CYP as printed; `null` when the cell is blank. */
  budgetedGbp: number | null;
  budgetedCyp: number | null;
}

/**
 * One sentence: total allocated against budget, in £ and CYP, and the area with the largest share used.
 *
 * @example
 * summariseLot1(rows, 150000);
 * // "£81,830 of the £150,000 budget (55%) was allocated to 53 children and young people; North used 39% of its £54,000, East 76% of its £32,000 …"
 */
export function summariseLot1(rows: readonly Lot1AreaRow[], budgetGbp: number | null): string {
  if (rows.length === 0) return "No Lot 1 allocations.";
  const allocated = rows.reduce((sum, row) => sum + row.allocatedGbp, 0);
  const cyp = rows.reduce((sum, row) => sum + row.allocatedCyp, 0);
  const budget =
    budgetGbp === null ? "" : ` of the ${formatMoney(budgetGbp)} budget (${formatPercent(allocated / budgetGbp)})`;
  const areas = rows
    .filter((row) => row.budgetedGbp !== null && row.budgetedGbp > 0)
    .map(
      (row) =>
        `${row.area} ${formatPercent(row.allocatedGbp / (row.budgetedGbp ?? 1))} of ${formatMoney(row.budgetedGbp ?? 0)}`
    );
  return `${formatMoney(allocated)}${budget} was allocated to ${formatCount(cyp)} children and young people${areas.length ? `; by area: ${areas.join(", ")}` : ""}.`;
}

export interface Lot1ChartOptions {
  width?: number;
  budgetGbp: number | null;
  period: string;
  source: string;
  document?: Document;
}

/**
 * Allocated against budgeted £ per area: the budget as an outlined bar, the allocation as a filled bar inside it,
 * labelled with £ and CYP.
 *
 * @example
 * lot1AllocationChart(rows, {width: 640, budgetGbp: 150000, period: "April to September 2024", source: "…"});
 */
export function lot1AllocationChart(rows: readonly Lot1AreaRow[], options: Lot1ChartOptions) {
  const {width = 640, budgetGbp, period, source, document} = options;
  const allocated = rows.reduce((sum, row) => sum + row.allocatedGbp, 0);
  const cyp = rows.reduce((sum, row) => sum + row.allocatedCyp, 0);
  const data = rows.map((row) => ({
    ...row,
    label: `${formatMoney(row.allocatedGbp)} of ${row.budgetedGbp === null ? "a blank budget" : formatMoney(row.budgetedGbp)} · ${formatCount(row.allocatedCyp)} CYP`
  }));
  return plot({
    width,
    height: 80 + 56 * rows.length,
    document,
    marginLeft: 56,
    marginRight: 24,
    title: `${formatMoney(allocated)}${budgetGbp === null ? "" : ` of ${formatMoney(budgetGbp)}`} allocated to ${formatCount(cyp)} CYP, ${period}`,
    subtitle:
      "Lot 1 (Lifeskills and Independence): £ allocated (filled) against £ budgeted (outline), by double district",
    caption: `Source: ${source}. Allocated £ reconstructed from the printed cells; it rounds to every printed total.`,
    ariaLabel: "Bar chart of Lot 1 allocations against budget per double district",
    ariaDescription: summariseLot1(rows, budgetGbp),
    x: {grid: true, label: "£", tickFormat: (value: number) => formatMoney(value), ticks: 4},
    y: {domain: rows.map((row) => row.area), label: null, padding: 0.3},
    marks: [
      Plot.barX(
        data.filter((row) => row.budgetedGbp !== null),
        {x: "budgetedGbp", y: "area", fill: "none", stroke: "currentColor", strokeDasharray: "4,2"}
      ),
      Plot.barX(data, {x: "allocatedGbp", y: "area", fill: "#0084d5", insetTop: 6, insetBottom: 6, tip: true}),
      Plot.text(data, {x: "allocatedGbp", y: "area", text: "label", textAnchor: "start", dx: 4, fontWeight: 600}),
      Plot.ruleX([0])
    ]
  });
}
