/**
 * The scenario planner's projection: from the latest observed year, forward 3 to 5 financial years. Pure and
 * light (a few hundred multiplications), so every input change recomputes well under a millisecond.
 *
 * Assumptions (shown on the page):
 * 1. Demand (commissioned hours a week) grows by `demandGrowth` a year, compounding, in every Lot × area.
 * 2. Statutory Lots' demand also moves with new EHC plans: it is scaled by `conversion ÷ baseline conversion`
 *    (the baseline conversion is plans issued ÷ requests received in the baseline year). Non-statutory Lots
 *    (open access, e.g. Lot 1) do not depend on plans.
 * 3. Of the framework-eligible hours (framework + spot in the baseline), the framework's share rises from its
 *    baseline share f0 to f0 + `spotShift` × (1 − f0). The framework delivers up to its capacity (baseline capacity
 *    + capacity added); anything above capacity is bought on the spot market. In-house hours grow with demand.
 * 4. Hourly rates per route are the baseline year's (spend ÷ hours) in each Lot × area, so the spot premium is the
 *    one observed there; a route with no hours in a cell takes the Lot's average rate for that route, and spot
 *    with none anywhere in the Lot takes the framework rate × (1 + the county's observed spot premium). Rates rise by
 *    `inflation` a year.
 * 5. A year is 365.25 days; budgets are `budgets.csv`'s where set, then grow by `budgetGrowth` a year. Direct
 *    payments are outside both the model and the budget.
 */
import type {Baseline, BaselineCell, ProjectedCell, ProjectedLotYear, Projection, ScenarioInputs} from "./types.js";

export const WEEKS_PER_YEAR = 365.25 / 7;

/**
 * The financial year `k` years after `year`.
 *
 * @example
 * addYears("2024-25", 2); // "2026-27"
 */
export function addYears(year: string, k: number): string {
  const match = /^(\d{4})-\d{2}$/.exec(year);
  if (!match) throw new Error(`invalid financial year: ${year}`);
  const start = Number(match[1]) + k;
  return `${start}-${String((start + 1) % 100).padStart(2, "0")}`;
}

/** Hourly rates per route for each cell (assumption 4). */
export function baselineRates(baseline: Baseline): Map<string, {framework: number; spot: number; in_house: number}> {
  const weeks = baseline.yearDays / 7;
  const rate = (spend: number, hours: number) => (hours > 0 ? spend / (hours * weeks) : NaN);
  const sum = (cells: BaselineCell[], key: keyof BaselineCell) => cells.reduce((s, c) => s + (c[key] as number), 0);
  const all = baseline.cells;
  const countyPremium =
    rate(sum(all, "spot_spend"), sum(all, "spot_hours")) /
    rate(sum(all, "framework_spend"), sum(all, "framework_hours"));
  const byLot = new Map<string, {framework: number; spot: number; in_house: number}>();
  for (const lot of new Set(all.map((c) => c.lot_code))) {
    const cells = all.filter((c) => c.lot_code === lot);
    const framework = rate(sum(cells, "framework_spend"), sum(cells, "framework_hours"));
    const spot = rate(sum(cells, "spot_spend"), sum(cells, "spot_hours"));
    const inHouse = rate(sum(cells, "in_house_spend"), sum(cells, "in_house_hours"));
    byLot.set(lot, {
      framework,
      spot: Number.isFinite(spot) ? spot : framework * (Number.isFinite(countyPremium) ? countyPremium : 1),
      in_house: Number.isFinite(inHouse) ? inHouse : framework
    });
  }
  const rates = new Map<string, {framework: number; spot: number; in_house: number}>();
  for (const c of all) {
    const lot = byLot.get(c.lot_code)!;
    const pick = (v: number, fallback: number) => (Number.isFinite(v) ? v : Number.isFinite(fallback) ? fallback : 0);
    rates.set(cellKey(c.lot_code, c.area_code), {
      framework: pick(rate(c.framework_spend, c.framework_hours), lot.framework),
      spot: pick(rate(c.spot_spend, c.spot_hours), lot.spot),
      in_house: pick(rate(c.in_house_spend, c.in_house_hours), lot.in_house)
    });
  }
  return rates;
}

/**
 * The key of a Lot × area in `capacityAdded`.
 *
 * @example
 * cellKey("LOT2", "NORTH"); // "LOT2|NORTH"
 */
export function cellKey(lot: string, area: string): string {
  return `${lot}|${area}`;
}

function check(inputs: ScenarioInputs): void {
  const finite = (name: string, v: number, lo: number, hi: number) => {
    if (typeof v !== "number" || !Number.isFinite(v) || v < lo || v > hi)
      throw new Error(`invalid ${name}: ${String(v)}`);
  };
  if (!Number.isInteger(inputs.years) || inputs.years < 1 || inputs.years > 10)
    throw new Error(`invalid years: ${inputs.years}`);
  finite("demandGrowth", inputs.demandGrowth, -0.5, 1);
  finite("conversion", inputs.conversion, 0, 1);
  finite("inflation", inputs.inflation, -0.5, 1);
  finite("budgetGrowth", inputs.budgetGrowth, -0.5, 1);
  finite("spotShift", inputs.spotShift, 0, 1);
  for (const [key, v] of Object.entries(inputs.capacityAdded)) finite(`capacityAdded ${key}`, v, -1e6, 1e6);
}

