-- One series to forecast, prepared entirely in SQL from the monthly facts that trend-facts.sql builds once from the
-- forecast aggregates (tables trend_facts, trend_months, trend_bounds): a short query, so that an input change in
-- the notebook costs milliseconds. Parameters:
--   $1 measure: referrals | ehcp_requests | ehcp_assessments | ehcp_plans | children_supported | spend | hours
--   $2 area, $3 Lot, $4 primary need, $5 referral source, $6 funder, $7 route: a code, or 'ALL' for all
--      (a filter that does not apply to the measure is ignored)
--   $8 grain: month | quarter (financial quarters, Q1 = April to June) | year (financial year, April to March)
--   $9 last complete month 'YYYY-MM' (months after it are left out; so is any period not complete)
--   $10 rolling window in periods (1 = none): flows are summed over the window, the stock
--       (children_supported) is averaged
-- Flows (referrals, EHCP activity, spend, hours) are summed over a period; the stock (children supported at
-- month end) takes the period's closing month. Months with no activity count as 0: the calendar runs from the
-- measure's first month to its last complete month. Output: t = 1..n, period, first_month, last_month, value.
WITH
months AS (
  SELECT c.mi, c.month, c.fy_start, c.fq
  FROM trend_months c
  JOIN trend_bounds b ON b.measure = $1::VARCHAR
  WHERE c.mi BETWEEN b.first_mi AND least(b.last_mi, substr($9::VARCHAR, 1, 4)::INTEGER * 12 + substr($9::VARCHAR, 6, 2)::INTEGER - 1)
),
facts AS (
  SELECT f.mi, f.value
  FROM trend_facts f
  WHERE f.measure = $1::VARCHAR AND CASE
    WHEN f.rolled_up THEN f.area_code = $2::VARCHAR AND f.lot_code = $3::VARCHAR AND f.funder = $6::VARCHAR
    ELSE ($2::VARCHAR = 'ALL' OR f.area_code IS NULL OR f.area_code = $2::VARCHAR)
      AND ($3::VARCHAR = 'ALL' OR f.lot_code IS NULL OR f.lot_code = $3::VARCHAR)
      AND ($4::VARCHAR = 'ALL' OR f.need IS NULL OR f.need = $4::VARCHAR)
      AND ($5::VARCHAR = 'ALL' OR f.source IS NULL OR f.source = $5::VARCHAR)
      AND ($6::VARCHAR = 'ALL' OR f.funder IS NULL OR f.funder = $6::VARCHAR)
      AND ($7::VARCHAR = 'ALL' OR f.route IS NULL OR f.route = $7::VARCHAR)
  END
),
periods AS (
  SELECT
    CASE $8::VARCHAR WHEN 'month' THEN m.mi WHEN 'quarter' THEN m.fy_start * 4 + m.fq ELSE m.fy_start END AS k,
    any_value(m.fy_start) AS fy_start, any_value(m.fq) AS fq,
    min(m.month) AS first_month, max(m.month) AS last_month, count(DISTINCT m.mi) AS months,
    coalesce(sum(f.value), 0) AS total,
    arg_max(coalesce(f.value, 0), m.mi) AS closing
  FROM months m LEFT JOIN facts f ON f.mi = m.mi
  GROUP BY k
)
,
complete AS (
  SELECT
    k, fy_start, fq, first_month, last_month,
    CASE WHEN $1::VARCHAR = 'children_supported' THEN closing ELSE total END AS value
  FROM periods
  WHERE months = CASE $8::VARCHAR WHEN 'month' THEN 1 WHEN 'quarter' THEN 3 ELSE 12 END
),
windowed AS (
  SELECT
    k, fy_start, fq, first_month, last_month,
    CASE WHEN $1::VARCHAR = 'children_supported' THEN avg(value) OVER w ELSE sum(value) OVER w END AS value,
    count(*) OVER w AS periods_in_window
  FROM complete
  WINDOW w AS (ORDER BY k ROWS BETWEEN $10::INTEGER - 1 PRECEDING AND CURRENT ROW)
)
SELECT
  row_number() OVER (ORDER BY k)::INTEGER AS t,
  CASE $8::VARCHAR
    WHEN 'month' THEN first_month
    WHEN 'quarter' THEN fy_start::VARCHAR || '-' || lpad(((fy_start + 1) % 100)::VARCHAR, 2, '0') || ' Q' || fq::VARCHAR
    ELSE fy_start::VARCHAR || '-' || lpad(((fy_start + 1) % 100)::VARCHAR, 2, '0')
  END AS period,
  first_month,
  last_month,
  value
FROM windowed
WHERE periods_in_window = $10::INTEGER
ORDER BY t
