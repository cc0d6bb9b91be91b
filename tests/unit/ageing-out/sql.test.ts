/**
 * The ageing-out SQL (src/sql/) run by native DuckDB on the same Arrow bytes the page gets, checked against an
 * independent calculation from the demo CSVs in plain TypeScript, and against the published Northamptonshire table.
 */
import {readFileSync} from "node:fs";
import {join} from "node:path";
import {afterAll, beforeAll, describe, expect, test} from "vitest";
import {queryToArrow} from "../../../loaders/arrow/query-to-arrow.js";
import {
  AGEING_OUT_COHORT_SQL,
  AGEING_OUT_HISTORY_SQL,
  ageingOutSurvivalScript
} from "../../../loaders/aggregates/ageing-out.js";
import {
  cohortRowsToArrow,
  northamptonshireAsAtMonth,
  northamptonshireCohortRows
} from "../../../loaders/aggregates/northamptonshire-cohort.js";
import {repoRoot} from "../../../loaders/paths.js";
import {loadPublished} from "../../../loaders/published/index.js";
import {openWarehouse} from "../../../loaders/warehouse/index.js";
import {day, monthPlus, readCsv} from "../demo/demo-stats.js";
import {memoryDb} from "../../support/duckdb-arrow.js";
import {onCohortTable} from "../../../src/components/ageing-out/sql.js";

const demo = join(repoRoot, "data", "demo");
const leaversSql = readFileSync(join(repoRoot, "src", "sql", "ageing-out-leavers.sql"), "utf8");
const populationSql = readFileSync(join(repoRoot, "src", "sql", "ageing-out-population.sql"), "utf8");

let db: Awaited<ReturnType<typeof memoryDb>>;
let cohortBytes: Uint8Array;

beforeAll(async () => {
  const warehouse = await openWarehouse(demo);
  cohortBytes = await queryToArrow(warehouse.connection, AGEING_OUT_COHORT_SQL);
  const history = await queryToArrow(warehouse.connection, AGEING_OUT_HISTORY_SQL);
  // what src/data/ageing-out-survival.arrow.ts emits
  const survival = await queryToArrow(warehouse.connection, ageingOutSurvivalScript());
  warehouse.close();
  db = await memoryDb({cohort: cohortBytes, history, survival});
}, 120_000); // the warehouse may be built first, on a machine shared with other jobs

afterAll(() => db?.close());

async function run(sql: string, params: (string | number)[]) {
  const reader = await db.connection.runAndReadAll(sql, params);
  return reader.getRowObjectsJson() as Record<string, number | string | null>[];
}

/** Independent: from the CSVs, the supported children (active package on the extract date) and their packages. */
function fromCsv() {
  const children = new Map(readCsv(join(demo, "children.csv")).map((c) => [c.child_id, c]));
  const extractDate = readCsv(join(demo, "meta.csv")).find((r) => r.key === "extract_date")!.value;
  const extract = day(extractDate);
  const active = readCsv(join(demo, "packages.csv")).filter(
    (p) => day(p.start_date) <= extract && (p.end_date === "" || day(p.end_date) >= extract)
  );
  const supported = new Set(active.map((p) => p.child_id));
  const extractIndex = Number(extractDate.slice(0, 4)) * 12 + Number(extractDate.slice(5, 7)) - 1;
  /** Months from the extract month to the month a child turns 18. */
  const monthsTo18 = (id: string) => {
    const birth = children.get(id)!.birth_month;
    return Number(birth.slice(0, 4)) * 12 + Number(birth.slice(5, 7)) - 1 + 216 - extractIndex;
  };
  return {children, extract, active, supported, monthsTo18, extractMonth: extractDate.slice(0, 7)};
}

