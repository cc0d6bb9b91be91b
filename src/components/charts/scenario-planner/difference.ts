import * as Plot from "npm:@observablehq/plot";
import {plot} from "../../plot.js";
import {formatMoney} from "../../format.js";
import type {ScenarioDifference} from "../../scenario/compare.js";

export interface DifferenceOptions {
  width?: number;
  height?: number;
  document?: Document;
}

const ROUTES = ["framework", "spot purchase", "in-house"];

/**
 * The headline: the total difference over the projection and where it comes from.
 *
 * @example
 * differenceHeadline(rows); // "Scenario B costs £0.2m less than A over 5 years, mostly less spot purchase"
 */
export function differenceHeadline(rows: readonly ScenarioDifference[]): string {
  const years = new Set(rows.map((r) => r.financial_year)).size;
  const total = rows.reduce((s, r) => s + r.difference, 0);
  if (Math.abs(total) < 0.5 && rows.every((r) => Math.abs(r.difference) < 0.5))
    return "Scenarios A and B cost the same";
  const byRoute = ROUTES.map((route) => ({
    route,
    v: rows.filter((r) => r.route === route).reduce((s, r) => s + r.difference, 0)
  }));
  const main = byRoute.reduce((a, b) => (Math.abs(b.v) > Math.abs(a.v) ? b : a));
  return `Scenario B costs ${formatMoney(Math.abs(total))} ${total >= 0 ? "more" : "less"} than A over ${years} years, mostly ${main.v >= 0 ? "more" : "less"} ${main.route}`;
}

/**
 * One sentence for the text alternative: the total and each route's share of the difference.
 *
 * @example
 * summariseDifference(rows);
 */
export function summariseDifference(rows: readonly ScenarioDifference[]): string {
  if (rows.length === 0) return "No scenarios to compare.";
  const parts = ROUTES.map((route) => {
    const v = rows.filter((r) => r.route === route).reduce((s, r) => s + r.difference, 0);
    return `${route} ${v >= 0 ? "+" : "−"}${formatMoney(Math.abs(v))}`;
  });
  return `${differenceHeadline(rows)} (${parts.join(", ")}).`;
}

/**
 * Scenario B minus scenario A, spend by route each year: bars above zero where B spends more, below where it
 * spends less, each route in its own colour and in a fixed order, with the year's net difference marked and
 * labelled.
 *
 * @example
 * differenceChart(differences(projectionA, projectionB), {width: 640});
 */
export function differenceChart(rows: readonly ScenarioDifference[], options: DifferenceOptions = {}) {
  const {width = 640, height = 300, document} = options;
  const years = [...new Set(rows.map((r) => r.financial_year))].sort();
  const net = years.map((financial_year) => {
    const mine = rows.filter((r) => r.financial_year === financial_year);
    return {
      financial_year,
      difference: mine.reduce((s, r) => s + r.difference, 0),
      top: mine.reduce((s, r) => s + Math.max(0, r.difference), 0)
    };
  });
  return plot({
    width,
    height,
    document,
    marginLeft: 64,
    title: differenceHeadline(rows),
    subtitle:
      "Scenario B's commissioned spend minus scenario A's, by route, £ a year; the thick tick (labelled above each year on wide screens) is the net difference",
    ariaLabel: "Diverging bar chart of the spend difference between scenario B and scenario A, by route and year",
    ariaDescription: summariseDifference(rows),
    x: {domain: years, label: "Financial year", tickFormat: (v: string) => (width < 480 ? v.slice(2) : v)},
    y: {grid: true, label: "£ a year (B − A)", tickFormat: (v: number) => formatMoney(v)},
    color: {domain: ROUTES, range: ["#0084d5", "#d3526b", "#209144"], legend: true},
    marks: [
      Plot.barY(rows, {
        x: "financial_year",
        y: "difference",
        fill: "route",
        order: ROUTES,
        tip: true,
        title: (r: ScenarioDifference) =>
          `${r.financial_year}, ${r.route}\nB − A: ${r.difference >= 0 ? "+" : "−"}${formatMoney(Math.abs(r.difference))}`
      }),
      Plot.tickY(net, {x: "financial_year", y: "difference", stroke: "currentColor", strokeWidth: 3}),
      Plot.text(width < 480 ? [] : net, {
        x: "financial_year",
        y: "top",
        text: (r: {difference: number}) => `${r.difference >= 0 ? "+" : "−"}${formatMoney(Math.abs(r.difference))}`,
        dy: -10,
        fill: "currentColor",
        stroke: "var(--theme-background, white)",
        strokeWidth: 3,
        paintOrder: "stroke"
      }),
      Plot.ruleY([0])
    ]
  });
}
