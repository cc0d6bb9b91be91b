import {EXTRACT_DATE_SQL} from "./forecast-calendar.js";
import {financialYearSql} from "./sql.js";

type Query = (sql: string) => Promise<Record<string, unknown>[]>;

/**
 * The latest complete financial year before the extract date, as its start DATE (a year ending 31 March on or
 * before the extract date).
 */
const BASELINE_START_SQL = `(SELECT make_date(year(x) - CASE WHEN month(x) < 4 THEN 2 ELSE 1 END, 4, 1)
  FROM (SELECT (${EXTRACT_DATE_SQL} + 1) AS x))`;

/**
 * Per Lot × area in the baseline year: average hours a week delivered by each commissioned route (framework, spot
 * purchase, in-house; direct payments are outside the commissioned budget and outside the model), spend by route,
 * and framework capacity (hours a week offered by providers on the framework, averaged over the year's months).
 * Aggregates only.
 */
export const SCENARIO_CELLS_SQL = `
WITH fy AS (
  SELECT ${BASELINE_START_SQL} AS fy_start, (${BASELINE_START_SQL} + INTERVAL 1 YEAR - INTERVAL 1 DAY)::DATE AS fy_end
),
grid AS (
  SELECT l.lot_code, a.area_code FROM lots l CROSS JOIN areas a
),
overlap AS (
  SELECT
    p.lot_code, p.area_code, p.route, p.hours_per_week, p.hourly_rate,
    (least(fy.fy_end, coalesce(p.end_date, fy.fy_end)) - greatest(fy.fy_start, p.start_date) + 1) AS days,
    (fy.fy_end - fy.fy_start + 1) AS year_days
  FROM packages p, fy
  WHERE p.route <> 'direct_payment' AND p.start_date <= fy.fy_end AND (p.end_date IS NULL OR p.end_date >= fy.fy_start)
),
delivered AS (
  SELECT
    lot_code, area_code,
    sum(hours_per_week * days / year_days) FILTER (WHERE route = 'framework') AS framework_hours,
    sum(hours_per_week * days / year_days) FILTER (WHERE route = 'spot_purchase') AS spot_hours,
    sum(hours_per_week * days / year_days) FILTER (WHERE route = 'in_house') AS in_house_hours,
    sum(hours_per_week * days / 7 * hourly_rate) FILTER (WHERE route = 'framework') AS framework_spend,
    sum(hours_per_week * days / 7 * hourly_rate) FILTER (WHERE route = 'spot_purchase') AS spot_spend,
    sum(hours_per_week * days / 7 * hourly_rate) FILTER (WHERE route = 'in_house') AS in_house_spend,
    any_value(year_days) AS year_days
  FROM overlap
  WHERE days > 0
  GROUP BY ALL
),
capacity AS (
  SELECT c.lot_code, c.area_code, sum(c.hours_per_week) / 12.0 AS capacity_hours
  FROM provider_capacity c
  JOIN providers pr ON pr.provider_id = c.provider_id AND pr.on_framework
  JOIN fy ON c.month BETWEEN strftime(fy.fy_start, '%Y-%m') AND strftime(fy.fy_end, '%Y-%m')
  GROUP BY ALL
)
SELECT
  g.lot_code,
  g.area_code,
  coalesce(d.framework_hours, 0)::DOUBLE AS framework_hours,
  coalesce(d.spot_hours, 0)::DOUBLE AS spot_hours,
  coalesce(d.in_house_hours, 0)::DOUBLE AS in_house_hours,
  coalesce(d.framework_spend, 0)::DOUBLE AS framework_spend,
  coalesce(d.spot_spend, 0)::DOUBLE AS spot_spend,
  coalesce(d.in_house_spend, 0)::DOUBLE AS in_house_spend,
  coalesce(c.capacity_hours, 0)::DOUBLE AS capacity_hours
FROM grid g
LEFT JOIN delivered d USING (lot_code, area_code)
LEFT JOIN capacity c USING (lot_code, area_code)
ORDER BY g.lot_code, g.area_code`;

/** The baseline year's label, its length in days, EHCP requests and new plans (county-wide). */
export const SCENARIO_YEAR_SQL = `
WITH fy AS (SELECT ${BASELINE_START_SQL} AS fy_start)
SELECT
  ${financialYearSql("fy.fy_start")} AS financial_year,
  ((fy.fy_start + INTERVAL 1 YEAR)::DATE - fy.fy_start)::INTEGER AS year_days,
  (SELECT sum(requests_received) FROM ehcp_activity
     WHERE month BETWEEN strftime(fy.fy_start, '%Y-%m') AND strftime((fy.fy_start + INTERVAL 11 MONTH)::DATE, '%Y-%m'))::INTEGER AS ehcp_requests,
  (SELECT sum(plans_issued) FROM ehcp_activity
     WHERE month BETWEEN strftime(fy.fy_start, '%Y-%m') AND strftime((fy.fy_start + INTERVAL 11 MONTH)::DATE, '%Y-%m'))::INTEGER AS ehcp_plans
FROM fy`;

/**
 * Everything the scenario planner starts from, as JSON: the baseline year, Lots and areas, the per-cell baseline
 * and every budget from the baseline year on.
 *
 * @example
 * const baseline = await scenarioBaseline(query);
 */
export async function scenarioBaseline(query: Query) {
  const [year] = await query(SCENARIO_YEAR_SQL);
  return {
    baselineYear: year.financial_year,
    yearDays: year.year_days,
    ehcpRequests: year.ehcp_requests,
    ehcpPlans: year.ehcp_plans,
    lots: await query("SELECT lot_code, lot_name, statutory FROM lots ORDER BY lot_code"),
    areas: await query("SELECT area_code, area_name FROM areas ORDER BY area_code"),
    cells: await query(SCENARIO_CELLS_SQL),
    budgets: await query(
      `SELECT financial_year, lot_code, budget_gbp::DOUBLE AS budget FROM budgets
       WHERE financial_year >= '${String(year.financial_year)}' ORDER BY financial_year, lot_code`
    )
  };
}
