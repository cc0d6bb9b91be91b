import {fileURLToPath} from "node:url";
import {describe, expect, it} from "vitest";
import {loadPublished} from "../../../loaders/published/index.js";

const published = loadPublished(fileURLToPath(new URL("../../../data/published", import.meta.url)));
const {lot1, lot1Allocations, lot1History} = published.staffordshire;
const area = (name: string) => {
  const found = lot1.areas.find((candidate) => candidate.area === name);
  if (found === undefined) throw new Error(`no area ${name}`);
  return found;
};

describe("Staffordshire Lot 1 allocations, April to September 2024", () => {
  it("keeps the table's shape: 13 providers + 4 summary rows, 4 double districts + Total", () => {
    // staffordshire-lot-details.txt lines 34-50: 17 rows × 5 column groups
    expect(lot1Allocations).toHaveLength(85);
    expect(lot1.areas.map((a) => a.area)).toEqual(["North", "South", "East", "West"]);
  });

  it("keeps clipped names as printed", () => {
    const labels = new Set(lot1Allocations.map((cell) => cell.rowLabel));
    for (const printed of ["Secure Healthca", "Action for Child", "Ocearns Care", "total april to se"]) {
      expect(labels.has(printed)).toBe(true);
    }
  });

  it("records blanks as missing, not 0, and printed 0.00 as 0", () => {
    const cell = (label: string, areaName: string) =>
      lot1Allocations.find((c) => c.rowLabel === label && c.area === areaName);
    // seed line 39: "Eliezer Support<TAB>0.00<TAB><TAB>1..." — North CYP 0.00, North £ blank
    expect(cell("Eliezer Support", "North")).toMatchObject({
      cyp: 0,
      cypStatus: "value",
      amountGbp: null,
      amountStatus: "blank"
    });
    // seed line 42: Lotus Care has nothing printed for North or West
    expect(cell("Lotus Care", "West")).toMatchObject({cyp: null, cypStatus: "blank", amountGbp: null});
    // seed line 43: Ocearns Care North prints 0.00 in both cells
    expect(cell("Ocearns Care", "North")).toMatchObject({cyp: 0, amountGbp: 0, amountAsPrinted: "0.00"});
    // seed line 34: Action for Child prints nothing for South and East
    expect(cell("Action for Child", "South")?.cypStatus).toBe("blank");
  });

  it("derives 53 CYP: 10 / 13 / 17 / 13 by district", () => {
    // hand sums of seed lines 34-46:
    // North 8 + 2 = 10; South 3+1+2+0+1+0+0+0+2+0+2+2 = 13;
    // East 3+2+0+0+2+2+0+6+0+0+0+2 = 17; West 0+0+0+2+3+0+2+2+2+0+2+0 = 13
    expect(lot1.areas.map((a) => a.allocatedCyp)).toEqual([10, 13, 17, 13]);
    expect(lot1.overall.allocatedCyp).toBe(53);
    expect(lot1.overall.potentialCyp).toBe(53); // printed, seed line 50
    expect(lot1.areas.map((a) => a.potentialCyp)).toEqual([10, 13, 17, 13]);
  });

  it("reproduces the printed £ totals £21,225 / £18,580 / £24,387 / £17,638 and £81,830", () => {
    expect(lot1.areas.map((a) => a.printedTotalGbp)).toEqual([21225, 18580, 24387, 17638]);
    expect(lot1.overall.printedTotalGbp).toBe(81830);
    // the printed district totals add up exactly: 21,225 + 18,580 + 24,387 + 17,638 = 81,830
    expect(lot1.overall.sumOfPrintedAreaTotalsGbp).toBe(81830);
    // reconstructed unrounded amounts round to every printed total
    expect(lot1.areas.map((a) => Math.round(a.allocatedGbpReconstructed))).toEqual([21225, 18580, 24387, 17638]);
    expect(Math.round(lot1.overall.allocatedGbpReconstructed)).toBe(81830);
  });

  it("shows why the printed cells alone miss by £1 (whole-pound rounding)", () => {
    // East printed cells: 4,800 + 3,840 + 2,867 + 2,688 + 7,611 + 2,580 = 24,386 (printed total 24,387)
    expect(area("East").allocatedGbpFromPrintedCells).toBe(24386);
    // all cells: 21,225 + 18,580 + 24,386 + 17,638 = 81,829
    expect(lot1.overall.allocatedGbpFromPrintedCells).toBe(81829);
    // printed provider row totals: 18,729+9,600+5,760+5,504+4,608+4,301+5,376+4,992+7,611+4,608+0+5,581+5,161 = 81,831
    expect(lot1.overall.sumOfPrintedProviderTotalsGbp).toBe(81831);
  });

  it("reconstructs East exactly from the implied hourly rates at 64 hours per CYP", () => {
    expect(lot1.hoursPerPackage).toBe(64);
    // Eliezer: £1,434 for 1 CYP and £2,867 for 2 CYP; only £22.40/h fits both:
    //   1 × 64 × 22.40 = 1,433.60 → 1,434; 2 × 64 × 22.40 = 2,867.20 → 2,867 (22.41 gives 2,868.48)
    expect(lot1.impliedRates.find((r) => r.provider === "Eliezer Support")?.hourlyRateGbp).toBe(22.4);
    // Lotus: 7,611 / (6 × 64) = 19.820… → £19.82; 6 × 64 × 19.82 = 7,610.88
    expect(lot1.impliedRates.find((r) => r.provider === "Lotus Care")?.hourlyRateGbp).toBe(19.82);
    // Shiloh: 2,580 / 128 = 20.156… → £20.16; 128 × 20.16 = 2,580.48
    // East = 4,800 + 3,840 + 2,867.20 + 2,688 + 7,610.88 + 2,580.48 = 24,386.56 → £24,387
    expect(area("East").allocatedGbpReconstructed).toBeCloseTo(24386.56, 2);
    // overall 21,224.96 + 18,580.48 + 24,386.56 + 17,638.40 = 81,830.40
    expect(lot1.overall.allocatedGbpReconstructed).toBeCloseTo(81830.4, 2);
    // Passion 4 Care has no CYP anywhere, so no rate
    expect(lot1.impliedRates.find((r) => r.provider === "Passion 4 Care")?.status).toBe("none");
  });

  it("holds the Budgeted, To be allocated rows as printed", () => {
    // seed line 48: 24.00 / £54,000.00; 20 / £32,000.00; 20 / £32,000; 20 / £32,000; £150,000
    expect(lot1.areas.map((a) => [a.budgetedCyp, a.budgetedGbp])).toEqual([
      [24, 54000],
      [20, 32000],
      [20, 32000],
      [20, 32000]
    ]);
    expect(lot1.overall.budgetedGbp).toBe(150000);
    // seed line 47: To be allocated 0 / 17 / 16 / 17 (kept as printed; not budget minus allocated)
    expect(lot1.areas.map((a) => a.toBeAllocatedCyp)).toEqual([0, 17, 16, 17]);
  });

  it("passes every check against the printed totals", () => {
    expect(lot1.checks.filter((c) => !c.agrees)).toEqual([]);
    expect(lot1.checks.length).toBeGreaterThan(20);
  });

  it("holds the Lot 1 history facts", () => {
    const value = (id: string) => lot1History.find((f) => f.id === id)?.value;
    // staffordshire-lot-details.txt lines 9, 11, 19
    expect([value("lot1_typical_year_min"), value("lot1_typical_year_max")]).toEqual([80, 110]);
    expect(value("lot1_referrals_2022_23")).toBe(67);
    expect(value("lot1_supported_2022_23")).toBe(9);
    expect(value("lot1_providers_after_reopening")).toBe(12);
    expect(value("lot1_accessing_after_reopening")).toBe(16);
    expect(value("lot1_referrals_processing_after_reopening")).toBe(24);
  });
});
