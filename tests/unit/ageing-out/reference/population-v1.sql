-- The projected supported population at each anniversary of the extract (year 0 = now, then 1 .. horizon years):
-- today's supported children who are still under 18 and still supported, plus new entrants.
-- Reads `cohort` (src/data/ageing-out.arrow) and `history` (src/data/ageing-out-history.arrow).
-- Parameters:
--   $1 extract month 'YYYY-MM'; $2 horizon in years (1-5)
--   $3 Lot code, $4 area code, $5 primary need, $6 funder: '' for all (children are filed under their main package)
--   $7, $8 standard normal quantiles for the 80% and 95% intervals (1.2816, 1.9600)
--   $9 years of history for the entry rates (3: the last three complete financial years before the extract)
-- Method (docs/ageing-out.md):
--   entry rate lambda_b = entrants (children starting a support episode) per year in age band b, mean of the
--   history years, for the filtered Lot/area/need/funder; entrants arrive evenly over the months of the year and
--   the months of age of their band;
--   leaving support before 18 happens at the hazard h_b = exits before 18 / person-years in support in band b
--   (all Lots and areas, the same history years); survival from age a to age a' (months) is
--   exp(-(H(a') - H(a))), H the cumulative hazard; everyone leaves on turning 18 (216 months);
--   uncertainty: surviving entrants are Poisson with dispersion phi = max(1, variance / mean of the yearly
--   entrant totals) and the rates are estimated from Y years (variance phi * lambda_b / Y); each of today's
--   children stays with probability s (binomial); the interval is mean +/- z * sd, floored at 0.
WITH params AS (
  SELECT $1::VARCHAR AS extract_month,
    CASE WHEN $2::INTEGER BETWEEN 1 AND 5 THEN $2::INTEGER ELSE error('horizon must be 1 to 5 years') END AS horizon,
    nullif($3::VARCHAR, '') AS lot, nullif($4::VARCHAR, '') AS area, nullif($5::VARCHAR, '') AS need,
    nullif($6::VARCHAR, '') AS funder, $7::DOUBLE AS z80, $8::DOUBLE AS z95, $9::INTEGER AS history_years,
    CAST(substr($1::VARCHAR, 1, 4) AS INTEGER) * 12 + CAST(substr($1::VARCHAR, 6, 2) AS INTEGER) - 1 AS extract_index
),
years AS (
  -- the last complete financial year before the extract month, and the first of the history window
  SELECT extract_index // 12 - CASE WHEN extract_index % 12 + 1 < 4 THEN 1 ELSE 0 END - 1 AS last_start,
    extract_index // 12 - CASE WHEN extract_index % 12 + 1 < 4 THEN 1 ELSE 0 END - history_years AS first_start
  FROM params
),
hist AS (
  SELECT h.* FROM history h, years
  WHERE CAST(substr(h.financial_year, 1, 4) AS INTEGER) BETWEEN years.first_start AND years.last_start
),
bands AS (
  SELECT DISTINCT age_band, CAST(split_part(age_band, '-', 1) AS INTEGER) AS age_from,
    CAST(split_part(age_band, '-', 2) AS INTEGER) AS age_to
  FROM history
),
filtered AS (
  SELECT hist.* FROM hist, params p
  WHERE (p.lot IS NULL OR hist.lot_code = p.lot) AND (p.area IS NULL OR hist.area_code = p.area)
    AND (p.need IS NULL OR hist.primary_need = p.need) AND (p.funder IS NULL OR hist.funder = p.funder)
),
history_years AS (
  SELECT fy_start FROM years, range(years.first_start, years.last_start + 1) AS t(fy_start)
),
yearly AS (
  SELECT y.fy_start, coalesce(sum(f.entrants), 0) AS n
  FROM history_years y LEFT JOIN filtered f ON CAST(substr(f.financial_year, 1, 4) AS INTEGER) = y.fy_start
  GROUP BY y.fy_start
),
dispersion AS (
  SELECT CASE WHEN avg(n) > 0 AND count(*) > 1 THEN greatest(1.0, var_samp(n) / avg(n)) ELSE 1.0 END AS phi FROM yearly
),
rates AS (
  SELECT b.age_band, b.age_from, b.age_to, coalesce(sum(f.entrants), 0) / any_value(p.history_years) AS entry_rate
  FROM bands b CROSS JOIN params p LEFT JOIN filtered f ON f.age_band = b.age_band
  GROUP BY b.age_band, b.age_from, b.age_to
),
hazard AS (
  SELECT b.age_band, b.age_from, b.age_to,
    CASE WHEN sum(h.person_years) > 0 THEN sum(h.exits_before_18) / sum(h.person_years) ELSE 0 END AS rate
  FROM bands b LEFT JOIN hist h ON h.age_band = b.age_band
  GROUP BY b.age_band, b.age_from, b.age_to
),
monthly_hazard AS (
  SELECT t.age_month, coalesce(max(z.rate), 0) / 12 AS h
  FROM range(0, 217) AS t(age_month) LEFT JOIN hazard z ON t.age_month // 12 BETWEEN z.age_from AND z.age_to
  GROUP BY t.age_month
),
cumulative AS (
  -- H(a): cumulative hazard from birth to exact age a months
  SELECT age_month, coalesce(sum(h) OVER (ORDER BY age_month ROWS BETWEEN UNBOUNDED PRECEDING AND 1 PRECEDING), 0) AS H
  FROM monthly_hazard
),
steps AS (SELECT k FROM params, range(0, params.horizon + 1) AS t(k)),
stock AS (
  SELECT 216 - ((CAST(substr(c.turn18_month, 1, 4) AS INTEGER) * 12 + CAST(substr(c.turn18_month, 6, 2) AS INTEGER) - 1)
      - p.extract_index) AS age_month,
    sum(c.children) AS n
  FROM cohort c, params p
  WHERE (p.lot IS NULL OR c.lot_code = p.lot) AND (p.area IS NULL OR c.area_code = p.area)
    AND (p.need IS NULL OR c.primary_need = p.need) AND (p.funder IS NULL OR c.funder = p.funder)
  GROUP BY 1
),
stock_k AS (
  SELECT s.k,
    coalesce(sum(st.n) FILTER (WHERE st.age_month + 12 * s.k < 216), 0) AS not_aged_out,
    coalesce(sum(st.n) FILTER (WHERE st.age_month + 12 * s.k >= 216), 0) AS aged_out,
    coalesce(sum(CASE WHEN st.age_month + 12 * s.k < 216 THEN st.n * exp(c0.H - c1.H) ELSE 0 END), 0) AS expected,
    coalesce(sum(CASE WHEN st.age_month + 12 * s.k < 216 THEN st.n * exp(c0.H - c1.H) * (1 - exp(c0.H - c1.H)) ELSE 0 END), 0) AS variance
  FROM steps s
  LEFT JOIN stock st ON true
  LEFT JOIN cumulative c0 ON c0.age_month = st.age_month
  LEFT JOIN cumulative c1 ON c1.age_month = least(st.age_month + 12 * s.k, 216)
  GROUP BY s.k
),
entry_cells AS (
  -- one entrant cell per band x month of age at entry, each carrying 1 / (12 * months in the band) of a year's entrants
  SELECT r.age_band, r.entry_rate, t.age_month, 1.0 / (12 * 12 * (r.age_to - r.age_from + 1)) AS share
  FROM rates r, range(0, 216) AS t(age_month)
  WHERE t.age_month // 12 BETWEEN r.age_from AND r.age_to
),
weights AS (
  -- w(b, k): expected entrants of band b still supported at year k, per unit of the yearly entry rate
  SELECT s.k, e.age_band, any_value(e.entry_rate) AS entry_rate,
    coalesce(sum(CASE WHEN e.age_month + d.elapsed < 216 THEN e.share * exp(c0.H - c1.H) ELSE 0 END), 0) AS w
  FROM steps s
  JOIN entry_cells e ON true
  LEFT JOIN range(0, 60) AS d(elapsed) ON d.elapsed < 12 * s.k
  LEFT JOIN cumulative c0 ON c0.age_month = e.age_month
  LEFT JOIN cumulative c1 ON c1.age_month = least(e.age_month + d.elapsed, 216)
  GROUP BY s.k, e.age_band
),
entrants_k AS (
  SELECT w.k, sum(w.entry_rate * w.w) AS expected,
    any_value(d.phi) * sum(w.entry_rate * w.w) + any_value(d.phi) * sum(w.w * w.w * w.entry_rate) / any_value(p.history_years) AS variance
  FROM weights w, dispersion d, params p
  GROUP BY w.k
),
combined AS (
  SELECT s.k, s.not_aged_out, s.aged_out, s.expected AS stock_expected, e.expected AS entrants_expected,
    s.expected + e.expected AS projected, sqrt(s.variance + e.variance) AS sd
  FROM stock_k s JOIN entrants_k e USING (k)
)
SELECT
  CAST(c.k AS INTEGER) AS year,
  CAST((p.extract_index + 12 * c.k) // 12 AS VARCHAR) || '-' || lpad(CAST((p.extract_index + 12 * c.k) % 12 + 1 AS VARCHAR), 2, '0') AS as_at_month,
  CAST(c.not_aged_out AS INTEGER) AS current_not_aged_out,
  CAST(c.aged_out AS INTEGER) AS current_aged_out,
  CAST(round(c.stock_expected, 2) AS DOUBLE) AS current_still_supported,
  CAST(round(c.entrants_expected, 2) AS DOUBLE) AS new_entrants_supported,
  CAST(round(c.projected, 2) AS DOUBLE) AS projected,
  CAST(round(greatest(0, c.projected - p.z80 * c.sd), 2) AS DOUBLE) AS lower_80,
  CAST(round(c.projected + p.z80 * c.sd, 2) AS DOUBLE) AS upper_80,
  CAST(round(greatest(0, c.projected - p.z95 * c.sd), 2) AS DOUBLE) AS lower_95,
  CAST(round(c.projected + p.z95 * c.sd, 2) AS DOUBLE) AS upper_95,
  CAST(round((SELECT sum(entry_rate) FROM rates), 4) AS DOUBLE) AS entrants_per_year,
  CAST(round((SELECT phi FROM dispersion), 4) AS DOUBLE) AS dispersion
FROM combined c, params p
ORDER BY c.k
