/**
 * The ageing-out page runs its two cube queries once when it opens and picks an input choice's rows from them
 * (src/components/ageing-out/cube.ts). These tests hold those rows to the single-choice SQL files
 * (src/sql/ageing-out-leavers.sql, src/sql/ageing-out-population.sql), which the other tests check against hand
 * calculations, on the demo county and on the published Northamptonshire table: every period × horizon × single
 * filter, pairs and a four-way combination of filters, and a choice with no data.
 */
import {readFileSync} from "node:fs";
import {join} from "node:path";
import {afterAll, beforeAll, describe, expect, test} from "vitest";
import {queryRows, queryToArrow} from "../../../loaders/arrow/query-to-arrow.js";
import {
  AGEING_OUT_COHORT_SQL,
  AGEING_OUT_HISTORY_SQL,
  EXTRACT_DATE_TEXT_SQL,
  ageingOutSurvivalScript
} from "../../../loaders/aggregates/ageing-out.js";
import {
  cohortRowsToArrow,
  northamptonshireAsAtMonth,
  northamptonshireCohortRows
} from "../../../loaders/aggregates/northamptonshire-cohort.js";
import {loadPublished} from "../../../loaders/published/index.js";
import {repoRoot} from "../../../loaders/paths.js";
import {openWarehouse} from "../../../loaders/warehouse/index.js";
import {CUBE_ORDER, leaversLookup, populationLookup} from "../../../src/components/ageing-out/cube.js";
import {onCohortTable} from "../../../src/components/ageing-out/sql.js";
import {HISTORY_YEARS, MAX_YEARS} from "../../../src/components/ageing-out/model.js";
import {memoryDb} from "../../support/duckdb-arrow.js";

const sqlFile = (name: string) => readFileSync(join(repoRoot, "src", "sql", name), "utf8");
const leaversSql = sqlFile("ageing-out-leavers.sql");
const populationSql = sqlFile("ageing-out-population.sql");
const leaversCubeSql = sqlFile("ageing-out-leavers-cube.sql");
const populationCubeSql = sqlFile("ageing-out-population-cube.sql");
const PERIODS = ["month", "quarter", "financial_year", "year"];
const Z80 = 1.2816;
const Z95 = 1.96;

type Db = Awaited<ReturnType<typeof memoryDb>>;
type Row = Record<string, unknown>;
let db: Db;
let extractMonth: string;
let values: Record<"lot" | "area" | "need" | "funder", string[]>;

async function rows(target: Db, sql: string, params: (string | number)[] = []): Promise<Row[]> {
  return (await target.connection.runAndReadAll(sql, params)).getRowObjectsJson();
}

beforeAll(async () => {
  const warehouse = await openWarehouse(join(repoRoot, "data", "demo"));
  const cohort = await queryToArrow(warehouse.connection, AGEING_OUT_COHORT_SQL);
  const history = await queryToArrow(warehouse.connection, AGEING_OUT_HISTORY_SQL);
  const survival = await queryToArrow(warehouse.connection, ageingOutSurvivalScript());
  const [{extract_date: extractDate}] = await queryRows(warehouse.connection, EXTRACT_DATE_TEXT_SQL);
  warehouse.close();
  extractMonth = String(extractDate).slice(0, 7);
  db = await memoryDb({cohort, history, survival});
  const distinct = async (column: string) =>
    (await rows(db, `SELECT DISTINCT ${column} AS v FROM cohort ORDER BY 1`)).map((row) => row.v as string);
  values = {
    lot: await distinct("lot_code"),
    area: await distinct("area_code"),
    need: await distinct("primary_need"),
    funder: await distinct("funder")
  };
}, 120_000); // the warehouse may be built first, on a machine shared with other jobs

afterAll(() => db?.close());

/** No filter, each value of each filter alone, and some combinations of two, three and four filters. */
function filterChoices() {
  const none = {lot: "", area: "", need: "", funder: ""};
  return [
    none,
    ...values.lot.map((lot) => ({...none, lot})),
    ...values.area.map((area) => ({...none, area})),
    ...values.need.map((need) => ({...none, need})),
    ...values.funder.map((funder) => ({...none, funder})),
    ...values.lot.map((lot, i) => ({...none, lot, area: values.area[i % values.area.length]})),
    ...values.need.map((need, i) => ({...none, need, funder: values.funder[i % values.funder.length]})),
    {...none, area: values.area[1], need: values.need[0], funder: values.funder[0]},
    {lot: values.lot[0], area: values.area[0], need: values.need[0], funder: values.funder[0]}
  ];
}

