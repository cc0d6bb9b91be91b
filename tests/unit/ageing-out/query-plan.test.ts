/**
 * The ageing-out query plan (docs/ageing-out.md): the page's SQL was rewritten so that an input change runs only
 * small queries, with the input-independent survival table precomputed by the build. These tests hold the rewrite
 * to the previous implementation (tests/unit/ageing-out/reference/*-v1.sql, the SQL the page ran before, kept as
 * the reference) on the demo county, and check the survival table against hand calculations.
 */
import {readFileSync} from "node:fs";
import {join} from "node:path";
import {tableFromIPC} from "apache-arrow";
import {afterAll, beforeAll, describe, expect, test} from "vitest";
import {queryRows, queryToArrow} from "../../../loaders/arrow/query-to-arrow.js";
import {
  AGEING_OUT_COHORT_SQL,
  AGEING_OUT_HISTORY_SQL,
  EXTRACT_DATE_TEXT_SQL,
  ageingOutSurvivalScript
} from "../../../loaders/aggregates/ageing-out.js";
import {repoRoot} from "../../../loaders/paths.js";
import {openWarehouse} from "../../../loaders/warehouse/index.js";
import {HISTORY_YEARS, MAX_YEARS} from "../../../src/components/ageing-out/model.js";
import {memoryDb} from "../../support/duckdb-arrow.js";

const sqlFile = (name: string) => readFileSync(join(repoRoot, "src", "sql", name), "utf8");
const referenceFile = (name: string) => readFileSync(join(import.meta.dirname, "reference", name), "utf8");
const leaversSql = sqlFile("ageing-out-leavers.sql");
const populationSql = sqlFile("ageing-out-population.sql");
const survivalSql = sqlFile("ageing-out-survival.sql");

type Db = Awaited<ReturnType<typeof memoryDb>>;
type Param = string | number;
let db: Db;
let extractMonth: string;
let historyBytes: Uint8Array;
let survivalBytes: Uint8Array;
let lots: string[];
let areas: string[];
let needs: string[];

async function rows(target: Db, sql: string, params: Param[] = []) {
  return (await target.connection.runAndReadAll(sql, params)).getRowObjectsJson();
}

beforeAll(async () => {
  const warehouse = await openWarehouse(join(repoRoot, "data", "demo"));
  const cohort = await queryToArrow(warehouse.connection, AGEING_OUT_COHORT_SQL);
  historyBytes = await queryToArrow(warehouse.connection, AGEING_OUT_HISTORY_SQL);
  survivalBytes = await queryToArrow(warehouse.connection, ageingOutSurvivalScript());
  const [{extract_date: extractDate}] = await queryRows(warehouse.connection, EXTRACT_DATE_TEXT_SQL);
  warehouse.close();
  extractMonth = String(extractDate).slice(0, 7);
  db = await memoryDb({cohort, history: historyBytes, survival: survivalBytes});
  const distinct = async (column: string) =>
    (await rows(db, `SELECT DISTINCT ${column} AS v FROM cohort ORDER BY 1`)).map((row) => row.v as string);
  lots = await distinct("lot_code");
  areas = await distinct("area_code");
  needs = await distinct("primary_need");
}, 120_000); // the warehouse may be built first, on a machine shared with other jobs

afterAll(() => db?.close());

