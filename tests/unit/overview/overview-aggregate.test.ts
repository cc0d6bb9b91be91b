/**
 * Every KPI of the overview page, recomputed from the demo CSVs in plain TypeScript (d3-dsv, day arithmetic) and
 * compared with what the SQL aggregate (native DuckDB on the warehouse) produces.
 */
import {afterAll, beforeAll, describe, expect, test} from "vitest";
import {queryRows} from "../../../loaders/arrow/query-to-arrow.js";
import {overviewData} from "../../../loaders/aggregates/overview.js";
import {openWarehouse, type Warehouse} from "../../../loaders/warehouse/index.js";
import type {OverviewData} from "../../../src/components/overview/types.js";
import {dayNumber, demoCsv, fyLabel, isoOfDay, medianOf} from "./demo-csv.js";

let warehouse: Warehouse;
let data: OverviewData;

beforeAll(async () => {
  warehouse = await openWarehouse();
  data = await overviewData((sql) => queryRows(warehouse.connection, sql));
}, 120_000);

afterAll(() => warehouse?.close());

const meta = Object.fromEntries(demoCsv("meta").map((row) => [row.key, row.value]));
const extract = meta.extract_date;
const D = dayNumber(extract);
const referrals = demoCsv("referrals");
const packages = demoCsv("packages");
const children = demoCsv("children");
const budgets = demoCsv("budgets");
// Same day last year, written out rather than derived by the code under test.
const lastYear = `${Number(extract.slice(0, 4)) - 1}${extract.slice(4)}`;
const L = dayNumber(lastYear);

const supportedOn = (d: number) =>
  new Set(
    packages
      .filter((p) => dayNumber(p.start_date) <= d && (p.end_date === "" || dayNumber(p.end_date) >= d))
      .map((p) => p.child_id)
  );
const waitingOn = (d: number) =>
  referrals.filter(
    (r) => dayNumber(r.received_date) <= d && (r.decision_date === "" || dayNumber(r.decision_date) > d)
  );
/** Commissioned (non-direct-payment) cost in days [from, to], open packages running to `to`. */
const cost = (from: number, to: number, filter: (p: Record<string, string>) => boolean = () => true) => {
  let total = 0;
  for (const p of packages) {
    if (p.route === "direct_payment" || !filter(p)) continue;
    const a = Math.max(from, dayNumber(p.start_date));
    const b = Math.min(to, p.end_date === "" ? to : dayNumber(p.end_date));
    if (b >= a) total += ((b - a + 1) * Number(p.hours_per_week) * Number(p.hourly_rate)) / 7;
  }
  return total;
};
const turning18 = (d: number) => {
  const birth = new Map(children.map((c) => [c.child_id, c.birth_month]));
  const until = new Date(d * 86_400_000);
  until.setUTCFullYear(until.getUTCFullYear() + 1);
  const limit = until.getTime() / 86_400_000;
  return [...supportedOn(d)].filter((id) => {
    const [y, m] = birth.get(id)!.split("-").map(Number);
    const eighteenth = Date.UTC(y + 18, m - 1, 1) / 86_400_000;
    return eighteenth > d && eighteenth <= limit;
  }).length;
};

