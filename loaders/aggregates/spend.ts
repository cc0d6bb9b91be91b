import {financialYearSql, monthSql} from "./sql.js";

/**
 * Spend aggregates for the Spend page.
 *
 * **Spend of a package in a period** = `hours_per_week × hourly_rate × weeks active in the period`, where weeks
 * active = days from the later of the package's start and the period's start to the earlier of its end (the
 * "as at" date for an ongoing package) and the period's end, both days included, divided by 7. This is the
 * definition behind the demo county's calibration (docs/demo-county.md).
 *
 * **Actual** spend runs to the "as at" date: `meta.csv`'s `extract_date`, or else the latest referral date.
 * **Committed** spend is the cost of packages that are open after the "as at" date (no end date, or an end date
 * after it), from the day after it to the earlier of their end date and 31 March of the financial year that holds
 * the "as at" date.
 *
 * Spend is counted from 1 April of the first financial year in `budgets.csv`, so that every year shown has a
 * budget and no year is only partly covered by the extract.
 *
 * Which spend counts as what (docs/demo-county.md): **community care** is spend on statutory Lots that is not a
 * direct payment (framework, spot purchase, in-house; all funders); **commissioned care**, which `budgets.csv`
 * covers, is every Lot's spend except direct payments. Both are flags the page filters on.
 */

/** The "as at" date, the first day counted and the end of the "as at" date's financial year, as one row. */
export const SPEND_PARAMS_SQL = `
SELECT
  asat,
  first_day,
  make_date(year(asat) - CASE WHEN month(asat) < 4 THEN 1 ELSE 0 END + 1, 3, 31) AS fy_end
FROM (
  SELECT
    coalesce(
      (SELECT max(TRY_CAST(value AS DATE)) FROM meta WHERE key = 'extract_date'),
      (SELECT max(received_date) FROM referrals)
    ) AS asat,
    (SELECT make_date(min(CAST(left(financial_year, 4) AS INTEGER)), 4, 1) FROM budgets) AS first_day
)`;

/**
 * Spend per month × Lot × area × route × funder: actual (`spend_gbp`, `hours`) to the "as at" date and committed
 * (`committed_gbp`, `committed_hours`) after it, to 31 March. Packages only, aggregated: no child id leaves.
 */
export const SPEND_MONTHLY_SQL = `
WITH params AS (${SPEND_PARAMS_SQL}),
months AS (
  SELECT m::DATE AS month_start, (m + INTERVAL 1 MONTH - INTERVAL 1 DAY)::DATE AS month_end
  FROM (SELECT unnest(range(first_day::TIMESTAMP, (fy_end + 1)::TIMESTAMP, INTERVAL 1 MONTH)) AS m FROM params)
),
spans AS (
  SELECT
    m.month_start,
    p.lot_code, p.area_code, p.route, p.funder, p.hours_per_week, p.hourly_rate,
    greatest(p.start_date, m.month_start) AS a_from,
    least(coalesce(p.end_date, params.asat), m.month_end, params.asat) AS a_to,
    greatest(p.start_date, m.month_start, params.asat + 1) AS c_from,
    least(coalesce(p.end_date, params.fy_end), m.month_end, params.fy_end) AS c_to
  FROM packages p
  CROSS JOIN params
  JOIN months m ON p.start_date <= m.month_end AND coalesce(p.end_date, DATE '9999-12-31') >= m.month_start
),
weeks AS (
  SELECT *,
    CASE WHEN a_to >= a_from THEN (datediff('day', a_from, a_to) + 1) / 7.0 ELSE 0 END AS a_weeks,
    CASE WHEN c_to >= c_from THEN (datediff('day', c_from, c_to) + 1) / 7.0 ELSE 0 END AS c_weeks
  FROM spans
)
SELECT
  ${monthSql("w.month_start")} AS month,
  ${financialYearSql("w.month_start")} AS financial_year,
  w.lot_code,
  l.lot_name,
  l.statutory,
  w.area_code,
  a.area_name,
  w.route,
  w.funder,
  sum(w.a_weeks * w.hours_per_week * w.hourly_rate)::DOUBLE AS spend_gbp,
  sum(w.a_weeks * w.hours_per_week)::DOUBLE AS hours,
  sum(w.c_weeks * w.hours_per_week * w.hourly_rate)::DOUBLE AS committed_gbp,
  sum(w.c_weeks * w.hours_per_week)::DOUBLE AS committed_hours
FROM weeks w
JOIN lots l USING (lot_code)
JOIN areas a USING (area_code)
GROUP BY ALL
HAVING sum(w.a_weeks) > 0 OR sum(w.c_weeks) > 0
ORDER BY month, w.lot_code, w.area_code, w.route, w.funder`;

