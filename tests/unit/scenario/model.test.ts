import {describe, expect, test} from "vitest";
import {
  addYears,
  baselineRates,
  budgetFor,
  decodeScenario,
  defaultInputs,
  differences,
  encodeScenario,
  project,
  type Baseline,
  type ScenarioInputs
} from "../../../src/components/scenario/index.js";

const W = 365.25 / 7;

/** A 364-day baseline year (52 weeks exactly), so the rates are whole pounds: L2 framework £20, spot £25; L1 £16. */
const baseline: Baseline = {
  baselineYear: "2024-25",
  yearDays: 364,
  ehcpRequests: 100,
  ehcpPlans: 50,
  lots: [
    {lot_code: "L1", lot_name: "Open access", statutory: false},
    {lot_code: "L2", lot_name: "Statutory care", statutory: true}
  ],
  areas: [{area_code: "A", area_name: "Area A"}],
  cells: [
    {
      lot_code: "L1",
      area_code: "A",
      framework_hours: 5,
      spot_hours: 0,
      in_house_hours: 0,
      framework_spend: 5 * 16 * 52,
      spot_spend: 0,
      in_house_spend: 0,
      capacity_hours: 8
    },
    {
      lot_code: "L2",
      area_code: "A",
      framework_hours: 10,
      spot_hours: 10,
      in_house_hours: 0,
      framework_spend: 10 * 20 * 52,
      spot_spend: 10 * 25 * 52,
      in_house_spend: 0,
      capacity_hours: 12
    }
  ],
  budgets: [
    {financial_year: "2024-25", lot_code: "L1", budget: 5000},
    {financial_year: "2024-25", lot_code: "L2", budget: 20000},
    {financial_year: "2025-26", lot_code: "L1", budget: 5000},
    {financial_year: "2025-26", lot_code: "L2", budget: 21000}
  ]
};

const inputs: ScenarioInputs = {
  years: 3,
  demandGrowth: 0.1,
  conversion: 0.6,
  inflation: 0.05,
  budgetGrowth: 0.02,
  spotShift: 0.5,
  capacityAdded: {"L2|A": 3}
};

const close = (actual: number, expected: number) => expect(actual).toBeCloseTo(expected, 6);

