/**
 * Aggregates for the Capacity page: provider capacity against demand, the waiting list, referrals not picked up,
 * spare capacity by provider, residential short-break occupancy and hours commissioned. Counts and sums only:
 * no child-level row leaves the warehouse.
 *
 * Definitions (also stated on the page):
 * - a package is *held* in a month if it has a provider and is active on any day of the month (the basis of
 *   `provider_capacity`); it is *active at month end* if it started on or before the month's last day and has not
 *   ended before it;
 * - a referral is *waiting* at a month end if it was received on or before that day and has no decision by it;
 * - a provider is *on the framework* in a month if it joined on or before the month's end and had not left before
 *   the month began (spot agencies and the in-house team have no joining date).
 */
import {EXTRACT_DATE_SQL, MONTHS_SQL} from "./periods.js";
import {financialYearSql, monthSql} from "./sql.js";

const BASE = `extract AS (${EXTRACT_DATE_SQL}),
months AS (${MONTHS_SQL})`;

/** Average weekly hours of a package bought from a provider, per Lot: what one waiting referral is assumed to need. */
const LOT_HOURS = `lot_hours AS (
  SELECT lot_code, avg(hours_per_week) AS hours_per_referral
  FROM packages WHERE route <> 'direct_payment' GROUP BY lot_code
)`;

/**
 * Provider capacity against demand per month × Lot × area. `offered_hours` and `offered_places` are
 * `provider_capacity`; `held_hours`/`held_packages` the packages providers held that month; `waiting` the
 * referrals waiting at month end; `waiting_hours` = waiting × the Lot's average weekly hours of provider-bought
 * packages; `demand_hours` = held + waiting hours.
 */
export const CAPACITY_DEMAND_SQL = `
WITH ${BASE}, ${LOT_HOURS},
grid AS (SELECT m.*, l.lot_code, l.lot_name, a.area_code, a.area_name FROM months m, lots l, areas a),
offered AS (
  SELECT month, lot_code, area_code, sum(hours_per_week) AS hours, sum(places) AS places
  FROM provider_capacity GROUP BY ALL
),
held AS (
  SELECT g.month, g.lot_code, g.area_code, sum(p.hours_per_week) AS hours, count(*) AS packages
  FROM grid g JOIN packages p
    ON p.lot_code = g.lot_code AND p.area_code = g.area_code AND p.provider_id IS NOT NULL
   AND p.start_date <= g.month_end AND (p.end_date IS NULL OR p.end_date >= g.month_start)
  GROUP BY ALL
),
waiting AS (
  SELECT g.month, g.lot_code, g.area_code, count(*) AS waiting
  FROM grid g JOIN referrals r
    ON r.lot_code = g.lot_code AND r.area_code = g.area_code
   AND r.received_date <= g.month_end AND (r.decision_date IS NULL OR r.decision_date > g.month_end)
  GROUP BY ALL
)
SELECT
  g.month, g.financial_year, g.lot_code, g.lot_name, g.area_code, g.area_name,
  coalesce(o.hours, 0)::INTEGER AS offered_hours,
  coalesce(o.places, 0)::INTEGER AS offered_places,
  round(coalesce(h.hours, 0), 2)::DOUBLE AS held_hours,
  coalesce(h.packages, 0)::INTEGER AS held_packages,
  coalesce(w.waiting, 0)::INTEGER AS waiting,
  round(coalesce(w.waiting, 0) * coalesce(lh.hours_per_referral, 0), 2)::DOUBLE AS waiting_hours,
  round(coalesce(h.hours, 0) + coalesce(w.waiting, 0) * coalesce(lh.hours_per_referral, 0), 2)::DOUBLE AS demand_hours
FROM grid g
LEFT JOIN offered o USING (month, lot_code, area_code)
LEFT JOIN held h USING (month, lot_code, area_code)
LEFT JOIN waiting w USING (month, lot_code, area_code)
LEFT JOIN lot_hours lh USING (lot_code)
ORDER BY g.month, g.lot_code, g.area_code`;

