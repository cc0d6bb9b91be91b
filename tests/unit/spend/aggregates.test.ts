/**
 * The spend aggregates against the demo county, checked with figures computed independently in plain TypeScript
 * from the CSV files (d3-dsv), not with SQL.
 */
import {readFileSync} from "node:fs";
import {join} from "node:path";
import {csvParse} from "d3-dsv";
import {afterAll, beforeAll, describe, expect, test} from "vitest";
import {queryRows} from "../../../loaders/arrow/query-to-arrow.js";
import {spendBudgets} from "../../../loaders/aggregates/spend-budgets.js";
import {SPEND_MONTHLY_SQL, SPEND_PROVIDERS_SQL} from "../../../loaders/aggregates/spend.js";
import {repoRoot} from "../../../loaders/paths.js";
import {openWarehouse, type Warehouse} from "../../../loaders/warehouse/index.js";

const dir = join(repoRoot, "data", "demo");
const csv = (name: string) => csvParse(readFileSync(join(dir, `${name}.csv`), "utf8"));
const packages = csv("packages");
const lots = new Map(csv("lots").map((lot) => [lot.lot_code, lot.statutory === "true"]));
const asAt = csv("meta").find((row) => row.key === "extract_date")?.value ?? "";
const DAY = 86_400_000;
const day = (iso: string) => Date.parse(`${iso}T00:00:00Z`) / DAY;

/** Spend of the packages passing `keep` between two ISO dates (inclusive), the plain way. */
function spendBetween(from: string, to: string, keep: (p: Record<string, string>) => boolean, end = asAt) {
  let total = 0;
  for (const p of packages) {
    if (!keep(p)) continue;
    const a = Math.max(day(from), day(p.start_date));
    const b = Math.min(day(to), p.end_date ? day(p.end_date) : day(end), day(end));
    if (b >= a) total += ((b - a + 1) / 7) * Number(p.hours_per_week) * Number(p.hourly_rate);
  }
  return total;
}

let warehouse: Warehouse;
let monthly: Record<string, unknown>[];
let providers: Record<string, unknown>[];
const sum = (rows: Record<string, unknown>[], key: string) => rows.reduce((s, row) => s + Number(row[key]), 0);

beforeAll(async () => {
  warehouse = await openWarehouse(dir);
  monthly = await queryRows(warehouse.connection, SPEND_MONTHLY_SQL);
  providers = await queryRows(warehouse.connection, SPEND_PROVIDERS_SQL);
});
afterAll(() => warehouse?.close());

describe("spend per month", () => {
  test("agency community-care spend in 2024-25 matches a plain recomputation (about £0.84m)", () => {
    const community = (p: Record<string, string>) => lots.get(p.lot_code) === true && p.route !== "direct_payment";
    const expected = spendBetween("2024-04-01", "2025-03-31", community);
    const actual = sum(
      monthly.filter((r) => r.financial_year === "2024-25" && r.statutory === true && r.route !== "direct_payment"),
      "spend_gbp"
    );
    expect(actual).toBeCloseTo(expected, 2);
    expect(Math.round(actual / 10_000) * 10_000).toBe(840_000);
  });

  test("one month of one Lot and route matches", () => {
    const keep = (p: Record<string, string>) => p.lot_code === "LOT2" && p.route === "spot_purchase";
    const expected = spendBetween("2022-01-01", "2022-01-31", keep);
    const actual = sum(
      monthly.filter((r) => r.month === "2022-01" && r.lot_code === "LOT2" && r.route === "spot_purchase"),
      "spend_gbp"
    );
    expect(actual).toBeCloseTo(expected, 6);
  });

  test("committed spend is the open packages' cost from the day after the as-at date to 31 March", () => {
    expect(asAt).toBe("2025-11-30");
    const open = (p: Record<string, string>) => !p.end_date || p.end_date > asAt;
    const expected = spendBetween("2025-12-01", "2026-03-31", open, "2026-03-31");
    expect(sum(monthly, "committed_gbp")).toBeCloseTo(expected, 4);
    // nothing is committed before the as-at date, and nothing is actual after it
    expect(monthly.filter((r) => String(r.month) <= "2025-11" && Number(r.committed_gbp) > 0)).toEqual([]);
    expect(monthly.filter((r) => String(r.month) >= "2025-12" && Number(r.spend_gbp) > 0)).toEqual([]);
  });

  test("starts at the first budget year and ships no child-level column", () => {
    expect(monthly[0].month).toBe("2019-04");
    expect(Object.keys(monthly[0])).not.toContain("child_id");
    expect(Object.keys(monthly[0])).not.toContain("package_id");
  });
});

describe("spend per provider", () => {
  test("counts distinct children and hours per Lot and year, as a plain count does", () => {
    const fy = "2023-24";
    const inYear = packages.filter(
      (p) =>
        p.lot_code === "LOT3" &&
        p.start_date <= "2024-03-31" &&
        (!p.end_date || p.end_date >= "2023-04-01") &&
        p.start_date <= asAt
    );
    const row = providers.find(
      (r) =>
        r.financial_year === fy &&
        r.lot_code === "LOT3" &&
        r.provider_id === "ALL" &&
        r.area_code === "ALL" &&
        r.funder === "ALL"
    );
    expect(row?.children).toBe(new Set(inYear.map((p) => p.child_id)).size);
    expect(row?.packages).toBe(inYear.length);
    expect(Number(row?.spend_gbp)).toBeCloseTo(
      spendBetween("2023-04-01", "2024-03-31", (p) => p.lot_code === "LOT3"),
      4
    );
  });

  test("gives direct payments their own provider row and every area × funder combination", () => {
    const direct = providers.filter(
      (r) => r.provider_id === "DIRECT" && r.financial_year === "2024-25" && r.lot_code === "LOT2"
    );
    const expectedChildren = new Set(
      packages
        .filter(
          (p) =>
            p.lot_code === "LOT2" &&
            p.route === "direct_payment" &&
            p.start_date <= "2025-03-31" &&
            (!p.end_date || p.end_date >= "2024-04-01")
        )
        .map((p) => p.child_id)
    ).size;
    expect(direct.find((r) => r.area_code === "ALL" && r.funder === "ALL")?.children).toBe(expectedChildren);
    expect(new Set(direct.map((r) => `${String(r.area_code)}/${String(r.funder)}`)).has("ALL/council")).toBe(true);
  });
});

describe("budgets", () => {
  test("reads the as-at date, its financial year and every budget row", async () => {
    const result = await spendBudgets((sql) => queryRows(warehouse.connection, sql));
    expect(result.asAt).toBe("2025-11-30");
    expect(result.currentFinancialYear).toBe("2025-26");
    expect(result.committedTo).toBe("2026-03-31");
    expect(result.budgets).toHaveLength(csv("budgets").length);
    const lot1 = result.budgets.find((b) => b.financial_year === "2024-25" && b.lot_code === "LOT1");
    expect(lot1?.budget_gbp).toBe(150_000);
  });
});
