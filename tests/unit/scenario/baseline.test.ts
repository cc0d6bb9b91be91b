import {csvParse} from "d3-dsv";
import {readFileSync} from "node:fs";
import {join} from "node:path";
import {afterAll, beforeAll, describe, expect, test} from "vitest";
import {scenarioBaseline} from "../../../loaders/aggregates/scenario-baseline.js";
import {queryRows} from "../../../loaders/arrow/query-to-arrow.js";
import {dataDir} from "../../../loaders/paths.js";
import {openWarehouse, type Warehouse} from "../../../loaders/warehouse/index.js";
import type {Baseline} from "../../../src/components/scenario/index.js";

const read = (name: string) => csvParse(readFileSync(join(dataDir(), `${name}.csv`), "utf-8"));
const day = (iso: string) =>
  Date.UTC(Number(iso.slice(0, 4)), Number(iso.slice(5, 7)) - 1, Number(iso.slice(8, 10))) / 86_400_000;

let warehouse: Warehouse;
let baseline: Baseline;

beforeAll(async () => {
  warehouse = await openWarehouse();
  baseline = (await scenarioBaseline((sql) => queryRows(warehouse.connection, sql))) as unknown as Baseline;
});
afterAll(() => warehouse?.close());

describe("scenario baseline aggregate", () => {
  test("is the latest complete financial year before the 30 November 2025 extract", () => {
    expect(baseline.baselineYear).toBe("2024-25");
    expect(baseline.yearDays).toBe(365);
    const ehcp = read("ehcp_activity").filter((r) => r.month >= "2024-04" && r.month <= "2025-03");
    expect(baseline.ehcpRequests).toBe(ehcp.reduce((s, r) => s + Number(r.requests_received), 0));
    expect(baseline.ehcpPlans).toBe(ehcp.reduce((s, r) => s + Number(r.plans_issued), 0));
    expect(baseline.budgets.map((b) => b.financial_year)).toEqual(expect.arrayContaining(["2024-25", "2025-26"]));
  });

  test("hours, spend and framework capacity per Lot × area equal a plain computation from the CSVs", () => {
    const [from, to] = [day("2024-04-01"), day("2025-03-31")];
    const packages = read("packages");
    const onFramework = new Set(
      read("providers")
        .filter((p) => p.on_framework === "true")
        .map((p) => p.provider_id)
    );
    const capacity = read("provider_capacity").filter(
      (c) => c.month >= "2024-04" && c.month <= "2025-03" && onFramework.has(c.provider_id)
    );
    expect(baseline.cells).toHaveLength(16);
    for (const cell of baseline.cells) {
      const expected = {framework: [0, 0], spot_purchase: [0, 0], in_house: [0, 0]} as Record<string, [number, number]>;
      for (const p of packages) {
        if (p.lot_code !== cell.lot_code || p.area_code !== cell.area_code || !(p.route in expected)) continue;
        const days = Math.min(to, p.end_date ? day(p.end_date) : to) - Math.max(from, day(p.start_date)) + 1;
        if (days <= 0) continue;
        expected[p.route][0] += (Number(p.hours_per_week) * days) / 365;
        expected[p.route][1] += ((Number(p.hours_per_week) * days) / 7) * Number(p.hourly_rate);
      }
      const cap =
        capacity
          .filter((c) => c.lot_code === cell.lot_code && c.area_code === cell.area_code)
          .reduce((s, c) => s + Number(c.hours_per_week), 0) / 12;
      const label = `${cell.lot_code} ${cell.area_code}`;
      expect(cell.framework_hours, label).toBeCloseTo(expected.framework[0], 9);
      expect(cell.spot_hours, label).toBeCloseTo(expected.spot_purchase[0], 9);
      expect(cell.in_house_hours, label).toBeCloseTo(expected.in_house[0], 9);
      expect(cell.framework_spend, label).toBeCloseTo(expected.framework[1], 6);
      expect(cell.spot_spend, label).toBeCloseTo(expected.spot_purchase[1], 6);
      expect(cell.in_house_spend, label).toBeCloseTo(expected.in_house[1], 6);
      expect(cell.capacity_hours, label).toBeCloseTo(cap, 9);
    }
    // the demo's story: spot purchase exists in 2024-25 (about 10% of placements) at a premium
    const spot = baseline.cells.reduce((s, c) => s + c.spot_hours, 0);
    expect(spot).toBeGreaterThan(0);
  });

  test("ships aggregates only: no child-level field", () => {
    const text = JSON.stringify(baseline);
    expect(text).not.toMatch(/child_id|birth_month|package_id|referral_id/);
  });
});
