-- Run once when the page opens: the forecast aggregates (tables forecast_referrals, forecast_ehcp,
-- forecast_supported, forecast_spend) reshaped into one long table of monthly facts, with an integer month key
-- (mi = year·12 + month − 1), the calendar of every month they span labelled with its financial year and quarter,
-- and each measure's first and last month. series.sql then prepares any series from these small tables, so an
-- input change runs one short query. Non-applicable dimensions are NULL (they match any filter).
CREATE OR REPLACE TABLE trend_facts AS
WITH long AS (
  SELECT 'referrals' AS measure, month, area_code, lot_code, need, source, NULL::VARCHAR AS funder,
    NULL::VARCHAR AS route, false AS rolled_up, referrals::DOUBLE AS value
  FROM forecast_referrals
  UNION ALL
  SELECT 'ehcp_requests', month, area_code, NULL, NULL, NULL, NULL, NULL, false, requests::DOUBLE FROM forecast_ehcp
  UNION ALL
  SELECT 'ehcp_assessments', month, area_code, NULL, NULL, NULL, NULL, NULL, false, assessments::DOUBLE
  FROM forecast_ehcp
  UNION ALL
  SELECT 'ehcp_plans', month, area_code, NULL, NULL, NULL, NULL, NULL, false, plans::DOUBLE FROM forecast_ehcp
  UNION ALL
  -- already rolled up with 'ALL' rows (distinct children cannot be summed), so matched exactly
  SELECT 'children_supported', month, area_code, lot_code, NULL, NULL, funder, NULL, true, children::DOUBLE
  FROM forecast_supported
  UNION ALL
  SELECT 'spend', month, area_code, lot_code, NULL, NULL, funder, route, false, spend::DOUBLE FROM forecast_spend
  UNION ALL
  SELECT 'hours', month, area_code, lot_code, NULL, NULL, funder, route, false, hours::DOUBLE FROM forecast_spend
)
SELECT
  measure,
  (substr(month, 1, 4)::INTEGER * 12 + substr(month, 6, 2)::INTEGER - 1)::INTEGER AS mi,
  area_code, lot_code, need, source, funder, route, rolled_up, value
FROM long
ORDER BY measure, mi;

CREATE OR REPLACE TABLE trend_bounds AS
SELECT measure, min(mi)::INTEGER AS first_mi, max(mi)::INTEGER AS last_mi FROM trend_facts GROUP BY measure;

CREATE OR REPLACE TABLE trend_months AS
SELECT
  mi::INTEGER AS mi,
  printf('%04d-%02d', mi // 12, mi % 12 + 1) AS month,
  (mi // 12 - CASE WHEN mi % 12 < 3 THEN 1 ELSE 0 END)::INTEGER AS fy_start,
  ((mi % 12 + 9) % 12 // 3 + 1)::INTEGER AS fq
FROM range((SELECT min(first_mi) FROM trend_bounds), (SELECT max(last_mi) FROM trend_bounds) + 1) AS r(mi)
ORDER BY mi;