describe("the rewritten SQL gives the previous implementation's results on the demo county", () => {
  test("leavers: every period, horizon and Lot, and a funder", async () => {
    const reference = referenceFile("leavers-v1.sql");
    let compared = 0;
    for (const period of ["month", "quarter", "financial_year", "year"]) {
      for (const horizon of [1, 2, 3, 4, 5]) {
        for (const [lot, funder] of [["", ""], ...lots.map((code) => [code, ""]), ["", "health"]]) {
          const params = [extractMonth, horizon, period, lot, "", "", funder];
          const expected = await rows(db, reference, params);
          expect(await rows(db, leaversSql, params), JSON.stringify(params)).toEqual(expected);
          compared += expected.length;
        }
      }
    }
    expect(compared).toBeGreaterThan(1000);
  });

  test("leavers: an extract month in each quarter of the financial year (labels and year boundaries)", async () => {
    const reference = referenceFile("leavers-v1.sql");
    for (const month of ["2025-01", "2025-03", "2025-04", "2025-06", "2025-09", "2025-12"]) {
      for (const period of ["quarter", "financial_year", "year"]) {
        const params = [month, 2, period, "", areas[0], "", ""];
        expect(await rows(db, leaversSql, params), JSON.stringify(params)).toEqual(await rows(db, reference, params));
      }
    }
  });

  test("population: horizons 1, 3 and 5, each Lot, each area, a need, a funder and a filter with no children", async () => {
    const reference = referenceFile("population-v1.sql");
    const filters: string[][] = [
      ["", "", "", ""],
      ...lots.map((lot) => [lot, "", "", ""]),
      ...areas.map((area) => ["", area, "", ""]),
      ["", "", needs[0], ""],
      [lots[0], areas[1], "", "health"],
      ["", "", "", "nobody"]
    ];
    for (const horizon of [1, 3, 5]) {
      for (const filter of filters) {
        const params = [extractMonth, horizon, ...filter, 1.2816, 1.96, HISTORY_YEARS];
        const expected = await rows(db, reference, params);
        expect(expected.length).toBe(horizon + 1);
        expect(await rows(db, populationSql, params), JSON.stringify(params)).toEqual(expected);
      }
    }
  });

  test("population: a horizon's rows are the first rows of the longest horizon, so the page selects them", async () => {
    const all = await rows(db, populationSql, [extractMonth, MAX_YEARS, lots[1], "", "", "", 1.2816, 1.96, 3]);
    for (const horizon of [1, 2, 3, 4]) {
      const params = [extractMonth, horizon, lots[1], "", "", "", 1.2816, 1.96, 3];
      expect(await rows(db, populationSql, params)).toEqual(all.slice(0, horizon + 1));
    }
  });
});

