import {describe, expect, test} from "vitest";
import {splitSeriesAndLinear, sqlStatements, withSeriesAndLinear} from "../../../src/components/trend/compose.js";
import {tQuantileList} from "../../../src/components/trend/quantile-list.js";
import {readSql} from "../../support/forecast-db.js";

describe("sqlStatements", () => {
  test("splits a file after each statement and drops comment-only chunks", () => {
    const text =
      "-- header\n-- more\nCREATE TABLE a AS SELECT 1;\n\n-- b from a\nCREATE TABLE b AS\nSELECT ';' AS s FROM a;\n-- end\n";
    expect(sqlStatements(text)).toEqual([
      "-- header\n-- more\nCREATE TABLE a AS SELECT 1",
      "-- b from a\nCREATE TABLE b AS\nSELECT ';' AS s FROM a"
    ]);
  });

  test("finds the three tables of trend-facts.sql", () => {
    const statements = sqlStatements(readSql("trend-facts.sql"));
    expect(statements.map((s) => /CREATE OR REPLACE TABLE (\w+)/.exec(s)?.[1])).toEqual([
      "trend_facts",
      "trend_bounds",
      "trend_months"
    ]);
  });
});

describe("withSeriesAndLinear and splitSeriesAndLinear", () => {
  test("compose one statement that reads the series once", () => {
    const sql = withSeriesAndLinear("SELECT 1 AS t, 2.0 AS value;\n", "SELECT count(*) AS n FROM series;");
    expect(sql).toBe(
      "WITH series AS MATERIALIZED (\nSELECT 1 AS t, 2.0 AS value\n),\nlinear AS (\nSELECT count(*) AS n FROM series\n)\n" +
        "SELECT * FROM series\nUNION ALL BY NAME\nSELECT * FROM linear\nORDER BY t"
    );
  });

  test("split rows by h, keeping their order", () => {
    const rows = [
      {t: 1, h: null},
      {t: 2, h: null},
      {t: 3, h: 1},
      {t: 4, h: 2}
    ];
    expect(splitSeriesAndLinear(rows)).toEqual({series: rows.slice(0, 2), linear: rows.slice(2)});
  });
});

describe("tQuantileList", () => {
  test("lists Student-t quantiles by degrees of freedom", () => {
    // R 4.2: options(digits = 17); qt(0.9, c(1, 2, 10, 30)); qt(0.995, c(1, 5))
    const q80 = tQuantileList(80, 30).split(",").map(Number);
    expect(q80).toHaveLength(30);
    expect(q80[0]).toBeCloseTo(3.0776835371752544, 12);
    expect(q80[1]).toBeCloseTo(1.8856180831641269, 12);
    expect(q80[9]).toBeCloseTo(1.3721836411103356, 12);
    expect(q80[29]).toBeCloseTo(1.3104150253913955, 12);
    const q99 = tQuantileList(99, 5).split(",").map(Number);
    expect(q99[0]).toBeCloseTo(63.6567411628715263, 9);
    expect(q99[4]).toBeCloseTo(4.0321429835552287, 12);
  });

  test("gives the same list however it was reached, and rejects bad arguments", () => {
    expect(tQuantileList(90, 3)).toBe(tQuantileList(90, 10).split(",").slice(0, 3).join(","));
    expect(() => tQuantileList(100, 3)).toThrow("invalid level: 100");
    expect(() => tQuantileList(80, 0)).toThrow("invalid maxDf: 0");
  });
});
