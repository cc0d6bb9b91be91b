/**
 * The report's loader against the demo county: figures checked against the CSVs in plain TypeScript, and the
 * published JSON scanned for any count of 1 to 5 (the negative control proves the scan finds them in the raw
 * aggregates).
 */
import {readFileSync} from "node:fs";
import {join} from "node:path";
import {csvParse} from "d3-dsv";
import {afterAll, beforeAll, describe, expect, test} from "vitest";
import {queryRows} from "../../../loaders/arrow/query-to-arrow.js";
import {defaultReportSources, reportData} from "../../../loaders/aggregates/report-data.js";
import {REPORT_PLACEMENTS_SQL, REPORT_REFERRALS_SQL, REPORT_WAITING_SQL} from "../../../loaders/aggregates/report.js";
import {findUnsafeCounts} from "../../../loaders/disclosure/index.js";
import {repoRoot} from "../../../loaders/paths.js";
import {openWarehouse, type Warehouse} from "../../../loaders/warehouse/index.js";
import type {ReportData} from "../../../src/components/report/types.js";

const demo = join(repoRoot, "data", "demo");
const csv = (name: string) => csvParse(readFileSync(join(demo, `${name}.csv`), "utf-8"));
const fy = (date: string) => {
  const year = Number(date.slice(0, 4)) - (Number(date.slice(5, 7)) < 4 ? 1 : 0);
  return `${year}-${String((year + 1) % 100).padStart(2, "0")}`;
};

/** Every key of the report JSON that holds a count of children, referrals or placements. */
const COUNT_COLUMNS = [
  "referrals",
  "placed",
  "waiting",
  "declined",
  "withdrawn",
  "children",
  "waiting_over_18_weeks",
  "waiting_up_to_18_weeks",
  "placements",
  "spot_purchase",
  "supported",
  "within_1_year",
  "within_3_years",
  "requests",
  "plans_issued",
  "lower_80",
  "upper_80",
  "lower_95",
  "upper_95"
];

let warehouse: Warehouse;
let report: ReportData;
const query = (sql: string) => queryRows(warehouse.connection, sql);

beforeAll(async () => {
  warehouse = await openWarehouse(demo);
  report = await reportData(query, defaultReportSources(repoRoot));
}, 60_000);

afterAll(() => warehouse?.close());

describe("disclosure control of the report's data", () => {
  test("no count of 1 to 5 anywhere in the published JSON", () => {
    expect(findUnsafeCounts(JSON.stringify(report), {countColumns: COUNT_COLUMNS, format: "json"})).toEqual([]);
  });

  test("negative control: the raw aggregates do hold counts of 1 to 5, which the scan finds", async () => {
    const raw = [
      ...(await query(REPORT_REFERRALS_SQL)),
      ...(await query(REPORT_WAITING_SQL)),
      ...(await query(REPORT_PLACEMENTS_SQL))
    ];
    expect(findUnsafeCounts(JSON.stringify(raw), {countColumns: COUNT_COLUMNS, format: "json"}).length).toBeGreaterThan(
      0
    );
    expect(report.suppressed.primary).toBeGreaterThan(0);
    expect(report.suppressed.secondary).toBeGreaterThan(0);
  });

  test("the report is complete after suppression: every total row of a complete year is published", () => {
    const totals = report.referrals.filter((row) => row.lot_code === "Total");
    expect(totals.every((row) => typeof row.referrals === "number")).toBe(true);
  });
});

describe("figures recomputed from the CSVs", () => {
  test("referrals per financial year (all Lots)", () => {
    const expected = new Map<string, number>();
    for (const row of csv("referrals"))
      expected.set(fy(row.received_date), (expected.get(fy(row.received_date)) ?? 0) + 1);
    const shown = report.referrals.filter((row) => row.lot_code === "Total");
    expect(shown.map((row) => [row.financial_year, row.referrals])).toEqual([...expected].sort());
  });

  test("the forecast's history is the complete years' totals, and its ranges nest", () => {
    const actual = report.forecast.points.filter((point) => point.kind === "actual");
    expect(actual.at(-1)?.financial_year).toBe(report.lastCompleteYear);
    const totals = new Map(
      report.referrals.filter((r) => r.lot_code === "Total").map((r) => [r.financial_year, r.referrals])
    );
    for (const point of actual) expect(point.referrals).toBe(totals.get(point.financial_year));
    const forecast = report.forecast.points.filter((point) => point.kind === "forecast");
    expect(forecast.length).toBe(3);
    for (const point of forecast) {
      const [l95, l80, mean, u80, u95] = [
        point.lower_95,
        point.lower_80,
        point.referrals,
        point.upper_80,
        point.upper_95
      ] as number[];
      expect(l95 <= l80 && l80 <= mean && mean <= u80 && u80 <= u95).toBe(true);
    }
    expect(report.forecast.intervals).toBe("calibrated");
  });

  test("waiting on the as-at date, and how many for more than 126 days", () => {
    const asAt = Date.parse(`${report.extractDate}T00:00:00Z`);
    const waiting = csv("referrals").filter((row) => row.outcome === "waiting");
    const over = waiting.filter((row) => (asAt - Date.parse(`${row.received_date}T00:00:00Z`)) / 86_400_000 > 126);
    const total = report.waiting.find((row) => row.lot_code === "Total");
    expect(total?.waiting).toBe(waiting.length);
    expect(total?.waiting_over_18_weeks).toBe(over.length);
  });

  test("spot-purchase share of placements in the last complete year", () => {
    const started = csv("packages").filter(
      (row) => row.route !== "direct_payment" && fy(row.start_date) === report.lastCompleteYear
    );
    const spot = started.filter((row) => row.route === "spot_purchase").length;
    const row = report.spotShare.find((r) => r.financial_year === report.lastCompleteYear);
    expect(row?.placements).toBe(started.length);
    expect(row?.spot_purchase).toBe(spot);
    expect(row?.spot_share_pct).toBe(Math.round((1000 * spot) / started.length) / 10);
  });

  test("commissioned-care spend and budget in the last complete year", () => {
    const year = report.lastCompleteYear;
    const start = Date.parse(`${year.slice(0, 4)}-04-01T00:00:00Z`);
    const end = Math.min(
      Date.parse(`${Number(year.slice(0, 4)) + 1}-03-31T00:00:00Z`),
      Date.parse(`${report.extractDate}T00:00:00Z`)
    );
    let spend = 0;
    for (const row of csv("packages")) {
      if (row.route === "direct_payment") continue;
      const from = Math.max(Date.parse(`${row.start_date}T00:00:00Z`), start);
      const to = Math.min(row.end_date ? Date.parse(`${row.end_date}T00:00:00Z`) : Infinity, end);
      if (to < from) continue;
      spend += (((to - from) / 86_400_000 + 1) / 7) * Number(row.hours_per_week) * Number(row.hourly_rate);
    }
    const budget = csv("budgets")
      .filter((row) => row.financial_year === year)
      .reduce((sum, row) => sum + Number(row.budget_gbp), 0);
    const total = report.spend.find((row) => row.lot_code === "Total" && row.financial_year === year);
    expect(total?.spend_gbp).toBe(Math.round(spend));
    expect(total?.budget_gbp).toBe(budget);
  });

  test("the Lewisham comparison is the published 416 → 592", () => {
    const requests = report.lewisham.filter((row) => row.indicator === "Requests for EHC Needs Assessments");
    expect(requests.map((row) => row.value)).toEqual([416, 419, 486, 592]);
  });
});
