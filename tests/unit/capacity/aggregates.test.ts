/**
 * The Capacity page's aggregates against the demo county, each figure recomputed independently in plain
 * TypeScript from the CSV files (parsed with d3-dsv), then compared with the SQL run on native DuckDB.
 */
import {csvParse} from "d3-dsv";
import {readFileSync} from "node:fs";
import {join} from "node:path";
import {afterAll, beforeAll, describe, expect, test} from "vitest";
import {queryRows} from "../../../loaders/arrow/query-to-arrow.js";
import {
  CAPACITY_DEMAND_SQL,
  HOURS_COMMISSIONED_SQL,
  NOT_PICKED_UP_SQL,
  PROVIDER_SPARE_SQL,
  RESIDENTIAL_WEEKLY_SQL,
  WAITING_LIST_SQL
} from "../../../loaders/aggregates/capacity.js";
import {openWarehouse, type Warehouse} from "../../../loaders/warehouse/index.js";

const dir = join(import.meta.dirname, "..", "..", "..", "data", "demo");
const csv = (name: string) => csvParse(readFileSync(join(dir, `${name}.csv`), "utf-8"));
const packages = csv("packages");
const referrals = csv("referrals");
const capacity = csv("provider_capacity");
const providers = csv("providers");
const nights = csv("residential_nights");
const units = csv("residential_units");
const extract = "2025-11-30";

/** Last day of a `YYYY-MM` month, capped at the extract date. */
const monthEnd = (month: string) => {
  const [y, m] = month.split("-").map(Number);
  const last = new Date(Date.UTC(y, m, 0)).toISOString().slice(0, 10);
  return last < extract ? last : extract;
};
const activeOn = (p: Record<string, string>, day: string) =>
  p.start_date <= day && (p.end_date === "" || p.end_date >= day);
const activeIn = (p: Record<string, string>, month: string) =>
  p.start_date <= monthEnd(month) && (p.end_date === "" || p.end_date >= `${month}-01`);
const waitingAt = (r: Record<string, string>, day: string) =>
  r.received_date <= day && (r.decision_date === "" || r.decision_date > day);
const fyOf = (iso: string) => {
  const y = Number(iso.slice(0, 4)) - (Number(iso.slice(5, 7)) < 4 ? 1 : 0);
  return `${y}-${String((y + 1) % 100).padStart(2, "0")}`;
};
const sum = (values: number[]) => values.reduce((a, b) => a + b, 0);
const close = (a: number, b: number) => expect(a).toBeCloseTo(b, 1);

let warehouse: Warehouse;
const run = (sql: string) => queryRows(warehouse.connection, sql);

beforeAll(async () => {
  warehouse = await openWarehouse(dir);
});
afterAll(() => warehouse?.close());

describe("capacity against demand", () => {
  test("offered, held and waiting match the CSVs for every Lot × area in three months", async () => {
    const rows = await run(CAPACITY_DEMAND_SQL);
    expect(rows.length).toBe(80 * 4 * 4); // April 2019 to November 2025 × 4 Lots × 4 areas
    const lotHours = new Map<string, number>();
    for (const lot of ["LOT1", "LOT2", "LOT3", "LOT4"]) {
      const hours = packages
        .filter((p) => p.lot_code === lot && p.route !== "direct_payment")
        .map((p) => Number(p.hours_per_week));
      lotHours.set(lot, sum(hours) / hours.length);
    }
    for (const month of ["2019-04", "2022-12", "2025-11"]) {
      for (const row of rows.filter((r) => r.month === month)) {
        const match = (d: Record<string, string>) => d.lot_code === row.lot_code && d.area_code === row.area_code;
        const offered = sum(capacity.filter((c) => c.month === month && match(c)).map((c) => Number(c.hours_per_week)));
        const held = sum(
          packages
            .filter((p) => match(p) && p.provider_id !== "" && activeIn(p, month))
            .map((p) => Number(p.hours_per_week))
        );
        const waiting = referrals.filter((r) => match(r) && waitingAt(r, monthEnd(month))).length;
        expect(row.offered_hours).toBe(offered);
        close(row.held_hours as number, held);
        expect(row.waiting).toBe(waiting);
        close(row.demand_hours as number, held + waiting * lotHours.get(String(row.lot_code))!);
      }
    }
  });

  test("in 2022-23, when the framework had no spare place, demand exceeded Lot 1 capacity", async () => {
    const rows = await run(CAPACITY_DEMAND_SQL);
    const lot1 = rows.filter((r) => r.lot_code === "LOT1" && r.month === "2023-03");
    expect(sum(lot1.map((r) => r.demand_hours as number))).toBeGreaterThan(
      sum(lot1.map((r) => r.offered_hours as number))
    );
  });
});

describe("waiting list", () => {
  test("the number waiting at every month end matches a direct count", async () => {
    const rows = await run(WAITING_LIST_SQL);
    const byMonth = new Map<string, number>();
    for (const row of rows)
      byMonth.set(String(row.month), (byMonth.get(String(row.month)) ?? 0) + (row.waiting as number));
    for (const [month, count] of byMonth)
      expect(count).toBe(referrals.filter((r) => waitingAt(r, monthEnd(month))).length);
    // at the extract date, the list is exactly the referrals still waiting
    expect(byMonth.get("2025-11")).toBe(referrals.filter((r) => r.outcome === "waiting").length);
  });

  test("long waits (over 26 weeks) at March 2023 match a direct count", async () => {
    const rows = await run(WAITING_LIST_SQL);
    const day = "2023-03-31";
    const expected = referrals.filter(
      (r) => waitingAt(r, day) && (Date.parse(day) - Date.parse(r.received_date)) / 86_400_000 >= 182
    ).length;
    const actual = sum(
      rows.filter((r) => r.month === "2023-03" && r.wait_band === "Over 26 weeks").map((r) => r.waiting as number)
    );
    expect(actual).toBe(expected);
  });
});

