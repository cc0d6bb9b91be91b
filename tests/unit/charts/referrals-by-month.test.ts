import {describe, expect, test} from "vitest";
import {
  referralsByMonthChart,
  summariseReferralsByMonth,
  type ReferralsMonthRow
} from "../../../src/components/charts/referrals-by-month.js";
import {createDocument, expectSnapshot} from "../../support/snapshot.js";

const rows: ReferralsMonthRow[] = [
  {month: "2024-03", financial_year: "2023-24", lot_name: "Lot 1", referrals: 4},
  {month: "2024-03", financial_year: "2023-24", lot_name: "Lot 2", referrals: 6},
  {month: "2024-04", financial_year: "2024-25", lot_name: "Lot 1", referrals: 12},
  {month: "2024-05", financial_year: "2024-25", lot_name: "Lot 2", referrals: 7}
];

describe("referralsByMonthChart", () => {
  test("summarises the data in one sentence", () => {
    // hand calculation: 4 + 6 + 12 + 7 = 29; monthly totals Mar 10, Apr 12, May 7 → busiest April 2024 (12)
    expect(summariseReferralsByMonth(rows)).toBe(
      "29 referrals were received between March 2024 and May 2024; the busiest month was April 2024 with 12."
    );
    expect(summariseReferralsByMonth([])).toBe("No referrals are recorded.");
  });

  test("draws a stacked column chart with a title, subtitle and text alternative", async () => {
    const figure = referralsByMonthChart(rows, {width: 640, document: createDocument()});
    expect(figure.querySelector("h2")?.textContent).toBe("Referrals received each month");
    expect(figure.querySelector(":scope > svg")?.getAttribute("aria-label")).toContain("Column chart of referrals");
    expect(figure.querySelectorAll("rect").length).toBeGreaterThanOrEqual(4);
    await expectSnapshot(figure, "referrals-by-month.svg");
  });

  test("does not mutate its input", () => {
    const copy = structuredClone(rows);
    referralsByMonthChart(rows, {document: createDocument()});
    expect(rows).toEqual(copy);
  });
});