describe("the leavers cube gives ageing-out-leavers.sql's rows for every choice", () => {
  test("demo county: every period and horizon, each filter alone and in combination", async () => {
    const leavers = leaversLookup<Row>(await rows(db, leaversCubeSql, [extractMonth]));
    let compared = 0;
    for (const period of PERIODS) {
      for (let horizon = 1; horizon <= MAX_YEARS; horizon++) {
        for (const filter of filterChoices()) {
          const params = [extractMonth, horizon, period, filter.lot, filter.area, filter.need, filter.funder];
          const expected = await rows(db, leaversSql, params);
          expect(leavers({period, horizon, ...filter}), JSON.stringify(params)).toEqual(expected);
          compared += expected.length;
        }
      }
    }
    // 4 periods × 5 horizons × 45 choices; the all-children choice alone has 5 Lots × up to 60 months
    expect(compared).toBeGreaterThan(5000);
  });

  test("an extract month in each quarter of the financial year (labels and partial last periods)", async () => {
    for (const month of ["2025-01", "2025-03", "2025-04", "2025-06", "2025-09", "2025-12"]) {
      const leavers = leaversLookup<Row>(await rows(db, leaversCubeSql, [month]));
      for (const period of PERIODS) {
        for (const horizon of [1, 2]) {
          const params = [month, horizon, period, "", values.area[0], "", ""];
          const choice = {period, horizon, lot: "", area: values.area[0], need: "", funder: ""};
          expect(leavers(choice), JSON.stringify(params)).toEqual(await rows(db, leaversSql, params));
        }
      }
    }
  });

  test("a filter value with no young person gives no rows", async () => {
    const leavers = leaversLookup<Row>(await rows(db, leaversCubeSql, [extractMonth]));
    const choice = {period: "year", horizon: 5, lot: "", area: "", need: "", funder: "nobody"};
    expect(leavers(choice)).toEqual([]);
    expect(leavers({...choice, funder: "", lot: "nobody"})).toEqual([]);
  });

  test("the published Northamptonshire table: 11 young people and 42 nights a month in the next year", async () => {
    const {northamptonshire: published} = loadPublished(join(repoRoot, "data", "published"));
    const northamptonshire = cohortRowsToArrow(northamptonshireCohortRows(published.turning18, published.units));
    const both = await memoryDb({cohort: await queryToArrow(db.connection, "FROM cohort"), northamptonshire});
    try {
      const asAt = northamptonshireAsAtMonth(published.turning18);
      const cube = await rows(both, onCohortTable(leaversCubeSql, "northamptonshire", CUBE_ORDER), [asAt]);
      const byMonth = leaversLookup<Row>(cube)({period: "month", horizon: 1, lot: "", area: "", need: "", funder: ""});
      const params = [asAt, 1, "month", "", "", "", ""];
      expect(byMonth).toEqual(
        await rows(both, onCohortTable(leaversSql, "northamptonshire", "period_start, lot_code"), params)
      );
      // published: 11 young people, 42 nights a month (data/published/, the Northamptonshire short-breaks model)
      expect(byMonth.reduce((sum, row) => sum + Number(row.children), 0)).toBe(11);
      expect(byMonth.reduce((sum, row) => sum + Number(row.nights_per_month ?? 0), 0)).toBe(42);
    } finally {
      both.close();
    }
  });
});

describe("the population cube gives ageing-out-population.sql's rows for every filter choice", () => {
  test("demo county: each filter alone and in combination, years 0-5", async () => {
    const population = populationLookup<Row>(
      await rows(db, populationCubeSql, [extractMonth, Z80, Z95, HISTORY_YEARS])
    );
    let compared = 0;
    for (const filter of filterChoices()) {
      const params = [
        extractMonth,
        MAX_YEARS,
        filter.lot,
        filter.area,
        filter.need,
        filter.funder,
        Z80,
        Z95,
        HISTORY_YEARS
      ];
      const expected = await rows(db, populationSql, params);
      expect(expected).toHaveLength(MAX_YEARS + 1);
      const found = population(filter);
      if (found) {
        expect(found, JSON.stringify(params)).toEqual(expected);
        compared++;
      } else {
        // not in the cube only when nobody is there: no child today and no entrant in the history years
        expect(expected.every((row) => row.current_not_aged_out === 0 && row.entrants_per_year === 0)).toBe(true);
      }
    }
    // 41 of the 45 choices have children or entrants on the demo county
    expect(compared).toBe(41);
  });

  test("a choice with no child and no entrant is not in the cube (the page queries it)", async () => {
    const population = populationLookup<Row>(
      await rows(db, populationCubeSql, [extractMonth, Z80, Z95, HISTORY_YEARS])
    );
    expect(population({lot: "", area: "", need: "", funder: "nobody"})).toBeUndefined();
  });
});