describe("project", () => {
  const p = project(baseline, inputs);
  const cell = (year: number, lot: string) => p.cells.find((c) => c.year === year && c.lot_code === lot)!;
  const lot = (year: number, code: string) => p.lots.find((l) => l.year === year && l.lot_code === code)!;

  test("year 1, statutory Lot: growth × conversion, shift from spot up to capacity, spot premium", () => {
    // demand factor 1.1 × (0.6 / 0.5) = 1.32; eligible 20 × 1.32 = 26.4 hours a week
    // framework share 0.5 → 0.5 + 0.5 × 0.5 = 0.75: wanted 19.8; capacity 12 + 3 = 15; spot 26.4 − 15 = 11.4
    const c = cell(1, "L2");
    expect(c.financial_year).toBe("2025-26");
    close(c.demand_hours, 26.4);
    close(c.framework_wanted, 19.8);
    close(c.capacity_hours, 15);
    close(c.framework_hours, 15);
    close(c.spot_hours, 11.4);
    close(c.capacity_gap, 4.8);
    // £20 × 1.05 × 15 h and £25 × 1.05 × 11.4 h, a week, × 52.18 weeks
    close(c.framework_spend, 315 * W); // £16,436.25
    close(c.spot_spend, 299.25 * W); // £15,614.44
    close(c.spend, 16436.25 + 15614.4375);
  });

  test("year 1, open-access Lot: growth only, spare capacity", () => {
    const c = cell(1, "L1");
    close(c.demand_hours, 5.5);
    close(c.framework_hours, 5.5);
    close(c.spot_hours, 0);
    close(c.capacity_gap, -2.5);
    close(c.spend, 5.5 * 16 * 1.05 * W); // £4,821.30
  });

  test("year 3: compounding growth and inflation, budget grown from the last one set", () => {
    // factor 1.1³ × 1.2 = 1.5972; eligible 31.944, wanted 23.958, framework 15, spot 16.944; price 1.05³ = 1.157625
    const c = cell(3, "L2");
    close(c.spot_hours, 16.944);
    close(c.capacity_gap, 8.958);
    close(c.spend, (15 * 20 + 16.944 * 25) * 1.157625 * W);
    const l2 = lot(3, "L2");
    close(l2.budget, 21000 * 1.02 ** 2); // 2025-26 budget set, then +2% a year: £21,848.40
    close(l2.variance, l2.spend - 21848.4);
    expect(l2.financial_year).toBe("2027-28");
  });

  test("totals over Lots, against the summed budget; the positive gaps only", () => {
    const all = lot(1, "ALL");
    close(all.spend, 16436.25 + 15614.4375 + 4821.3);
    close(all.budget, 26000);
    close(all.variance, 16436.25 + 15614.4375 + 4821.3 - 26000);
    close(all.capacity_gap, 4.8); // L1's spare 2.5 hours do not offset L2's shortfall
    expect(p.plans[0]).toEqual({financial_year: "2025-26", year: 1, requests: 110.00000000000001, plans: 66});
  });

  test("a Lot with no spot purchase takes the county's spot premium when it overflows", () => {
    // county premium = £25 ÷ (£14,560 ÷ 780 hours) = 25 ÷ 18.667 = 1.3393; L1 spot rate 16 × 1.3393 = £21.43
    const rates = baselineRates(baseline);
    close(rates.get("L1|A")!.spot, 16 * (25 / (14560 / 780)));
    const squeezed = project(baseline, {...inputs, capacityAdded: {"L1|A": -6}});
    const c = squeezed.cells.find((x) => x.year === 1 && x.lot_code === "L1")!;
    close(c.framework_hours, 2);
    close(c.spot_hours, 3.5);
    close(c.spot_spend, 3.5 * 16 * (25 / (14560 / 780)) * 1.05 * W);
  });

  test("the default scenario repeats the baseline year (at 365.25 days)", () => {
    const flat = project(baseline, defaultInputs(baseline));
    const c = flat.cells.find((x) => x.year === 5 && x.lot_code === "L2")!;
    close(c.framework_hours, 10);
    close(c.spot_hours, 10);
    close(c.spend, (10 * 20 + 10 * 25) * W);
    expect(flat.lots.filter((l) => l.lot_code === "ALL")).toHaveLength(5);
  });

  test("rejects impossible inputs and does not mutate them", () => {
    expect(() => project(baseline, {...inputs, spotShift: 1.5})).toThrow("invalid spotShift");
    expect(() => project(baseline, {...inputs, years: 0})).toThrow("invalid years");
    const copy = structuredClone(inputs);
    project(baseline, inputs);
    expect(inputs).toEqual(copy);
  });
});

describe("budgets and years", () => {
  test("budgetFor and addYears", () => {
    expect(budgetFor(baseline, "L1", "2024-25", 0.1)).toBe(5000);
    expect(budgetFor(baseline, "L1", "2026-27", 0.1)).toBeCloseTo(5500, 9);
    expect(budgetFor(baseline, "L9", "2026-27", 0.1)).toBeNaN();
    expect(addYears("2024-25", 5)).toBe("2029-30");
    expect(addYears("2098-99", 1)).toBe("2099-00");
  });
});

describe("differences", () => {
  test("B minus A by route each year", () => {
    const a = project(baseline, inputs);
    const b = project(baseline, {...inputs, capacityAdded: {"L2|A": 10}});
    const d = differences(a, b);
    expect(d).toHaveLength(9);
    // year 1: capacity 22 ≥ wanted 19.8, so B moves 4.8 hours from spot (£26.25) to framework (£21)
    close(d[0].difference, 4.8 * 21 * W);
    close(d[1].difference, -4.8 * 26.25 * W);
    expect(d[2]).toEqual({financial_year: "2025-26", route: "in-house", difference: 0});
  });
});

describe("scenarios in the URL", () => {
  test("round-trips every input", () => {
    const text = encodeScenario(inputs);
    expect(text).toBe("y3~g10~c60~i5~b2~s50~k.L2.A.3");
    expect(decodeScenario(text, defaultInputs(baseline))).toEqual(inputs);
  });

  test("keeps the defaults for missing or malformed parts", () => {
    const defaults = defaultInputs(baseline);
    expect(decodeScenario(null, defaults)).toEqual(defaults);
    expect(decodeScenario("y9~gx~s250~k.L2", defaults)).toEqual({...defaults, spotShift: 1, capacityAdded: {}});
    expect(decodeScenario("g-2.5", defaults).demandGrowth).toBeCloseTo(-0.025, 12);
  });
});