describe("ageing-out leavers SQL on the demo county", () => {
  test("counts the supported children turning 18 in each of the next 3 years, with their hours and weekly cost", async () => {
    const csv = fromCsv();
    const rows = await run(leaversSql, [csv.extractMonth, 3, "year", "", "", "", ""]);
    for (const year of [1, 2, 3]) {
      const inYear = (id: string) => csv.monthsTo18(id) > 12 * (year - 1) && csv.monthsTo18(id) <= 12 * year;
      const expectedChildren = [...csv.supported].filter(inYear).length;
      const packages = csv.active.filter((p) => inYear(p.child_id));
      const hours = packages.reduce((sum, p) => sum + Number(p.hours_per_week), 0);
      const cost = packages.reduce((sum, p) => sum + Number(p.hours_per_week) * Number(p.hourly_rate), 0);
      const sql = rows.filter((row) => row.period === `Year ${year}`);
      expect(sql.reduce((sum, row) => sum + Number(row.children), 0)).toBe(expectedChildren);
      expect(sql.reduce((sum, row) => sum + Number(row.packages), 0)).toBe(packages.length);
      expect(sql.reduce((sum, row) => sum + Number(row.hours_per_week), 0)).toBeCloseTo(hours, 6);
      expect(sql.reduce((sum, row) => sum + Number(row.weekly_cost), 0)).toBeCloseTo(cost, 1);
      expect(expectedChildren).toBeGreaterThan(0);
    }
  });

  test("about 21% of today's supported children turn 18 within 3 years (docs/demo-county.md)", async () => {
    const csv = fromCsv();
    // the demo's own definition: 18th birthday within 3 × 365.25 days of the extract date
    const withinDays = [...csv.supported].filter(
      (id) => monthPlus(csv.children.get(id)!.birth_month, 216) <= csv.extract + 3 * 365.25
    ).length;
    const rows = await run(leaversSql, [csv.extractMonth, 3, "year", "", "", "", ""]);
    const sql = rows.reduce((sum, row) => sum + Number(row.children), 0);
    expect(sql).toBe(withinDays);
    expect(Math.abs(sql / csv.supported.size - 0.21)).toBeLessThanOrEqual(0.02);
  });

  test("every period grouping gives the same total, and filters partition it", async () => {
    const csv = fromCsv();
    const total = async (period: string, lot = "", funder = "") =>
      (await run(leaversSql, [csv.extractMonth, 5, period, lot, "", "", funder])).reduce(
        (sum, row) => sum + Number(row.children),
        0
      );
    const all = await total("year");
    for (const period of ["month", "quarter", "financial_year"]) expect(await total(period)).toBe(all);
    const lots = [...new Set(csv.active.map((p) => p.lot_code))];
    let byLot = 0;
    for (const lot of lots) byLot += await total("year", lot);
    expect(byLot).toBe(all);
    let byFunder = 0;
    for (const funder of ["council", "health", "joint"]) byFunder += await total("year", "", funder);
    expect(byFunder).toBe(all);
  });

  test("labels financial quarters from April", async () => {
    const csv = fromCsv();
    const rows = await run(leaversSql, [csv.extractMonth, 1, "quarter", "", "", "", ""]);
    for (const row of rows) {
      const month = Number(String(row.first_month).slice(5, 7));
      const quarter = month >= 4 ? Math.floor((month - 4) / 3) + 1 : 4;
      expect(String(row.period).endsWith(`Q${quarter}`)).toBe(true);
    }
  });
});

describe("ageing-out population SQL", () => {
  test("starts at today's supported children and keeps today's children until 18", async () => {
    const csv = fromCsv();
    const rows = await run(populationSql, [csv.extractMonth, 5, "", "", "", "", 1.2816, 1.96, 3]);
    expect(rows.map((row) => row.year)).toEqual([0, 1, 2, 3, 4, 5]);
    expect(rows[0].projected).toBe(csv.supported.size);
    for (const row of rows) {
      const k = Number(row.year);
      const notAgedOut = [...csv.supported].filter((id) => csv.monthsTo18(id) > 12 * k).length;
      expect(row.current_not_aged_out).toBe(notAgedOut);
      expect(Number(row.current_still_supported)).toBeLessThanOrEqual(notAgedOut);
      expect(Number(row.lower_95)).toBeLessThanOrEqual(Number(row.lower_80));
      expect(Number(row.lower_80)).toBeLessThanOrEqual(Number(row.projected));
      expect(Number(row.projected)).toBeLessThanOrEqual(Number(row.upper_80));
      expect(Number(row.upper_80)).toBeLessThanOrEqual(Number(row.upper_95));
      expect(Number(row.projected)).toBeCloseTo(
        Number(row.current_still_supported) + Number(row.new_entrants_supported),
        1
      );
    }
  });

  test("the entry rate is the mean of the last three complete financial years of children starting support", async () => {
    // independent: episodes of support from packages.csv (a new episode when a package starts more than a day
    // after every earlier package of the child has ended), started in 2022-23 to 2024-25
    const packages = readCsv(join(demo, "packages.csv")).sort((a, b) =>
      a.child_id === b.child_id
        ? a.start_date < b.start_date
          ? -1
          : a.start_date > b.start_date
            ? 1
            : a.package_id < b.package_id
              ? -1
              : 1
        : a.child_id < b.child_id
          ? -1
          : 1
    );
    let starts = 0;
    let child = "";
    let runningEnd = -Infinity;
    for (const p of packages) {
      const start = day(p.start_date);
      const end = p.end_date === "" ? Infinity : day(p.end_date);
      if (p.child_id !== child || start > runningEnd + 1) {
        if (start >= day("2022-04-01") && start <= day("2025-03-31")) starts++;
        runningEnd = end;
        child = p.child_id;
      } else runningEnd = Math.max(runningEnd, end);
    }
    const csv = fromCsv();
    const [row] = await run(populationSql, [csv.extractMonth, 1, "", "", "", "", 1.2816, 1.96, 3]);
    expect(Number(row.entrants_per_year)).toBeCloseTo(starts / 3, 3);
  });

  test("rejects a horizon beyond 5 years", async () => {
    await expect(run(populationSql, ["2025-11", 6, "", "", "", "", 1.28, 1.96, 3])).rejects.toThrow(/horizon/);
  });
});