describe("overview KPIs agree with an independent computation from the demo CSVs", () => {
  test("the extract date and periods", () => {
    expect(data.extractDate).toBe(extract);
    expect(data.sameDayLastYear).toBe(lastYear);
    expect(data.currentYear).toBe(fyLabel(extract));
    expect(data.previousYear).toBe(fyLabel(lastYear));
  });

  test("the provenance the page prints comes with the figures (one data file for the page)", () => {
    expect(data.provenance.extractDate).toBe(extract);
    expect(data.provenance.councilName).toBe(meta.council_name);
    expect(data.provenance.datasetName).toBe(meta.dataset_name);
    expect(data.provenance.source).toBe(meta.source);
  });

  test("referrals this financial year to date, and the same months last year", () => {
    const fyStart = (iso: string) => `${fyLabel(iso).slice(0, 4)}-04-01`;
    const between = (from: string, to: string) =>
      referrals.filter((r) => r.received_date >= from && r.received_date <= to).length;
    expect(data.referrals.toDate).toBe(between(fyStart(extract), extract));
    expect(data.referrals.toDateLastYear).toBe(between(fyStart(lastYear), lastYear));
    const perYear = new Map<string, number>();
    for (const r of referrals) perYear.set(fyLabel(r.received_date), (perYear.get(fyLabel(r.received_date)) ?? 0) + 1);
    expect(data.referrals.byYear.map((row) => [row.financial_year, row.referrals])).toEqual([...perYear].sort());
    // Complete: the year ended (31 March) on or before the extract date; the data begin in April of the first year.
    const ended = (fy: string) => `${Number(fy.slice(0, 4)) + 1}-03-31` <= extract;
    expect(data.referrals.byYear.filter((row) => row.complete).map((row) => row.financial_year)).toEqual(
      [...perYear.keys()].filter(ended).sort()
    );
    expect(
      referrals
        .map((r) => r.received_date)
        .sort()[0]
        .slice(5, 7)
    ).toBe("04");
  });

  test("children and young people supported now, a year ago and at each month end", () => {
    expect(data.supported.now).toBe(supportedOn(D).size);
    expect(data.supported.lastYear).toBe(supportedOn(L).size);
    expect(data.supported.now).toBeGreaterThan(0);
    for (const row of data.supported.byMonth.filter((_, i) => i % 7 === 0)) {
      expect(row.supported).toBe(supportedOn(dayNumber(row.at)).size);
    }
  });

  test("referrals waiting and the median days waited", () => {
    const now = waitingOn(D);
    expect(data.waiting.now).toBe(now.length);
    expect(data.waiting.now).toBe(referrals.filter((r) => r.outcome === "waiting").length);
    expect(data.waiting.medianDays).toBe(medianOf(now.map((r) => D - dayNumber(r.received_date))));
    const before = waitingOn(L);
    expect(data.waiting.lastYear).toBe(before.length);
    expect(data.waiting.medianDaysLastYear).toBe(medianOf(before.map((r) => L - dayNumber(r.received_date))));
    for (const row of data.waiting.byMonth.filter((_, i) => i % 5 === 0)) {
      const d = dayNumber(row.at);
      const rows = waitingOn(d);
      expect([row.waiting, row.median_days]).toEqual([
        rows.length,
        medianOf(rows.map((r) => d - dayNumber(r.received_date)))
      ]);
    }
  });

  test("spend to date, committed cost, forecast outturn and budget", () => {
    const fy = fyLabel(extract);
    const start = dayNumber(`${fy.slice(0, 4)}-04-01`);
    const end = dayNumber(`${Number(fy.slice(0, 4)) + 1}-03-31`);
    const toDate = cost(start, D);
    const committed = cost(D + 1, end);
    expect(data.spend.spendToDate).toBeCloseTo(toDate, 4);
    expect(data.spend.committed).toBeCloseTo(committed, 4);
    expect(data.spend.forecast).toBeCloseTo(toDate + committed, 4);
    const budget = budgets.filter((b) => b.financial_year === fy).reduce((s, b) => s + Number(b.budget_gbp), 0);
    expect(data.spend.budget).toBeCloseTo(budget, 6);
    const lastStart = dayNumber(`${fyLabel(lastYear).slice(0, 4)}-04-01`);
    expect(data.spend.spendToDateLastYear).toBeCloseTo(cost(lastStart, L), 4);
    for (const lot of data.spend.byLot) {
      expect(lot.spend_to_date).toBeCloseTo(
        cost(start, D, (p) => p.lot_code === lot.lot_code),
        4
      );
      expect(lot.committed).toBeCloseTo(
        cost(D + 1, end, (p) => p.lot_code === lot.lot_code),
        4
      );
    }
    expect(data.spend.byLot.reduce((s, lot) => s + lot.forecast, 0)).toBeCloseTo(toDate + committed, 4);
    // A full past year: 2024-25.
    const y2425 = data.spend.byYear.find((row) => row.financial_year === "2024-25");
    expect(y2425?.spend).toBeCloseTo(cost(dayNumber("2024-04-01"), dayNumber("2025-03-31")), 4);
  });

  test("spot-purchase share of commissioned spend", () => {
    const fy = fyLabel(extract);
    const start = dayNumber(`${fy.slice(0, 4)}-04-01`);
    const spot = (p: Record<string, string>) => p.route === "spot_purchase";
    expect(data.spend.spotShare).toBeCloseTo(cost(start, D, spot) / cost(start, D), 10);
    const lastStart = dayNumber(`${fyLabel(lastYear).slice(0, 4)}-04-01`);
    expect(data.spend.spotShareLastYear).toBeCloseTo(cost(lastStart, L, spot) / cost(lastStart, L), 10);
  });

  test("supported young people turning 18 in the next 12 months", () => {
    expect(data.turning18.next12Months).toBe(turning18(D));
    expect(data.turning18.lastYear).toBe(turning18(L));
    expect(data.turning18.byMonth.reduce((s, row) => s + row.young_people, 0)).toBe(turning18(D));
    expect(data.turning18.byMonth).toHaveLength(12);
    expect(data.turning18.byMonth[0].month).toBe(isoOfDay(D + 1).slice(0, 7));
  });

  test("no child-level value leaves the aggregate", () => {
    const text = JSON.stringify(data);
    expect(text).not.toMatch(/C\d{6}/);
    expect(text).not.toContain("birth_month");
    expect(text).not.toContain("child_id");
  });
});
