/**
 * The rows the scenario planner's charts and tables show, from two projections.
 */
import {budgetFor} from "./model.js";
import type {Baseline, Projection} from "./types.js";

/**
 * Commissioned spend and budget per financial year for each scenario, all Lots, starting with the actual baseline
 * year (the same for every scenario).
 *
 * @example
 * spendBudgetRows(baseline, [["A", projectionA], ["B", projectionB]]);
 */
export function spendBudgetRows(baseline: Baseline, scenarios: readonly (readonly [string, Projection])[]) {
  const actualSpend = baseline.cells.reduce((s, c) => s + c.framework_spend + c.spot_spend + c.in_house_spend, 0);
  const actualBudget = baseline.lots.reduce((s, l) => s + budgetFor(baseline, l.lot_code, baseline.baselineYear, 0), 0);
  return scenarios.flatMap(([scenario, projection]) => [
    {
      scenario,
      financial_year: baseline.baselineYear,
      kind: "actual" as const,
      spend: actualSpend,
      budget: actualBudget
    },
    ...projection.lots
      .filter((l) => l.lot_code === "ALL")
      .map((l) => ({
        scenario,
        financial_year: l.financial_year,
        kind: "projected" as const,
        spend: l.spend,
        budget: l.budget
      }))
  ]);
}

/**
 * Each scenario's capacity gap per Lot × area in its final year, with names.
 *
 * @example
 * capacityGapRows(baseline, [["A", projectionA], ["B", projectionB]]);
 */
export function capacityGapRows(baseline: Baseline, scenarios: readonly (readonly [string, Projection])[]) {
  const lotName = new Map(baseline.lots.map((l) => [l.lot_code, l.lot_name]));
  const areaName = new Map(baseline.areas.map((a) => [a.area_code, a.area_name]));
  return scenarios.flatMap(([scenario, projection]) => {
    const last = Math.max(...projection.cells.map((c) => c.year));
    return projection.cells
      .filter((c) => c.year === last)
      .map((c) => ({
        scenario,
        financial_year: c.financial_year,
        lot_code: c.lot_code,
        area_code: c.area_code,
        lot_name: lotName.get(c.lot_code) ?? c.lot_code,
        area_name: areaName.get(c.area_code) ?? c.area_code,
        demand_hours: c.demand_hours,
        capacity_hours: c.capacity_hours,
        framework_hours: c.framework_hours,
        spot_hours: c.spot_hours,
        gap: c.capacity_gap
      }));
  });
}
