import * as Plot from "npm:@observablehq/plot";
import {plot} from "../../plot.js";
import {formatCount, formatMoney, formatPercent} from "../../format.js";
import {CATEGORY_COLOURS} from "../../palette.js";

/** Children and cost for one provider in one area (no totals: the chart draws cells only). */
export interface AllocationCell {
  provider_name: string;
  area_name: string;
  children: number;
  cost_gbp: number;
}

export interface AllocationOptions {
  /** What the allocation is, for the title, e.g. "Lot 1 in 2024-25". */
  scope: string;
  areaOrder?: readonly string[];
  width?: number;
  height?: number;
  document?: Document;
}

/** Cost and children per provider (children summed over areas: a child placed in two areas counts twice). */
function providers(rows: readonly AllocationCell[]) {
  const totals = new Map<string, {provider_name: string; cost_gbp: number; children: number}>();
  for (const row of rows) {
    const entry = totals.get(row.provider_name) ?? {provider_name: row.provider_name, cost_gbp: 0, children: 0};
    entry.cost_gbp += row.cost_gbp;
    entry.children += row.children;
    totals.set(row.provider_name, entry);
  }
  return [...totals.values()].sort((a, b) => b.cost_gbp - a.cost_gbp || (a.provider_name < b.provider_name ? -1 : 1));
}

/**
 * One sentence on the allocation, generated from the data.
 *
 * @example
 * summariseAllocations(
 *   [{provider_name: "A", area_name: "North", children: 8, cost_gbp: 18729}, {provider_name: "B", area_name: "South", children: 3, cost_gbp: 4800}],
 *   {scope: "Lot 1 in 2024-25"}
 * );
 * // "Lot 1 in 2024-25: 2 providers, £23,529 in all; A had the largest share, £18,729 (80%) for 8 children in 1 area."
 */
export function summariseAllocations(
  rows: readonly AllocationCell[],
  {scope}: Pick<AllocationOptions, "scope">
): string {
  const ranked = providers(rows);
  if (ranked.length === 0) return `${scope}: no packages.`;
  const total = ranked.reduce((sum, p) => sum + p.cost_gbp, 0);
  const top = ranked[0];
  const areas = new Set(
    rows.filter((row) => row.provider_name === top.provider_name && row.cost_gbp > 0).map((row) => row.area_name)
  );
  return `${scope}: ${formatCount(ranked.length)} ${ranked.length === 1 ? "provider" : "providers"}, ${formatMoney(total)} in all; ${
    top.provider_name
  } had the largest share, ${formatMoney(top.cost_gbp)} (${formatPercent(total > 0 ? top.cost_gbp / total : 0)}) for ${formatCount(
    top.children
  )} ${top.children === 1 ? "child" : "children"} in ${formatCount(areas.size)} ${areas.size === 1 ? "area" : "areas"}.`;
}

/**
 * The headline.
 *
 * @example
 * allocationsTitle([], {scope: "Lot 1 in 2024-25"}); // "No packages for Lot 1 in 2024-25"
 */
export function allocationsTitle(rows: readonly AllocationCell[], {scope}: Pick<AllocationOptions, "scope">): string {
  const ranked = providers(rows);
  if (ranked.length === 0) return `No packages for ${scope}`;
  const total = ranked.reduce((sum, p) => sum + p.cost_gbp, 0);
  const topThree = ranked.slice(0, 3).reduce((sum, p) => sum + p.cost_gbp, 0);
  return ranked.length <= 3
    ? `${ranked[0].provider_name} had the largest allocation for ${scope}`
    : `Three of ${formatCount(ranked.length)} providers took ${formatPercent(topThree / total)} of the cost for ${scope}`;
}

/**
 * Cost per provider and area: one row per provider (largest first), one dot per area it works in, told apart by
 * shape as well as colour, sized by the number of children.
 *
 * @example
 * allocationsChart(cells, {scope: "Lot 1 in 2024-25", width: 640});
 */
export function allocationsChart(rows: readonly AllocationCell[], options: AllocationOptions) {
  const {width = 640, document} = options;
  const ranked = providers(rows);
  const areas = options.areaOrder
    ? options.areaOrder.filter((area) => rows.some((row) => row.area_name === area))
    : [...new Set(rows.map((row) => row.area_name))].sort();
  const data = rows.filter((row) => row.cost_gbp > 0 || row.children > 0);
  // On narrow screens the provider names go above their row instead of in a left margin that would clip them.
  const narrow = width < 480;
  return plot({
    width,
    height: options.height ?? Math.max(140, ranked.length * (narrow ? 40 : 24) + 70),
    document,
    marginLeft: narrow ? 12 : Math.min(230, width * 0.45),
    marginRight: 12,
    title: allocationsTitle(rows, options),
    subtitle: "Cost of packages in the year by provider and area (£); dot size: children supported",
    ariaLabel: `Dot chart of cost by provider and area for ${options.scope}`,
    ariaDescription: summariseAllocations(rows, options),
    x: {
      grid: true,
      label: "Cost (£)",
      tickFormat: (d: number) => formatMoney(d),
      ticks: Math.max(2, Math.floor(width / 140))
    },
    y: {label: null, domain: ranked.map((p) => p.provider_name), axis: narrow ? null : "left"},
    color: {domain: areas, range: [...CATEGORY_COLOURS]},
    symbol: {domain: areas, range: ["circle", "square", "triangle", "diamond", "star", "cross"], legend: true},
    r: {range: [3, 10]},
    marks: [
      Plot.ruleY(
        ranked.map((p) => p.provider_name),
        {stroke: "currentColor", strokeOpacity: 0.15}
      ),
      Plot.dot(data, {
        x: "cost_gbp",
        y: "provider_name",
        fill: "area_name",
        symbol: "area_name",
        r: "children",
        channels: {Children: "children", Area: "area_name"},
        tip: {format: {x: (d: number) => formatMoney(d), fill: false, symbol: false, r: false}}
      }),
      ...(narrow
        ? [
            Plot.text(ranked, {
              x: 0,
              y: "provider_name",
              text: "provider_name",
              textAnchor: "start",
              dy: -14,
              fontSize: 11
            })
          ]
        : []),
      Plot.ruleX([0])
    ]
  });
}
