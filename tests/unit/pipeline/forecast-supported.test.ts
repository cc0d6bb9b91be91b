import {DuckDBInstance} from "@duckdb/node-api";
import {describe, expect, test} from "vitest";
import {queryRows} from "../../../loaders/arrow/query-to-arrow.js";
import {FORECAST_CALENDAR_SQL} from "../../../loaders/aggregates/forecast-calendar.js";
import {FORECAST_SUPPORTED_SQL} from "../../../loaders/aggregates/forecast-supported.js";
import {openWarehouse} from "../../../loaders/warehouse/index.js";

/**
 * The definition, written the direct way (the query the build used before): every package joined to every month
 * whose cutoff it spans, then children counted DISTINCT for every roll-up. The build's query must give exactly
 * these rows, in this order.
 */
const REFERENCE_SQL = `
WITH calendar AS (${FORECAST_CALENDAR_SQL}),
active AS (
  SELECT c.month, p.child_id, p.lot_code, p.area_code, p.funder
  FROM calendar c
  JOIN packages p ON p.start_date <= c.cutoff AND (p.end_date IS NULL OR p.end_date >= c.cutoff)
)
SELECT month, coalesce(lot_code, 'ALL') AS lot_code, coalesce(area_code, 'ALL') AS area_code,
  coalesce(funder, 'ALL') AS funder, count(DISTINCT child_id)::INTEGER AS children
FROM active
GROUP BY month, CUBE (lot_code, area_code, funder)
ORDER BY month, lot_code, area_code, funder`;

/**
 * Packages chosen to hit every edge of the month runs: starting before the calendar, on a month end, in the
 * extract's month after the extract date; ending the day before a month end, on a month end, on the extract date,
 * after it, before the calendar starts, or never; and children holding overlapping, adjacent and separate packages
 * in the same and in different Lots, areas and funders. Dates come from a fixed linear congruential sequence.
 */
async function syntheticWarehouse() {
  const instance = await DuckDBInstance.create(":memory:");
  const connection = await instance.connect();
  await connection.run(`
    CREATE TABLE referrals AS SELECT DATE '2021-06-15' AS received_date UNION ALL SELECT DATE '2024-01-10';
    CREATE TABLE meta AS SELECT 'extract_date' AS key, '2024-02-20' AS value;
    CREATE TABLE packages AS
    WITH seq AS (SELECT i, (i * 1103515245 + 12345) % 2147483648 AS r FROM range(3000) t(i))
    SELECT
      'C' || (r % 400)::VARCHAR AS child_id,
      ['L1', 'L2', 'L3'][1 + (r // 7) % 3] AS lot_code,
      ['A1', 'A2'][1 + (r // 11) % 2] AS area_code,
      ['council', 'health', 'joint'][1 + (r // 13) % 3] AS funder,
      CASE i % 5
        WHEN 0 THEN DATE '2020-12-01' + ((r // 17) % 400)::INTEGER
        WHEN 1 THEN last_day(DATE '2021-01-01' + INTERVAL ((r // 17) % 40) MONTH)
        WHEN 2 THEN DATE '2024-02-21' + ((r // 17) % 8)::INTEGER
        ELSE DATE '2021-04-01' + ((r // 17) % 1050)::INTEGER
      END AS start_date,
      (r // 19) % 7 AS end_kind,
      ((r // 23) % 700)::INTEGER AS length
    FROM seq;
    CREATE OR REPLACE TABLE packages AS
    SELECT child_id, lot_code, area_code, funder, start_date,
      CASE end_kind
        WHEN 0 THEN NULL
        WHEN 1 THEN last_day(start_date + INTERVAL (length // 30) MONTH)
        WHEN 2 THEN last_day(start_date + INTERVAL (length // 30) MONTH) - 1
        WHEN 3 THEN DATE '2024-02-20'
        WHEN 4 THEN DATE '2024-02-19'
        ELSE start_date + length
      END AS end_date
    FROM packages;
    INSERT INTO packages VALUES ('C9999', 'L1', 'A1', 'council', DATE '2019-01-01', DATE '2020-06-30');`);
  return {instance, connection};
}

describe("forecast-supported", () => {
  test("gives exactly the rows of the direct definition on packages that hit every month-run edge", async () => {
    const {instance, connection} = await syntheticWarehouse();
    const expected = await queryRows(connection, REFERENCE_SQL);
    const actual = await queryRows(connection, FORECAST_SUPPORTED_SQL);
    connection.closeSync();
    instance.closeSync();
    // 2021-04 (the financial year of the first referral) to 2024-02 is 35 months; 3 Lots × 2 areas × 3 funders
    // with their roll-ups make up to 4 × 3 × 4 = 48 rows a month.
    expect(new Set(expected.map((row) => row.month)).size).toBe(35);
    expect(expected.length).toBeGreaterThan(35 * 40);
    expect(actual).toEqual(expected);
  });

  test("gives exactly the rows of the direct definition on the demo county", async () => {
    const warehouse = await openWarehouse("data/demo");
    const expected = await queryRows(warehouse.connection, REFERENCE_SQL);
    const actual = await queryRows(warehouse.connection, FORECAST_SUPPORTED_SQL);
    warehouse.close();
    expect(expected.length).toBeGreaterThan(1000);
    expect(actual).toEqual(expected);
  });
});
