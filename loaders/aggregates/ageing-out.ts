/**
 * Aggregates for the "Ageing out at 18" notebook. Counts and sums only: no child id and no birth month leaves the
 * warehouse. A child's 18th birthday is taken as the 1st of their birth month 18 years on (the demo county and the
 * data dictionary record the month of birth only), so `turn18_month` is the birth month plus 216 months.
 */
import {readFileSync} from "node:fs";
import {join} from "node:path";
import {HISTORY_YEARS, MAX_YEARS} from "../../src/components/ageing-out/model.js";
import {repoRoot} from "../paths.js";
import {financialYearSql} from "./sql.js";

/** The extract ("as at") date: `meta.csv`'s `extract_date`, else the latest referral, as the provenance uses. */
export const EXTRACT_DATE_SQL = `coalesce(
  (SELECT try_cast(value AS DATE) FROM meta WHERE key = 'extract_date'),
  (SELECT max(received_date) FROM referrals))`;

/**
 * The age bands of the entrants model, in whole years at the start of support: DfE SEN2 uses under 5, 5 to 10,
 * 11 to 15 and 16 to 19; children's services support ends at 18, so the last band is 16 to 17.
 */
export const AGE_BANDS = [
  {band: "0-4", from: 0, to: 4},
  {band: "5-10", from: 5, to: 10},
  {band: "11-15", from: 11, to: 15},
  {band: "16-17", from: 16, to: 17}
] as const;

/** SQL CASE giving the age band of a whole-years age expression. */
function ageBandSql(age: string): string {
  return `CASE ${AGE_BANDS.map((b) => `WHEN ${age} <= ${b.to} THEN '${b.band}'`).join(" ")} END`;
}

/** Active packages at the extract date, with the child's area, need and 18th birthday. */
const ACTIVE = `
extract AS (SELECT ${EXTRACT_DATE_SQL} AS extract_date),
active AS (
  SELECT p.package_id, p.child_id, p.lot_code, p.funder, c.area_code, c.primary_need,
    strptime(c.birth_month || '-01', '%Y-%m-%d')::DATE + INTERVAL 18 YEAR AS turn18_date,
    p.hours_per_week::DOUBLE AS hours_per_week,
    (p.hours_per_week * p.hourly_rate)::DOUBLE AS weekly_cost
  FROM packages p JOIN children c USING (child_id), extract
  WHERE p.start_date <= extract.extract_date AND (p.end_date IS NULL OR p.end_date >= extract.extract_date)
),
main AS (
  -- each child's main package: the highest weekly cost (then hours, then package id), so a child is counted once
  SELECT child_id,
    first(lot_code ORDER BY weekly_cost DESC, hours_per_week DESC, package_id) AS lot_code,
    first(funder ORDER BY weekly_cost DESC, hours_per_week DESC, package_id) AS funder
  FROM active GROUP BY child_id
)`;

/**
 * The cohort aggregate: currently supported children (an active package at the extract date) by the month they
 * turn 18 × Lot × area × primary need × funder.
 *
 * - `children`: children whose main package (highest weekly cost) is in this Lot and funder; each child is in
 *   exactly one row, so sums over any rows are distinct children.
 * - `packages`, `hours_per_week`, `weekly_cost`: the active packages in this Lot and funder (hours/week × hourly
 *   rate), so hours and spend are attributed to the Lot that buys them.
 * - `multi_lot_children`: of `children`, those who also hold a package in another Lot.
 * - `statutory`: the Lot meets a statutory duty (its support follows a social-care assessment).
 *
 * @example
 * await emitArrow(AGEING_OUT_COHORT_SQL);
 */
