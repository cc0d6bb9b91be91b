-- The parts of the population projection that do not depend on the notebook's inputs (Lot, area, need, funder,
-- horizon): who is still supported k years on, by month of age. The build runs it once in native DuckDB
-- (src/data/ageing-out-survival.arrow.ts) so the page's per-input query (ageing-out-population.sql) only sums
-- small tables; vitest runs it on the same history bytes.
-- Reads `history` (src/data/ageing-out-history.arrow).
-- Parameters:
--   $1 extract month 'YYYY-MM'
--   $2 years of history for the leaving rates (3: the last three complete financial years before the extract)
--   $3 the longest horizon in years (5)
-- Method (docs/ageing-out.md):
--   leaving support before 18 happens at the hazard h_b = exits before 18 / person-years in support in band b
--   (all Lots and areas, the history years); survival from age a to age a' (months) is exp(-(H(a') - H(a))), H the
--   cumulative hazard; everyone leaves on turning 18 (216 months).
-- One row per k (0 .. $3 years ahead) and month of age a (0 .. 216) now:
--   survival: the probability that a child supported at age a is still supported k years on, exp(H(a) - H(a + 12k))
--     (meaningful while a + 12k < 216; at 18 everyone has left);
--   age_band: the entrants' age band of age a (NULL at 216);
--   entry_weight: the expected entrants still supported k years on, per unit of the band's yearly entry rate, who
--     entered at age a: entrants arrive evenly over the 12 months of a year and the months of age of their band, so
--     an age carries 1 / (12 * months in the band) of a year's entrants each month, and those that entered d months
--     before year k (d < 12k) survive from a to a + d. Summed over the ages of a band it is the band's weight
--     w(b, k) of ageing-out-population.sql.
WITH years AS (
  -- the financial year of the extract month, less 1 (the last complete year) and less $2 (the first)
  SELECT CAST(substr($1::VARCHAR, 1, 4) AS INTEGER)
      - CASE WHEN CAST(substr($1::VARCHAR, 6, 2) AS INTEGER) < 4 THEN 1 ELSE 0 END AS extract_fy
),
bands AS (
  SELECT DISTINCT age_band, CAST(split_part(age_band, '-', 1) AS INTEGER) AS age_from,
    CAST(split_part(age_band, '-', 2) AS INTEGER) AS age_to
  FROM history
),
hazard AS (
  SELECT b.age_band, b.age_from, b.age_to,
    CASE WHEN sum(h.person_years) > 0 THEN sum(h.exits_before_18) / sum(h.person_years) ELSE 0 END AS rate
  FROM bands b
  LEFT JOIN (
    SELECT h.* FROM history h, years
    WHERE CAST(substr(h.financial_year, 1, 4) AS INTEGER) BETWEEN years.extract_fy - $2::INTEGER AND years.extract_fy - 1
  ) h ON h.age_band = b.age_band
  GROUP BY b.age_band, b.age_from, b.age_to
),
ages AS (
  SELECT t.age_month, any_value(z.age_band) AS age_band, any_value(z.age_to - z.age_from + 1) AS band_years,
    coalesce(max(z.rate), 0) / 12 AS h
  FROM range(0, 217) AS t(age_month) LEFT JOIN hazard z ON t.age_month // 12 BETWEEN z.age_from AND z.age_to
  GROUP BY t.age_month
),
cumulative AS (
  -- H(a): cumulative hazard from birth to exact age a months
  SELECT age_month, age_band, band_years,
    coalesce(sum(h) OVER (ORDER BY age_month ROWS BETWEEN UNBOUNDED PRECEDING AND 1 PRECEDING), 0) AS H
  FROM ages
),
steps AS (SELECT k FROM range(0, $3::INTEGER + 1) AS t(k)),
entrant_stay AS (
  -- for entrants at age a: the sum over the months d < 12k before year k of the survival from a to a + d
  SELECT s.k, c0.age_month,
    coalesce(sum(CASE WHEN c0.age_month + d.elapsed < 216 THEN exp(c0.H - c1.H) ELSE 0 END), 0) AS months
  FROM steps s
  CROSS JOIN cumulative c0
  LEFT JOIN range(0, 12 * $3::INTEGER) AS d(elapsed) ON d.elapsed < 12 * s.k
  LEFT JOIN cumulative c1 ON c1.age_month = least(c0.age_month + d.elapsed, 216)
  GROUP BY s.k, c0.age_month
)
SELECT
  CAST(s.k AS INTEGER) AS k,
  CAST(c0.age_month AS INTEGER) AS age_month,
  c0.age_band,
  exp(c0.H - c1.H) AS survival,
  CASE WHEN c0.age_band IS NULL THEN 0 ELSE e.months / (12 * 12 * c0.band_years) END AS entry_weight
FROM steps s
CROSS JOIN cumulative c0
JOIN cumulative c1 ON c1.age_month = least(c0.age_month + 12 * s.k, 216)
JOIN entrant_stay e ON e.k = s.k AND e.age_month = c0.age_month
ORDER BY k, age_month
