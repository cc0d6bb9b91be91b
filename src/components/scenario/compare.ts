/**
 * Defaults and the side-by-side comparison of two scenarios.
 */
import type {Baseline, Projection, ScenarioInputs} from "./types.js";

/**
 * The default scenario: no growth beyond the baseline, the baseline's own conversion, no inflation, budgets flat,
 * no shift and no added capacity — "the latest year, repeated", so any change is visibly the inputs' doing.
 *
 * @example
 * defaultInputs(baseline).conversion; // 0.5614… (plans ÷ requests in the baseline year, unrounded)
 */
export function defaultInputs(baseline: Baseline): ScenarioInputs {
  const conversion = baseline.ehcpRequests > 0 ? baseline.ehcpPlans / baseline.ehcpRequests : 0.6;
  return {
    years: 5,
    demandGrowth: 0,
    conversion,
    inflation: 0,
    budgetGrowth: 0,
    spotShift: 0,
    capacityAdded: {}
  };
}

export interface ScenarioDifference {
  financial_year: string;
  /** "framework", "spot purchase" or "in-house". */
  route: string;
  /** Scenario B's spend minus scenario A's (£). */
  difference: number;
}

/**
 * Spend by route in scenario B minus scenario A, each year, all Lots (years both scenarios project).
 *
 * @example
 * differences(projectionA, projectionB)[0]; // {financial_year: "2025-26", route: "framework", difference: 1234}
 */
export function differences(a: Projection, b: Projection): ScenarioDifference[] {
  const totals = (p: Projection) =>
    new Map(p.lots.filter((l) => l.lot_code === "ALL").map((l) => [l.financial_year, l]));
  const ta = totals(a);
  const tb = totals(b);
  const out: ScenarioDifference[] = [];
  for (const [fy, la] of ta) {
    const lb = tb.get(fy);
    if (!lb) continue;
    out.push({financial_year: fy, route: "framework", difference: lb.framework_spend - la.framework_spend});
    out.push({financial_year: fy, route: "spot purchase", difference: lb.spot_spend - la.spot_spend});
    out.push({financial_year: fy, route: "in-house", difference: lb.in_house_spend - la.in_house_spend});
  }
  return out;
}