/** Wait bands, in order, with their lower bound in days. */
export const WAIT_BANDS = [
  {band: "Under 4 weeks", order: 1, from: 0},
  {band: "4 to 13 weeks", order: 2, from: 28},
  {band: "13 to 26 weeks", order: 3, from: 91},
  {band: "Over 26 weeks", order: 4, from: 182}
] as const;

const waitBandSql = (days: string) =>
  `CASE ${[...WAIT_BANDS]
    .reverse()
    .map((b) => `WHEN ${days} >= ${b.from} THEN '${b.band}'`)
    .join(" ")} END`;

/**
 * Referrals waiting at each month end (received on or before it, no decision by it), per month × Lot × area ×
 * wait band (days since received at the month end). Rows with no one waiting are left out.
 */
export const WAITING_LIST_SQL = `
WITH ${BASE}
SELECT
  g.month, g.financial_year, r.lot_code, l.lot_name, r.area_code, a.area_name,
  ${waitBandSql("(g.month_end - r.received_date)")} AS wait_band,
  count(*)::INTEGER AS waiting
FROM months g
JOIN referrals r ON r.received_date <= g.month_end AND (r.decision_date IS NULL OR r.decision_date > g.month_end)
JOIN lots l ON l.lot_code = r.lot_code
JOIN areas a ON a.area_code = r.area_code
GROUP BY ALL
ORDER BY g.month, r.lot_code, r.area_code, wait_band`;

/** Framework providers' spare places per month × Lot × area (places offered − packages held, framework only). */
const FRAMEWORK_SPARE = `framework_spare AS (
  SELECT g.month, c.lot_code, c.area_code,
    sum(c.places) - coalesce(sum((
      SELECT count(*) FROM packages p
      WHERE p.provider_id = c.provider_id AND p.lot_code = c.lot_code AND p.area_code = c.area_code
        AND p.start_date <= g.month_end AND (p.end_date IS NULL OR p.end_date >= g.month_start)
    )), 0) AS spare_places
  FROM months g
  JOIN provider_capacity c ON c.month = g.month
  JOIN providers v ON v.provider_id = c.provider_id
  WHERE v.joined_date IS NOT NULL AND v.joined_date <= g.month_end
    AND (v.left_date IS NULL OR v.left_date >= g.month_start)
  GROUP BY ALL
)`;

/**
 * Referral outcomes per financial year received × Lot × area × outcome, split by whether the framework had a spare
 * place in the referral's Lot and area in the month it was received (`framework_capacity` = 'none' when framework
 * providers' places offered minus packages held was zero or less, or none were offered; else 'spare').
 * A referral is *not picked up* if its outcome is declined, withdrawn or still waiting and `framework_capacity`
 * is 'none'.
 */
export const NOT_PICKED_UP_SQL = `
WITH ${BASE}, ${FRAMEWORK_SPARE}
SELECT
  ${financialYearSql("r.received_date")} AS financial_year,
  r.lot_code, l.lot_name, r.area_code, a.area_name, r.outcome,
  CASE WHEN coalesce(s.spare_places, 0) > 0 THEN 'spare' ELSE 'none' END AS framework_capacity,
  count(*)::INTEGER AS referrals,
  round(avg(coalesce(r.decision_date, (SELECT extract_date FROM extract)) - r.received_date), 1)::DOUBLE AS mean_wait_days
FROM referrals r
JOIN lots l ON l.lot_code = r.lot_code
JOIN areas a ON a.area_code = r.area_code
LEFT JOIN framework_spare s ON s.month = ${monthSql("r.received_date")} AND s.lot_code = r.lot_code AND s.area_code = r.area_code
GROUP BY ALL
ORDER BY ALL`;

/**
 * Capacity each provider holds at the last month of each financial year (March, or the extract month for the
 * current year), per provider × Lot × area: hours and places offered, held, and spare (offered − held).
 */
