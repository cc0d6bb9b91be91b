import * as Plot from "npm:@observablehq/plot";
import {plot} from "../../plot.js";
import {formatMoney, formatPercent} from "../../format.js";
import type {SpendLot} from "../../overview/types.js";

export interface ChartOptions {
  width?: number;
  height?: number;
  document?: Document;
}

function totals(rows: readonly SpendLot[]) {
  const sum = (key: "spend_to_date" | "committed" | "forecast" | "budget") =>
    rows.reduce((total, row) => total + row[key], 0);
  return {spend: sum("spend_to_date"), committed: sum("committed"), forecast: sum("forecast"), budget: sum("budget")};
}

/**
 * The headline: forecast outturn against budget, over or under.
 *
 * @example
 * spendBudgetTitle(rows, "2025-26"); // "2025-26 forecast outturn £1.1m: £100,836 (10%) over the £987,500 budget"
 */
export function spendBudgetTitle(rows: readonly SpendLot[], year: string): string {
  const {forecast, budget} = totals(rows);
  if (budget <= 0) return `${year} forecast outturn ${formatMoney(forecast)}; no budget is recorded`;
  const gap = forecast - budget;
  const side = gap > 0 ? "over" : "under";
  return `${year} forecast outturn ${formatMoney(forecast)}: ${formatMoney(Math.abs(gap))} (${formatPercent(
    Math.abs(gap) / budget
  )}) ${side} the ${formatMoney(budget)} budget`;
}

/**
 * One sentence naming the Lots forecast over budget.
 *
 * @example
 * summariseSpendBudget(rows, "2025-26");
 */
export function summariseSpendBudget(rows: readonly SpendLot[], year: string): string {
  if (rows.length === 0) return `No spend is recorded for ${year}.`;
  const {spend, committed, forecast, budget} = totals(rows);
  const over = rows
    .filter((row) => row.forecast > row.budget)
    .map((row) => `${row.lot_code} (${formatMoney(row.forecast - row.budget)} over)`);
  return `In ${year}, ${formatMoney(spend)} has been spent to date and ${formatMoney(committed)} is committed to 31 March, a forecast of ${formatMoney(
    forecast
  )} against a budget of ${formatMoney(budget)}; ${over.length === 0 ? "no Lot is forecast over budget" : `forecast over budget: ${over.join(", ")}`}.`;
}

/**
 * Horizontal bars per Lot: spend to date (solid) and committed to 31 March (outlined), with the budget as a thick
 * rule and the forecast labelled.
 *
 * @example
 * spendBudgetChart(data.spend.byLot, {year: "2025-26", width: 640});
 */
export function spendBudgetChart(rows: readonly SpendLot[], options: ChartOptions & {year: string}) {
  const {document, year} = options;
  // Never narrower than its margins, even while the page lays out (a negative bar width is an SVG error).
  const width = Math.max(options.width ?? 640, 240);
  const height = options.height ?? 70 + rows.length * 56;
  const segments = rows.flatMap((row) => [
    {lot: row.lot_code, part: "Spent to date", from: 0, to: row.spend_to_date, amount: row.spend_to_date},
    {lot: row.lot_code, part: "Committed to 31 March", from: row.spend_to_date, to: row.forecast, amount: row.committed}
  ]);
  const labels = rows.map((row) => ({
    lot: row.lot_code,
    x: Math.max(row.forecast, row.budget),
    text: `${formatMoney(row.forecast)} vs ${formatMoney(row.budget)}`
  }));
  const max = Math.max(1, ...rows.map((row) => Math.max(row.forecast, row.budget)));
  return plot({
    width,
    height,
    document,
    marginLeft: 56,
    marginRight: Math.min(170, width * 0.4),
    title: spendBudgetTitle(rows, year),
    subtitle: `Commissioned spend by Lot, ${year}: spent to date (solid), committed to 31 March (outlined); thick vertical tick = budget`,
    ariaLabel: `Bar chart of forecast spend against budget by Lot, ${year}`,
    ariaDescription: summariseSpendBudget(rows, year),
    x: {grid: true, label: "£", domain: [0, max], tickFormat: (value: number) => formatMoney(value)},
    y: {label: null, domain: rows.map((row) => row.lot_code)},
    marks: [
      Plot.barX(
        segments.filter((d) => d.part === "Spent to date"),
        {y: "lot", x1: "from", x2: "to", fill: "#0084d5", insetTop: 8, insetBottom: 8}
      ),
      Plot.barX(
        segments.filter((d) => d.part !== "Spent to date"),
        {
          y: "lot",
          x1: "from",
          x2: "to",
          fill: "#0084d5",
          fillOpacity: 0.2,
          stroke: "#0084d5",
          strokeWidth: 1.5,
          insetTop: 8,
          insetBottom: 8
        }
      ),
      Plot.tickX(rows, {y: "lot_code", x: "budget", stroke: "currentColor", strokeWidth: 3}),
      Plot.text(labels, {y: "lot", x: "x", text: "text", dx: 6, textAnchor: "start", fill: "currentColor"}),
      Plot.tip(
        segments,
        Plot.pointerY({
          y: "lot",
          x: "to",
          title: (d: (typeof segments)[number]) => `${d.lot}: ${d.part.toLowerCase()} ${formatMoney(d.amount)}`
        })
      ),
      Plot.ruleX([0])
    ]
  });
}
