import {describe, expect, test} from "vitest";
import {budgetChart, summariseBudget} from "../../../src/components/charts/spend/budget.js";
import {providerCostChart, summariseProviderCost} from "../../../src/components/charts/spend/provider-cost.js";
import {
  spendHeadline,
  spendOverTimeChart,
  summariseSpendOverTime
} from "../../../src/components/charts/spend/spend-over-time.js";
import {spotPremiumChart, summariseSpotPremium} from "../../../src/components/charts/spend/spot-premium.js";
import {
  budgetLines,
  filterSpend,
  groupOf,
  providerCosts,
  spendSeries,
  spotPremium,
  type SpendMonthRow,
  type SpendProviderRow
} from "../../../src/components/spend/measures.js";
import {createDocument, expectSnapshot} from "../../support/snapshot.js";

const row = (partial: Partial<SpendMonthRow>): SpendMonthRow => ({
  month: "2024-04",
  financial_year: "2024-25",
  lot_code: "LOT2",
  lot_name: "Home care",
  statutory: true,
  area_code: "NORTH",
  area_name: "North",
  route: "framework",
  funder: "council",
  spend_gbp: 0,
  hours: 0,
  committed_gbp: 0,
  committed_hours: 0,
  ...partial
});

const rows: SpendMonthRow[] = [
  row({spend_gbp: 2000, hours: 100}), // framework £20/h
  row({route: "spot_purchase", spend_gbp: 1200, hours: 50}), // spot £24/h, same Lot/area/year
  row({
    month: "2024-05",
    area_code: "SOUTH",
    area_name: "South",
    route: "spot_purchase",
    funder: "health",
    spend_gbp: 500,
    hours: 20
  }),
  row({month: "2024-05", lot_code: "LOT1", lot_name: "Lifeskills", statutory: false, spend_gbp: 300, hours: 15}),
  row({month: "2025-11", financial_year: "2025-26", spend_gbp: 400, hours: 20}),
  row({month: "2025-12", financial_year: "2025-26", committed_gbp: 650, committed_hours: 30}),
  row({month: "2025-11", financial_year: "2025-26", route: "direct_payment", spend_gbp: 100, hours: 8})
];
const budgets = [
  {financial_year: "2024-25", lot_code: "LOT1", lot_name: "Lifeskills", budget_gbp: 1000},
  {financial_year: "2024-25", lot_code: "LOT2", lot_name: "Home care", budget_gbp: 5000},
  {financial_year: "2024-25", lot_code: "LOT3", lot_name: "Sitting", budget_gbp: 800},
  {financial_year: "2025-26", lot_code: "LOT2", lot_name: "Home care", budget_gbp: 1000}
];
const all = {financialYear: "ALL", area: "ALL", lot: "ALL", funder: "ALL"};

describe("filters and breakdowns", () => {
  test("filter by year, area, Lot and funder", () => {
    expect(filterSpend(rows, {...all, financialYear: "2024-25"})).toHaveLength(4);
    expect(filterSpend(rows, {...all, funder: "health"})).toHaveLength(1);
    expect(filterSpend(rows, {...all, financialYear: "2024-25", lot: "LOT1"}, {ignoreYear: true})).toHaveLength(1);
    expect(groupOf(rows[1], "route")).toBe("Spot purchase");
    expect(groupOf(rows[2], "funder")).toBe("Health");
    expect(groupOf(rows[3], "lot")).toBe("Lot 1: Lifeskills");
  });

  test("spend per year by route and per month by Lot", () => {
    const yearly = spendSeries(filterSpend(rows, {...all, financialYear: "2024-25"}), "financial_year", "route");
    // framework 2,000 + 300 = 2,300; spot 1,200 + 500 = 1,700
    expect(yearly.map((p) => [p.group, p.spend_gbp])).toEqual([
      ["Framework", 2300],
      ["Spot purchase", 1700]
    ]);
    const monthly = spendSeries(filterSpend(rows, {...all, financialYear: "2024-25"}), "month", "lot");
    expect(monthly.map((p) => [p.period, p.group, p.spend_gbp])).toEqual([
      ["2024-04", "Lot 2: Home care", 3200],
      ["2024-05", "Lot 1: Lifeskills", 300],
      ["2024-05", "Lot 2: Home care", 500]
    ]);
  });
});

