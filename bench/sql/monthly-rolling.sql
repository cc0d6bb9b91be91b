-- The representative notebook aggregation (src/sql/ holds only the ageing-out queries, which read pre-aggregated
-- cohorts, so this one is written for the benchmark): referrals per month x area x Lot since April 2019, excluding
-- withdrawn referrals, with the number placed and a rolling 12-month sum per area and Lot. It groups by the stored
-- integer month key (as src/sql/series.sql groups the forecast aggregates' month column) and compares the outcome
-- with ENUM values, so DuckDB-WASM 1.1 compares one-byte codes instead of casting every row's outcome to text, and
-- can use its perfect hash aggregation; the month becomes a date only on the result's rows.
WITH monthly AS (
  SELECT month_index, area_code, lot_code,
    count(*) AS referrals, count(*) FILTER (WHERE outcome = CAST('placed' AS outcome_t)) AS placed
  FROM referrals
  WHERE month_index >= 2019 * 12 + 3 AND outcome <> CAST('withdrawn' AS outcome_t)
  GROUP BY ALL
)
SELECT make_date(month_index // 12, month_index % 12 + 1, 1) AS month, area_code, lot_code, referrals, placed,
  sum(referrals) OVER (PARTITION BY area_code, lot_code ORDER BY month_index ROWS BETWEEN 11 PRECEDING AND CURRENT ROW)
    AS rolling_12
FROM monthly
ORDER BY month_index, area_code, lot_code