export const AGEING_OUT_COHORT_SQL = `
WITH ${ACTIVE},
lots_held AS (SELECT child_id, count(DISTINCT lot_code) AS n_lots FROM active GROUP BY child_id),
by_child AS (
  SELECT strftime(any_value(a.turn18_date), '%Y-%m') AS turn18_month, m.lot_code, any_value(a.area_code) AS area_code,
    any_value(a.primary_need) AS primary_need, m.funder, l.n_lots
  FROM active a JOIN main m USING (child_id) JOIN lots_held l USING (child_id)
  GROUP BY a.child_id, m.lot_code, m.funder, l.n_lots
),
children_cells AS (
  SELECT turn18_month, lot_code, area_code, primary_need, funder,
    count(*) AS children, count(*) FILTER (WHERE n_lots > 1) AS multi_lot_children
  FROM by_child GROUP BY ALL
),
package_cells AS (
  SELECT strftime(turn18_date, '%Y-%m') AS turn18_month, lot_code, area_code, primary_need, funder,
    count(*) AS packages, sum(hours_per_week) AS hours_per_week, sum(weekly_cost) AS weekly_cost
  FROM active GROUP BY ALL
)
SELECT turn18_month, lot_code, l.lot_name, l.statutory, area_code, ar.area_name, primary_need, funder,
  coalesce(c.children, 0)::INTEGER AS children,
  coalesce(c.multi_lot_children, 0)::INTEGER AS multi_lot_children,
  coalesce(p.packages, 0)::INTEGER AS packages,
  round(coalesce(p.hours_per_week, 0), 2)::DOUBLE AS hours_per_week,
  round(coalesce(p.weekly_cost, 0), 2)::DOUBLE AS weekly_cost,
  NULL::DOUBLE AS nights_per_month
FROM children_cells c FULL JOIN package_cells p USING (turn18_month, lot_code, area_code, primary_need, funder)
JOIN lots l USING (lot_code)
JOIN areas ar USING (area_code)
ORDER BY turn18_month, lot_code, area_code, primary_need, funder`;

/**
 * The history behind the entrants model, by financial year × age band × Lot × area × need × funder (of the main
 * package at the start of the episode). A support episode is a run of a child's packages with no gap of more than
 * a day.
 *
 * - `entrants`: episodes that started (children starting support), by age at the start;
 * - `new_packages`: packages that started, by the child's age at the package start (the Lot, funder and area are
 *   the package's);
 * - `exits_before_18`: episodes that ended before the day before the 18th birthday (left support for another
 *   reason than ageing out), by age at the end;
 * - `person_years`: time in support (1/12 for each month start inside an episode), by age that month. The month
 *   starts are counted, not listed: each episode is cut at financial years and birthdays into runs of months of
 *   one year and age (listing them, an episode × month join, took 186 s of the 10M-referral warehouse build).
 * Rows cover complete financial years before the extract date only.
 *
 * @example
 * await emitArrow(AGEING_OUT_HISTORY_SQL);
 */
