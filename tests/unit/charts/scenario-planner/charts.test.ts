import {describe, expect, test} from "vitest";
import {
  capacityGapChart,
  capacityGapHeadline,
  summariseCapacityGap,
  type CapacityGapRow
} from "../../../../src/components/charts/scenario-planner/capacity-gap.js";
import {
  differenceChart,
  differenceHeadline,
  summariseDifference
} from "../../../../src/components/charts/scenario-planner/difference.js";
import {
  spendVsBudgetChart,
  spendVsBudgetHeadline,
  summariseSpendVsBudget,
  type SpendBudgetRow
} from "../../../../src/components/charts/scenario-planner/spend-vs-budget.js";
import type {ScenarioDifference} from "../../../../src/components/scenario/index.js";
import {createDocument, expectSnapshot} from "../../../support/snapshot.js";

const spend: SpendBudgetRow[] = [
  {scenario: "A", financial_year: "2024-25", kind: "actual", spend: 990_000, budget: 950_000},
  {scenario: "A", financial_year: "2025-26", kind: "projected", spend: 1_050_000, budget: 987_500},
  {scenario: "A", financial_year: "2026-27", kind: "projected", spend: 1_120_000, budget: 987_500},
  {scenario: "B", financial_year: "2024-25", kind: "actual", spend: 990_000, budget: 950_000},
  {scenario: "B", financial_year: "2025-26", kind: "projected", spend: 1_000_000, budget: 987_500},
  {scenario: "B", financial_year: "2026-27", kind: "projected", spend: 950_000, budget: 987_500}
];

const gaps: CapacityGapRow[] = [
  {
    scenario: "A",
    financial_year: "2029-30",
    lot_code: "LOT2",
    lot_name: "Community care",
    area_name: "East",
    gap: 12.4
  },
  {scenario: "A", financial_year: "2029-30", lot_code: "LOT2", lot_name: "Community care", area_name: "North", gap: -5},
  {scenario: "A", financial_year: "2029-30", lot_code: "LOT4", lot_name: "Complex care", area_name: "East", gap: 30.2},
  {scenario: "B", financial_year: "2029-30", lot_code: "LOT2", lot_name: "Community care", area_name: "East", gap: -2},
  {scenario: "B", financial_year: "2029-30", lot_code: "LOT2", lot_name: "Community care", area_name: "North", gap: -9},
  {scenario: "B", financial_year: "2029-30", lot_code: "LOT4", lot_name: "Complex care", area_name: "East", gap: 10}
];

const diffs: ScenarioDifference[] = [
  {financial_year: "2025-26", route: "framework", difference: 40_000},
  {financial_year: "2025-26", route: "spot purchase", difference: -60_000},
  {financial_year: "2025-26", route: "in-house", difference: 0},
  {financial_year: "2026-27", route: "framework", difference: 45_000},
  {financial_year: "2026-27", route: "spot purchase", difference: -70_000},
  {financial_year: "2026-27", route: "in-house", difference: 1_000}
];

describe("spendVsBudgetChart", () => {
  test("states where each scenario ends against budget", () => {
    // A: 1,120,000 − 987,500 = 132,500 over; B: 950,000 − 987,500 = 37,500 under
    expect(spendVsBudgetHeadline(spend)).toBe(
      "By 2026-27, scenario A is £132,500 over budget and scenario B £37,500 under budget"
    );
    expect(summariseSpendVsBudget(spend)).toBe(
      "Commissioned spend was £990,000 in 2024-25 against a budget of £950,000; by 2026-27 it is projected at scenario A £1.1m against a budget of £987,500, and scenario B £950,000 against a budget of £987,500."
    );
    expect(summariseSpendVsBudget([])).toBe("No projection of commissioned spend.");
  });

  test("draws both scenarios, the budget and direct labels", async () => {
    const figure = spendVsBudgetChart(spend, {width: 640, document: createDocument()});
    expect(figure.querySelector("h2")?.textContent).toBe(spendVsBudgetHeadline(spend));
    const labels = [...figure.querySelectorAll("text")].map((t) => t.textContent);
    expect(labels).toEqual(expect.arrayContaining(["Scenario A", "Scenario B", "Budget"]));
    await expectSnapshot(figure, "scenario-spend-vs-budget.svg");
  });
});

describe("capacityGapChart", () => {
  test("totals the shortfalls and names the largest gap", () => {
    // A: 12.4 + 30.2 = 42.6 → 43 hours; B: 10 hours; largest: Complex care, East in A (30.2 → 30)
    expect(capacityGapHeadline(gaps)).toBe(
      "In 2029-30 the framework is short by 43 hours a week in scenario A and 10 hours a week in B"
    );
    expect(summariseCapacityGap(gaps)).toBe(
      "In 2029-30 the framework is short by 43 hours a week in scenario A and 10 hours a week in B; the largest gap is Complex care, East, in scenario A, 30 hours a week more than framework capacity."
    );
    const spare = gaps.map((g) => ({...g, gap: -Math.abs(g.gap)}));
    expect(capacityGapHeadline(spare)).toBe(
      "In 2029-30 the framework has capacity to spare in every Lot and area in both scenarios"
    );
  });

  test("draws a circle and a triangle per Lot × area", async () => {
    const figure = capacityGapChart(gaps, {width: 640, document: createDocument()});
    expect(figure.querySelectorAll("svg:last-of-type path").length).toBeGreaterThanOrEqual(6);
    const ticks = [...figure.querySelectorAll("text")].map((t) => t.textContent);
    expect(ticks).toEqual(expect.arrayContaining(["LOT2 · East", "LOT4 · East"]));
    await expectSnapshot(figure, "scenario-capacity-gap.svg");
  });
});

describe("differenceChart", () => {
  test("states the net difference and its main route", () => {
    // net: (40,000 − 60,000) + (45,000 − 70,000 + 1,000) = −44,000; spot −130,000 dominates
    expect(differenceHeadline(diffs)).toBe(
      "Scenario B costs £44,000 less than A over 2 years, mostly less spot purchase"
    );
    expect(summariseDifference(diffs)).toBe(
      "Scenario B costs £44,000 less than A over 2 years, mostly less spot purchase (framework +£85,000, spot purchase −£130,000, in-house +£1,000)."
    );
    expect(differenceHeadline(diffs.map((d) => ({...d, difference: 0})))).toBe("Scenarios A and B cost the same");
  });

  test("draws diverging bars with the net difference labelled", async () => {
    const figure = differenceChart(diffs, {width: 640, document: createDocument()});
    const labels = [...figure.querySelectorAll("text")].map((t) => t.textContent);
    expect(labels).toEqual(expect.arrayContaining(["−£20,000", "−£24,000"]));
    await expectSnapshot(figure, "scenario-difference.svg");
  });
});
