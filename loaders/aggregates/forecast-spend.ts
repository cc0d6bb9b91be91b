import {FORECAST_CALENDAR_SQL} from "./forecast-calendar.js";

/**
 * Spend and hours delivered per month × Lot × area × route × funder: for each package, hours per week × days active
 * in the month ÷ 7 × hourly rate (days counted inclusively; an ongoing package runs to the extract date) — the
 * demo county's definition of spend (docs/demo-county.md). Direct payments are a route like any other; filter them
 * out to compare with `budgets.csv`, which covers commissioned care only.
 */
export const FORECAST_SPEND_SQL = `
WITH calendar AS (${FORECAST_CALENDAR_SQL}),
overlap AS (
  SELECT
    c.month, p.lot_code, p.area_code, p.route, p.funder, p.hours_per_week, p.hourly_rate,
    (least(c.cutoff, coalesce(p.end_date, c.cutoff)) - greatest(c.month_start, p.start_date) + 1) AS days
  FROM calendar c
  JOIN packages p ON p.start_date <= c.cutoff AND (p.end_date IS NULL OR p.end_date >= c.month_start)
)
SELECT
  month,
  lot_code,
  area_code,
  route,
  funder,
  sum(hours_per_week * days / 7)::DOUBLE AS hours,
  sum(hours_per_week * days / 7 * hourly_rate)::DOUBLE AS spend
FROM overlap
WHERE days > 0
GROUP BY ALL
ORDER BY month, lot_code, area_code, route, funder`;
