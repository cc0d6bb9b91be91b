/**
 * The overview page's headline figures, computed on native DuckDB from the warehouse at build time. Every figure
 * is an aggregate (counts, sums, medians); no child-level row, child id or birth month leaves the warehouse.
 *
 * Definitions (stated on the page too):
 * - "supported": distinct children and young people with a package active on the day (start ≤ day ≤ end, or no end);
 * - "waiting": referrals received by the day with no decision by the day; days waited = day − received date;
 * - "commissioned spend": every package bought by the council's commissioning (framework, spot purchase, in-house),
 *   all funders, not direct payments: Σ hours a week × rate × days active ÷ 7; the budget covers the same;
 * - "forecast outturn": spend to the extract date + the cost of the packages open at the extract date from the next
 *   day to 31 March (or their end date), at their current hours and rate (no new packages assumed);
 * - "turning 18": supported young people whose 18th birthday (the 1st of their birth month) falls after the extract
 *   date and within 12 months of it.
 */
import {provenanceFromMeta} from "./meta.js";
import {financialYearSql} from "./sql.js";
import {
  addMonths,
  financialYearBounds,
  financialYearOfDate,
  financialYearsBetween,
  isCompleteFinancialYear,
  monthEnd,
  monthsBetween,
  nextDay,
  sameDayLastYear,
  yearToDateEnd
} from "../../src/components/periods.js";
import type {
  OverviewData,
  ReferralYear,
  SpendLot,
  SpendYear,
  SupportedMonth,
  TurningEighteenMonth,
  WaitingMonth
} from "../../src/components/overview/types.js";

type Query = (sql: string) => Promise<Record<string, unknown>[]>;

/** A dated snapshot: `label` names it, `at` is the day. */
interface Snapshot {
  label: string;
  at: string;
}

/** A spend window: the days `from`–`to` inclusive. */
interface Window {
  label: string;
  from: string;
  to: string;
}

const literal = (text: string) => `'${text.replace(/'/g, "''")}'`;

function valuesTable(name: string, columns: string[], rows: string[][]): string {
  const body = rows.map((row) => `(${row.join(", ")})`).join(",\n    ");
  return `${name}(${columns.join(", ")}) AS (SELECT * FROM (VALUES\n    ${body}) t(${columns.join(", ")}))`;
}

const snapshotsCte = (snapshots: Snapshot[]) =>
  valuesTable(
    "snapshots",
    ["label", "snap_at"],
    snapshots.map((s) => [literal(s.label), `DATE ${literal(s.at)}`])
  );

/**
 * SQL: distinct children with an active package on each snapshot day.
 *
 * @example
 * supportedSql([{label: "now", at: "2025-11-30"}]);
 */
export function supportedSql(snapshots: Snapshot[]): string {
  return `WITH ${snapshotsCte(snapshots)}
SELECT s.label, strftime(s.snap_at, '%Y-%m-%d') AS at, count(DISTINCT p.child_id)::INTEGER AS supported
FROM snapshots s
LEFT JOIN packages p ON p.start_date <= s.snap_at AND (p.end_date IS NULL OR p.end_date >= s.snap_at)
GROUP BY s.label, s.snap_at ORDER BY s.snap_at, s.label`;
}

/**
 * SQL: referrals awaiting a decision on each snapshot day, and the median days they had waited.
 *
 * @example
 * waitingSql([{label: "now", at: "2025-11-30"}]);
 */
export function waitingSql(snapshots: Snapshot[]): string {
  return `WITH ${snapshotsCte(snapshots)}
SELECT s.label, strftime(s.snap_at, '%Y-%m-%d') AS at, count(r.referral_id)::INTEGER AS waiting,
  median(date_diff('day', r.received_date, s.snap_at))::DOUBLE AS median_days
FROM snapshots s
LEFT JOIN referrals r ON r.received_date <= s.snap_at AND (r.decision_date IS NULL OR r.decision_date > s.snap_at)
GROUP BY s.label, s.snap_at ORDER BY s.snap_at, s.label`;
}

/**
 * SQL: cost of packages in each window (days active × hours a week ÷ 7 × hourly rate), by Lot and route. A package
 * with no end date is taken to run to the end of the window.
 *
 * @example
 * spendSql([{label: "2024-25", from: "2024-04-01", to: "2025-03-31"}]);
 */
export function spendSql(windows: Window[]): string {
  const cte = valuesTable(
    "windows",
    ["label", "w_from", "w_to"],
    windows.map((w) => [literal(w.label), `DATE ${literal(w.from)}`, `DATE ${literal(w.to)}`])
  );
  return `WITH ${cte}
SELECT w.label, p.lot_code, p.route,
  sum((date_diff('day', greatest(w.w_from, p.start_date), least(w.w_to, coalesce(p.end_date, w.w_to))) + 1)
      * p.hours_per_week * p.hourly_rate / 7)::DOUBLE AS spend
FROM windows w
JOIN packages p ON p.start_date <= w.w_to AND coalesce(p.end_date, w.w_to) >= w.w_from
GROUP BY ALL ORDER BY w.label, p.lot_code, p.route`;
}