export const PROVIDER_SPARE_SQL = `
WITH ${BASE},
year_ends AS (SELECT financial_year, max(month) AS month FROM months GROUP BY financial_year)
SELECT
  y.financial_year, g.month, c.provider_id, v.provider_name,
  CASE WHEN v.joined_date IS NOT NULL AND v.joined_date <= g.month_end
        AND (v.left_date IS NULL OR v.left_date >= g.month_start) THEN 'framework'
       WHEN EXISTS (SELECT 1 FROM packages q WHERE q.provider_id = v.provider_id AND q.route = 'in_house') THEN 'in_house'
       ELSE 'spot_purchase' END AS provider_type,
  c.lot_code, l.lot_name, c.area_code, a.area_name,
  c.hours_per_week::INTEGER AS offered_hours,
  c.places::INTEGER AS offered_places,
  round(coalesce(h.hours, 0), 2)::DOUBLE AS held_hours,
  coalesce(h.packages, 0)::INTEGER AS held_packages,
  round(c.hours_per_week - coalesce(h.hours, 0), 2)::DOUBLE AS spare_hours,
  (c.places - coalesce(h.packages, 0))::INTEGER AS spare_places
FROM year_ends y
JOIN months g ON g.month = y.month
JOIN provider_capacity c ON c.month = g.month
JOIN providers v ON v.provider_id = c.provider_id
JOIN lots l ON l.lot_code = c.lot_code
JOIN areas a ON a.area_code = c.area_code
LEFT JOIN LATERAL (
  SELECT sum(p.hours_per_week) AS hours, count(*) AS packages FROM packages p
  WHERE p.provider_id = c.provider_id AND p.lot_code = c.lot_code AND p.area_code = c.area_code
    AND p.start_date <= g.month_end AND (p.end_date IS NULL OR p.end_date >= g.month_start)
) h ON true
ORDER BY y.financial_year, c.provider_id, c.lot_code, c.area_code`;

/**
 * Residential short-break occupancy per unit × week (weeks start on Monday): beds used ÷ (beds × nights recorded
 * that week), with the unit's target.
 */
export const RESIDENTIAL_WEEKLY_SQL = `
SELECT
  strftime(date_trunc('week', n.date), '%Y-%m-%d') AS week_start,
  ${financialYearSql("date_trunc('week', n.date)")} AS financial_year,
  u.unit_id, u.unit_name, u.area_code, a.area_name,
  u.beds::INTEGER AS beds,
  count(*)::INTEGER AS nights,
  sum(n.nights_used)::INTEGER AS bed_nights_used,
  (u.beds * count(*))::INTEGER AS bed_nights_available,
  round(sum(n.nights_used) / (u.beds * count(*)), 4)::DOUBLE AS occupancy,
  (u.occupancy_target_pct / 100)::DOUBLE AS target
FROM residential_nights n
JOIN residential_units u USING (unit_id)
JOIN areas a ON a.area_code = u.area_code
GROUP BY date_trunc('week', n.date), u.unit_id, u.unit_name, u.area_code, a.area_name, u.beds, u.occupancy_target_pct
ORDER BY week_start, u.unit_id`;

/**
 * Hours commissioned: the sum of weekly hours of packages active at each month end, per month × Lot × area ×
 * route, with the number of packages.
 */
export const HOURS_COMMISSIONED_SQL = `
WITH ${BASE}
SELECT
  g.month, g.financial_year, p.lot_code, l.lot_name, p.area_code, a.area_name, p.route,
  round(sum(p.hours_per_week), 2)::DOUBLE AS hours,
  count(*)::INTEGER AS packages
FROM months g
JOIN packages p ON p.start_date <= g.month_end AND (p.end_date IS NULL OR p.end_date >= g.month_end)
JOIN lots l ON l.lot_code = p.lot_code
JOIN areas a ON a.area_code = p.area_code
GROUP BY ALL
ORDER BY g.month, p.lot_code, p.area_code, p.route`;
