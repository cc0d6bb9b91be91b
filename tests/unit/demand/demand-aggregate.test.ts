/**
 * The demand page's aggregates and the figures the page derives from them, recomputed from the demo CSVs in plain
 * TypeScript (d3-dsv, d3-array's quantile) and compared.
 */
import {afterAll, beforeAll, describe, expect, test} from "vitest";
import {quantile} from "d3-array";
import {queryRows} from "../../../loaders/arrow/query-to-arrow.js";
import {DEMAND_EHCP_SQL, DEMAND_MIX_SQL, DEMAND_TIMINGS_SQL} from "../../../loaders/aggregates/demand.js";
import {REFERRALS_MONTHLY_SQL} from "../../../loaders/aggregates/referrals-monthly.js";
import {openWarehouse, type Warehouse} from "../../../loaders/warehouse/index.js";
import {conversionYears, ehcpYears, type EhcpRow} from "../../../src/components/demand/ehcp.js";
import {filterRows} from "../../../src/components/demand/filters.js";
import {growthStatement} from "../../../src/components/demand/growth.js";
import {outcomeYears, referralYears, type MonthlyReferralRow} from "../../../src/components/demand/referral-years.js";
import {summariseTimings, type TimingRow} from "../../../src/components/demand/timings.js";
import {dayNumber, demoCsv, fyLabel} from "../overview/demo-csv.js";

let warehouse: Warehouse;
let mix: Record<string, unknown>[];
let timings: TimingRow[];
let ehcp: EhcpRow[];
let monthly: MonthlyReferralRow[];

beforeAll(async () => {
  warehouse = await openWarehouse();
  const q = (sql: string) => queryRows(warehouse.connection, sql);
  mix = await q(DEMAND_MIX_SQL);
  timings = (await q(DEMAND_TIMINGS_SQL)) as unknown as TimingRow[];
  ehcp = (await q(DEMAND_EHCP_SQL)) as unknown as EhcpRow[];
  monthly = (await q(REFERRALS_MONTHLY_SQL)) as unknown as MonthlyReferralRow[];
}, 120_000);

afterAll(() => warehouse?.close());

const referrals = demoCsv("referrals");
const children = new Map(demoCsv("children").map((c) => [c.child_id, c]));
const activity = demoCsv("ehcp_activity");
const extractDate = Object.fromEntries(demoCsv("meta").map((r) => [r.key, r.value])).extract_date;
const context = {extractDate, dataStart: "2019-04-01"};

const count = <T>(rows: T[], key: (row: T) => string) => {
  const counts = new Map<string, number>();
  for (const row of rows) counts.set(key(row), (counts.get(key(row)) ?? 0) + 1);
  return counts;
};

