-- The representative notebook aggregation (src/sql/ holds only the ageing-out queries, which read pre-aggregated
-- cohorts, so this one is written for the benchmark): referrals per month x area x Lot since April 2019, excluding
-- withdrawn referrals, with the number placed and a rolling 12-month sum per area and Lot.
WITH monthly AS (
  SELECT date_trunc('month', received_date) AS month, area_code, lot_code,
    count(*) AS referrals, count(*) FILTER (WHERE outcome = 'placed') AS placed
  FROM referrals
  WHERE received_date >= DATE '2019-04-01' AND outcome <> 'withdrawn'
  GROUP BY ALL
)
SELECT month, area_code, lot_code, referrals, placed,
  sum(referrals) OVER (PARTITION BY area_code, lot_code ORDER BY month ROWS BETWEEN 11 PRECEDING AND CURRENT ROW)
    AS rolling_12
FROM monthly
ORDER BY month, area_code, lot_code
