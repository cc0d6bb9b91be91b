import {fileURLToPath} from "node:url";
import {describe, expect, it} from "vitest";
import {loadPublished} from "../../../loaders/published/index.js";

const published = loadPublished(fileURLToPath(new URL("../../../data/published", import.meta.url)));
const {northamptonshire} = published;

describe("Northamptonshire short breaks model", () => {
  it("totals the turning-18 table: 11 young people, 42 nights a month", () => {
    // hand: YP 1+1+2+1+1+2+2+1 = 11; nights 4+4+6+2+3+9+11+3 = 42 (printed TOTAL row, seed line 291)
    expect(northamptonshire.turning18).toHaveLength(8);
    expect(northamptonshire.turning18Totals.youngPeople).toBe(11);
    expect(northamptonshire.turning18Totals.nightsPerMonth).toBe(42);
    expect(northamptonshire.turning18PrintedTotal).toEqual({youngPeople: 11, nightsPerMonth: 42});
  });

  it("splits the turning-18 totals by unit", () => {
    // hand: Squirrels only Feb 2024 (2 YP, 11 nights); JGS the rest: 9 YP, 31 nights
    expect(northamptonshire.turning18Totals.byUnit).toEqual([
      {unit: "JGS", youngPeople: 9, nightsPerMonth: 31},
      {unit: "Squirrels", youngPeople: 2, nightsPerMonth: 11}
    ]);
  });

  it("holds the unit capacities and the pooled budget", () => {
    expect(northamptonshire.units.map((u) => [u.unit, u.maxChildrenAtOneTime])).toEqual([
      ["JGS", 8],
      ["Squirrels", 6]
    ]);
    const value = (id: string) => northamptonshire.facts.find((f) => f.id === id)?.value;
    // NCT £2,092,032 + ICB £739,167 = £2,831,199, printed as £2.831m
    expect((value("pooled_budget_nct") ?? 0) + (value("pooled_budget_icb") ?? 0)).toBe(2831199);
    expect(value("pooled_budget")).toBe(2831000);
    expect(value("residential_children_2016")).toBe(131);
    expect(value("residential_children_2021")).toBe(76);
  });
});