export const AGEING_OUT_HISTORY_SQL = `
WITH extract AS (SELECT ${EXTRACT_DATE_SQL} AS extract_date),
fy_end AS (
  -- the last day of the last complete financial year before the extract date
  SELECT make_date(year(extract_date) - CASE WHEN month(extract_date) < 4 THEN 1 ELSE 0 END, 3, 31) AS last_day FROM extract
),
pk AS (
  SELECT p.package_id, p.child_id, p.lot_code, p.funder, p.area_code AS package_area, c.area_code, c.primary_need,
    p.start_date, coalesce(p.end_date, DATE '9999-12-31') AS end_date,
    strptime(c.birth_month || '-01', '%Y-%m-%d')::DATE AS birth_date,
    p.hours_per_week * p.hourly_rate AS weekly_cost
  FROM packages p JOIN children c USING (child_id)
),
marked AS (
  SELECT *, CASE WHEN start_date > max(end_date) OVER (PARTITION BY child_id ORDER BY start_date, package_id
      ROWS BETWEEN UNBOUNDED PRECEDING AND 1 PRECEDING) + INTERVAL 1 DAY THEN 1
    WHEN row_number() OVER (PARTITION BY child_id ORDER BY start_date, package_id) = 1 THEN 1 ELSE 0 END AS new_episode
  FROM pk
),
numbered AS (
  SELECT *, sum(new_episode) OVER (PARTITION BY child_id ORDER BY start_date, package_id ROWS UNBOUNDED PRECEDING) AS episode
  FROM marked
),
episodes AS (
  SELECT child_id, episode, any_value(area_code) AS area_code, any_value(primary_need) AS primary_need,
    any_value(birth_date) AS birth_date, min(start_date) AS start_date, max(end_date) AS end_date,
    first(lot_code ORDER BY start_date, weekly_cost DESC, package_id) AS lot_code,
    first(funder ORDER BY start_date, weekly_cost DESC, package_id) AS funder
  FROM numbered GROUP BY child_id, episode
),
entries AS (
  SELECT ${financialYearSql("start_date")} AS financial_year,
    ${ageBandSql("date_diff('month', birth_date, start_date) // 12")} AS age_band,
    lot_code, area_code, primary_need, funder, count(*) AS entrants
  FROM episodes, fy_end WHERE start_date <= fy_end.last_day GROUP BY ALL
),
package_starts AS (
  SELECT ${financialYearSql("start_date")} AS financial_year,
    ${ageBandSql("date_diff('month', birth_date, start_date) // 12")} AS age_band,
    lot_code, area_code, primary_need, funder, count(*) AS new_packages
  FROM pk, fy_end WHERE start_date <= fy_end.last_day GROUP BY ALL
),
exits AS (
  SELECT ${financialYearSql("end_date")} AS financial_year,
    ${ageBandSql("date_diff('month', birth_date, end_date) // 12")} AS age_band,
    lot_code, area_code, primary_need, funder, count(*) AS exits_before_18
  FROM episodes, fy_end
  WHERE end_date <= fy_end.last_day AND end_date < (birth_date + INTERVAL 18 YEAR)::DATE - INTERVAL 1 DAY
  GROUP BY ALL
),
spans AS (
  -- each episode's month starts as month indexes (year × 12 + month − 1) a..z, and its birth month's index:
  -- the first month start on or after the start, to the last on or before the end (capped at the last day)
  SELECT lot_code, area_code, primary_need, funder, year(birth_date) * 12 + month(birth_date) - 1 AS birth,
    year(m0) * 12 + month(m0) - 1 AS a, year(m1) * 12 + month(m1) - 1 AS z
  FROM (
    SELECT e.*, date_trunc('month', e.start_date + INTERVAL 1 MONTH - INTERVAL 1 DAY) AS m0,
      date_trunc('month', least(e.end_date, fy_end.last_day)) AS m1
    FROM episodes e, fy_end
  )
),
fy_parts AS (
  -- cut at financial years (months 12y + 3 to 12y + 14), and within a year at the one birthday month c where the
  -- age, date_diff('month', birth_date, month_start) // 12 = (month − birth) // 12, changes (integer division truncates, so
  -- the age 0 spans months birth − 11 to birth + 11)
  SELECT *, (lo - birth) // 12 AS age_lo, (hi - birth) // 12 AS age_hi,
    birth + 12 * ((hi - birth) // 12) - CASE WHEN (hi - birth) // 12 <= 0 THEN 11 ELSE 0 END AS c
  FROM (
    SELECT *, greatest(a, 12 * y + 3) AS lo, least(z, 12 * y + 14) AS hi
    FROM (SELECT *, unnest(range((a - 3) // 12, (z - 3) // 12 + 1)) AS y FROM spans WHERE a <= z)
  )
),
month_counts AS (
  SELECT y, age, lot_code, area_code, primary_need, funder, sum(months)::BIGINT AS months
  FROM (
    SELECT y, age_lo AS age, lot_code, area_code, primary_need, funder,
      CASE WHEN age_lo = age_hi THEN hi - lo + 1 ELSE c - lo END AS months
    FROM fy_parts
    UNION ALL
    SELECT y, age_hi AS age, lot_code, area_code, primary_need, funder, hi - c + 1 AS months
    FROM fy_parts WHERE age_lo <> age_hi
  )
  GROUP BY ALL
),
exposure AS (
  SELECT ${financialYearSql("make_date(y, 4, 1)")} AS financial_year, ${ageBandSql("age")} AS age_band,
    lot_code, area_code, primary_need, funder, sum(months)::BIGINT / 12.0 AS person_years
  FROM month_counts GROUP BY ALL
),
keys AS (
  SELECT financial_year, age_band, lot_code, area_code, primary_need, funder FROM entries
  UNION SELECT financial_year, age_band, lot_code, area_code, primary_need, funder FROM package_starts
  UNION SELECT financial_year, age_band, lot_code, area_code, primary_need, funder FROM exits
  UNION SELECT financial_year, age_band, lot_code, area_code, primary_need, funder FROM exposure
)
SELECT k.financial_year, k.age_band, k.lot_code, k.area_code, k.primary_need, k.funder,
  coalesce(en.entrants, 0)::INTEGER AS entrants,
  coalesce(ps.new_packages, 0)::INTEGER AS new_packages,
  coalesce(ex.exits_before_18, 0)::INTEGER AS exits_before_18,
  round(coalesce(ep.person_years, 0), 6)::DOUBLE AS person_years
FROM keys k
LEFT JOIN entries en USING (financial_year, age_band, lot_code, area_code, primary_need, funder)
LEFT JOIN package_starts ps USING (financial_year, age_band, lot_code, area_code, primary_need, funder)
LEFT JOIN exits ex USING (financial_year, age_band, lot_code, area_code, primary_need, funder)
LEFT JOIN exposure ep USING (financial_year, age_band, lot_code, area_code, primary_need, funder)
ORDER BY ALL`;

