-- The representative notebook aggregation (src/sql/ holds only the ageing-out queries, which read pre-aggregated
-- cohorts, so this one is written for the benchmark): referrals per month x area x Lot since April 2019, excluding
-- withdrawn referrals, with the number placed and a rolling 12-month sum per area and Lot. It groups by the stored
-- month (as src/sql/series.sql groups the forecast aggregates' month column) and compares the outcome with ENUM
-- values, so DuckDB-WASM 1.1 compares one-byte codes instead of casting every row's outcome to text.
WITH monthly AS (
  SELECT received_month AS month, area_code, lot_code,
    count(*) AS referrals, count(*) FILTER (WHERE outcome = CAST('placed' AS outcome_t)) AS placed
  FROM referrals
  WHERE received_month >= DATE '2019-04-01' AND outcome <> CAST('withdrawn' AS outcome_t)
  GROUP BY ALL
)
SELECT month, area_code, lot_code, referrals, placed,
  sum(referrals) OVER (PARTITION BY area_code, lot_code ORDER BY month ROWS BETWEEN 11 PRECEDING AND CURRENT ROW)
    AS rolling_12
FROM monthly
ORDER BY month, area_code, lot_code