/**
 * SQL: referrals received per financial year, in full (to the extract date) and to the same day of each year.
 *
 * @example
 * referralYearsSql([{label: "2024-25", from: "2024-04-01", to: "2025-03-31"}], ["2024-11-30"]);
 */
export function referralYearsSql(years: Window[], toDateEnds: string[]): string {
  const cte = valuesTable(
    "years",
    ["financial_year", "y_from", "y_to", "to_date_end"],
    years.map((y, i) => [
      literal(y.label),
      `DATE ${literal(y.from)}`,
      `DATE ${literal(y.to)}`,
      `DATE ${literal(toDateEnds[i])}`
    ])
  );
  return `WITH ${cte}
SELECT y.financial_year, count(r.referral_id)::INTEGER AS referrals,
  count(r.referral_id) FILTER (WHERE r.received_date <= y.to_date_end)::INTEGER AS referrals_to_date
FROM years y
LEFT JOIN referrals r ON r.received_date BETWEEN y.y_from AND y.y_to
GROUP BY ALL ORDER BY y.financial_year`;
}

/**
 * SQL: supported young people (active package on `at`) by the month of their 18th birthday, for birthdays after
 * `at` and on or before `until`. Counts only.
 *
 * @example
 * turningEighteenSql("2025-11-30", "2026-11-30");
 */
export function turningEighteenSql(at: string, until: string): string {
  return `WITH supported AS (
  SELECT DISTINCT c.child_id, (strptime(c.birth_month || '-01', '%Y-%m-%d')::DATE + INTERVAL 18 YEAR)::DATE AS eighteenth
  FROM packages p JOIN children c USING (child_id)
  WHERE p.start_date <= DATE ${literal(at)} AND (p.end_date IS NULL OR p.end_date >= DATE ${literal(at)})
)
SELECT strftime(eighteenth, '%Y-%m') AS month, count(*)::INTEGER AS young_people
FROM supported
WHERE eighteenth > DATE ${literal(at)} AND eighteenth <= DATE ${literal(until)}
GROUP BY ALL ORDER BY month`;
}

const num = (value: unknown) => (value === null || value === undefined ? 0 : Number(value));
const numOrNull = (value: unknown) => (value === null || value === undefined ? null : Number(value));

/**
 * Computes every headline figure of the overview page.
 *
 * @example
 * await emitJson((query) => overviewData(query));
 */
