import * as Plot from "npm:@observablehq/plot";
import {cellValue} from "../../gss.js";
import {formatMoney} from "../../format.js";
import {SERIES_COLORS, STATUS_COLORS} from "../../palette.js";
import {plot} from "../../plot.js";
import {overBudgetYears} from "../../report/narrative.js";
import type {ReportSpendRow} from "../../report/types.js";

export interface SpendBudgetOptions {
  width?: number;
  height?: number;
  document?: Document;
  /** Last complete financial year: later years are left out (their spend is only part of a year). */
  lastCompleteYear: string;
}

function totals(rows: readonly ReportSpendRow[], lastCompleteYear: string) {
  return rows
    .filter((row) => row.lot_code === "Total" && row.financial_year <= lastCompleteYear)
    .sort((a, b) => (a.financial_year < b.financial_year ? -1 : 1))
    .map((row) => {
      const spent = cellValue(row.spend_gbp);
      return {...row, spent, over: spent !== null && spent > row.budget_gbp};
    });
}

/**
 * One sentence on the chart.
 *
 * @example
 * summariseSpendBudget(rows, "2024-25");
 * // "Commissioned care spend was over budget in 1 of 6 years from 2019-20 to 2024-25; in 2024-25 it was £990,382 against £950,000."
 */
export function summariseSpendBudget(rows: readonly ReportSpendRow[], lastCompleteYear: string): string {
  const years = totals(rows, lastCompleteYear);
  if (years.length === 0) return "No complete year of spend is recorded.";
  const {over, of} = overBudgetYears(rows, lastCompleteYear);
  const last = years[years.length - 1];
  const spent = last.spent === null ? "hidden" : formatMoney(last.spent);
  return `Commissioned care spend was over budget in ${over} of ${of} year${of === 1 ? "" : "s"} from ${years[0].financial_year} to ${last.financial_year}; in ${last.financial_year} it was ${spent} against ${formatMoney(last.budget_gbp)}.`;
}

/**
 * The headline.
 *
 * @example
 * spendBudgetTitle(rows, "2024-25"); // "Spend went over budget in 2024-25 for the first time in 6 years"
 */
export function spendBudgetTitle(rows: readonly ReportSpendRow[], lastCompleteYear: string): string {
  const years = totals(rows, lastCompleteYear);
  const last = years.at(-1);
  if (!last) return "Commissioned care spend against budget";
  const {over, of} = overBudgetYears(rows, lastCompleteYear);
  if (last.over && over === 1)
    return `Spend went over budget in ${last.financial_year} for the first time in ${of} years`;
  if (last.over) return `Spend was over budget in ${last.financial_year}, and in ${over} of ${of} years`;
  if (over === 0)
    return `Spend stayed within budget in every year from ${years[0].financial_year} to ${last.financial_year}`;
  return `Spend was within budget in ${last.financial_year}; it was over in ${over} of ${of} years`;
}

/**
 * Commissioned-care spend (filled column) against budget (outlined column) per complete financial year.
 *
 * @example
 * spendBudgetChart(rows, {width: 640, lastCompleteYear: "2024-25"});
 */
export function spendBudgetChart(rows: readonly ReportSpendRow[], options: SpendBudgetOptions) {
  const {width = 640, height = 300, document, lastCompleteYear} = options;
  const data = totals(rows, lastCompleteYear);
  const status = (row: (typeof data)[number]) => (row.over ? "Over budget" : "Within budget");
  return plot({
    width,
    height,
    document,
    marginLeft: 60,
    title: spendBudgetTitle(rows, lastCompleteYear),
    subtitle:
      "Commissioned care spend (filled) against budget (outline), £ per financial year; direct payments excluded",
    ariaLabel: "Column chart of commissioned care spend against budget per financial year",
    ariaDescription: summariseSpendBudget(rows, lastCompleteYear),
    x: {
      type: "band",
      label: null,
      padding: 0.25,
      ticks:
        width < 480
          ? data.filter((_, i) => (data.length - 1 - i) % 2 === 0).map((row) => row.financial_year)
          : undefined,
      tickFormat: (year: string) => (width < 480 ? year.slice(2) : year)
    },
    y: {grid: true, label: "£", tickFormat: (value: number) => formatMoney(value).replace(/,000$/, "k")},
    color: {
      type: "ordinal",
      domain: ["Within budget", "Over budget"],
      range: [SERIES_COLORS[0], STATUS_COLORS.bad],
      legend: true
    },
    marks: [
      Plot.barY(data, {x: "financial_year", y: "spent", fill: status, insetLeft: 6, insetRight: 6}),
      Plot.barY(data, {x: "financial_year", y: "budget_gbp", fill: "none", stroke: "currentColor", strokeWidth: 1.5}),
      Plot.text(width < 480 ? data.slice(-1) : data, {
        x: "financial_year",
        y: (row: (typeof data)[number]) => Math.max(row.spent ?? 0, row.budget_gbp),
        text: (row: (typeof data)[number]) => (row.spent === null ? "c" : formatMoney(row.spent)),
        dy: -8,
        fill: "currentColor",
        fontSize: width < 480 ? 8 : 10
      }),
      Plot.tip(
        data,
        Plot.pointerX({
          x: "financial_year",
          y: "budget_gbp",
          channels: {
            Year: "financial_year",
            Spend: (row: (typeof data)[number]) => (row.spent === null ? "c" : formatMoney(row.spent)),
            Budget: (row: (typeof data)[number]) => formatMoney(row.budget_gbp)
          },
          format: {x: false, y: false}
        })
      ),
      Plot.ruleY([0])
    ]
  });
}
