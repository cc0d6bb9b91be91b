import {FORECAST_CALENDAR_SQL} from "./forecast-calendar.js";

/** Month index of a DATE expression: months since the calendar's first month (`bounds.first_month`). */
function monthIndexSql(date: string): string {
  return `((year(${date}) - year(b.first_month)) * 12 + month(${date}) - month(b.first_month))`;
}

/**
 * Children and young people supported at each month end (a package active on the last day of the month, or on the
 * extract date in the extract's month), by Lot × area × funder, with every roll-up: a dimension rolled up is
 * `'ALL'`. Children are counted DISTINCT within each row, so a child with two packages counts once in a total —
 * which is why the totals are computed here, not summed in the browser. Counts only.
 *
 * How, in work proportional to packages rather than package-months (the month-by-package range join and a
 * `count(DISTINCT)` over every roll-up took 53 s at 1M referrals): the months in which a package counts are one
 * run of month indexes, `j_lo` (the first month whose cutoff is on or after the start) to `j_hi` (the last month
 * whose cutoff is on or before the end). For each roll-up group and child, the runs are sorted by start and each
 * keeps only the months no earlier run of that child already covers, so a child's pieces never overlap; then a +1
 * at each piece's first month and a −1 after its last, summed over the months in order, is exactly the number of
 * distinct children supported in each month.
 *
 * The sort behind that (every package once per roll-up: 8 rows a package) is done on two integers: `grp` numbers
 * each roll-up group (a roll-up `g`, a bit per rolled-up dimension, with its labels) and `kid` each child, where
 * sorting on the Lot, area and funder codes and the child id took three quarters of this query at 1M referrals.
 * The numbers never reach the output: each group gets its labels back at the end.
 */
export const FORECAST_SUPPORTED_SQL = `
WITH calendar AS (${FORECAST_CALENDAR_SQL}),
cal AS (SELECT (row_number() OVER (ORDER BY month) - 1)::INTEGER AS j, month FROM calendar),
bounds AS (SELECT min(month_start) AS first_month, max(cutoff) AS last_cutoff, (count(*) - 1)::INTEGER AS last_j FROM calendar),
cells AS (
  SELECT lot_code, area_code, funder, (row_number() OVER (ORDER BY lot_code, area_code, funder) - 1)::INTEGER AS cell
  FROM (SELECT DISTINCT lot_code, area_code, funder FROM packages)
),
rollups AS (
  SELECT g, cell, lot_code, area_code, funder,
    dense_rank() OVER (ORDER BY g, lot_code, area_code, funder)::INTEGER AS grp
  FROM (
    SELECT s.g, c.cell,
      CASE WHEN s.g & 4 = 0 THEN c.lot_code ELSE 'ALL' END AS lot_code,
      CASE WHEN s.g & 2 = 0 THEN c.area_code ELSE 'ALL' END AS area_code,
      CASE WHEN s.g & 1 = 0 THEN c.funder ELSE 'ALL' END AS funder
    FROM cells c CROSS JOIN (SELECT unnest(range(8)) AS g) s
  )
),
kids AS (SELECT child_id, (row_number() OVER ())::INTEGER AS kid FROM (SELECT DISTINCT child_id FROM packages)),
spans AS (
  SELECT k.kid, c.cell, b.last_j,
    greatest(${monthIndexSql("p.start_date")}, 0) + CASE WHEN p.start_date > b.last_cutoff THEN 1 ELSE 0 END AS j_lo,
    CASE
      WHEN p.end_date IS NULL OR ${monthIndexSql("p.end_date")} > b.last_j THEN b.last_j
      ELSE ${monthIndexSql("p.end_date")}
        - CASE WHEN p.end_date < least(last_day(p.end_date), b.last_cutoff) THEN 1 ELSE 0 END
    END AS j_hi
  FROM packages p
  JOIN cells c ON c.lot_code IS NOT DISTINCT FROM p.lot_code AND c.area_code IS NOT DISTINCT FROM p.area_code
    AND c.funder IS NOT DISTINCT FROM p.funder
  JOIN kids k ON k.child_id IS NOT DISTINCT FROM p.child_id
  CROSS JOIN bounds b
),
keyed AS (
  SELECT r.grp, s.kid, s.j_lo, s.j_hi, s.last_j FROM spans s JOIN rollups r USING (cell) WHERE s.j_lo <= s.j_hi
),
pieces AS (
  SELECT grp, j_hi, last_j, greatest(j_lo, coalesce(max(j_hi) OVER earlier + 1, j_lo)) AS j_from
  FROM keyed
  WINDOW earlier AS (PARTITION BY grp, kid ORDER BY j_lo, j_hi ROWS BETWEEN UNBOUNDED PRECEDING AND 1 PRECEDING)
),
events AS (
  SELECT grp, j_from AS j, 1 AS delta FROM pieces WHERE j_from <= j_hi
  UNION ALL
  SELECT grp, j_hi + 1 AS j, -1 AS delta FROM pieces WHERE j_from <= j_hi AND j_hi < last_j
),
deltas AS (SELECT grp, j, sum(delta) AS delta FROM events GROUP BY ALL),
groups AS (SELECT DISTINCT grp FROM deltas),
counted AS (
  SELECT c.month, k.grp,
    sum(coalesce(d.delta, 0)) OVER (PARTITION BY k.grp ORDER BY c.j ROWS UNBOUNDED PRECEDING) AS children
  FROM groups k
  CROSS JOIN cal c
  LEFT JOIN deltas d ON d.grp = k.grp AND d.j = c.j
),
labels AS (SELECT DISTINCT grp, lot_code, area_code, funder FROM rollups)
SELECT month, l.lot_code, l.area_code, l.funder, children::INTEGER AS children
FROM counted
JOIN labels l USING (grp)
WHERE children > 0
ORDER BY month, lot_code, area_code, funder`;