describe("the Northamptonshire turning-18 table through the same cohort SQL", () => {
  test("reproduces every published row and the printed total of 11 young people and 42 nights a month", async () => {
    const {northamptonshire} = loadPublished(join(repoRoot, "data", "published"));
    const rows = northamptonshireCohortRows(northamptonshire.turning18, northamptonshire.units);
    const northants = await memoryDb({cohort: cohortRowsToArrow(rows)});
    try {
      const asAt = northamptonshireAsAtMonth(northamptonshire.turning18);
      expect(asAt).toBe("2023-02");
      const byMonth = (
        await northants.connection.runAndReadAll(leaversSql, [asAt, 1, "month", "", "", "", ""])
      ).getRowObjectsJson();
      const key = (month: string, unit: string) => `${month} ${unit}`;
      expect(
        byMonth
          .map((row) => [key(row.period as string, row.lot_code as string), row.children, row.nights_per_month])
          .sort()
      ).toEqual(
        northamptonshire.turning18.map((row) => [key(row.month, row.unit), row.youngPeople, row.nightsPerMonth]).sort()
      );
      const byYear = (
        await northants.connection.runAndReadAll(leaversSql, [asAt, 1, "year", "", "", "", ""])
      ).getRowObjectsJson();
      const totals = {
        youngPeople: byYear.reduce((sum, row) => sum + Number(row.children), 0),
        nightsPerMonth: byYear.reduce((sum, row) => sum + Number(row.nights_per_month), 0)
      };
      expect(totals).toEqual(northamptonshire.turning18PrintedTotal);
      expect(totals).toEqual({
        youngPeople: northamptonshire.turning18Totals.youngPeople,
        nightsPerMonth: northamptonshire.turning18Totals.nightsPerMonth
      });
      // by unit, as the published derivation splits it (JGS 9 and 31, Squirrels 2 and 11)
      for (const unit of northamptonshire.turning18Totals.byUnit) {
        const inUnit = byYear.filter((row) => row.lot_code === unit.unit);
        expect(inUnit.reduce((sum, row) => sum + Number(row.children), 0)).toBe(unit.youngPeople);
        expect(inUnit.reduce((sum, row) => sum + Number(row.nights_per_month), 0)).toBe(unit.nightsPerMonth);
      }
    } finally {
      northants.close();
    }
  });

  test("gives the same rows in the page's one database, with `cohort` bound to the Northamptonshire table", async () => {
    const {northamptonshire} = loadPublished(join(repoRoot, "data", "published"));
    const rows = northamptonshireCohortRows(northamptonshire.turning18, northamptonshire.units);
    const both = await memoryDb({cohort: cohortBytes, northamptonshire: cohortRowsToArrow(rows)});
    try {
      const asAt = northamptonshireAsAtMonth(northamptonshire.turning18);
      const params = [asAt, 1, "month", "", "", "", ""];
      const alone = await memoryDb({cohort: cohortRowsToArrow(rows)});
      const expected = (await alone.connection.runAndReadAll(leaversSql, params)).getRowObjectsJson();
      alone.close();
      const shown = (
        await both.connection.runAndReadAll(
          onCohortTable(leaversSql, "northamptonshire", "period_start, lot_code"),
          params
        )
      ).getRowObjectsJson();
      expect(shown).toEqual(expected);
      // the page's printed check: 11 young people and 42 nights a month over the 12 months after February 2023
      expect(shown.reduce((sum, row) => sum + Number(row.children), 0)).toBe(11);
      expect(shown.reduce((sum, row) => sum + Number(row.nights_per_month), 0)).toBe(42);
      // and the demo cohort in the same database is untouched by the binding
      const demoRows = (await both.connection.runAndReadAll(leaversSql, params)).getRowObjectsJson();
      expect(demoRows).not.toEqual(expected);
    } finally {
      both.close();
    }
  });

  test("onCohortTable rejects a table name it cannot quote safely", () => {
    expect(() => onCohortTable("SELECT 1", 'x"; DROP TABLE cohort; --')).toThrow(/invalid table name/);
    expect(() => onCohortTable("SELECT 1", "cohort")).toThrow(/invalid table name: cohort/);
  });

  test("the demo cohort ships no child id and no birth month", async () => {
    const {tableFromIPC} = await import("apache-arrow");
    const names = tableFromIPC(cohortBytes).schema.fields.map((field) => field.name);
    expect(names).not.toContain("child_id");
    expect(names).not.toContain("birth_month");
  });
});
