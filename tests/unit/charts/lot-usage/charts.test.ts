import {describe, expect, test} from "vitest";
import {
  byYearChart,
  byYearTitle,
  summariseByYear,
  type YearSeriesRow
} from "../../../../src/components/charts/lot-usage/by-year.js";
import {
  allocationsChart,
  allocationsTitle,
  summariseAllocations,
  type AllocationCell
} from "../../../../src/components/charts/lot-usage/allocations.js";
import {dodgeLabels} from "../../../../src/components/charts/label-dodge.js";
import {funderLabel, lotLabel, outcomeLabel, routeLabel} from "../../../../src/components/commissioning-labels.js";
import {CATEGORY_COLOURS, contrastRatio} from "../../../../src/components/palette.js";
import {createDocument, expectSnapshot} from "../../../support/snapshot.js";

describe("byYearChart", () => {
  const rows: YearSeriesRow[] = [
    {financial_year: "2022-23", series: "Lot 1", value: 9},
    {financial_year: "2023-24", series: "Lot 1", value: 41},
    {financial_year: "2024-25", series: "Lot 1", value: 139},
    {financial_year: "2025-26", series: "Lot 1", value: 112},
    {financial_year: "2022-23", series: "Lot 2", value: 227},
    {financial_year: "2023-24", series: "Lot 2", value: 267},
    {financial_year: "2024-25", series: "Lot 2", value: 324},
    {financial_year: "2025-26", series: "Lot 2", value: 305}
  ];
  const options = {
    measure: "children",
    axisLabel: "Children",
    subtitle: "Distinct children",
    seriesNoun: "Lot",
    partialYear: "2025-26"
  };

  test("compares the first and last complete years, leaving out the part year", () => {
    // Lot 1: 9 → 139 = +1444%; Lot 2: 227 → 324 = +43%
    expect(summariseByYear(rows, options)).toBe(
      "In 2024-25: Lot 1 139 children (+1444% on 2022-23), Lot 2 324 (+43% on 2022-23)."
    );
    expect(byYearTitle(rows, options)).toBe("Lot 2 had the most children in 2024-25: 324, +43% on 2022-23");
    expect(byYearTitle([], options)).toBe("No children in this selection");
    expect(
      byYearTitle(
        rows.filter((row) => row.series === "Lot 1"),
        options
      )
    ).toBe("Lot 1: 139 children in 2024-25, +1444% on 2022-23");
    expect(summariseByYear(rows, {...options, seriesOrder: ["Lot 2", "Lot 1"]})).toMatch(
      /^In 2024-25: Lot 2 324 children/
    );
  });

  test("marks the part year and labels each line directly; snapshot", async () => {
    const figure = byYearChart(rows, {...options, width: 640, document: createDocument()});
    const texts = [...figure.querySelectorAll("text")].map((t) => t.textContent);
    expect(texts).toEqual(expect.arrayContaining(["2025-26*", "Lot 1", "Lot 2"]));
    expect(figure.textContent).toContain("* 2025-26 is a part year");
    await expectSnapshot(figure, "lot-usage-by-year.svg");
  });
});

describe("allocationsChart", () => {
  const cells: AllocationCell[] = [
    {provider_name: "Action for Child", area_name: "North", children: 8, cost_gbp: 18729},
    {provider_name: "Progress Care", area_name: "South", children: 3, cost_gbp: 4800},
    {provider_name: "Progress Care", area_name: "East", children: 3, cost_gbp: 4800},
    {provider_name: "Care Avenues", area_name: "South", children: 2, cost_gbp: 2752},
    {provider_name: "Care Avenues", area_name: "West", children: 2, cost_gbp: 2752},
    {provider_name: "Doves Care", area_name: "West", children: 3, cost_gbp: 4608}
  ];

  test("summarises the allocation (figures from Staffordshire's Lot 1 table)", () => {
    // total 18729 + 9600 + 5504 + 4608 = 38,441; Action for Child 18729/38441 = 48.7% → 49%; top three 33,833 = 88%
    expect(summariseAllocations(cells, {scope: "Lot 1 in 2024-25"})).toBe(
      "Lot 1 in 2024-25: 4 providers, £38,441 in all; Action for Child had the largest share, £18,729 (49%) for 8 children in 1 area."
    );
    expect(allocationsTitle(cells, {scope: "Lot 1 in 2024-25"})).toBe(
      "Three of 4 providers took 88% of the cost for Lot 1 in 2024-25"
    );
    expect(allocationsTitle([], {scope: "Lot 1 in 2024-25"})).toBe("No packages for Lot 1 in 2024-25");
  });

  test("one row per provider, largest first; snapshot", async () => {
    const figure = allocationsChart(cells, {
      scope: "Lot 1 in 2024-25",
      areaOrder: ["North", "South", "East", "West"],
      width: 640,
      document: createDocument()
    });
    const ticks = [...figure.querySelectorAll("g[data-mark='y-axis tick label'] text")].map((t) => t.textContent);
    expect(ticks).toEqual(["Action for Child", "Progress Care", "Care Avenues", "Doves Care"]);
    expect(figure.querySelectorAll("g[data-mark='dot'] path").length).toBe(6);
    await expectSnapshot(figure, "lot-allocations.svg");
  });
});

describe("helpers", () => {
  test("dodgeLabels keeps labels apart, in order, centred on their lines", () => {
    expect(dodgeLabels([10, 11, 30], 4)).toEqual([8.5, 12.5, 30]);
    expect(dodgeLabels([5, 1, 5.5, 100], 2)).toEqual([4.25, 1, 6.25, 100]);
    expect(dodgeLabels([], 1)).toEqual([]);
  });

  test("labels", () => {
    expect(lotLabel("LOT1")).toBe("Lot 1");
    expect(lotLabel("Lot A")).toBe("Lot A");
    expect(lotLabel("CCS-X")).toBe("CCS-X");
    expect(routeLabel("spot_purchase")).toBe("Spot purchase");
    expect(funderLabel("joint")).toBe("Joint");
    expect(outcomeLabel("waiting")).toBe("Still waiting");
  });

  test("every categorical colour has 3:1 contrast on the light and the dark background", () => {
    for (const colour of CATEGORY_COLOURS) {
      expect(contrastRatio(colour, "#ffffff")).toBeGreaterThanOrEqual(3);
      expect(contrastRatio(colour, "#161616")).toBeGreaterThanOrEqual(3);
    }
  });
});
