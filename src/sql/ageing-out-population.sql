-- The projected supported population at each anniversary of the extract (year 0 = now, then 1 .. horizon years):
-- today's supported children who are still under 18 and still supported, plus new entrants.
-- Reads `cohort` (src/data/ageing-out.arrow), `history` (src/data/ageing-out-history.arrow) and `survival`
-- (src/data/ageing-out-survival.arrow: ageing-out-survival.sql run by the build for the same extract month and
-- history years, which holds everything that does not depend on the filters).
-- Parameters:
--   $1 extract month 'YYYY-MM'; $2 horizon in years (1-5)
--   $3 Lot code, $4 area code, $5 primary need, $6 funder: '' for all (children are filed under their main package)
--   $7, $8 standard normal quantiles for the 80% and 95% intervals (1.2816, 1.9600)
--   $9 years of history for the entry rates (3: the last three complete financial years before the extract)
-- Method (docs/ageing-out.md):
--   entry rate lambda_b = entrants (children starting a support episode) per year in age band b, mean of the
--   history years, for the filtered Lot/area/need/funder; entrants of band b still supported k years on are
--   lambda_b * w(b, k), w the sum of `survival.entry_weight` over the band's ages;
--   today's children: a child aged a months now is still supported k years on with probability
--   `survival.survival` (a, k), and has left at 18 (216 months);
--   uncertainty: surviving entrants are Poisson with dispersion phi = max(1, variance / mean of the yearly
--   entrant totals) and the rates are estimated from Y years (variance phi * lambda_b / Y); each of today's
--   children stays with probability s (binomial); the interval is mean +/- z * sd, floored at 0.
-- Every CTE reads a table of at most a few thousand rows: the page runs this when a filter changes, and
-- DuckDB-WASM's planning time grows with the number of joins (docs/ageing-out.md, "Query plan").
WITH stock AS (
  -- today's children by month of age now (216 - months until they turn 18)
  SELECT 216 - ((CAST(substr(turn18_month, 1, 4) AS INTEGER) * 12 + CAST(substr(turn18_month, 6, 2) AS INTEGER) - 1)
      - (CAST(substr($1::VARCHAR, 1, 4) AS INTEGER) * 12 + CAST(substr($1::VARCHAR, 6, 2) AS INTEGER) - 1)) AS age_month,
    sum(children) AS n
  FROM cohort
  WHERE ($3::VARCHAR = '' OR lot_code = $3::VARCHAR) AND ($4::VARCHAR = '' OR area_code = $4::VARCHAR)
    AND ($5::VARCHAR = '' OR primary_need = $5::VARCHAR) AND ($6::VARCHAR = '' OR funder = $6::VARCHAR)
  GROUP BY 1
),
entries AS (
  -- entrants per financial year and age band in the history years, for the filters
  SELECT CAST(substr(financial_year, 1, 4) AS INTEGER) AS fy_start, age_band, sum(entrants) AS n
  FROM history
  WHERE CAST(substr(financial_year, 1, 4) AS INTEGER) BETWEEN
      CAST(substr($1::VARCHAR, 1, 4) AS INTEGER) - CASE WHEN CAST(substr($1::VARCHAR, 6, 2) AS INTEGER) < 4 THEN 1 ELSE 0 END - $9::INTEGER
      AND CAST(substr($1::VARCHAR, 1, 4) AS INTEGER) - CASE WHEN CAST(substr($1::VARCHAR, 6, 2) AS INTEGER) < 4 THEN 1 ELSE 0 END - 1
    AND ($3::VARCHAR = '' OR lot_code = $3::VARCHAR) AND ($4::VARCHAR = '' OR area_code = $4::VARCHAR)
    AND ($5::VARCHAR = '' OR primary_need = $5::VARCHAR) AND ($6::VARCHAR = '' OR funder = $6::VARCHAR)
  GROUP BY ALL
),
dispersion AS (
  -- phi from the yearly totals, a year with no entrant counting as 0
  SELECT CASE WHEN avg(n) > 0 AND count(*) > 1 THEN greatest(1.0, var_samp(n) / avg(n)) ELSE 1.0 END AS phi
  FROM (
    SELECT coalesce(sum(e.n), 0) AS n
    FROM range(
      CAST(substr($1::VARCHAR, 1, 4) AS INTEGER) - CASE WHEN CAST(substr($1::VARCHAR, 6, 2) AS INTEGER) < 4 THEN 1 ELSE 0 END - $9::INTEGER,
      CAST(substr($1::VARCHAR, 1, 4) AS INTEGER) - CASE WHEN CAST(substr($1::VARCHAR, 6, 2) AS INTEGER) < 4 THEN 1 ELSE 0 END
    ) AS y(fy_start)
    LEFT JOIN entries e ON e.fy_start = y.fy_start
    GROUP BY y.fy_start
  )
),
bands AS (
  -- per band and year ahead: the entry rate (mean entrants a year) and the weight w(b, k)
  SELECT w.k, w.age_band, coalesce(r.n, 0) / $9::INTEGER AS entry_rate, w.w
  FROM (
    SELECT k, age_band, sum(entry_weight) AS w FROM survival
    WHERE age_band IS NOT NULL AND k <= $2::INTEGER GROUP BY k, age_band
  ) w
  LEFT JOIN (SELECT age_band, sum(n) AS n FROM entries GROUP BY age_band) r ON r.age_band = w.age_band
),
steps AS (
  SELECT k
  FROM range(0, CASE WHEN $2::INTEGER BETWEEN 1 AND 5 THEN $2::INTEGER ELSE error('horizon must be 1 to 5 years') END + 1) AS t(k)
),
combined AS (
  SELECT s.k, s.not_aged_out, s.aged_out, s.expected AS stock_expected, e.expected AS entrants_expected,
    s.expected + e.expected AS projected, sqrt(s.variance + e.variance) AS sd, e.entrants_per_year, e.phi
  FROM (
    SELECT t.k,
      coalesce(sum(st.n) FILTER (WHERE st.age_month + 12 * t.k < 216), 0) AS not_aged_out,
      coalesce(sum(st.n) FILTER (WHERE st.age_month + 12 * t.k >= 216), 0) AS aged_out,
      coalesce(sum(CASE WHEN st.age_month + 12 * t.k < 216 THEN st.n * sv.survival ELSE 0 END), 0) AS expected,
      coalesce(sum(CASE WHEN st.age_month + 12 * t.k < 216 THEN st.n * sv.survival * (1 - sv.survival) ELSE 0 END), 0) AS variance
    FROM steps t
    LEFT JOIN stock st ON true
    LEFT JOIN survival sv ON sv.k = t.k AND sv.age_month = st.age_month
    GROUP BY t.k
  ) s
  JOIN (
    SELECT b.k, sum(b.entry_rate * b.w) AS expected,
      any_value(d.phi) * sum(b.entry_rate * b.w) + any_value(d.phi) * sum(b.w * b.w * b.entry_rate) / $9::INTEGER AS variance,
      sum(b.entry_rate) AS entrants_per_year, any_value(d.phi) AS phi
    FROM bands b, dispersion d
    GROUP BY b.k
  ) e ON e.k = s.k
)
SELECT
  CAST(c.k AS INTEGER) AS year,
  CAST((CAST(substr($1::VARCHAR, 1, 4) AS INTEGER) * 12 + CAST(substr($1::VARCHAR, 6, 2) AS INTEGER) - 1 + 12 * c.k) // 12 AS VARCHAR) || '-' || lpad(CAST((CAST(substr($1::VARCHAR, 1, 4) AS INTEGER) * 12 + CAST(substr($1::VARCHAR, 6, 2) AS INTEGER) - 1 + 12 * c.k) % 12 + 1 AS VARCHAR), 2, '0') AS as_at_month,
  CAST(c.not_aged_out AS INTEGER) AS current_not_aged_out,
  CAST(c.aged_out AS INTEGER) AS current_aged_out,
  CAST(round(c.stock_expected, 2) AS DOUBLE) AS current_still_supported,
  CAST(round(c.entrants_expected, 2) AS DOUBLE) AS new_entrants_supported,
  CAST(round(c.projected, 2) AS DOUBLE) AS projected,
  CAST(round(greatest(0, c.projected - $7::DOUBLE * c.sd), 2) AS DOUBLE) AS lower_80,
  CAST(round(c.projected + $7::DOUBLE * c.sd, 2) AS DOUBLE) AS upper_80,
  CAST(round(greatest(0, c.projected - $8::DOUBLE * c.sd), 2) AS DOUBLE) AS lower_95,
  CAST(round(c.projected + $8::DOUBLE * c.sd, 2) AS DOUBLE) AS upper_95,
  CAST(round(c.entrants_per_year, 4) AS DOUBLE) AS entrants_per_year,
  CAST(round(c.phi, 4) AS DOUBLE) AS dispersion
FROM combined c
ORDER BY c.k
