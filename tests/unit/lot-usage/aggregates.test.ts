/**
 * The Lot usage page's aggregates against the demo county, recomputed independently in plain TypeScript from the
 * CSV files (parsed with d3-dsv), then compared with the SQL run on native DuckDB.
 */
import {csvParse} from "d3-dsv";
import {readFileSync} from "node:fs";
import {join} from "node:path";
import {afterAll, beforeAll, describe, expect, test} from "vitest";
import {queryRows} from "../../../loaders/arrow/query-to-arrow.js";
import {ALLOCATIONS_SQL, LOT_USAGE_SQL} from "../../../loaders/aggregates/lot-usage.js";
import {openWarehouse, type Warehouse} from "../../../loaders/warehouse/index.js";

const dir = join(import.meta.dirname, "..", "..", "..", "data", "demo");
const packages = csvParse(readFileSync(join(dir, "packages.csv"), "utf-8"));
const extract = "2025-11-30";
const DAY = 86_400_000;

/** First and last day of a financial year (the last capped at the extract date). */
const bounds = (fy: string) => {
  const start = `${fy.slice(0, 4)}-04-01`;
  const end = `${Number(fy.slice(0, 4)) + 1}-03-31`;
  return [start, end < extract ? end : extract] as const;
};
/** Days a package is active in a financial year (0 if not active). */
const daysIn = (p: Record<string, string>, fy: string) => {
  const [start, end] = bounds(fy);
  const from = p.start_date > start ? p.start_date : start;
  const to = p.end_date === "" || p.end_date > end ? end : p.end_date;
  return to < from ? 0 : (Date.parse(to) - Date.parse(from)) / DAY + 1;
};
const yearDays = (fy: string) => {
  const [start, end] = bounds(fy);
  return (Date.parse(end) - Date.parse(start)) / DAY + 1;
};
/** Children, hours, average weekly hours and cost of the packages that pass `filter`, in a year. */
const measures = (fy: string, filter: (p: Record<string, string>) => boolean) => {
  const active = packages.filter((p) => filter(p) && daysIn(p, fy) > 0);
  const hours = active.reduce((sum, p) => sum + (Number(p.hours_per_week) * daysIn(p, fy)) / 7, 0);
  return {
    children: new Set(active.map((p) => p.child_id)).size,
    packages: active.length,
    hours,
    avgWeekly: (hours * 7) / yearDays(fy),
    cost: active.reduce((sum, p) => sum + ((Number(p.hours_per_week) * daysIn(p, fy)) / 7) * Number(p.hourly_rate), 0)
  };
};

let warehouse: Warehouse;
let usage: Record<string, unknown>[];
let allocations: Record<string, unknown>[];

beforeAll(async () => {
  warehouse = await openWarehouse(dir);
  usage = await queryRows(warehouse.connection, LOT_USAGE_SQL);
  allocations = await queryRows(warehouse.connection, ALLOCATIONS_SQL);
});
afterAll(() => warehouse?.close());

const find = (rows: Record<string, unknown>[], where: Record<string, string>) => {
  const found = rows.filter((row) => Object.entries(where).every(([key, value]) => row[key] === value));
  expect(found.length, JSON.stringify(where)).toBe(1);
  return found[0];
};
const expectMeasures = (row: Record<string, unknown>, expected: ReturnType<typeof measures>) => {
  expect(row.children).toBe(expected.children);
  expect(row.packages).toBe(expected.packages);
  expect(row.hours as number).toBeCloseTo(expected.hours, 1);
  expect(row.avg_weekly_hours as number).toBeCloseTo(expected.avgWeekly, 1);
  expect(row.cost_gbp as number).toBeCloseTo(expected.cost, 0);
};

describe("Lot usage", () => {
  test("children, hours and cost per Lot and year match a direct computation", () => {
    for (const fy of ["2019-20", "2022-23", "2024-25", "2025-26"]) {
      for (const lot of ["LOT1", "LOT2", "LOT3", "LOT4"]) {
        const row = find(usage, {financial_year: fy, lot_code: lot, area_code: "all", route: "all", funder: "all"});
        expectMeasures(
          row,
          measures(fy, (p) => p.lot_code === lot)
        );
      }
      const all = find(usage, {financial_year: fy, lot_code: "all", area_code: "all", route: "all", funder: "all"});
      expectMeasures(
        all,
        measures(fy, () => true)
      );
    }
  });

  test("Staffordshire's Lot 1 story: 9 children supported in 2022-23; £151k Lot 1 spend in 2024-25 (docs/demo-county.md)", () => {
    expect(
      find(usage, {financial_year: "2022-23", lot_code: "LOT1", area_code: "all", route: "all", funder: "all"}).children
    ).toBe(9);
    const cost = find(usage, {
      financial_year: "2024-25",
      lot_code: "LOT1",
      area_code: "all",
      route: "all",
      funder: "all"
    }).cost_gbp as number;
    expect(Math.round(cost / 1000)).toBe(151);
  });

  test("route, funder and area slices (and their combinations) match a direct computation", () => {
    const fy = "2024-25";
    for (const route of ["framework", "spot_purchase", "direct_payment", "in_house"]) {
      const row = find(usage, {financial_year: fy, lot_code: "LOT2", area_code: "all", route, funder: "all"});
      expectMeasures(
        row,
        measures(fy, (p) => p.lot_code === "LOT2" && p.route === route)
      );
    }
    for (const funder of ["council", "health", "joint"]) {
      const rows = usage.filter(
        (r) =>
          r.financial_year === fy &&
          r.lot_code === "all" &&
          r.area_code === "all" &&
          r.route === "all" &&
          r.funder === funder
      );
      const expected = measures(fy, (p) => p.funder === funder);
      if (expected.packages === 0) expect(rows).toEqual([]);
      else expectMeasures(rows[0], expected);
    }
    const row = find(usage, {
      financial_year: fy,
      lot_code: "LOT3",
      area_code: "SOUTH",
      route: "framework",
      funder: "council"
    });
    expectMeasures(
      row,
      measures(
        fy,
        (p) => p.lot_code === "LOT3" && p.area_code === "SOUTH" && p.route === "framework" && p.funder === "council"
      )
    );
  });
});

describe("allocations", () => {
  test("Lot 1 in 2024-25: every provider × area cell and every total matches a direct computation", () => {
    const fy = "2024-25";
    const lot1 = (p: Record<string, string>) => p.lot_code === "LOT1";
    const cells = allocations.filter((r) => r.financial_year === fy && r.lot_code === "LOT1");
    const providers = [
      ...new Set(packages.filter((p) => lot1(p) && daysIn(p, fy) > 0).map((p) => p.provider_id || "DP"))
    ];
    expect(new Set(cells.map((r) => r.provider_id))).toEqual(new Set([...providers, "Total"]));
    for (const row of cells) {
      const provider = row.provider_id as string;
      const area = row.area_code as string;
      const expected = measures(
        fy,
        (p) =>
          lot1(p) &&
          (provider === "Total" || (p.provider_id || "DP") === provider) &&
          (area === "Total" || p.area_code === area)
      );
      expectMeasures(row, expected);
    }
  });

  test("all Lots together: the grand total counts each child once", () => {
    const row = find(allocations, {
      financial_year: "2023-24",
      lot_code: "all",
      provider_id: "Total",
      area_code: "Total"
    });
    expectMeasures(
      row,
      measures("2023-24", () => true)
    );
  });
});
