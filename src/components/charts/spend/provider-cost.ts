import * as Plot from "npm:@observablehq/plot";
import {SERIES_COLORS} from "../../palette.js";
import {plot} from "../../plot.js";
import {formatMoney} from "../../format.js";
import type {ProviderCost} from "../../spend/measures.js";

export interface ProviderCostOptions {
  width?: number;
  /** `hour`: spend ÷ hours; `child`: spend ÷ distinct children supported. */
  measure: "hour" | "child";
  financialYear: string;
  document?: Document;
}

const valueOf = (row: ProviderCost, measure: "hour" | "child") =>
  measure === "hour" ? row.cost_per_hour : row.cost_per_child;
const money = (value: number, measure: "hour" | "child") =>
  measure === "hour" ? `£${value.toFixed(2)}` : formatMoney(value);
const lotShort = (code: string) => code.replace(/^LOT/i, "Lot ");

/**
 * One sentence: the Lot averages and the providers with the highest and lowest cost.
 *
 * @example
 * summariseProviderCost(rows, "hour");
 * // "Cost per hour: Lot 1 £20.10, Lot 2 £21.40 …; highest Apex Care Solutions (Lot 4) £31.20, lowest Direct payments (no provider) (Lot 2) £13.50."
 */
export function summariseProviderCost(rows: readonly ProviderCost[], measure: "hour" | "child"): string {
  const lots = rows.filter((row) => row.provider_id === "ALL" && valueOf(row, measure) !== null);
  const providers = rows.filter((row) => row.provider_id !== "ALL" && valueOf(row, measure) !== null);
  if (lots.length === 0) return "No spend matches these filters.";
  const name = measure === "hour" ? "Cost per hour" : "Cost per child";
  const lotText = lots
    .map((row) => `${lotShort(row.lot_code)} ${money(valueOf(row, measure) ?? 0, measure)}`)
    .join(", ");
  if (providers.length < 2) return `${name}: ${lotText}.`;
  const sorted = [...providers].sort((a, b) => (valueOf(b, measure) ?? 0) - (valueOf(a, measure) ?? 0));
  const [high, low] = [sorted[0], sorted[sorted.length - 1]];
  return `${name}: ${lotText}; highest ${high.provider_name} (${lotShort(high.lot_code)}) ${money(valueOf(high, measure) ?? 0, measure)}, lowest ${low.provider_name} (${lotShort(low.lot_code)}) ${money(valueOf(low, measure) ?? 0, measure)}.`;
}

/**
 * Cost per hour or per child of each provider (dots), grouped by Lot, with the Lot's average as a rule.
 *
 * @example
 * providerCostChart(providerCosts(rows, filter), {width: 640, measure: "hour", financialYear: "2024-25"});
 */
export function providerCostChart(rows: readonly ProviderCost[], options: ProviderCostOptions) {
  const {width = 640, measure, financialYear, document} = options;
  const lots = rows.filter((row) => row.provider_id === "ALL" && valueOf(row, measure) !== null);
  const providers = rows
    .filter((row) => row.provider_id !== "ALL" && valueOf(row, measure) !== null)
    .map((row) => ({
      ...row,
      value: valueOf(row, measure) ?? 0,
      lot: lotShort(row.lot_code),
      label: `${row.provider_name} · ${lotShort(row.lot_code)}`
    }));
  const order = providers.map((row) => row.label);
  const lotAverages = lots.map((row) => ({lot: lotShort(row.lot_code), value: valueOf(row, measure) ?? 0}));
  const spread = [...lotAverages].sort((a, b) => b.value - a.value);
  const title =
    spread.length >= 2
      ? `${spread[0].lot} costs most per ${measure}: ${money(spread[0].value, measure)}, against ${money(spread[spread.length - 1].value, measure)} for ${spread[spread.length - 1].lot}`
      : spread.length === 1
        ? `${spread[0].lot}: ${money(spread[0].value, measure)} per ${measure}`
        : "No spend matches these filters";
  return plot({
    width,
    height: 90 + 30 * Math.max(providers.length, 1),
    document,
    marginLeft: 8,
    marginRight: 56,
    title,
    subtitle: `${measure === "hour" ? "Spend ÷ hours delivered" : "Spend ÷ children supported (distinct)"} in ${financialYear}, per provider; | = the Lot's average`,
    ariaLabel: `Dot chart of cost per ${measure} by provider, grouped by Lot`,
    ariaDescription: summariseProviderCost(rows, measure),
    x: {
      grid: true,
      label: measure === "hour" ? "£ per hour" : "£ per child",
      tickFormat: (value: number) => formatMoney(value),
      ticks: 4,
      zero: true
    },
    y: {domain: order, axis: null, padding: 0.1},
    color: {domain: [...new Set(providers.map((row) => row.lot))], range: [...SERIES_COLORS], legend: true},
    symbol: {domain: [...new Set(providers.map((row) => row.lot))], legend: false},
    marks: [
      Plot.tickX(
        providers.map((row) => ({...row, average: lotAverages.find((lot) => lot.lot === row.lot)?.value ?? 0})),
        {x: "average", y: "label", stroke: "currentColor", strokeWidth: 1.5, insetTop: 12}
      ),
      Plot.text(providers, {x: 0, y: "label", text: "label", textAnchor: "start", dy: -9, fontSize: 10}),
      Plot.dot(providers, {x: "value", y: "label", fill: "lot", symbol: "lot", r: 4.5, dy: 4, tip: true}),
      Plot.text(providers, {
        x: "value",
        y: "label",
        text: (row: {value: number}) => money(row.value, measure),
        textAnchor: "start",
        dx: 8,
        dy: 4,
        fontSize: 10
      })
    ]
  });
}