describe("budget against actual against committed", () => {
  test("counts commissioned care only (no direct payments) and keeps Lots without spend", () => {
    const lines = budgetLines(rows, budgets, "2024-25");
    // Lot 2: 2,000 + 1,200 + 500 = 3,700 of 5,000 → 1,300 headroom; Lot 1: 300 of 1,000; Lot 3: nothing spent
    expect(lines.map((l) => [l.lot_code, l.actual_gbp, l.variance_gbp])).toEqual([
      ["LOT1", 300, 700],
      ["LOT2", 3700, 1300],
      ["LOT3", 0, 800]
    ]);
    const current = budgetLines(rows, budgets, "2025-26");
    // 400 actual (the £100 direct payment left out) + 650 committed = 1,050 against 1,000 → £50 over
    expect(current).toEqual([
      {
        financial_year: "2025-26",
        lot_code: "LOT2",
        lot_name: "Home care",
        budget_gbp: 1000,
        actual_gbp: 400,
        committed_gbp: 650,
        forecast_gbp: 1050,
        variance_gbp: -50
      }
    ]);
    expect(summariseBudget(current)).toBe(
      "In 2025-26 £400 has been spent and £650 is committed: 105% of the £1,000 budget; Lot 2: Home care is forecast £50 over its budget."
    );
  });

  test("a Lot with spend but no budget is flagged, not given a zero budget", () => {
    const lines = budgetLines(rows, [], "2024-25");
    expect(lines.every((l) => l.budget_gbp === null && l.variance_gbp === null)).toBe(true);
    expect(summariseBudget(lines)).toContain("has spend but no budget");
  });
});

describe("spot-purchase premium", () => {
  test("prices spot hours at the framework rate of the same Lot, area and year", () => {
    const lines = spotPremium(rows);
    const lot2 = lines.find((l) => l.financial_year === "2024-25" && l.lot_code === "LOT2");
    // North: 50 spot hours at £24 = £1,200 against 50 × £20 = £1,000 → +20%, £200 extra.
    // South: 20 spot hours, no framework hours there → left out of the comparison, counted as unmatched
    expect(lot2).toMatchObject({
      spot_hours: 50,
      spot_gbp: 1200,
      at_framework_gbp: 1000,
      extra_gbp: 200,
      unmatched_spot_hours: 20
    });
    expect(lot2?.premium).toBeCloseTo(0.2, 12);
    expect(lines.find((l) => l.lot_code === "ALL" && l.financial_year === "2024-25")?.premium).toBeCloseTo(0.2, 12);
    expect(summariseSpotPremium(lines, "2024-25")).toBe(
      "In 2024-25 spot-purchased hours cost 20% more than the same hours at framework rates (£200 extra over 50 hours)."
    );
    expect(summariseSpotPremium([], "2024-25")).toBe(
      "No spot-purchased hours can be compared with framework hours for these filters."
    );
  });
});

const providerRow = (partial: Partial<SpendProviderRow>): SpendProviderRow => ({
  financial_year: "2024-25",
  lot_code: "LOT2",
  lot_name: "Home care",
  provider_id: "ALL",
  provider_name: "All providers",
  routes: "framework",
  area_code: "ALL",
  funder: "ALL",
  spend_gbp: 1600,
  hours: 70,
  packages: 6,
  children: 5,
  ...partial
});
const providerRows = [
  providerRow({}),
  providerRow({provider_id: "P001", provider_name: "Alpha Care", spend_gbp: 1000, hours: 50, children: 4}),
  providerRow({provider_id: "P002", provider_name: "Beta Care", spend_gbp: 600, hours: 20, children: 1}),
  providerRow({
    provider_id: "P002",
    provider_name: "Beta Care",
    area_code: "NORTH",
    spend_gbp: 600,
    hours: 20,
    children: 1
  })
];

