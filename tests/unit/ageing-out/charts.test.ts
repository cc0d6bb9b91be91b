import {describe, expect, test} from "vitest";
import type {LeaversRow, PopulationRow} from "../../../src/components/ageing-out/types.js";
import {
  defaultTransitionRate,
  summariseTransitions,
  transitionRows
} from "../../../src/components/ageing-out/transitions.js";
import {leaversChart, leaversTitle, summariseLeavers} from "../../../src/components/charts/ageing-out/leavers.js";
import {
  populationChart,
  populationTitle,
  summarisePopulation
} from "../../../src/components/charts/ageing-out/population.js";
import {releasedChart, releasedTitle, summariseReleased} from "../../../src/components/charts/ageing-out/released.js";
import {createDocument, expectSnapshot} from "../../support/snapshot.js";

const row = (
  period: string,
  start: string,
  lot: string,
  children: number,
  statutory: number,
  hours: number,
  weekly: number
): LeaversRow => ({
  period,
  period_start: start,
  first_month: start,
  last_month: start,
  lot_code: lot.replace(" ", "").toUpperCase(),
  lot_name: lot,
  children,
  multi_lot_children: 0,
  packages: children,
  hours_per_week: hours,
  weekly_cost: weekly,
  annual_cost: Math.round((weekly * 365.25) / 7),
  nights_per_month: null,
  statutory_children: statutory
});

const leavers: LeaversRow[] = [
  row("Year 1", "2025-12", "Lot 1", 4, 0, 10, 200),
  row("Year 1", "2025-12", "Lot 2", 16, 16, 120, 2000),
  row("Year 2", "2026-12", "Lot 2", 11, 11, 60, 1000),
  row("Year 2", "2026-12", "Lot 4", 4, 4, 30, 800)
];

const population: PopulationRow[] = [0, 1, 2].map((year) => ({
  year,
  as_at_month: `${2025 + year}-11`,
  current_not_aged_out: 300 - 20 * year,
  current_aged_out: 20 * year,
  current_still_supported: 300 / (1 + year),
  new_entrants_supported: year === 0 ? 0 : 150 + 20 * year,
  projected: year === 0 ? 300 : 300 / (1 + year) + 150 + 20 * year,
  lower_80: year === 0 ? 300 : 250,
  upper_80: year === 0 ? 300 : 400,
  lower_95: year === 0 ? 300 : 200,
  upper_95: year === 0 ? 300 : 450,
  entrants_per_year: 200,
  dispersion: 2
}));

describe("summaries (hand-calculated)", () => {
  test("leavers", () => {
    // 4 + 16 + 11 + 4 = 35; Year 1 has 20, Year 2 has 15; Lot 2 has 16 + 11 = 27
    expect(summariseLeavers(leavers, "year")).toBe(
      "35 young people turn 18 in the 2 years shown (Year 1 to Year 2); the most in one year is 20, in Year 1."
    );
    expect(leaversTitle(leavers)).toBe(
      "35 young people turn 18 and leave children's services; 27 of them mainly on Lot 2"
    );
    expect(summariseLeavers([], "year")).toBe("No currently supported child turns 18 in the period shown.");
  });

  test("released", () => {
    // annual: round(200 × 365.25 / 7) = 10,436; 2,000 → 104,357; 1,000 → 52,179; 800 → 41,743
    // Year 1 = 114,793, Year 2 = 93,922, total 208,715; hours 10 + 120 + 60 + 30 = 220
    expect(summariseReleased(leavers, "year")).toBe(
      "Packages worth £208,715 a year (220 hours a week) end as young people turn 18 over the 2 years shown; the most, £114,793, in Year 1."
    );
    expect(releasedTitle(leavers)).toBe("£208,715 a year of packages ends when these young people turn 18");
  });

  test("population", () => {
    // year 2: 300 / 3 + 150 + 40 = 290 → stays within 5% of 300
    expect(summarisePopulation(population)).toBe(
      "300 children are supported in November 2025; by November 2027 the projection is 290 (95% interval 200 to 450), of whom 100 are children supported today."
    );
    expect(populationTitle(population)).toBe("The supported population is projected to stay near 300 by November 2027");
    const falling = population.map((r) => (r.year === 2 ? {...r, projected: 200} : r));
    expect(populationTitle(falling)).toBe(
      "The supported population is projected to fall from 300 to 200 by November 2027"
    );
  });

  test("transitions", () => {
    // statutory 0 + 16 + 11 + 4 = 31 of 35
    expect(defaultTransitionRate(leavers)).toBeCloseTo(31 / 35, 12);
    const rows = transitionRows(leavers, 0.5);
    expect(rows.map((r) => [r.period, r.children, r.statutory_children, r.expected_transitions])).toEqual([
      ["Year 1", 20, 16, 10],
      ["Year 2", 15, 15, 7.5]
    ]);
    expect(summariseTransitions(rows, 0.5)).toBe(
      "At a 50% transition rate, 18 of the 35 young people turning 18 are expected to move to adult services."
    );
    expect(() => transitionRows(leavers, 1.5)).toThrow(/transition rate/);
  });
});

describe("charts", () => {
  test("leavers chart", async () => {
    const figure = leaversChart(leavers, {width: 640, periodName: "year", document: createDocument()});
    expect(figure.querySelector("h2")?.textContent).toBe(leaversTitle(leavers));
    expect(figure.innerHTML).toContain(summariseLeavers(leavers, "year"));
    await expectSnapshot(figure, "ageing-out-leavers.svg");
  });

  test("released chart", async () => {
    const figure = releasedChart(leavers, {width: 640, periodName: "year", document: createDocument()});
    expect(figure.querySelector("h2")?.textContent).toBe(releasedTitle(leavers));
    await expectSnapshot(figure, "ageing-out-released.svg");
  });

  test("population chart", async () => {
    const figure = populationChart(population, {width: 640, document: createDocument()});
    expect(figure.querySelector("h2")?.textContent).toBe(populationTitle(population));
    expect(figure.innerHTML).toContain(summarisePopulation(population));
    await expectSnapshot(figure, "ageing-out-population.svg");
  });

  test("charts do not mutate their input", () => {
    const copy = structuredClone(leavers);
    leaversChart(leavers, {document: createDocument()});
    releasedChart(leavers, {document: createDocument()});
    expect(leavers).toEqual(copy);
  });
});
