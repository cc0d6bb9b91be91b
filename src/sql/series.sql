-- One series to forecast, from the forecast aggregates (tables forecast_referrals, forecast_ehcp,
-- forecast_supported, forecast_spend), prepared entirely in SQL. Parameters:
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
params AS (
  SELECT
    $1::VARCHAR AS measure, $2::VARCHAR AS area, $3::VARCHAR AS lot, $4::VARCHAR AS need,
    $5::VARCHAR AS source, $6::VARCHAR AS funder, $7::VARCHAR AS route, $8::VARCHAR AS grain,
    $9::VARCHAR AS last_month, $10::INTEGER AS window_periods
),
long AS (
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
),
measure_rows AS (
  SELECT l.* FROM long l, params p WHERE l.measure = p.measure
),
filtered AS (
  SELECT m.month, m.value
  FROM measure_rows m, params p
  WHERE CASE
    WHEN m.rolled_up THEN m.area_code = p.area AND m.lot_code = p.lot AND m.funder = p.funder
    ELSE (p.area = 'ALL' OR m.area_code IS NULL OR m.area_code = p.area)
      AND (p.lot = 'ALL' OR m.lot_code IS NULL OR m.lot_code = p.lot)
      AND (p.need = 'ALL' OR m.need IS NULL OR m.need = p.need)
      AND (p.source = 'ALL' OR m.source IS NULL OR m.source = p.source)
      AND (p.funder = 'ALL' OR m.funder IS NULL OR m.funder = p.funder)
      AND (p.route = 'ALL' OR m.route IS NULL OR m.route = p.route)
  END
),
bounds AS (
  SELECT min(m.month) AS first_month, least(max(m.month), any_value(p.last_month)) AS last_month
  FROM measure_rows m, params p
),
months AS (
  SELECT strftime(g.d, '%Y-%m') AS month
  FROM bounds b,
    generate_series((b.first_month || '-01')::TIMESTAMP, (b.last_month || '-01')::TIMESTAMP, INTERVAL 1 MONTH) AS g(d)
  WHERE b.first_month <= b.last_month
),
monthly AS (
  SELECT
    c.month,
    coalesce(sum(f.value), 0) AS value,
    year(((c.month || '-01')::DATE)) AS y,
    month(((c.month || '-01')::DATE)) AS m
  FROM months c
  LEFT JOIN filtered f ON f.month = c.month
  GROUP BY c.month
),
labelled AS (
  SELECT
    month,
    value,
    (y - CASE WHEN m < 4 THEN 1 ELSE 0 END) AS fy_start,
    ((m + 8) % 12) // 3 + 1 AS fq
  FROM monthly
),
periods AS (
  SELECT
    CASE p.grain
      WHEN 'month' THEN l.month
      WHEN 'quarter' THEN l.fy_start::VARCHAR || '-' || lpad(((l.fy_start + 1) % 100)::VARCHAR, 2, '0') || ' Q' || l.fq::VARCHAR
      ELSE l.fy_start::VARCHAR || '-' || lpad(((l.fy_start + 1) % 100)::VARCHAR, 2, '0')
    END AS period,
    min(l.month) AS first_month,
    max(l.month) AS last_month,
    count(*) AS months,
    sum(l.value) AS total,
    arg_max(l.value, l.month) AS closing,
    any_value(p.measure) = 'children_supported' AS is_stock,
    any_value(CASE p.grain WHEN 'month' THEN 1 WHEN 'quarter' THEN 3 ELSE 12 END) AS months_needed
  FROM labelled l, params p
  GROUP BY 1
),
complete AS (
  SELECT
    period, first_month, last_month, is_stock,
    CASE WHEN is_stock THEN closing ELSE total END AS value,
    row_number() OVER (ORDER BY first_month) AS i
  FROM periods
  WHERE months = months_needed
),
windowed AS (
  SELECT
    a.period, a.first_month, a.last_month, a.i,
    CASE WHEN any_value(a.is_stock) THEN avg(b.value) ELSE sum(b.value) END AS value
  FROM complete a
  JOIN params p ON true
  JOIN complete b ON b.i BETWEEN a.i - p.window_periods + 1 AND a.i
  GROUP BY a.period, a.first_month, a.last_month, a.i
  HAVING count(*) = any_value(p.window_periods)
)
SELECT
  row_number() OVER (ORDER BY i)::INTEGER AS t,
  period,
  first_month,
  last_month,
  value
FROM windowed
ORDER BY t
