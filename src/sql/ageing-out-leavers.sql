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
-- Written as one filtered scan and one group-by (no chain of CTEs, no LATERAL): the page runs this on every
-- input change, and DuckDB-WASM spends far longer planning a chain of CTEs than running it on a few hundred rows
-- (docs/ageing-out.md, "Query plan").
-- Months are counted as year * 12 + month - 1; a period is grouped by the index of its first month and labelled
-- after grouping.
WITH windowed AS (
  SELECT m.*,
    CASE $3::VARCHAR
      WHEN 'month' THEN m.month_index
      -- financial quarters start in January, April, July and October, as calendar quarters do
      WHEN 'quarter' THEN m.month_index - m.month_index % 3
      -- financial years start in April (month index 3 of the year)
      WHEN 'financial_year' THEN (m.month_index - 3) // 12 * 12 + 3
      WHEN 'year' THEN m.extract_index + 1 + 12 * ((m.month_index - m.extract_index - 1) // 12)
    END AS start_index
  FROM (
    SELECT c.*,
      CAST(substr(c.turn18_month, 1, 4) AS INTEGER) * 12 + CAST(substr(c.turn18_month, 6, 2) AS INTEGER) - 1 AS month_index,
      CAST(substr($1::VARCHAR, 1, 4) AS INTEGER) * 12 + CAST(substr($1::VARCHAR, 6, 2) AS INTEGER) - 1 AS extract_index
    FROM cohort c
    WHERE ($4::VARCHAR = '' OR c.lot_code = $4::VARCHAR) AND ($5::VARCHAR = '' OR c.area_code = $5::VARCHAR)
      AND ($6::VARCHAR = '' OR c.primary_need = $6::VARCHAR) AND ($7::VARCHAR = '' OR c.funder = $7::VARCHAR)
  ) m
  WHERE m.month_index > m.extract_index AND m.month_index <= m.extract_index + 12 * $2::INTEGER
)
SELECT
  CASE $3::VARCHAR
    WHEN 'month' THEN min(turn18_month)
    WHEN 'quarter' THEN CAST((start_index - 3) // 12 AS VARCHAR) || '-'
      || lpad(CAST(((start_index - 3) // 12 + 1) % 100 AS VARCHAR), 2, '0') || ' Q' || CAST((start_index - 3) % 12 // 3 + 1 AS VARCHAR)
    WHEN 'financial_year' THEN CAST((start_index - 3) // 12 AS VARCHAR) || '-'
      || lpad(CAST(((start_index - 3) // 12 + 1) % 100 AS VARCHAR), 2, '0')
    WHEN 'year' THEN 'Year ' || CAST((start_index - any_value(extract_index) - 1) // 12 + 1 AS VARCHAR)
  END AS period,
  CAST(start_index // 12 AS VARCHAR) || '-' || lpad(CAST(start_index % 12 + 1 AS VARCHAR), 2, '0') AS period_start,
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
FROM windowed
GROUP BY start_index, lot_code
ORDER BY start_index, lot_code
