import * as Plot from "npm:@observablehq/plot";
import {plot} from "../../plot.js";
import {formatMoney, formatPercent} from "../../format.js";
import type {BudgetLine} from "../../spend/measures.js";

export interface BudgetChartOptions {
  width?: number;
  document?: Document;
}

const lotLabel = (line: BudgetLine) => `${line.lot_code.replace(/^LOT/i, "Lot ")}: ${line.lot_name}`;

function sums(lines: readonly BudgetLine[]) {
  const budgeted = lines.filter((line) => line.budget_gbp !== null);
  return {
    budget: budgeted.reduce((sum, line) => sum + (line.budget_gbp ?? 0), 0),
    actual: lines.reduce((sum, line) => sum + line.actual_gbp, 0),
    committed: lines.reduce((sum, line) => sum + line.committed_gbp, 0)
  };
}

/**
 * One sentence: actual and committed against budget, overall and the Lot furthest over (or under).
 *
 * @example
 * summariseBudget(lines);
 * // "In 2025-26 £0.7m has been spent and £0.3m is committed: 89% of the £1.0m budget; Lot 2 … is forecast £12,345 over its budget."
 */
export function summariseBudget(lines: readonly BudgetLine[]): string {
  if (lines.length === 0) return "No budget or spend for this year.";
  const {budget, actual, committed} = sums(lines);
  const fy = lines[0].financial_year;
  const use =
    budget > 0 ? `: ${formatPercent((actual + committed) / budget)} of the ${formatMoney(budget)} budget` : "";
  const withVariance = lines.filter((line) => line.variance_gbp !== null);
  const worst = [...withVariance].sort((a, b) => (a.variance_gbp ?? 0) - (b.variance_gbp ?? 0))[0];
  const worstText = worst
    ? `; ${lotLabel(worst)} is ${(worst.variance_gbp ?? 0) < 0 ? `forecast ${formatMoney(-(worst.variance_gbp ?? 0))} over` : `the closest to`} its budget${(worst.variance_gbp ?? 0) < 0 ? "" : ` (${formatMoney(worst.variance_gbp ?? 0)} headroom)`}`
    : "";
  const unbudgeted = lines.filter((line) => line.budget_gbp === null && line.actual_gbp + line.committed_gbp > 0);
  const noBudget = unbudgeted.length ? `; ${unbudgeted.map(lotLabel).join(", ")} has spend but no budget` : "";
  return `In ${fy} ${formatMoney(actual)} has been spent${committed > 0 ? ` and ${formatMoney(committed)} is committed` : ""}${use}${worstText}${noBudget}.`;
}

/**
 * Budget (outline) against actual (filled) and committed (hatched, after actual) per Lot for one year.
 *
 * @example
 * budgetChart(budgetLines(rows, budgets, "2025-26"), {width: 640});
 */
export function budgetChart(lines: readonly BudgetLine[], options: BudgetChartOptions = {}) {
  const {width = 640, document} = options;
  const {budget, actual, committed} = sums(lines);
  const fy = lines[0]?.financial_year ?? "";
  const forecast = actual + committed;
  const title =
    budget > 0
      ? `${fy}: ${formatMoney(forecast)} spent${committed > 0 ? " or committed" : ""}, ${formatPercent(forecast / budget)} of the ${formatMoney(budget)} budget`
      : `${fy}: ${formatMoney(forecast)} spent, no budget set`;
  const data = lines.map((line) => ({
    ...line,
    label: lotLabel(line),
    committedEnd: line.actual_gbp + line.committed_gbp,
    text:
      line.budget_gbp === null
        ? `${formatMoney(line.forecast_gbp)} · no budget`
        : `${formatMoney(line.forecast_gbp)} of ${formatMoney(line.budget_gbp)} (${formatPercent(line.forecast_gbp / Math.max(line.budget_gbp, 1))})`
  }));
  const long = data
    .flatMap((line) => [
      {label: line.label, part: "Actual", x1: 0, x2: line.actual_gbp, amount: line.actual_gbp},
      {
        label: line.label,
        part: "Committed to 31 March",
        x1: line.actual_gbp,
        x2: line.committedEnd,
        amount: line.committed_gbp
      }
    ])
    .filter((part) => part.amount > 0);
  return plot({
    width,
    height: 80 + 84 * data.length,
    document,
    marginLeft: 8,
    marginRight: 24,
    title,
    subtitle: "Commissioned care (every route except direct payments) against budget, per Lot: outline = budget",
    ariaLabel: "Bar chart of budget, actual and committed spend per Lot",
    ariaDescription: summariseBudget(lines),
    x: {grid: true, label: "£", tickFormat: (value: number) => formatMoney(value), ticks: 4},
    y: {domain: data.map((line) => line.label), axis: null, padding: 0.6},
    color: {domain: ["Actual", "Committed to 31 March"], range: ["#0084d5", "#896ed0"], legend: true},
    marks: [
      Plot.barX(long, {
        x1: "x1",
        x2: "x2",
        y: "label",
        fill: "part",
        tip: {format: {x1: false, x2: false, amount: (v: number) => formatMoney(v)}},
        channels: {amount: "amount"}
      }),
      Plot.barX(
        data.filter((line) => line.budget_gbp !== null),
        {
          x: "budget_gbp",
          y: "label",
          fill: "none",
          stroke: "currentColor",
          strokeWidth: 2,
          strokeDasharray: "5,3",
          insetTop: -2,
          insetBottom: -2
        }
      ),
      Plot.text(data, {x: 0, y: "label", text: "label", textAnchor: "start", dy: -27, fontWeight: 600}),
      Plot.text(data, {x: 0, y: "label", text: "text", textAnchor: "start", dy: 27, fontSize: 11}),
      Plot.ruleX([0])
    ]
  });
}