describe("referrals not picked up", () => {
  test("outcome counts by year and framework capacity match a direct computation", async () => {
    const rows = await run(NOT_PICKED_UP_SQL);
    expect(sum(rows.map((r) => r.referrals as number))).toBe(referrals.length);
    const onFramework = (providerId: string, month: string) => {
      const p = providers.find((v) => v.provider_id === providerId)!;
      return (
        p.joined_date !== "" && p.joined_date <= monthEnd(month) && (p.left_date === "" || p.left_date >= `${month}-01`)
      );
    };
    const spare = (lot: string, area: string, month: string) =>
      sum(
        capacity
          .filter(
            (c) => c.month === month && c.lot_code === lot && c.area_code === area && onFramework(c.provider_id, month)
          )
          .map(
            (c) =>
              Number(c.places) -
              packages.filter(
                (p) =>
                  p.provider_id === c.provider_id && p.lot_code === lot && p.area_code === area && activeIn(p, month)
              ).length
          )
      );
    for (const fy of ["2022-23", "2024-25"]) {
      for (const lot of ["LOT1", "LOT2"]) {
        const expected = referrals.filter(
          (r) =>
            fyOf(r.received_date) === fy &&
            r.lot_code === lot &&
            r.outcome !== "placed" &&
            spare(lot, r.area_code, r.received_date.slice(0, 7)) <= 0
        ).length;
        const actual = sum(
          rows
            .filter(
              (r) =>
                r.financial_year === fy &&
                r.lot_code === lot &&
                r.outcome !== "placed" &&
                r.framework_capacity === "none"
            )
            .map((r) => r.referrals as number)
        );
        expect(actual, `${fy} ${lot}`).toBe(expected);
      }
    }
  });

  test("Lot 1 in 2022-23: most of its referrals were not picked up (Staffordshire: 67 referrals, 9 supported)", async () => {
    const rows = await run(NOT_PICKED_UP_SQL);
    const lot1 = rows.filter((r) => r.financial_year === "2022-23" && r.lot_code === "LOT1");
    const notPickedUp = sum(
      lot1.filter((r) => r.outcome !== "placed" && r.framework_capacity === "none").map((r) => r.referrals as number)
    );
    expect(sum(lot1.map((r) => r.referrals as number))).toBe(67);
    expect(notPickedUp).toBeGreaterThan(50);
  });
});

describe("spare capacity by provider", () => {
  test("spare hours and places at November 2025 match offered minus held", async () => {
    const rows = (await run(PROVIDER_SPARE_SQL)).filter((r) => r.financial_year === "2025-26");
    expect(rows.every((r) => r.month === "2025-11")).toBe(true);
    const november = capacity.filter((c) => c.month === "2025-11");
    expect(rows.length).toBe(november.length);
    for (const c of november) {
      const row = rows.find(
        (r) => r.provider_id === c.provider_id && r.lot_code === c.lot_code && r.area_code === c.area_code
      )!;
      const held = packages.filter(
        (p) =>
          p.provider_id === c.provider_id &&
          p.lot_code === c.lot_code &&
          p.area_code === c.area_code &&
          activeIn(p, "2025-11")
      );
      close(row.spare_hours as number, Number(c.hours_per_week) - sum(held.map((p) => Number(p.hours_per_week))));
      expect(row.spare_places).toBe(Number(c.places) - held.length);
    }
    expect(new Set(rows.filter((r) => String(r.provider_id).startsWith("S")).map((r) => r.provider_type))).toEqual(
      new Set(["spot_purchase"])
    );
  });
});

describe("residential occupancy", () => {
  test("weekly bed nights and occupancy match the nights file", async () => {
    const rows = await run(RESIDENTIAL_WEEKLY_SQL);
    expect(sum(rows.map((r) => r.bed_nights_used as number))).toBe(sum(nights.map((n) => Number(n.nights_used))));
    const beds = new Map(units.map((u) => [u.unit_id, Number(u.beds)]));
    // the week of Monday 3 June 2024
    for (const unit of ["RSB01", "RSB02"]) {
      const week = nights.filter((n) => n.unit_id === unit && n.date >= "2024-06-03" && n.date <= "2024-06-09");
      const row = rows.find((r) => r.unit_id === unit && r.week_start === "2024-06-03")!;
      expect(row.bed_nights_used).toBe(sum(week.map((n) => Number(n.nights_used))));
      close(row.occupancy as number, sum(week.map((n) => Number(n.nights_used))) / (beds.get(unit)! * week.length));
      expect(row.target).toBe(0.85);
    }
  });
});

describe("hours commissioned", () => {
  test("weekly hours of packages active at every month end match, by route", async () => {
    const rows = await run(HOURS_COMMISSIONED_SQL);
    const months = [...new Set(rows.map((r) => String(r.month)))];
    expect(months.length).toBe(80);
    for (const month of ["2019-04", "2021-09", "2024-03", "2025-11"]) {
      for (const route of ["framework", "spot_purchase", "direct_payment", "in_house"]) {
        const expected = sum(
          packages.filter((p) => p.route === route && activeOn(p, monthEnd(month))).map((p) => Number(p.hours_per_week))
        );
        const actual = sum(rows.filter((r) => r.month === month && r.route === route).map((r) => r.hours as number));
        close(actual, expected);
      }
    }
  });
});
