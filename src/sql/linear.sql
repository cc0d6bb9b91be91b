-- Linear trend of a prepared series (a CTE or table named `series` with columns t = 1..n and value), by
-- ordinary least squares in SQL, with the terms of the Student-t prediction interval for a new observation:
--   mean(t0) = intercept + slope·t0,  se(t0) = s·sqrt(1 + 1/n + (t0 − x̄)²/Sxx),  s = sqrt(SSE/(n − 2))
--   bounds = mean ± q·se, with q the Student-t quantile on n − 2 degrees of freedom (DuckDB has no t
--   quantile, so the caller passes q for each of its two levels).
-- Parameters (numbered after the series parameters): $11 horizon in periods, $12 q of the inner level, $13 q of
-- the outer level. One row per step h = 1..horizon, at t0 = n + h.
SELECT
  fit.n::INTEGER AS n,
  fit.slope,
  fit.intercept,
  fit.xbar,
  fit.sxx,
  fit.sse,
  sqrt(fit.sse / (fit.n - 2)) AS residual_se,
  hz.h::INTEGER AS h,
  (fit.n + hz.h)::INTEGER AS t,
  fit.intercept + fit.slope * (fit.n + hz.h) AS mean,
  sqrt(fit.sse / (fit.n - 2)) * sqrt(1 + 1 / fit.n + power(fit.n + hz.h - fit.xbar, 2) / fit.sxx) AS se,
  fit.intercept + fit.slope * (fit.n + hz.h)
    - $12::DOUBLE * sqrt(fit.sse / (fit.n - 2)) * sqrt(1 + 1 / fit.n + power(fit.n + hz.h - fit.xbar, 2) / fit.sxx)
    AS lower_inner,
  fit.intercept + fit.slope * (fit.n + hz.h)
    + $12::DOUBLE * sqrt(fit.sse / (fit.n - 2)) * sqrt(1 + 1 / fit.n + power(fit.n + hz.h - fit.xbar, 2) / fit.sxx)
    AS upper_inner,
  fit.intercept + fit.slope * (fit.n + hz.h)
    - $13::DOUBLE * sqrt(fit.sse / (fit.n - 2)) * sqrt(1 + 1 / fit.n + power(fit.n + hz.h - fit.xbar, 2) / fit.sxx)
    AS lower_outer,
  fit.intercept + fit.slope * (fit.n + hz.h)
    + $13::DOUBLE * sqrt(fit.sse / (fit.n - 2)) * sqrt(1 + 1 / fit.n + power(fit.n + hz.h - fit.xbar, 2) / fit.sxx)
    AS upper_outer
FROM (
  SELECT
    ols.*,
    (SELECT sum(power(s.value - (ols.intercept + ols.slope * s.t), 2)) FROM series s) AS sse
  FROM (
    SELECT
      count(*)::DOUBLE AS n,
      regr_slope(value, t) AS slope,
      regr_intercept(value, t) AS intercept,
      avg(t) AS xbar,
      regr_sxx(value, t) AS sxx
    FROM series
  ) AS ols
) AS fit,
  range(1, $11::BIGINT + 1) AS hz(h)
WHERE fit.n >= 3
ORDER BY hz.h