export async function overviewData(query: Query): Promise<OverviewData> {
  const provenance = await provenanceFromMeta(query);
  const {extractDate} = provenance;
  const [first] = await query(`SELECT strftime(min(received_date), '%Y-%m') AS month FROM referrals`);
  const firstMonth = String(first.month);
  const dataStart = `${firstMonth}-01`;
  const lastYearDay = sameDayLastYear(extractDate);
  const currentYear = financialYearOfDate(extractDate);
  const previousYear = financialYearOfDate(lastYearDay);
  const years = financialYearsBetween(dataStart, extractDate);
  const complete = (label: string) => isCompleteFinancialYear(label, {extractDate, dataStart});
  const yearWindows: Window[] = years.map((label) => {
    const {start, end} = financialYearBounds(label);
    return {label, from: start, to: end < extractDate ? end : extractDate};
  });

  // Referrals per year, in full and to the same day.
  const referralRows = await query(
    referralYearsSql(
      yearWindows,
      years.map((label) => yearToDateEnd(label, extractDate))
    )
  );
  const byYear: ReferralYear[] = referralRows.map((row) => ({
    financial_year: String(row.financial_year),
    referrals: num(row.referrals),
    referrals_to_date: num(row.referrals_to_date),
    complete: complete(String(row.financial_year))
  }));
  const yearRow = (label: string) => byYear.find((row) => row.financial_year === label);

  // Month-end snapshots, plus the extract date and the same day last year.
  const extractMonth = extractDate.slice(0, 7);
  const monthly: Snapshot[] = monthsBetween(firstMonth, extractMonth).map((month) => ({
    label: month,
    at: month === extractMonth ? extractDate : monthEnd(month)
  }));
  const snapshots = [...monthly, {label: "now", at: extractDate}, {label: "last_year", at: lastYearDay}];
  const supportedRows = await query(supportedSql(snapshots));
  const waitingRows = await query(waitingSql(snapshots));
  const pick = (rows: Record<string, unknown>[], label: string) => rows.find((row) => row.label === label) ?? {};
  const supportedByMonth: SupportedMonth[] = monthly.map((s) => ({
    month: s.label,
    at: s.at,
    supported: num(pick(supportedRows, s.label).supported)
  }));
  const waitingByMonth: WaitingMonth[] = monthly.map((s) => {
    const row = pick(waitingRows, s.label);
    return {month: s.label, at: s.at, waiting: num(row.waiting), median_days: numOrNull(row.median_days)};
  });

  // Spend: each year to the extract date, the same period last year, and the committed remainder of this year.
  const {start: previousStart} = financialYearBounds(previousYear);
  const {end: currentEnd} = financialYearBounds(currentYear);
  const spendRows = await query(
    spendSql([
      ...yearWindows,
      {label: "last_year_to_date", from: previousStart, to: lastYearDay},
      {label: "committed", from: nextDay(extractDate), to: currentEnd}
    ])
  );
  const commissioned = (row: Record<string, unknown>) => row.route !== "direct_payment";
  const sumSpend = (label: string, filter: (row: Record<string, unknown>) => boolean = () => true) =>
    spendRows
      .filter((row) => row.label === label && commissioned(row) && filter(row))
      .reduce((sum, row) => sum + num(row.spend), 0);
  const isSpot = (row: Record<string, unknown>) => row.route === "spot_purchase";
  const budgetRows = await query(`SELECT financial_year, lot_code, budget_gbp::DOUBLE AS budget FROM budgets`);
  const budgetOf = (label: string, lot?: string) => {
    const rows = budgetRows.filter(
      (row) => row.financial_year === label && (lot === undefined || row.lot_code === lot)
    );
    return rows.length === 0 ? null : rows.reduce((sum, row) => sum + num(row.budget), 0);
  };
  const share = (part: number, whole: number) => (whole > 0 ? part / whole : null);
  const spendByYear: SpendYear[] = years.map((label) => {
    const spend = sumSpend(label);
    const spot = sumSpend(label, isSpot);
    return {
      financial_year: label,
      spend,
      spot_purchase: spot,
      spot_share: share(spot, spend),
      budget: budgetOf(label),
      complete: complete(label)
    };
  });
  const lots = await query(`SELECT lot_code, lot_name FROM lots ORDER BY lot_code`);
  const byLot: SpendLot[] = lots.map((lot) => {
    const ofLot = (row: Record<string, unknown>) => row.lot_code === lot.lot_code;
    const spendToDate = sumSpend(currentYear, ofLot);
    const committed = sumSpend("committed", ofLot);
    return {
      lot_code: String(lot.lot_code),
      lot_name: String(lot.lot_name),
      spend_to_date: spendToDate,
      committed,
      forecast: spendToDate + committed,
      budget: budgetOf(currentYear, String(lot.lot_code)) ?? 0
    };
  });
  const spendToDate = sumSpend(currentYear);
  const committed = sumSpend("committed");
  const spendLastYear = sumSpend("last_year_to_date");

  // Turning 18 in the next 12 months, now and a year ago.
  const turningRows = await query(turningEighteenSql(extractDate, addMonths(extractDate, 12)));
  const turningLastYear = await query(turningEighteenSql(lastYearDay, addMonths(lastYearDay, 12)));
  const turningByMonth: TurningEighteenMonth[] = monthsBetween(
    nextDay(extractDate).slice(0, 7),
    addMonths(extractDate, 12).slice(0, 7)
  ).map((month) => ({month, young_people: num(turningRows.find((row) => row.month === month)?.young_people)}));

  return {
    provenance,
    extractDate,
    sameDayLastYear: lastYearDay,
    currentYear,
    previousYear,
    dataStart,
    referrals: {
      toDate: yearRow(currentYear)?.referrals_to_date ?? 0,
      toDateLastYear: yearRow(previousYear)?.referrals_to_date ?? 0,
      byYear
    },
    supported: {
      now: num(pick(supportedRows, "now").supported),
      lastYear: num(pick(supportedRows, "last_year").supported),
      byMonth: supportedByMonth
    },
    waiting: {
      now: num(pick(waitingRows, "now").waiting),
      lastYear: num(pick(waitingRows, "last_year").waiting),
      medianDays: numOrNull(pick(waitingRows, "now").median_days),
      medianDaysLastYear: numOrNull(pick(waitingRows, "last_year").median_days),
      byMonth: waitingByMonth
    },
    spend: {
      spendToDate,
      spendToDateLastYear: spendLastYear,
      committed,
      forecast: spendToDate + committed,
      budget: budgetOf(currentYear) ?? 0,
      spotShare: share(sumSpend(currentYear, isSpot), spendToDate),
      spotShareLastYear: share(sumSpend("last_year_to_date", isSpot), spendLastYear),
      byLot,
      byYear: spendByYear
    },
    turning18: {
      next12Months: turningRows.reduce((sum, row) => sum + num(row.young_people), 0),
      lastYear: turningLastYear.reduce((sum, row) => sum + num(row.young_people), 0),
      byMonth: turningByMonth
    }
  };
}

/** Re-exported for tests that check the SQL financial-year label against the TypeScript one. */
export {financialYearSql};
