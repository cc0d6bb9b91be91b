-- Children and young people who turn 18, and so leave children's services, in the next 1-5 years, by period and Lot.
-- Reads table `cohort` (src/data/ageing-out.arrow, or the Northamptonshire turning-18 table in the same columns).
-- Parameters:
--   $1 extract month 'YYYY-MM' (the as-at month: children turning 18 after it are counted)
--   $2 horizon in years (1-5): months extract+1 .. extract+12*horizon
--   $3 period: 'month', 'quarter' (financial quarters, Q1 = April-June), 'financial_year' or 'year' (years from the
--      extract: year 1 = the 12 months after the extract month)
--   $4 Lot code, $5 area code, $6 primary need, $7 funder: '' for all
-- A child is counted once, under the Lot and funder of their main package; packages, hours and spend are the
-- packages held in that Lot and funder. Sums of a column that is NULL in every row (e.g. nights, which the
-- demo county cannot attribute to children) stay NULL.
WITH params AS (
  SELECT $1::VARCHAR AS extract_month, $2::INTEGER AS horizon, $3::VARCHAR AS period,
    nullif($4::VARCHAR, '') AS lot, nullif($5::VARCHAR, '') AS area, nullif($6::VARCHAR, '') AS need,
    nullif($7::VARCHAR, '') AS funder
),
indexed AS (
  SELECT c.*,
    CAST(substr(c.turn18_month, 1, 4) AS INTEGER) * 12 + CAST(substr(c.turn18_month, 6, 2) AS INTEGER) - 1 AS month_index,
    CAST(substr(p.extract_month, 1, 4) AS INTEGER) * 12 + CAST(substr(p.extract_month, 6, 2) AS INTEGER) - 1 AS extract_index,
    p.period
  FROM cohort c, params p
  WHERE (p.lot IS NULL OR c.lot_code = p.lot) AND (p.area IS NULL OR c.area_code = p.area)
    AND (p.need IS NULL OR c.primary_need = p.need) AND (p.funder IS NULL OR c.funder = p.funder)
),
windowed AS (
  SELECT *, month_index // 12 AS cal_year, month_index % 12 + 1 AS cal_month,
    (month_index - extract_index - 1) // 12 + 1 AS year_number
  FROM indexed, params p
  WHERE month_index > extract_index AND month_index <= extract_index + 12 * p.horizon
),
labelled AS (
  SELECT *,
    cal_year - CASE WHEN cal_month < 4 THEN 1 ELSE 0 END AS fy_start,
    ((cal_month + 8) % 12) // 3 + 1 AS fy_quarter
  FROM windowed
),
periods AS (
  SELECT *,
    CASE period
      WHEN 'month' THEN turn18_month
      WHEN 'quarter' THEN CAST(fy_start AS VARCHAR) || '-' || lpad(CAST((fy_start + 1) % 100 AS VARCHAR), 2, '0')
        || ' Q' || CAST(fy_quarter AS VARCHAR)
      WHEN 'financial_year' THEN CAST(fy_start AS VARCHAR) || '-' || lpad(CAST((fy_start + 1) % 100 AS VARCHAR), 2, '0')
      WHEN 'year' THEN 'Year ' || CAST(year_number AS VARCHAR)
    END AS period_label,
    CASE period
      WHEN 'month' THEN month_index
      WHEN 'quarter' THEN fy_start * 12 + 3 + (fy_quarter - 1) * 3
      WHEN 'financial_year' THEN fy_start * 12 + 3
      WHEN 'year' THEN extract_index + 1 + 12 * (year_number - 1)
    END AS period_start_index
  FROM labelled
)
SELECT
  period_label AS period,
  CAST(period_start_index // 12 AS VARCHAR) || '-' || lpad(CAST(period_start_index % 12 + 1 AS VARCHAR), 2, '0') AS period_start,
  min(turn18_month) AS first_month,
  max(turn18_month) AS last_month,
  lot_code,
  any_value(lot_name) AS lot_name,
  CAST(sum(children) AS INTEGER) AS children,
  CAST(sum(multi_lot_children) AS INTEGER) AS multi_lot_children,
  CAST(sum(packages) AS INTEGER) AS packages,
  CAST(round(sum(hours_per_week), 2) AS DOUBLE) AS hours_per_week,
  CAST(round(sum(weekly_cost), 2) AS DOUBLE) AS weekly_cost,
  CAST(round(sum(weekly_cost) * 365.25 / 7, 0) AS DOUBLE) AS annual_cost,
  CAST(sum(nights_per_month) AS DOUBLE) AS nights_per_month,
  CAST(sum(CASE WHEN statutory THEN children ELSE 0 END) AS INTEGER) AS statutory_children
FROM periods
GROUP BY period_label, period_start_index, lot_code
ORDER BY period_start_index, lot_code
