-- ageing-out-leavers.sql for every choice the page offers at once: every period (month, quarter, financial year,
-- year from the extract) × horizon (1-5 years) × area, primary need and funder filter (each a value or all, '').
-- The page runs this once when it opens and then picks the rows of the inputs chosen, so an input change runs no
-- query (docs/ageing-out.md, "Query plan"). Its rows for one choice are exactly those of ageing-out-leavers.sql
-- for it (tests/unit/ageing-out/cube.test.ts checks every choice on the demo county).
-- Reads table `cohort`. Parameter: $1 extract month 'YYYY-MM'.
-- The Lot filter needs no grouping set of its own: the rows are per Lot already, so a Lot's rows are the rows of
-- that Lot with no Lot filter. Output: the columns of ageing-out-leavers.sql, preceded by the choice (period_kind,
-- horizon, area_filter, need_filter, funder_filter: '' for all) and followed by start_index (the period's first
-- month as year * 12 + month - 1), in the order of the choice, then start_index and lot_code.
WITH windowed AS (
  SELECT m.*, p.period_kind, h.horizon,
    CASE p.period_kind
      WHEN 'month' THEN m.month_index
      WHEN 'quarter' THEN m.month_index - m.month_index % 3
      WHEN 'financial_year' THEN (m.month_index - 3) // 12 * 12 + 3
      WHEN 'year' THEN m.extract_index + 1 + 12 * ((m.month_index - m.extract_index - 1) // 12)
    END AS start_index
  FROM (
    SELECT c.*,
      CAST(substr(c.turn18_month, 1, 4) AS INTEGER) * 12 + CAST(substr(c.turn18_month, 6, 2) AS INTEGER) - 1 AS month_index,
      CAST(substr($1::VARCHAR, 1, 4) AS INTEGER) * 12 + CAST(substr($1::VARCHAR, 6, 2) AS INTEGER) - 1 AS extract_index
    FROM cohort c
  ) m,
  (VALUES ('month'), ('quarter'), ('financial_year'), ('year')) p(period_kind),
  range(1, 6) h(horizon)
  WHERE m.month_index > m.extract_index AND m.month_index <= m.extract_index + 12 * h.horizon
)
SELECT
  period_kind,
  CAST(horizon AS INTEGER) AS horizon,
  CASE WHEN grouping(area_code) = 1 THEN '' ELSE area_code END AS area_filter,
  CASE WHEN grouping(primary_need) = 1 THEN '' ELSE primary_need END AS need_filter,
  CASE WHEN grouping(funder) = 1 THEN '' ELSE funder END AS funder_filter,
  CASE period_kind
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
  CAST(sum(CASE WHEN statutory THEN children ELSE 0 END) AS INTEGER) AS statutory_children,
  CAST(start_index AS INTEGER) AS start_index
FROM windowed
GROUP BY GROUPING SETS (
  (period_kind, horizon, start_index, lot_code),
  (period_kind, horizon, start_index, lot_code, area_code),
  (period_kind, horizon, start_index, lot_code, primary_need),
  (period_kind, horizon, start_index, lot_code, funder),
  (period_kind, horizon, start_index, lot_code, area_code, primary_need),
  (period_kind, horizon, start_index, lot_code, area_code, funder),
  (period_kind, horizon, start_index, lot_code, primary_need, funder),
  (period_kind, horizon, start_index, lot_code, area_code, primary_need, funder)
)
ORDER BY period_kind, horizon, area_filter, need_filter, funder_filter, start_index, lot_code