/**
 * The history aggregate as the warehouse stores it: the warehouse build computes {@link AGEING_OUT_HISTORY_SQL} once
 * into the table `ageing_out_history` (loaders/warehouse/index.ts), and both the history loader and the survival
 * table read it, where each used to compute it again (a window over every package, seconds at 1M referrals).
 */
export const AGEING_OUT_HISTORY_TABLE_SQL = "SELECT * FROM ageing_out_history ORDER BY ALL";

/**
 * Residential short-break nights in the 12 complete months before the extract, per unit. `residential_nights.csv`
 * records beds used per unit per night, not which child used them, so the nights leavers release cannot be
 * attributed; the page shows this context instead.
 *
 * @example
 * const units = await query(RESIDENTIAL_CONTEXT_SQL);
 */
export const RESIDENTIAL_CONTEXT_SQL = `
WITH extract AS (SELECT ${EXTRACT_DATE_SQL} AS extract_date),
window_ AS (
  SELECT (date_trunc('month', extract_date) - INTERVAL 12 MONTH)::DATE AS first_day,
    (date_trunc('month', extract_date) - INTERVAL 1 DAY)::DATE AS last_day
  FROM extract
)
SELECT u.unit_id, u.unit_name, u.area_code, u.beds::INTEGER AS beds,
  strftime(any_value(w.first_day), '%Y-%m-%d') AS first_day, strftime(any_value(w.last_day), '%Y-%m-%d') AS last_day,
  coalesce(sum(n.nights_used), 0)::INTEGER AS nights_used,
  round(coalesce(sum(n.nights_used), 0) / 12.0, 1)::DOUBLE AS nights_per_month
FROM residential_units u CROSS JOIN window_ w
LEFT JOIN residential_nights n ON n.unit_id = u.unit_id AND n.date BETWEEN w.first_day AND w.last_day
GROUP BY u.unit_id, u.unit_name, u.area_code, u.beds
ORDER BY u.unit_id`;

/** The extract date as `YYYY-MM-DD`. */
export const EXTRACT_DATE_TEXT_SQL = `SELECT strftime(${EXTRACT_DATE_SQL}, '%Y-%m-%d') AS extract_date`;

/**
 * The survival table of the population projection (src/sql/ageing-out-survival.sql, the page's own SQL file), as one
 * script for `emitArrow`: the stored history aggregate ({@link AGEING_OUT_HISTORY_TABLE_SQL}) becomes a temporary table
 * `history`, then the file is prepared and executed on one thread, so the floating-point sums are added in the same
 * order on every build (byte-identical output), for the extract month, {@link HISTORY_YEARS} years of history and
 * 0 to {@link MAX_YEARS} years ahead. `threads` is a setting of the whole DuckDB instance: run the script with
 * {@link emitAgeingOutSurvival}, which sets it back, or every later query on the instance runs on one thread.
 *
 * @example
 * await emitArrow(ageingOutSurvivalScript());
 */
export function ageingOutSurvivalScript(
  survivalSql: string = readFileSync(join(repoRoot, "src", "sql", "ageing-out-survival.sql"), "utf8")
): string {
  return `CREATE OR REPLACE TEMP TABLE history AS ${AGEING_OUT_HISTORY_TABLE_SQL};
SET threads = 1;
SET VARIABLE ageing_out_extract_month = (SELECT strftime(${EXTRACT_DATE_SQL}, '%Y-%m'));
PREPARE ageing_out_survival AS ${survivalSql.trim()};
EXECUTE ageing_out_survival(getvariable('ageing_out_extract_month'), ${HISTORY_YEARS}, ${MAX_YEARS})`;
}
