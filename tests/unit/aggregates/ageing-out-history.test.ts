import {DuckDBInstance} from "@duckdb/node-api";
import {describe, expect, test} from "vitest";
import {queryRows} from "../../../loaders/arrow/query-to-arrow.js";
import {AGE_BANDS, AGEING_OUT_HISTORY_SQL} from "../../../loaders/aggregates/ageing-out.js";
import {financialYearSql} from "../../../loaders/aggregates/sql.js";

const band = (age: string) => `CASE ${AGE_BANDS.map((b) => `WHEN ${age} <= ${b.to} THEN '${b.band}'`).join(" ")} END`;

/**
 * The person-years definition written the direct way (the query the warehouse build used before): every month
 * start inside every episode listed, then counted by financial year and age band. The build's query, which counts
 * each episode's months from its runs of one financial year and age, must give exactly the same rows.
 */
const DIRECT_EXPOSURE = `months AS (
  SELECT e.*, m.month_start::DATE AS month_start
  FROM episodes e, fy_end,
    LATERAL generate_series(date_trunc('month', e.start_date + INTERVAL 1 MONTH - INTERVAL 1 DAY)::DATE,
      least(e.end_date, fy_end.last_day), INTERVAL 1 MONTH) AS m(month_start)
),
exposure AS (
  SELECT ${financialYearSql("month_start")} AS financial_year,
    ${band("date_diff('month', birth_date, month_start) // 12")} AS age_band,
    lot_code, area_code, primary_need, funder, count(*) / 12.0 AS person_years
  FROM months GROUP BY ALL
),
`;

const start = AGEING_OUT_HISTORY_SQL.indexOf("spans AS (");
const end = AGEING_OUT_HISTORY_SQL.indexOf("keys AS (");
const REFERENCE_SQL = AGEING_OUT_HISTORY_SQL.slice(0, start) + DIRECT_EXPOSURE + AGEING_OUT_HISTORY_SQL.slice(end);

/**
 * Children born from 2000 to 2016 (some after their package starts: negative ages, which integer division rounds
 * towards zero), packages starting on the 1st and on other days (the 31st, 29 February), ending on month ends, on
 * the 1st or never, over one day to ten years, across every April and every birthday month; plus one child worked
 * by hand. Dates come from a fixed linear congruential sequence.
 */
async function syntheticWarehouse() {
  const instance = await DuckDBInstance.create(":memory:");
  const connection = await instance.connect();
  await connection.run(`
    CREATE TABLE referrals AS SELECT DATE '2016-05-03' AS received_date UNION ALL SELECT DATE '2025-10-01';
    CREATE TABLE meta AS SELECT 'extract_date' AS key, '2025-11-30' AS value;
    CREATE TABLE children AS
    SELECT 'C' || i::VARCHAR AS child_id,
      strftime(DATE '2000-01-01' + INTERVAL ((i * 7919) % 204) MONTH, '%Y-%m') AS birth_month,
      ['N', 'S'][1 + i % 2] AS area_code, ['ASD', 'SEMH', 'PD'][1 + i % 3] AS primary_need
    FROM range(300) t(i)
    UNION ALL SELECT 'HAND', '2005-09', 'N', 'ASD';
    CREATE TABLE packages AS
    WITH seq AS (SELECT i, (i * 1103515245 + 12345) % 2147483648 AS r FROM range(1500) t(i))
    SELECT 'P' || i::VARCHAR AS package_id, 'C' || (r % 300)::VARCHAR AS child_id,
      ['L1', 'L2'][1 + (r // 7) % 2] AS lot_code, ['council', 'health'][1 + (r // 11) % 2] AS funder,
      ['N', 'S'][1 + (r // 13) % 2] AS area_code,
      CASE i % 4
        WHEN 0 THEN DATE '2014-01-01' + INTERVAL ((r // 17) % 130) MONTH
        WHEN 1 THEN last_day(DATE '2014-01-01' + INTERVAL ((r // 17) % 130) MONTH)
        WHEN 2 THEN DATE '2016-02-29' + ((r // 17) % 3300)::INTEGER
        ELSE DATE '2014-03-15' + ((r // 17) % 3900)::INTEGER
      END::DATE AS start_date,
      (r // 19) % 5 AS end_kind, ((r // 23) % 3650)::INTEGER AS length,
      1 + (r // 29) % 20 AS hours_per_week, 12.5 AS hourly_rate
    FROM seq;
    CREATE OR REPLACE TABLE packages AS
    SELECT package_id, child_id, lot_code, funder, area_code, start_date,
      CASE end_kind
        WHEN 0 THEN NULL
        WHEN 1 THEN last_day(start_date + INTERVAL (length // 30) MONTH)
        WHEN 2 THEN (date_trunc('month', start_date + INTERVAL (length // 30) MONTH))::DATE
        ELSE start_date + length
      END AS end_date, hours_per_week, hourly_rate
    FROM packages
    UNION ALL SELECT 'PHAND', 'HAND', 'L9', 'joint', 'N', DATE '2022-01-15', DATE '2023-06-30', 10, 20.0;`);
  return {instance, connection};
}

describe("ageing-out history", () => {
  test("person-years equal the direct month-by-month count on episodes that cross every year and birthday edge", async () => {
    expect(start).toBeGreaterThan(0);
    expect(end).toBeGreaterThan(start);
    const {instance, connection} = await syntheticWarehouse();
    const expected = await queryRows(connection, REFERENCE_SQL);
    const actual = await queryRows(connection, AGEING_OUT_HISTORY_SQL);
    connection.closeSync();
    instance.closeSync();
    expect(expected.filter((row) => (row.person_years as number) > 0).length).toBeGreaterThan(200);
    expect(actual).toEqual(expected);
    // By hand: child HAND, born September 2005, one package 15 Jan 2022 to 30 Jun 2023 (Lot L9, joint). Month
    // starts 1 Feb 2022 to 1 Jun 2023: Feb-Mar 2022 in 2021-22 (aged 16: 197 and 198 months), Apr 2022-Mar 2023 in
    // 2022-23 (Apr-Aug aged 16, Sep-Mar aged 17; both in the 16-17 band), Apr-Jun 2023 in 2023-24 (aged 17).
    const hand = actual.filter((row) => row.lot_code === "L9" && (row.person_years as number) > 0);
    expect(hand.map((row) => [row.financial_year, row.age_band, row.person_years])).toEqual([
      ["2021-22", "16-17", Math.round((2 / 12) * 1e6) / 1e6],
      ["2022-23", "16-17", 1],
      ["2023-24", "16-17", 0.25]
    ]);
  });
});