describe("the survival table (src/sql/ageing-out-survival.sql)", () => {
  test("the build's script gives the SQL file's result for the extract month, byte-identical on every run", async () => {
    const fromFile = await memoryDb({history: historyBytes});
    try {
      const expected = await rows(fromFile, survivalSql, [extractMonth, HISTORY_YEARS, MAX_YEARS]);
      const shipped = tableFromIPC(survivalBytes)
        .toArray()
        .map((row: {toJSON(): Record<string, unknown>}) => row.toJSON());
      // k = 0..5 years ahead x ages 0..216 months
      expect(shipped.length).toBe((MAX_YEARS + 1) * 217);
      expect(expected.length).toBe(shipped.length);
      shipped.forEach((row, index) => {
        expect([row.k, row.age_month, row.age_band]).toEqual([
          expected[index].k,
          expected[index].age_month,
          expected[index].age_band
        ]);
        expect(row.survival).toBeCloseTo(Number(expected[index].survival), 12);
        expect(row.entry_weight).toBeCloseTo(Number(expected[index].entry_weight), 12);
      });
      const warehouse = await openWarehouse(join(repoRoot, "data", "demo"));
      const again = await queryToArrow(warehouse.connection, ageingOutSurvivalScript());
      warehouse.close();
      expect(Buffer.from(again).equals(Buffer.from(survivalBytes))).toBe(true);
    } finally {
      fromFile.close();
    }
  });

  /** A history with `exits` exits per 10 person-years in every band, in the three years before 2025-26. */
  async function syntheticHistory(exits: number, entrants0to4: number): Promise<Db> {
    const target = await memoryDb({});
    await target.connection.run(`CREATE TABLE history AS
      SELECT fy AS financial_year, band AS age_band, 'L1' AS lot_code, 'A1' AS area_code, 'ASD' AS primary_need,
        'council' AS funder, CASE WHEN band = '0-4' THEN ${entrants0to4} ELSE 0 END AS entrants, 0 AS new_packages,
        ${exits} AS exits_before_18, 10.0 AS person_years
      FROM (VALUES ('2022-23'), ('2023-24'), ('2024-25')) f(fy), (VALUES ('0-4'), ('5-10'), ('11-15'), ('16-17')) b(band)
      -- outside the three years before the extract: must not count
      UNION ALL SELECT '2021-22', '0-4', 'L1', 'A1', 'ASD', 'council', 1000, 0, 1000, 1.0`);
    return target;
  }

  test("with no exits before 18, everyone stays until 18 and a band's weight is its years of arrivals", async () => {
    const target = await syntheticHistory(0, 30);
    try {
      const table = await rows(target, survivalSql, ["2025-11", 3, 5]);
      for (const row of table) expect(row.survival).toBe(1);
      const weight = (band: string, k: number) =>
        table
          .filter((row) => row.age_band === band && row.k === k)
          .reduce((sum, row) => sum + Number(row.entry_weight), 0);
      // 0-4: entrants arrive evenly over 60 months of age and the 12 months of a year, and none reaches 18 within
      // 5 years, so k years on, k years of entrants are still supported: w = 60 * 12k / (144 * 5) = k
      for (const k of [0, 1, 2, 3, 4, 5]) expect(weight("0-4", k)).toBeCloseTo(k, 12);
      // 16-17, one year on: of the cells at ages 192..215 months, those at 192..204 stay all 12 months (13 * 12 =
      // 156 cell-months) and those at 205..215 stay 216 - a months (11 + 10 + ... + 1 = 66): 222 / (144 * 2)
      expect(weight("16-17", 1)).toBeCloseTo(222 / 288, 12);
    } finally {
      target.close();
    }
  });

  test("with a constant leaving rate of 0.1 a year, survival k years on is exp(-0.1 k) before 18", async () => {
    const target = await syntheticHistory(1, 30);
    try {
      const table = await rows(target, survivalSql, ["2025-11", 3, 5]);
      for (const row of table.filter((r) => Number(r.age_month) + 12 * Number(r.k) <= 216)) {
        expect(Number(row.survival)).toBeCloseTo(Math.exp(-0.1 * Number(row.k)), 12);
      }
    } finally {
      target.close();
    }
  });

  test("the population from entrants alone: 30 a year of 0-4 year olds, nobody leaving, no year-to-year variation", async () => {
    const target = await syntheticHistory(0, 30);
    try {
      await target.connection.run(`CREATE TABLE survival AS ${survivalSql}`, ["2025-11", 3, 5]);
      await target.connection.run(`CREATE TABLE cohort (turn18_month VARCHAR, lot_code VARCHAR, area_code VARCHAR,
        primary_need VARCHAR, funder VARCHAR, children INTEGER)`);
      const [, year1, year2] = await rows(target, populationSql, ["2025-11", 2, "", "", "", "", 1.2816, 1.96, 3]);
      // entry rate 90 / 3 = 30 a year; one year on all 30 are still supported, two years on 60
      expect(year1.new_entrants_supported).toBe(30);
      expect(year2.new_entrants_supported).toBe(60);
      expect(year1.entrants_per_year).toBe(30);
      // yearly totals 30, 30, 30: variance 0, so phi = 1; variance = phi * 30 * 1 + phi * 1^2 * 30 / 3 = 40,
      // sd = 6.32456; 80% interval 30 -/+ 1.2816 * 6.32456 = 30 -/+ 8.10554
      expect(year1.dispersion).toBe(1);
      expect(year1.lower_80).toBe(21.89);
      expect(year1.upper_80).toBe(38.11);
    } finally {
      target.close();
    }
  });
});
