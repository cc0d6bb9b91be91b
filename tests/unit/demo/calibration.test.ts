import {join} from "node:path";
import {describe, expect, it} from "vitest";
import {demoStats, readCsv} from "./demo-stats.js";

const DIR = join(import.meta.dirname, "../../../data/demo");
const stats = demoStats(DIR);

// Targets from /work/shared/seeds (see loaders/demo/assumptions.ts for the quotes).
describe("committed demo county is calibrated on the seeds", () => {
  it("has about 17,000 CYP with SEND, 6,000 EHCPs and 550 social-care eligible", () => {
    expect(stats.children).toBeGreaterThanOrEqual(17000 * 0.97); // [STAFFS-OPT] ~17,000 ±3%
    expect(stats.children).toBeLessThanOrEqual(17000 * 1.03);
    expect(Math.abs(stats.ehcp - 6000)).toBeLessThanOrEqual(300); // ~6,000 ±5%
    expect(Math.abs(stats.socialCareUnder18 - 550)).toBeLessThanOrEqual(55); // ~550 ±10%
  });

  it("has about 300 CYP with paid support at the extract date, 200 on direct payments, 163 agency, 45 Lot 1", () => {
    expect(Math.abs(stats.supportedNow - 300)).toBeLessThanOrEqual(30); // ±10%
    expect(Math.abs(stats.dpNow - 200)).toBeLessThanOrEqual(30); // ±15%
    expect(Math.abs(stats.agencyNow - 163)).toBeLessThanOrEqual(25); // ±15%
    expect(Math.abs(stats.lot1Now - 45)).toBeLessThanOrEqual(10);
  });

  it("has exactly 28 framework providers and 12 Lot 1 joiners in November 2023", () => {
    expect(stats.frameworkProviders).toBe(28);
    expect(stats.lot1Joiners).toBe(12);
  });

  it("reproduces the Lot 1 collapse of 2022-23: 67 referrals, 9 supported", () => {
    expect(stats.lot1ReferralsByFy["2022-23"]).toBe(67);
    expect(stats.lot1Supported2223).toBe(9);
  });

  it("grows referrals by about 42% from 2019-20 to 2023-24", () => {
    const growth = stats.referralsByFy["2023-24"] / stats.referralsByFy["2019-20"] - 1;
    expect(Math.abs(growth - 0.42)).toBeLessThanOrEqual(0.05); // hand calculation: 298 / 210 - 1 = 0.419
  });

  it("spends about £0.82m on agency community care in 2024-25 and budgets £150,000 for Lot 1", () => {
    expect(Math.abs(stats.agencySpend["2024-25"] - 820000)).toBeLessThanOrEqual(82000);
    const budgets = readCsv(join(DIR, "budgets.csv")).filter((b) => b.lot_code === "LOT1");
    expect(budgets.length).toBeGreaterThanOrEqual(7);
    for (const b of budgets) expect(b.budget_gbp).toBe("150000.00");
  });

  it("has 21% ±2pp of today's supported CYP turning 18 within 3 years", () => {
    expect(Math.abs(stats.turning18Share - 0.21)).toBeLessThanOrEqual(0.02);
  });

  it("keeps residential occupancy between 60% and 70% in every financial year", () => {
    for (const share of Object.values(stats.occupancy)) {
      expect(share).toBeGreaterThanOrEqual(0.6);
      expect(share).toBeLessThanOrEqual(0.7);
    }
  });
});