describe("cost per hour and per child", () => {
  test("divides spend by hours and by distinct children", () => {
    const costs = providerCosts(providerRows, {...all, financialYear: "2024-25"});
    // Lot: 1,600 / 70 = 22.857 per hour, 1,600 / 5 = 320 per child; Alpha 1,000 / 50 = 20, / 4 = 250; Beta 30, 600
    expect(costs.map((c) => [c.provider_name, c.cost_per_hour, c.cost_per_child])).toEqual([
      ["All providers", 1600 / 70, 320],
      ["Alpha Care", 20, 250],
      ["Beta Care", 30, 600]
    ]);
    expect(summariseProviderCost(costs, "hour")).toBe(
      "Cost per hour: Lot 2 £22.86; highest Beta Care (Lot 2) £30.00, lowest Alpha Care (Lot 2) £20.00."
    );
    expect(summariseProviderCost(costs, "child")).toBe(
      "Cost per child: Lot 2 £320; highest Beta Care (Lot 2) £600, lowest Alpha Care (Lot 2) £250."
    );
    expect(providerCosts(providerRows, {...all, financialYear: "2024-25", area: "NORTH"})).toHaveLength(1);
  });
});

describe("spend charts", () => {
  test("spend over time: summary, headline and snapshots", async () => {
    const yearly = spendSeries(rows, "financial_year", "route");
    // 2024-25: 4,000 (framework 2,300 = 57.5% → 58%); 2025-26: 400 + 100 = 500 spent, 650 committed
    expect(
      summariseSpendOverTime(
        spendSeries(filterSpend(rows, {...all, financialYear: "2024-25"}), "financial_year", "route"),
        "financial_year"
      )
    ).toBe("£4,000 was spent in 2024-25; Framework accounts for 58%; the highest year was 2024-25 with £4,000.");
    // 500 / 4,000 − 1 = −87.5% → "fell 88%"
    expect(spendHeadline(yearly, "financial_year", ["2024-25", "2025-26"])).toBe(
      "Spend fell 88% from 2024-25 to 2025-26"
    );
    expect(spendHeadline(yearly, "financial_year", [])).toBe(
      "£4,500 spent from 2024-25 to 2025-26; £650 more committed"
    );
    const chart = spendOverTimeChart(yearly, {
      width: 640,
      period: "financial_year",
      breakdown: "route",
      completePeriods: ["2024-25"],
      document: createDocument()
    });
    expect(chart.querySelector("h2")?.textContent).toBe("£4,500 spent from 2024-25 to 2025-26; £650 more committed");
    await expectSnapshot(chart, "spend-yearly.svg");
    const monthly = spendOverTimeChart(spendSeries(rows, "month", "lot"), {
      width: 640,
      period: "month",
      breakdown: "Lot",
      completePeriods: [],
      committedTo: "31 March 2026",
      document: createDocument()
    });
    expect(monthly.querySelector(":scope > svg")?.getAttribute("aria-description")).toContain("£650 more is committed");
    await expectSnapshot(monthly, "spend-monthly.svg");
  });

  test("budget, cost and premium charts", async () => {
    const budget = budgetChart(budgetLines(rows, budgets, "2025-26"), {width: 640, document: createDocument()});
    expect(budget.querySelector("h2")?.textContent).toBe(
      "2025-26: £1,050 spent or committed, 105% of the £1,000 budget"
    );
    await expectSnapshot(budget, "spend-budget.svg");
    const costs = providerCosts(providerRows, {...all, financialYear: "2024-25"});
    const cost = providerCostChart(costs, {
      width: 640,
      measure: "hour",
      financialYear: "2024-25",
      document: createDocument()
    });
    expect(cost.querySelector("h2")?.textContent).toBe("Lot 2: £22.86 per hour");
    await expectSnapshot(cost, "spend-cost-per-hour.svg");
    const premium = spotPremiumChart(spotPremium(rows), {
      width: 640,
      financialYear: "2024-25",
      document: createDocument()
    });
    expect(premium.querySelector("h2")?.textContent).toBe(
      "Spot purchase cost 20% more per hour than the framework in 2024-25"
    );
    await expectSnapshot(premium, "spend-spot-premium.svg");
  });

  test("do not mutate their input", () => {
    const copy = structuredClone(rows);
    spendOverTimeChart(spendSeries(rows, "month", "lot"), {
      period: "month",
      breakdown: "Lot",
      completePeriods: [],
      document: createDocument()
    });
    spotPremium(rows);
    budgetLines(rows, budgets, "2024-25");
    expect(rows).toEqual(copy);
  });
});
