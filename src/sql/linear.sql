-- Linear trend of a prepared series (a CTE or table named `series` with columns t = 1..n and value), by
-- ordinary least squares in SQL, with the terms of the Student-t prediction interval for a new observation:
--   mean(t0) = intercept + slope·t0,  se(t0) = s·sqrt(1 + 1/n + (t0 − x̄)²/Sxx),  s = sqrt(SSE/(n − 2))
--   bounds = mean ± q·se, with q the Student-t quantile on n − 2 degrees of freedom. DuckDB has no t quantile, so
--   the caller passes, for each of its two levels, the quantiles for 1, 2, 3, … degrees of freedom as one
--   comma-separated list (item n − 2 is used): the series and its trend then come from a single query.
-- Parameters (numbered after the series parameters): $11 horizon in periods, $12 the inner level's quantiles,
-- $13 the outer level's. One row per step h = 1..horizon, at t0 = n + h.
SELECT
  fit.n::INTEGER AS n,
  fit.slope,
  fit.intercept,
  fit.xbar,
  fit.sxx,
  fit.sse,
  fit.residual_se,
  hz.h::INTEGER AS h,
  (fit.n + hz.h)::INTEGER AS t,
  fit.intercept + fit.slope * (fit.n + hz.h) AS mean,
  fit.residual_se * sqrt(1 + 1 / fit.n + power(fit.n + hz.h - fit.xbar, 2) / fit.sxx) AS se,
  mean - fit.q_inner * se AS lower_inner,
  mean + fit.q_inner * se AS upper_inner,
  mean - fit.q_outer * se AS lower_outer,
  mean + fit.q_outer * se AS upper_outer
FROM (
  SELECT
    ols.*,
    sqrt(ols.sse / (ols.n - 2)) AS residual_se,
    string_split($12::VARCHAR, ',')[ols.n::INTEGER - 2]::DOUBLE AS q_inner,
    string_split($13::VARCHAR, ',')[ols.n::INTEGER - 2]::DOUBLE AS q_outer
  FROM (
    -- the residual sum of squares about the fitted line, in a second pass over the (materialised) series
    SELECT terms.n, terms.slope, terms.intercept, terms.xbar, terms.sxx,
      sum(power(s.value - (terms.intercept + terms.slope * s.t), 2)) AS sse
    FROM (
      SELECT
        count(*)::DOUBLE AS n,
        regr_slope(value, t) AS slope,
        regr_intercept(value, t) AS intercept,
        avg(t) AS xbar,
        regr_sxx(value, t) AS sxx
      FROM series
    ) AS terms
    CROSS JOIN series AS s
    GROUP BY ALL
  ) AS ols
  WHERE ols.n >= 3
) AS fit,
  range(1, $11::BIGINT + 1) AS hz(h)
ORDER BY hz.h