/**
 * Actual spend, hours, packages and distinct children per financial year × Lot × provider, for every combination
 * of area and funder (`'ALL'` = every area or funder; `provider_id = 'ALL'` = the whole Lot). Direct payments have
 * no provider and appear as provider `DIRECT`. Distinct children cannot be added up across rows, which is why each
 * filter combination is computed here rather than summed in the browser. Packages are a plain `count(*)`: every
 * grouping set includes the financial year and a package has one row per year (its id is the file's key), so it
 * equals the distinct count, without a second distinct hash table per grouping set (40% of this query at 1M
 * referrals).
 */
export const SPEND_PROVIDERS_SQL = `
WITH params AS (${SPEND_PARAMS_SQL}),
years AS (
  SELECT DISTINCT financial_year,
    make_date(CAST(left(financial_year, 4) AS INTEGER), 4, 1) AS fy_start,
    make_date(CAST(left(financial_year, 4) AS INTEGER) + 1, 3, 31) AS fy_end
  FROM budgets
),
spans AS (
  SELECT
    y.financial_year,
    p.child_id, p.package_id, p.lot_code, p.area_code, p.funder, p.route,
    coalesce(p.provider_id, 'DIRECT') AS provider_id,
    p.hours_per_week, p.hourly_rate,
    greatest(p.start_date, y.fy_start) AS a_from,
    least(coalesce(p.end_date, params.asat), y.fy_end, params.asat) AS a_to
  FROM packages p
  CROSS JOIN params
  JOIN years y ON p.start_date <= y.fy_end AND coalesce(p.end_date, DATE '9999-12-31') >= y.fy_start
),
active AS (
  SELECT *, (datediff('day', a_from, a_to) + 1) / 7.0 AS weeks FROM spans WHERE a_to >= a_from
),
cube AS (
  SELECT
    financial_year,
    lot_code,
    coalesce(provider_id, 'ALL') AS provider_id,
    coalesce(area_code, 'ALL') AS area_code,
    coalesce(funder, 'ALL') AS funder,
    sum(weeks * hours_per_week * hourly_rate)::DOUBLE AS spend_gbp,
    sum(weeks * hours_per_week)::DOUBLE AS hours,
    count(*)::INTEGER AS packages,
    count(DISTINCT child_id)::INTEGER AS children,
    string_agg(DISTINCT route, ';' ORDER BY route) AS routes
  FROM active
  GROUP BY GROUPING SETS (
    (financial_year, lot_code, provider_id, area_code, funder),
    (financial_year, lot_code, provider_id, area_code),
    (financial_year, lot_code, provider_id, funder),
    (financial_year, lot_code, provider_id),
    (financial_year, lot_code, area_code, funder),
    (financial_year, lot_code, area_code),
    (financial_year, lot_code, funder),
    (financial_year, lot_code)
  )
)
SELECT
  c.financial_year,
  c.lot_code,
  l.lot_name,
  c.provider_id,
  CASE c.provider_id
    WHEN 'ALL' THEN 'All providers'
    WHEN 'DIRECT' THEN 'Direct payments (no provider)'
    ELSE pr.provider_name
  END AS provider_name,
  c.routes,
  c.area_code,
  c.funder,
  c.spend_gbp,
  c.hours,
  c.packages,
  c.children
FROM cube c
JOIN lots l USING (lot_code)
LEFT JOIN providers pr ON pr.provider_id = c.provider_id
ORDER BY c.financial_year, c.lot_code, c.provider_id, c.area_code, c.funder`;

/** Budgets per financial year × Lot, with the Lot's name. */
export const SPEND_BUDGETS_SQL = `
SELECT b.financial_year, b.lot_code, l.lot_name, b.budget_gbp::DOUBLE AS budget_gbp
FROM budgets b JOIN lots l USING (lot_code)
ORDER BY b.financial_year, b.lot_code`;
