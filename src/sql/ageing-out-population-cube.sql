-- ageing-out-population.sql for every filter choice at once: each Lot, area, primary need and funder filter (a
-- value or all, '') that has any child or entrant, for every year 0-5 after the extract. The page runs this once
-- when it opens and then picks the rows of the filters chosen, so a filter change runs no query
-- (docs/ageing-out.md, "Query plan"). Its rows for one choice are exactly those of ageing-out-population.sql for it,
-- at a horizon of 5 years (tests/unit/ageing-out/cube.test.ts checks every single filter and combinations of them
-- on the demo county); a choice with no row here has no child and no entrant, and the page runs
-- ageing-out-population.sql for it.
-- Reads `cohort`, `history` and `survival`, as ageing-out-population.sql does.
-- Parameters:
--   $1 extract month 'YYYY-MM'
--   $2, $3 standard normal quantiles for the 80% and 95% intervals (1.2816, 1.9600)
--   $4 years of history for the entry rates (3)
-- The method is that of ageing-out-population.sql, step for step; each step is grouped by the filter choice
-- (lot_filter, area_filter, need_filter, funder_filter) as well, from CUBE grouping sets over the four columns.
WITH stock AS (
  SELECT
    CASE WHEN grouping(lot_code) = 1 THEN '' ELSE lot_code END AS lot_filter,
    CASE WHEN grouping(area_code) = 1 THEN '' ELSE area_code END AS area_filter,
    CASE WHEN grouping(primary_need) = 1 THEN '' ELSE primary_need END AS need_filter,
    CASE WHEN grouping(funder) = 1 THEN '' ELSE funder END AS funder_filter,
    216 - ((CAST(substr(turn18_month, 1, 4) AS INTEGER) * 12 + CAST(substr(turn18_month, 6, 2) AS INTEGER) - 1)
      - (CAST(substr($1::VARCHAR, 1, 4) AS INTEGER) * 12 + CAST(substr($1::VARCHAR, 6, 2) AS INTEGER) - 1)) AS age_month,
    sum(children) AS n
  FROM cohort
  GROUP BY age_month, CUBE (lot_code, area_code, primary_need, funder)
),
entries AS (
  SELECT
    CASE WHEN grouping(lot_code) = 1 THEN '' ELSE lot_code END AS lot_filter,
    CASE WHEN grouping(area_code) = 1 THEN '' ELSE area_code END AS area_filter,
    CASE WHEN grouping(primary_need) = 1 THEN '' ELSE primary_need END AS need_filter,
    CASE WHEN grouping(funder) = 1 THEN '' ELSE funder END AS funder_filter,
    CAST(substr(financial_year, 1, 4) AS INTEGER) AS fy_start, age_band, sum(entrants) AS n
  FROM history
  WHERE CAST(substr(financial_year, 1, 4) AS INTEGER) BETWEEN
      CAST(substr($1::VARCHAR, 1, 4) AS INTEGER) - CASE WHEN CAST(substr($1::VARCHAR, 6, 2) AS INTEGER) < 4 THEN 1 ELSE 0 END - $4::INTEGER
      AND CAST(substr($1::VARCHAR, 1, 4) AS INTEGER) - CASE WHEN CAST(substr($1::VARCHAR, 6, 2) AS INTEGER) < 4 THEN 1 ELSE 0 END - 1
  GROUP BY fy_start, age_band, CUBE (lot_code, area_code, primary_need, funder)
),
choices AS (
  SELECT lot_filter, area_filter, need_filter, funder_filter FROM stock
  UNION
  SELECT lot_filter, area_filter, need_filter, funder_filter FROM entries
),
dispersion AS (
  SELECT lot_filter, area_filter, need_filter, funder_filter,
    CASE WHEN avg(n) > 0 AND count(*) > 1 THEN greatest(1.0, var_samp(n) / avg(n)) ELSE 1.0 END AS phi
  FROM (
    SELECT c.lot_filter, c.area_filter, c.need_filter, c.funder_filter, y.fy_start, coalesce(sum(e.n), 0) AS n
    FROM choices c
    CROSS JOIN range(
      CAST(substr($1::VARCHAR, 1, 4) AS INTEGER) - CASE WHEN CAST(substr($1::VARCHAR, 6, 2) AS INTEGER) < 4 THEN 1 ELSE 0 END - $4::INTEGER,
      CAST(substr($1::VARCHAR, 1, 4) AS INTEGER) - CASE WHEN CAST(substr($1::VARCHAR, 6, 2) AS INTEGER) < 4 THEN 1 ELSE 0 END
    ) AS y(fy_start)
    LEFT JOIN entries e ON e.lot_filter = c.lot_filter AND e.area_filter = c.area_filter
      AND e.need_filter = c.need_filter AND e.funder_filter = c.funder_filter AND e.fy_start = y.fy_start
    GROUP BY c.lot_filter, c.area_filter, c.need_filter, c.funder_filter, y.fy_start
  )
  GROUP BY lot_filter, area_filter, need_filter, funder_filter
),
bands AS (
  SELECT c.lot_filter, c.area_filter, c.need_filter, c.funder_filter, w.k, w.age_band,
    coalesce(r.n, 0) / $4::INTEGER AS entry_rate, w.w
  FROM choices c
  CROSS JOIN (
    SELECT k, age_band, sum(entry_weight) AS w FROM survival
    WHERE age_band IS NOT NULL AND k <= 5 GROUP BY k, age_band
  ) w
  LEFT JOIN (
    SELECT lot_filter, area_filter, need_filter, funder_filter, age_band, sum(n) AS n
    FROM entries GROUP BY lot_filter, area_filter, need_filter, funder_filter, age_band
  ) r ON r.lot_filter = c.lot_filter AND r.area_filter = c.area_filter AND r.need_filter = c.need_filter
    AND r.funder_filter = c.funder_filter AND r.age_band = w.age_band
),
combined AS (
  SELECT s.lot_filter, s.area_filter, s.need_filter, s.funder_filter, s.k, s.not_aged_out, s.aged_out,
    s.expected AS stock_expected, e.expected AS entrants_expected,
    s.expected + e.expected AS projected, sqrt(s.variance + e.variance) AS sd, e.entrants_per_year, e.phi
  FROM (
    SELECT c.lot_filter, c.area_filter, c.need_filter, c.funder_filter, t.k,
      coalesce(sum(st.n) FILTER (WHERE st.age_month + 12 * t.k < 216), 0) AS not_aged_out,
      coalesce(sum(st.n) FILTER (WHERE st.age_month + 12 * t.k >= 216), 0) AS aged_out,
      coalesce(sum(CASE WHEN st.age_month + 12 * t.k < 216 THEN st.n * sv.survival ELSE 0 END), 0) AS expected,
      coalesce(sum(CASE WHEN st.age_month + 12 * t.k < 216 THEN st.n * sv.survival * (1 - sv.survival) ELSE 0 END), 0) AS variance
    FROM choices c
    CROSS JOIN range(0, 6) AS t(k)
    LEFT JOIN stock st ON st.lot_filter = c.lot_filter AND st.area_filter = c.area_filter
      AND st.need_filter = c.need_filter AND st.funder_filter = c.funder_filter
    LEFT JOIN survival sv ON sv.k = t.k AND sv.age_month = st.age_month
    GROUP BY c.lot_filter, c.area_filter, c.need_filter, c.funder_filter, t.k
  ) s
  JOIN (
    SELECT b.lot_filter, b.area_filter, b.need_filter, b.funder_filter, b.k, sum(b.entry_rate * b.w) AS expected,
      any_value(d.phi) * sum(b.entry_rate * b.w) + any_value(d.phi) * sum(b.w * b.w * b.entry_rate) / $4::INTEGER AS variance,
      sum(b.entry_rate) AS entrants_per_year, any_value(d.phi) AS phi
    FROM bands b
    JOIN dispersion d ON d.lot_filter = b.lot_filter AND d.area_filter = b.area_filter
      AND d.need_filter = b.need_filter AND d.funder_filter = b.funder_filter
    GROUP BY b.lot_filter, b.area_filter, b.need_filter, b.funder_filter, b.k
  ) e ON e.lot_filter = s.lot_filter AND e.area_filter = s.area_filter AND e.need_filter = s.need_filter
    AND e.funder_filter = s.funder_filter AND e.k = s.k
)
SELECT
  c.lot_filter, c.area_filter, c.need_filter, c.funder_filter,
  CAST(c.k AS INTEGER) AS year,
  CAST((CAST(substr($1::VARCHAR, 1, 4) AS INTEGER) * 12 + CAST(substr($1::VARCHAR, 6, 2) AS INTEGER) - 1 + 12 * c.k) // 12 AS VARCHAR) || '-' || lpad(CAST((CAST(substr($1::VARCHAR, 1, 4) AS INTEGER) * 12 + CAST(substr($1::VARCHAR, 6, 2) AS INTEGER) - 1 + 12 * c.k) % 12 + 1 AS VARCHAR), 2, '0') AS as_at_month,
  CAST(c.not_aged_out AS INTEGER) AS current_not_aged_out,
  CAST(c.aged_out AS INTEGER) AS current_aged_out,
  CAST(round(c.stock_expected, 2) AS DOUBLE) AS current_still_supported,
  CAST(round(c.entrants_expected, 2) AS DOUBLE) AS new_entrants_supported,
  CAST(round(c.projected, 2) AS DOUBLE) AS projected,
  CAST(round(greatest(0, c.projected - $2::DOUBLE * c.sd), 2) AS DOUBLE) AS lower_80,
  CAST(round(c.projected + $2::DOUBLE * c.sd, 2) AS DOUBLE) AS upper_80,
  CAST(round(greatest(0, c.projected - $3::DOUBLE * c.sd), 2) AS DOUBLE) AS lower_95,
  CAST(round(c.projected + $3::DOUBLE * c.sd, 2) AS DOUBLE) AS upper_95,
  CAST(round(c.entrants_per_year, 4) AS DOUBLE) AS entrants_per_year,
  CAST(round(c.phi, 4) AS DOUBLE) AS dispersion
FROM combined c
ORDER BY c.lot_filter, c.area_filter, c.need_filter, c.funder_filter, c.k