/**
 * Projects demand, capacity gap and spend against budget for each year after the baseline.
 *
 * @example
 * project(baseline, {years: 5, demandGrowth: 0.04, conversion: 0.56, inflation: 0.03, budgetGrowth: 0, spotShift: 0.5, capacityAdded: {"LOT2|NORTH": 20}});
 */
export function project(baseline: Baseline, inputs: ScenarioInputs): Projection {
  check(inputs);
  const rates = baselineRates(baseline);
  const statutory = new Map(baseline.lots.map((l) => [l.lot_code, l.statutory]));
  const baseConversion = baseline.ehcpRequests > 0 ? baseline.ehcpPlans / baseline.ehcpRequests : NaN;
  const conversionFactor =
    Number.isFinite(baseConversion) && baseConversion > 0 ? inputs.conversion / baseConversion : 1;
  const cells: ProjectedCell[] = [];
  const plans: Projection["plans"] = [];
  for (let year = 1; year <= inputs.years; year++) {
    const fy = addYears(baseline.baselineYear, year);
    const growth = (1 + inputs.demandGrowth) ** year;
    const price = (1 + inputs.inflation) ** year;
    const requests = baseline.ehcpRequests * growth;
    plans.push({financial_year: fy, year, requests, plans: requests * inputs.conversion});
    for (const c of baseline.cells) {
      const factor = growth * (statutory.get(c.lot_code) ? conversionFactor : 1);
      const eligible0 = c.framework_hours + c.spot_hours;
      const share0 = eligible0 > 0 ? c.framework_hours / eligible0 : 1;
      const share = share0 + inputs.spotShift * (1 - share0);
      const eligible = eligible0 * factor;
      const inHouse = c.in_house_hours * factor;
      const wanted = eligible * share;
      const capacity = Math.max(0, c.capacity_hours + (inputs.capacityAdded[cellKey(c.lot_code, c.area_code)] ?? 0));
      const framework = Math.min(wanted, capacity);
      const spot = eligible - framework;
      const r = rates.get(cellKey(c.lot_code, c.area_code))!;
      const framework_spend = framework * r.framework * price * WEEKS_PER_YEAR;
      const spot_spend = spot * r.spot * price * WEEKS_PER_YEAR;
      const in_house_spend = inHouse * r.in_house * price * WEEKS_PER_YEAR;
      cells.push({
        financial_year: fy,
        year,
        lot_code: c.lot_code,
        area_code: c.area_code,
        demand_hours: eligible + inHouse,
        framework_wanted: wanted,
        capacity_hours: capacity,
        framework_hours: framework,
        spot_hours: spot,
        in_house_hours: inHouse,
        capacity_gap: wanted - capacity,
        framework_spend,
        spot_spend,
        in_house_spend,
        spend: framework_spend + spot_spend + in_house_spend
      });
    }
  }
  return {inputs, plans, cells, lots: lotYears(baseline, cells, inputs)};
}

/** The budget of a Lot in a year: `budgets.csv`'s if set, else its last set budget grown by `budgetGrowth`. */
export function budgetFor(baseline: Baseline, lot: string, fy: string, budgetGrowth: number): number {
  const set = baseline.budgets.filter((b) => b.lot_code === lot && b.financial_year <= fy);
  if (set.length === 0) return NaN;
  const last = set.reduce((a, b) => (b.financial_year > a.financial_year ? b : a));
  const gap = Number(fy.slice(0, 4)) - Number(last.financial_year.slice(0, 4));
  return last.budget * (1 + budgetGrowth) ** gap;
}

function lotYears(baseline: Baseline, cells: ProjectedCell[], inputs: ScenarioInputs): ProjectedLotYear[] {
  const out: ProjectedLotYear[] = [];
  for (let year = 1; year <= inputs.years; year++) {
    const fy = addYears(baseline.baselineYear, year);
    const yearCells = cells.filter((c) => c.year === year);
    const rows = baseline.lots.map((lot) => {
      const mine = yearCells.filter((c) => c.lot_code === lot.lot_code);
      const sum = (key: keyof ProjectedCell) => mine.reduce((s, c) => s + (c[key] as number), 0);
      const spend = sum("spend");
      const budget = budgetFor(baseline, lot.lot_code, fy, inputs.budgetGrowth);
      return {
        financial_year: fy,
        year,
        lot_code: lot.lot_code,
        demand_hours: sum("demand_hours"),
        capacity_gap: mine.reduce((s, c) => s + Math.max(0, c.capacity_gap), 0),
        framework_spend: sum("framework_spend"),
        spot_spend: sum("spot_spend"),
        in_house_spend: sum("in_house_spend"),
        spend,
        budget,
        variance: spend - budget
      };
    });
    const total = (key: keyof ProjectedLotYear) => rows.reduce((s, r) => s + (r[key] as number), 0);
    out.push(...rows, {
      financial_year: fy,
      year,
      lot_code: "ALL",
      demand_hours: total("demand_hours"),
      capacity_gap: total("capacity_gap"),
      framework_spend: total("framework_spend"),
      spot_spend: total("spot_spend"),
      in_house_spend: total("in_house_spend"),
      spend: total("spend"),
      budget: total("budget"),
      variance: total("variance")
    });
  }
  return out;
}
