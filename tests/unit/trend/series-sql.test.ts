import {afterAll, beforeAll, describe, expect, test} from "vitest";
import {linearPrediction, olsFit} from "../../../src/components/forecast/index.js";
import {splitSeriesAndLinear, withSeries, withSeriesAndLinear} from "../../../src/components/trend/compose.js";
import {seriesParams, type SeriesSelection} from "../../../src/components/trend/measures.js";
import {tQuantileList} from "../../../src/components/trend/quantile-list.js";
import {openForecastDb, readSql, type ForecastDb} from "../../support/forecast-db.js";
import {independentSeries, loadIndependent, type IndependentData} from "./independent.js";

const ALL: SeriesSelection = {
  measure: "referrals",
  area: "ALL",
  lot: "ALL",
  need: "ALL",
  source: "ALL",
  funder: "ALL",
  route: "ALL",
  grain: "year",
  window: 1
};
const LAST_MONTH = "2025-11";

/** Selections across every measure, grain, filter and the rolling window. */
const SELECTIONS: SeriesSelection[] = [
  ALL,
  {...ALL, grain: "quarter"},
  {...ALL, grain: "month"},
  {...ALL, grain: "month", window: 12},
  {...ALL, lot: "LOT1", grain: "quarter"},
  {...ALL, area: "NORTH", lot: "LOT2", grain: "year"},
  {...ALL, need: "ASD", source: "panel", grain: "quarter"},
  {...ALL, measure: "ehcp_requests"},
  {...ALL, measure: "ehcp_assessments", area: "EAST", grain: "quarter"},
  {...ALL, measure: "ehcp_plans", grain: "month", window: 3},
  {...ALL, measure: "children_supported"},
  {...ALL, measure: "children_supported", lot: "LOT2", area: "SOUTH", grain: "quarter"},
  {...ALL, measure: "children_supported", funder: "health", grain: "month", window: 12},
  {...ALL, measure: "spend"},
  {...ALL, measure: "spend", lot: "LOT3", route: "spot_purchase", grain: "quarter"},
  {...ALL, measure: "spend", funder: "council", area: "WEST", grain: "month"},
  {...ALL, measure: "hours", lot: "LOT4", grain: "year"}
];

let db: ForecastDb;
let data: IndependentData;
const seriesSql = readSql("series.sql");
const linearSql = readSql("linear.sql");

beforeAll(async () => {
  db = await openForecastDb();
  data = loadIndependent();
});
afterAll(() => db?.close());

const label = (s: SeriesSelection) =>
  `${s.measure} ${s.grain} w${s.window} ${[s.area, s.lot, s.need, s.source, s.funder, s.route].join("/")}`;

/** |a − b| within 1e-9 of the larger magnitude (or of 1, near zero). */
function expectClose(actual: number, expected: number, what: string) {
  const tolerance = 1e-9 * Math.max(1, Math.abs(expected));
  expect(Math.abs(actual - expected), `${what}: ${actual} vs ${expected}`).toBeLessThanOrEqual(tolerance);
}

describe("series.sql", () => {
  test.each(SELECTIONS.map((s) => [label(s), s] as const))(
    "equals an independent aggregation of the CSVs: %s",
    async (_, sel) => {
      const rows = await db.query(seriesSql, seriesParams(sel, LAST_MONTH));
      const expected = independentSeries(data, sel, LAST_MONTH);
      expect(rows.map((r) => r.period)).toEqual(expected.map((e) => e.period));
      expect(rows.map((r) => r.t)).toEqual(expected.map((_, i) => i + 1));
      rows.forEach((row, i) => expectClose(Number(row.value), expected[i].value, `${String(row.period)}`));
      expect(rows.length).toBeGreaterThanOrEqual(5);
    }
  );

  test("leaves out incomplete periods: the financial year 2025-26 and the quarter October to December 2025", async () => {
    const years = await db.query(seriesSql, seriesParams(ALL, LAST_MONTH));
    expect(years.map((r) => r.period)).toEqual(["2019-20", "2020-21", "2021-22", "2022-23", "2023-24", "2024-25"]);
    const quarters = await db.query(seriesSql, seriesParams({...ALL, grain: "quarter"}, LAST_MONTH));
    expect(quarters.at(-1)?.period).toBe("2025-26 Q2");
    const earlier = await db.query(seriesSql, seriesParams({...ALL, grain: "month"}, "2024-06"));
    expect(earlier.at(-1)?.period).toBe("2024-06");
  });

  test("matches the demo county's published figures: 210 referrals in 2019-20 and 308 children supported on 30 November 2025", async () => {
    const years = await db.query(seriesSql, seriesParams(ALL, LAST_MONTH));
    expect(years[0].value).toBe(210);
    const months = await db.query(
      seriesSql,
      seriesParams({...ALL, measure: "children_supported", grain: "month"}, LAST_MONTH)
    );
    expect(months.at(-1)).toMatchObject({period: "2025-11", value: 308});
  });
});