describe("demand aggregates agree with the demo CSVs", () => {
  test("referral mix by source and by primary need", () => {
    for (const [dimension, value] of [
      ["source", (r: Record<string, string>) => r.source],
      ["primary_need", (r: Record<string, string>) => children.get(r.child_id)!.primary_need]
    ] as const) {
      const expected = count(referrals, (r) => [fyLabel(r.received_date), r.area_code, r.lot_code, value(r)].join("|"));
      const actual = new Map(
        mix
          .filter((row) => row.dimension === dimension)
          .map((row) => [
            [row.financial_year, row.area_code, row.lot_code, row.category].join("|"),
            Number(row.referrals)
          ])
      );
      expect(actual).toEqual(expected);
    }
  });

  test("timing distributions: days to decision and to package start", () => {
    const expected = new Map<string, number>();
    for (const r of referrals) {
      const add = (measure: string, date: string) => {
        if (date === "") return;
        const key = [
          fyLabel(r.received_date),
          r.area_code,
          r.lot_code,
          measure,
          dayNumber(date) - dayNumber(r.received_date)
        ].join("|");
        expected.set(key, (expected.get(key) ?? 0) + 1);
      };
      add("decision", r.decision_date);
      add("package_start", r.package_start_date);
    }
    const actual = new Map(
      timings.map((t) => [[t.financial_year, t.area_code, t.lot_code, t.measure, t.days].join("|"), t.referrals])
    );
    expect(actual).toEqual(expected);
  });

  test("median and 90th percentile days per year and Lot match d3.quantile on the raw referrals", () => {
    const summaries = summariseTimings(timings, {byLot: true});
    expect(summaries.length).toBeGreaterThan(20);
    for (const row of summaries) {
      const values = referrals
        .filter((r) => fyLabel(r.received_date) === row.financial_year && r.lot_code === row.lot_code)
        .flatMap((r) => {
          const date = row.measure === "decision" ? r.decision_date : r.package_start_date;
          return date === "" ? [] : [dayNumber(date) - dayNumber(r.received_date)];
        })
        .sort((a, b) => a - b);
      expect(row.referrals).toBe(values.length);
      expect(row.median_days).toBeCloseTo(quantile(values, 0.5)!, 10);
      expect(row.p90_days).toBeCloseTo(quantile(values, 0.9)!, 10);
    }
  });

  test("EHCP activity per month and area, and per financial year", () => {
    expect(
      ehcp.map((r) => [r.month, r.area_code, r.requests_received, r.assessments_completed, r.plans_issued])
    ).toEqual(
      activity
        .map((a) => [
          a.month,
          a.area_code,
          Number(a.requests_received),
          Number(a.assessments_completed),
          Number(a.plans_issued)
        ])
        .sort((a, b) => String(a[0]).localeCompare(String(b[0])) || String(a[1]).localeCompare(String(b[1])))
    );
    const years = ehcpYears(ehcp, context);
    for (const year of years) {
      const inYear = activity.filter((a) => fyLabel(`${a.month}-01`) === year.financial_year);
      expect(year.requests_received).toBe(inYear.reduce((s, a) => s + Number(a.requests_received), 0));
      expect(year.plans_issued).toBe(inYear.reduce((s, a) => s + Number(a.plans_issued), 0));
    }
  });

  test("conversion of requests into plans, same-year and lagged by 5 months", () => {
    const rows = conversionYears(ehcp, {...context, lagMonths: 5});
    const y = rows.find((row) => row.financial_year === "2023-24")!;
    const sum = (from: string, to: string, key: string) =>
      activity.filter((a) => a.month >= from && a.month <= to).reduce((s, a) => s + Number(a[key]), 0);
    const requests = sum("2023-04", "2024-03", "requests_received");
    expect(y.requests_received).toBe(requests);
    expect(y.same_year_rate).toBeCloseTo(sum("2023-04", "2024-03", "plans_issued") / requests, 12);
    expect(y.lagged_rate).toBeCloseTo(sum("2023-09", "2024-08", "plans_issued") / requests, 12);
    // 2024-25's lagged window runs to August 2025, inside the data; no later complete year exists.
    expect(rows.at(-1)?.financial_year).toBe("2024-25");
    expect(rows.at(-1)?.lagged_rate).toBeCloseTo(
      sum("2024-09", "2025-08", "plans_issued") / sum("2024-04", "2025-03", "requests_received"),
      12
    );
  });

  test("growth stated as the seeds state it, over complete years only", () => {
    const perYear = count(referrals, (r) => fyLabel(r.received_date));
    // The seed's window (Lewisham): 2019-20 to 2023-24.
    const window = referralYears(filterRows(monthly, {from: "2019-20", to: "2023-24", area: "", lot: ""}), context);
    const growth = growthStatement(
      window.map((y) => ({financial_year: y.financial_year, value: y.referrals, complete: y.complete}))
    )!;
    expect(growth.sinceFirst).toBeCloseTo(perYear.get("2023-24")! / perYear.get("2019-20")! - 1, 12);
    expect(growth.onPrevious).toBeCloseTo(perYear.get("2023-24")! / perYear.get("2022-23")! - 1, 12);
    expect(growth.text).toBe(
      "+42% since 2019-20 (210 to 298), +22% on the previous year; complete financial years 2019-20 to 2023-24"
    );
    // Over all the data the part year 2025-26 is left out: the latest complete year is 2024-25.
    const all = referralYears(monthly, context);
    const allGrowth = growthStatement(
      all.map((y) => ({financial_year: y.financial_year, value: y.referrals, complete: y.complete}))
    )!;
    expect(allGrowth.latest.financial_year).toBe("2024-25");
    expect(all.find((y) => y.financial_year === "2025-26")?.complete).toBe(false);
  });

  test("outcomes per year and the year-to-date comparison", () => {
    const outcomes = outcomeYears(monthly);
    for (const year of outcomes) {
      const inYear = referrals.filter((r) => fyLabel(r.received_date) === year.financial_year);
      expect([year.referrals, year.placed, year.declined, year.withdrawn, year.waiting]).toEqual([
        inYear.length,
        ...["placed", "declined", "withdrawn", "waiting"].map((o) => inYear.filter((r) => r.outcome === o).length)
      ]);
    }
    const years = referralYears(monthly, context);
    const toDate = (fy: string, end: string) =>
      referrals.filter((r) => fyLabel(r.received_date) === fy && r.received_date <= end).length;
    expect(years.find((y) => y.financial_year === "2024-25")?.referrals_to_date).toBe(toDate("2024-25", "2024-11-30"));
    expect(years.find((y) => y.financial_year === "2025-26")?.referrals_to_date).toBe(toDate("2025-26", "2025-11-30"));
  });

  test("no child-level value leaves the aggregates", () => {
    const text = JSON.stringify([mix, timings, ehcp]);
    expect(text).not.toMatch(/C\d{6}|R\d{7}/);
    expect(text).not.toContain("birth_month");
  });
});
