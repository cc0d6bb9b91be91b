import * as Plot from "npm:@observablehq/plot";
import {plot} from "../../plot.js";
import {routeLabel} from "../../commissioning-labels.js";
import {formatCount, formatMonth, formatPercent} from "../../format.js";
import {CATEGORY_COLOURS} from "../../palette.js";
import type {ChartOptions} from "./capacity-demand.js";

/** Spare capacity one provider holds in one Lot and area at a month. */
export interface ProviderSpareRow {
  month: string;
  provider_name: string;
  provider_type: string;
  spare_hours: number;
  spare_places: number;
}

/** Spare hours and places per provider, largest first (ties by name). */
export function spareByProvider(rows: readonly ProviderSpareRow[]) {
  const providers = new Map<
    string,
    {provider_name: string; provider_type: string; spare_hours: number; spare_places: number}
  >();
  for (const row of rows) {
    const entry = providers.get(row.provider_name) ?? {
      provider_name: row.provider_name,
      provider_type: row.provider_type,
      spare_hours: 0,
      spare_places: 0
    };
    entry.spare_hours += row.spare_hours;
    entry.spare_places += row.spare_places;
    providers.set(row.provider_name, entry);
  }
  return [...providers.values()].sort(
    (a, b) => b.spare_hours - a.spare_hours || (a.provider_name < b.provider_name ? -1 : 1)
  );
}

/**
 * One sentence on who holds spare capacity, generated from the data.
 *
 * @example
 * summariseProviderSpare([
 *   {month: "2025-11", provider_name: "A", provider_type: "framework", spare_hours: 30, spare_places: 2},
 *   {month: "2025-11", provider_name: "B", provider_type: "framework", spare_hours: 10, spare_places: 1}
 * ]);
 * // "In November 2025, 2 of 2 providers held spare capacity, 40 hours a week (3 places) in all; A held the most, 30 hours (75%)."
 */
export function summariseProviderSpare(rows: readonly ProviderSpareRow[]): string {
  if (rows.length === 0) return "No provider capacity is recorded for this selection.";
  const month = rows.reduce((latest, row) => (row.month > latest ? row.month : latest), rows[0].month);
  const providers = spareByProvider(rows);
  const withSpare = providers.filter((p) => p.spare_hours > 0);
  const total = withSpare.reduce((sum, p) => sum + p.spare_hours, 0);
  const places = providers.reduce((sum, p) => sum + Math.max(0, p.spare_places), 0);
  if (withSpare.length === 0) return `In ${formatMonth(month)} no provider held spare capacity.`;
  const top = withSpare[0];
  return `In ${formatMonth(month)}, ${formatCount(withSpare.length)} of ${formatCount(
    providers.length
  )} providers held spare capacity, ${formatCount(Math.round(total))} hours a week (${formatCount(
    places
  )} places) in all; ${top.provider_name} held the most, ${formatCount(Math.round(top.spare_hours))} hours (${formatPercent(
    top.spare_hours / total
  )}).`;
}

/**
 * The headline.
 *
 * @example
 * providerSpareTitle([]); // "No provider capacity recorded"
 */
export function providerSpareTitle(rows: readonly ProviderSpareRow[]): string {
  const providers = spareByProvider(rows).filter((p) => p.spare_hours > 0);
  if (rows.length === 0) return "No provider capacity recorded";
  if (providers.length === 0) return "No provider held spare capacity";
  const total = providers.reduce((sum, p) => sum + p.spare_hours, 0);
  const top = providers[0];
  return `${top.provider_name} holds the most spare capacity: ${formatCount(Math.round(top.spare_hours))} of ${formatCount(
    Math.round(total)
  )} spare hours a week`;
}

/**
 * Spare hours per week by provider (offered minus held), largest first, labelled with hours and places.
 *
 * @example
 * providerSpareChart(rows, {width: 640});
 */
export function providerSpareChart(rows: readonly ProviderSpareRow[], options: ChartOptions = {}) {
  const {width = 640, document} = options;
  const data = spareByProvider(rows).map((p) => ({...p, type: routeLabel(p.provider_type)}));
  const types = ["Framework", "Spot purchase", "In-house"];
  // On narrow screens the provider names go above their bars instead of in a left margin that would clip them.
  const narrow = width < 480;
  return plot({
    width,
    height: options.height ?? Math.max(120, data.length * (narrow ? 36 : 20) + 60),
    document,
    marginLeft: narrow ? 8 : Math.min(220, width * 0.45),
    marginRight: 90,
    title: providerSpareTitle(rows),
    subtitle: "Spare hours per week (offered minus held) by provider; label: hours and places spare",
    ariaLabel: "Bar chart of spare hours per week by provider",
    ariaDescription: summariseProviderSpare(rows),
    x: {grid: true, label: "Spare hours per week"},
    y: {
      label: null,
      domain: data.map((d) => d.provider_name),
      axis: narrow ? null : "left",
      padding: narrow ? 0.5 : 0.1
    },
    color: {domain: types, range: [CATEGORY_COLOURS[0], CATEGORY_COLOURS[1], CATEGORY_COLOURS[2]], legend: true},
    marks: [
      Plot.barX(data, {x: "spare_hours", y: "provider_name", fill: "type", tip: true}),
      ...(narrow
        ? [
            Plot.text(data, {
              x: 0,
              y: "provider_name",
              text: "provider_name",
              textAnchor: "start",
              dy: -14,
              fontSize: 11
            })
          ]
        : []),
      Plot.text(data, {
        x: "spare_hours",
        y: "provider_name",
        text: (d: (typeof data)[number]) =>
          `${formatCount(Math.round(d.spare_hours))} h, ${formatCount(d.spare_places)} pl.`,
        textAnchor: "start",
        dx: 4,
        fontSize: 11
      }),
      Plot.ruleX([0])
    ]
  });
}
