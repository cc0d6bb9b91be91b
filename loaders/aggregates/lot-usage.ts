/**
 * Aggregates for the Lot usage page: children and hours per Lot and financial year, by purchasing route and by
 * funder, and the allocation of children and cost by provider × area. Counts and sums only: no child-level row
 * leaves the warehouse.
 *
 * Definitions (also stated on the page): a package is *active in a financial year* if it started on or before the
 * year's last day (31 March, or the extract date for the current year) and had not ended before 1 April. Its days
 * in the year run from the later of its start and 1 April to the earlier of its end and the year's last day.
 * - `children`: distinct children with at least one active package (never summed across groups: every total is
 *   counted again);
 * - `hours`: hours delivered in the year, Σ hours per week × days in the year ÷ 7;
 * - `avg_weekly_hours`: hours ÷ weeks in the year (the average number of hours commissioned in a week);
 * - `cost_gbp`: Σ hours per week × days in the year ÷ 7 × hourly rate (the demo county's definition of spend).
 */
import {EXTRACT_DATE_SQL, FINANCIAL_YEARS_SQL} from "./periods.js";

const ACTIVE = `extract AS (${EXTRACT_DATE_SQL}),
years AS (${FINANCIAL_YEARS_SQL}),
active AS (
  SELECT y.financial_year, y.days AS year_days, p.child_id, p.lot_code, p.area_code, p.provider_id, p.route, p.funder,
    p.hours_per_week, p.hourly_rate,
    (least(coalesce(p.end_date, y.fy_end), y.fy_end) - greatest(p.start_date, y.fy_start) + 1) AS days
  FROM years y
  JOIN packages p ON p.start_date <= y.fy_end AND (p.end_date IS NULL OR p.end_date >= y.fy_start)
)`;

const MEASURES = `
  count(DISTINCT child_id)::INTEGER AS children,
  count(*)::INTEGER AS packages,
  round(sum(hours_per_week * days) / 7, 2)::DOUBLE AS hours,
  round(sum(hours_per_week * days) / any_value(year_days), 2)::DOUBLE AS avg_weekly_hours,
  round(sum(hours_per_week * days / 7 * hourly_rate), 2)::DOUBLE AS cost_gbp`;

/**
 * Usage per financial year × Lot × area × route × funder, with every combination of totals (a CUBE): a rolled-up
 * dimension is `'all'`. `children` is a distinct count at each level, so pick the row for the filter instead of
 * adding rows up.
 */
export const LOT_USAGE_SQL = `
WITH ${ACTIVE}
SELECT
  financial_year,
  CASE WHEN grouping(lot_code) = 1 THEN 'all' ELSE lot_code END AS lot_code,
  CASE WHEN grouping(area_code) = 1 THEN 'all' ELSE area_code END AS area_code,
  CASE WHEN grouping(route) = 1 THEN 'all' ELSE route END AS route,
  CASE WHEN grouping(funder) = 1 THEN 'all' ELSE funder END AS funder,
  ${MEASURES}
FROM active
GROUP BY financial_year, CUBE (lot_code, area_code, route, funder)
ORDER BY ALL`;

/**
 * Allocations per financial year × Lot × provider × area, with provider totals, area totals and the Lot total
 * (grouping sets; a total is labelled `'Total'`), for each Lot and for all Lots together (`lot_code` = `'all'`). Packages without a provider (direct payments) form the row
 * `provider_id` = `'DP'`, "Direct payments (no provider)".
 */
export const ALLOCATIONS_SQL = `
WITH ${ACTIVE},
named AS (
  SELECT a.*, coalesce(a.provider_id, 'DP') AS provider_key,
    coalesce(v.provider_name, 'Direct payments (no provider)') AS provider_name,
    ar.area_name
  FROM active a
  LEFT JOIN providers v ON v.provider_id = a.provider_id
  JOIN areas ar ON ar.area_code = a.area_code
)
SELECT
  financial_year,
  CASE WHEN grouping(lot_code) = 1 THEN 'all' ELSE lot_code END AS lot_code,
  CASE WHEN grouping(provider_key) = 1 THEN 'Total' ELSE provider_key END AS provider_id,
  CASE WHEN grouping(provider_key) = 1 THEN 'Total' ELSE any_value(provider_name) END AS provider_name,
  CASE WHEN grouping(area_code) = 1 THEN 'Total' ELSE area_code END AS area_code,
  CASE WHEN grouping(area_code) = 1 THEN 'Total' ELSE any_value(area_name) END AS area_name,
  ${MEASURES}
FROM named
GROUP BY financial_year, GROUPING SETS (
  (lot_code, provider_key, area_code), (lot_code, provider_key), (lot_code, area_code), (lot_code),
  (provider_key, area_code), (provider_key), (area_code), ()
)
ORDER BY ALL`;