describe("linear.sql agrees with the TypeScript engine's linearPrediction", () => {
  test.each(SELECTIONS.map((s) => [label(s), s] as const))("%s", async (_, sel) => {
    const params = seriesParams(sel, LAST_MONTH);
    const series = await db.query(seriesSql, params);
    const t = series.map((r) => Number(r.t));
    const y = series.map((r) => Number(r.value));
    const n = y.length;
    const horizon = 5;
    const [inner, outer] = [80, 95];
    // the quantiles for df = 1..n + 3, of which linear.sql must pick df = n − 2
    const rows = await db.query(withSeries(seriesSql, linearSql), [
      ...params,
      horizon,
      tQuantileList(inner, n + 3),
      tQuantileList(outer, n + 3)
    ]);
    expect(rows).toHaveLength(horizon);
    const fit = olsFit(t, y);
    const x0 = rows.map((r) => Number(r.t));
    expect(x0).toEqual(Array.from({length: horizon}, (_, i) => n + i + 1));
    const p80 = linearPrediction(t, y, x0, inner);
    const p95 = linearPrediction(t, y, x0, outer);
    rows.forEach((row, i) => {
      expect(row.n).toBe(n);
      expectClose(Number(row.slope), fit.slope, "slope");
      expectClose(Number(row.intercept), fit.intercept, "intercept");
      expectClose(Number(row.xbar), fit.xbar, "mean of t");
      expectClose(Number(row.sxx), fit.sxx, "Sxx");
      expectClose(Number(row.residual_se), fit.residualSD, "residual standard error");
      expectClose(Number(row.mean), p80.mean[i], "mean");
      expectClose(Number(row.lower_inner), p80.lower[i], "80% lower");
      expectClose(Number(row.upper_inner), p80.upper[i], "80% upper");
      expectClose(Number(row.lower_outer), p95.lower[i], "95% lower");
      expectClose(Number(row.upper_outer), p95.upper[i], "95% upper");
    });
  });

  test("gives no trend for a series shorter than 3 periods", async () => {
    const params = seriesParams({...ALL, grain: "year"}, "2021-03");
    expect(await db.query(seriesSql, params)).toHaveLength(2);
    expect(await db.query(withSeries(seriesSql, linearSql), [...params, 3, "1,1,1", "2,2,2"])).toEqual([]);
  });

  test("picks the quantile for n − 2 degrees of freedom from the lists", async () => {
    const params = seriesParams(ALL, LAST_MONTH); // 6 financial years: 4 degrees of freedom
    const rows = await db.query(withSeries(seriesSql, linearSql), [...params, 1, "1,2,3,4,5,6", "10,20,30,40,50,60"]);
    const {mean, se} = rows[0] as {mean: number; se: number};
    expectClose(Number(rows[0].upper_inner), mean + 4 * se, "inner bound uses item 4");
    expectClose(Number(rows[0].lower_outer), mean - 40 * se, "outer bound uses item 4");
    // R: qt(0.9, 4) = 1.5332062740589438
    expect(Number(tQuantileList(80, 4).split(",")[3])).toBeCloseTo(1.5332062740589438, 12);
  });
});

describe("one statement for the series and its linear trend (what the page runs)", () => {
  test.each(SELECTIONS.map((s) => [label(s), s] as const))("%s equals the two queries run apart", async (_, sel) => {
    const params = seriesParams(sel, LAST_MONTH);
    const quantiles = [tQuantileList(80, 200), tQuantileList(95, 200)];
    const separateSeries = await db.query(seriesSql, params);
    const separateLinear = await db.query(withSeries(seriesSql, linearSql), [...params, 4, ...quantiles]);
    const together = splitSeriesAndLinear(
      await db.query(withSeriesAndLinear(seriesSql, linearSql), [...params, 4, ...quantiles])
    );
    const pick = (row: Record<string, unknown>, keys: string[]) => Object.fromEntries(keys.map((k) => [k, row[k]]));
    expect(together.series.map((r) => pick(r, Object.keys(separateSeries[0])))).toEqual(separateSeries);
    expect(together.linear.map((r) => pick(r, Object.keys(separateLinear[0])))).toEqual(separateLinear);
    expect(together.linear.map((r) => r.h)).toEqual([1, 2, 3, 4]);
  });
});

describe("the forecast aggregates", () => {
  test("carry aggregates only: no child-level column", async () => {
    for (const table of ["forecast_referrals", "forecast_ehcp", "forecast_supported", "forecast_spend"]) {
      const columns = (await db.query(`SELECT column_name FROM (DESCRIBE ${table})`)).map((r) => String(r.column_name));
      expect(
        columns.filter((c) =>
          /^(child_id|birth_month|package_id|referral_id|received_date|start_date|end_date)$/.test(c)
        ),
        table
      ).toEqual([]);
    }
  });
});
