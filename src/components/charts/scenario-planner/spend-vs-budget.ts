import * as Plot from "npm:@observablehq/plot";
import {plot} from "../../plot.js";
import {formatMoney} from "../../format.js";

/** Spend (actual in the baseline year, projected after) and budget of one scenario in one financial year, all Lots. */
export interface SpendBudgetRow {
  scenario: string;
  financial_year: string;
  /** "actual" for the baseline year, "projected" after it. */
  kind: "actual" | "projected";
  spend: number;
  budget: number;
}

export interface SpendVsBudgetOptions {
  width?: number;
  height?: number;
  document?: Document;
}

function finalRows(rows: readonly SpendBudgetRow[]): SpendBudgetRow[] {
  const last = rows.reduce((a, r) => (r.financial_year > a ? r.financial_year : a), "");
  return rows.filter((r) => r.financial_year === last);
}

const gapText = (r: SpendBudgetRow) => {
  const v = r.spend - r.budget;
  if (!Number.isFinite(v)) return `${formatMoney(r.spend)} (no budget set)`;
  return v > 0 ? `${formatMoney(v)} over budget` : v < 0 ? `${formatMoney(-v)} under budget` : "on budget";
};

/**
 * The headline: where each scenario ends against its budget.
 *
 * @example
 * spendVsBudgetHeadline(rows); // "By 2029-30, scenario A is £0.3m over budget and scenario B £95,000 over budget"
 */
export function spendVsBudgetHeadline(rows: readonly SpendBudgetRow[]): string {
  const final = finalRows(rows);
  if (final.length === 0) return "No projection";
  const parts = final.map((r, i) =>
    i === 0 ? `scenario ${r.scenario} is ${gapText(r)}` : `scenario ${r.scenario} ${gapText(r)}`
  );
  return `By ${final[0].financial_year}, ${parts.join(" and ")}`;
}

/**
 * One sentence for the chart's text alternative.
 *
 * @example
 * summariseSpendVsBudget(rows);
 */
export function summariseSpendVsBudget(rows: readonly SpendBudgetRow[]): string {
  const actual = rows.find((r) => r.kind === "actual");
  const final = finalRows(rows);
  if (!actual || final.length === 0) return "No projection of commissioned spend.";
  const ends = final.map(
    (r) => `scenario ${r.scenario} ${formatMoney(r.spend)} against a budget of ${formatMoney(r.budget)}`
  );
  return `Commissioned spend was ${formatMoney(actual.spend)} in ${actual.financial_year} against a budget of ${formatMoney(actual.budget)}; by ${final[0].financial_year} it is projected at ${ends.join(", and ")}.`;
}

/**
 * Projected commissioned spend of each scenario (solid for A, dashed for B, labelled at the end) against budget
 * (grey steps), from the actual baseline year.
 *
 * @example
 * spendVsBudgetChart(rows, {width: 640});
 */
export function spendVsBudgetChart(rows: readonly SpendBudgetRow[], options: SpendVsBudgetOptions = {}) {
  const {width = 640, height = 320, document} = options;
  const scenarios = [...new Set(rows.map((r) => r.scenario))];
  const final = finalRows(rows);
  return plot({
    width,
    height,
    document,
    marginLeft: 60,
    marginRight: 110,
    title: spendVsBudgetHeadline(rows),
    subtitle: "Commissioned spend (framework, spot purchase and in-house; all Lots) against budget, £ a year",
    ariaLabel: "Line chart of projected commissioned spend against budget, by scenario",
    ariaDescription: summariseSpendVsBudget(rows),
    x: {type: "point", label: "Financial year", domain: [...new Set(rows.map((r) => r.financial_year))].sort()},
    y: {grid: true, label: "£ a year", tickFormat: (v: number) => formatMoney(v), nice: true},
    color: {domain: scenarios, range: ["#0084d5", "#d3526b"], legend: false},
    marks: [
      Plot.line(rows, {
        x: "financial_year",
        y: "budget",
        z: "scenario",
        stroke: "#7b7b7b",
        strokeWidth: 1.5,
        curve: "step"
      }),
      ...scenarios.map((scenario, i) =>
        Plot.line(
          rows.filter((r) => r.scenario === scenario),
          {
            x: "financial_year",
            y: "spend",
            stroke: "scenario",
            strokeWidth: 2.5,
            strokeDasharray: i === 0 ? undefined : "6,3"
          }
        )
      ),
      Plot.dot(rows, {
        x: "financial_year",
        y: "spend",
        fill: "scenario",
        symbol: "scenario",
        r: 4,
        tip: true,
        title: (r: SpendBudgetRow) =>
          `Scenario ${r.scenario}, ${r.financial_year} (${r.kind})\nSpend: ${formatMoney(r.spend)}\nBudget: ${formatMoney(r.budget)}\n${gapText(r)}`
      }),
      Plot.text(final, {
        x: "financial_year",
        y: "spend",
        text: (r: SpendBudgetRow) => `Scenario ${r.scenario}`,
        fill: "scenario",
        dx: 8,
        textAnchor: "start",
        fontWeight: "bold"
      }),
      Plot.text(final.slice(0, 1), {
        x: "financial_year",
        y: "budget",
        text: () => "Budget",
        fill: "#6f6f6f",
        dx: 8,
        dy: 10,
        textAnchor: "start"
      })
    ]
  });
}
