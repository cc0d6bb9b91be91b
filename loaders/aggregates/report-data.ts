/**
 * Assembles the public scrutiny report's data from the warehouse and passes every table through disclosure
 * control (loaders/disclosure) with one ledger, so that no count of 1 to 5 is published and no hidden figure can be
 * worked out from totals. The forecast's ranges are calibrated inside the loader on the county's area × Lot
 * series, which are never published.
 */
import {readFileSync} from "node:fs";
import {join} from "node:path";
import type {Cell} from "../../src/components/gss.js";
import {referralsForecast, startYear} from "../../src/components/report/forecast.js";
import type {
  ForecastPoint,
  ReportData,
  ReportPlacementRow,
  ReportReferralRow,
  ReportSpendRow,
  ReportSpotShareRow,
  ReportWaitingRow
} from "../../src/components/report/types.js";
import {
  applyToRows,
  derivedFigure,
  forecastFigure,
  percentage,
  SuppressionLedger,
  type DisclosureDeclaration,
  type PublishedRow,
  type RowsResult
} from "../disclosure/index.js";
import {loadPublished} from "../published/index.js";
import {parseForecastAccuracy} from "./forecast-accuracy.js";
import {provenanceFromMeta} from "./meta.js";
import {
  REPORT_DATES_SQL,
  REPORT_EHCP_SQL,
  REPORT_PLACEMENTS_SQL,
  REPORT_REFERRAL_PANEL_SQL,
  REPORT_REFERRALS_SQL,
  REPORT_SPEND_SQL,
  REPORT_SUPPORTED_SQL,
  REPORT_TURNING_18_SQL,
  REPORT_WAITING_MEDIAN_SQL,
  REPORT_WAITING_SQL
} from "./report.js";

type Query = (sql: string) => Promise<Record<string, unknown>[]>;

/** Where the report's non-warehouse inputs are. */
export interface ReportSources {
  /** `data/published/` (the Lewisham comparison). */
  publishedDir: string;
  /** `docs/forecast-accuracy.md` (the engine's measured accuracy). */
  accuracyFile: string;
}

/** Route groups of a placement: spot purchase against everything bought through the framework or in-house. */
const ROUTE_GROUPS: Record<string, string> = {
  framework: "framework_or_in_house",
  in_house: "framework_or_in_house",
  spot_purchase: "spot_purchase"
};
const ROUTE_NAMES: Record<string, string> = {
  framework_or_in_house: "Framework or in-house",
  spot_purchase: "Spot purchase",
  Total: "All placements"
};

const num = (value: unknown): number => Number(value);
const cell = (value: unknown): Cell => (typeof value === "number" ? value : (value as Cell));

/** Sums `derived` suppressions and the engine's counts over all tables. */
function tally(results: readonly RowsResult[], derived: number) {
  const sum = (key: "primary" | "secondary" | "dominance") => results.reduce((n, r) => n + r.counts[key], 0);
  return {primary: sum("primary"), secondary: sum("secondary"), dominance: sum("dominance"), derived};
}

/**
 * The report's data, safe to publish. `ledger` is the release's suppression ledger (loaders/emit.ts passes the one
 * shared by every loader of the public build).
 *
 * @example
 * await emitJson((query) => reportData(query, {publishedDir, accuracyFile}));
 */
export async function reportData(
  query: Query,
  sources: ReportSources,
  ledger = new SuppressionLedger()
): Promise<ReportData> {
  let derivedHidden = 0;
  const derived = (figure: {value: number | "c" | "z"}): Cell => {
    if (figure.value === "c") derivedHidden++;
    return figure.value;
  };

  const [dates] = await query(REPORT_DATES_SQL);
  const extractDate = String(dates.extract_date);
  const lastCompleteYear = String(dates.last_complete_day).slice(0, 4);
  const lastComplete = `${Number(lastCompleteYear) - 1}-${lastCompleteYear.slice(2)}`;
  const currentStart = startYear(lastComplete) + 1;
  const currentYear = `${currentStart}-${String((currentStart + 1) % 100).padStart(2, "0")}`;
  const extractMonth = Number(extractDate.slice(5, 7));
  const currentYearMonths = ((extractMonth - 4 + 12) % 12) + 1;

  // Waiting now, by Lot (first: the referrals table then agrees with what it hid).
  const waitingRaw = await query(REPORT_WAITING_SQL);
  const waiting = applyToRows(
    waitingRaw,
    {
      dimensions: ["lot_code"],
      measures: ["waiting", "waiting_over_18_weeks", "waiting_up_to_18_weeks"],
      measureRelations: [{total: "waiting", parts: ["waiting_over_18_weeks", "waiting_up_to_18_weeks"]}],
      labels: {lot_name: "lot_code"}
    },
    {ledger}
  );
  const [median] = await query(REPORT_WAITING_MEDIAN_SQL);
  const waitingTotal = waiting.rows.find((row) => row.lot_code === "Total");
  const waitingMedianDays = derived(
    derivedFigure(Math.round(num(median.median_days)), {
      denominator: num(median.waiting),
      inputsSuppressed: waitingTotal?.waiting === "c"
    })
  );

  // Referrals per year × Lot; the all-years totals are protected too (they equal the waiting list above).
  const referralsRaw = await query(REPORT_REFERRALS_SQL);
  const referrals = applyToRows(
    referralsRaw,
    {
      dimensions: ["financial_year", "lot_code"],
      measures: ["referrals", "placed", "waiting", "declined", "withdrawn"],
      measureRelations: [{total: "referrals", parts: ["placed", "waiting", "declined", "withdrawn"]}],
      labels: {lot_name: "lot_code"}
    },
    {ledger}
  );

  const supported = applyToRows(
    await query(REPORT_SUPPORTED_SQL),
    {dimensions: [{name: "financial_year", total: false}], measures: ["children"], totals: false},
    {ledger}
  );

  const spendRaw = await query(REPORT_SPEND_SQL);
  const spend = applyToRows(
    spendRaw,
    {
      dimensions: [{name: "financial_year", total: false}, "lot_code"],
      measures: [{name: "spend_gbp", kind: "spend", contributors: "spend_children", largest: "spend_largest_gbp"}],
      labels: {lot_name: "lot_code"}
    },
    {ledger}
  );
  const budgetTotals = new Map<string, number>();
  for (const row of spendRaw) {
    const year = String(row.financial_year);
    budgetTotals.set(year, (budgetTotals.get(year) ?? 0) + num(row.budget_gbp));
  }

  const placementsGrouped = new Map<string, {financial_year: string; route: string; placements: number}>();
  for (const row of await query(REPORT_PLACEMENTS_SQL)) {
    const route = ROUTE_GROUPS[String(row.route)];
    if (!route) throw new Error(`invalid route: ${String(row.route)}`);
    const key = `${String(row.financial_year)}|${route}`;
    const entry = placementsGrouped.get(key) ?? {financial_year: String(row.financial_year), route, placements: 0};
    entry.placements += num(row.placements);
    placementsGrouped.set(key, entry);
  }
  const placementsRaw = [...placementsGrouped.values()];
  const placements = applyToRows(
    placementsRaw,
    {dimensions: [{name: "financial_year", total: false}, "route"], measures: ["placements"]},
    {ledger}
  );

  const [turningRaw] = await query(REPORT_TURNING_18_SQL);
  const turning = applyToRows(
    [turningRaw],
    {
      dimensions: [{name: "snapshot", total: false}],
      measures: ["supported", "turning_18_within_1_year", "turning_18_within_3_years"],
      totals: false
    },
    {ledger}
  );
  const turningRow = turning.rows[0];

  const ehcp = applyToRows(
    await query(REPORT_EHCP_SQL),
    {dimensions: [{name: "financial_year", total: false}], measures: ["requests", "plans_issued"], totals: false},
    {ledger}
  );

  // The forecast: complete years of the all-Lots total, ranges calibrated on the area × Lot panel.
  const complete = (year: string) => startYear(year) <= startYear(lastComplete);
  const totalsByYear = new Map<string, number>();
  for (const row of referralsRaw) {
    const year = String(row.financial_year);
    if (complete(year)) totalsByYear.set(year, (totalsByYear.get(year) ?? 0) + num(row.referrals));
  }
  const history = [...totalsByYear]
    .sort(([a], [b]) => (a < b ? -1 : 1))
    .map(([financial_year, referrals]) => ({financial_year, referrals}));
  const panelMap = new Map<string, Map<number, number>>();
  for (const row of await query(REPORT_REFERRAL_PANEL_SQL)) {
    const year = String(row.financial_year);
    if (!complete(year)) continue;
    const id = `${String(row.area_code)}|${String(row.lot_code)}`;
    const series = panelMap.get(id) ?? new Map<number, number>();
    series.set(startYear(year), num(row.referrals));
    panelMap.set(id, series);
  }
  const firstYear = startYear(history[0].financial_year);
  const panel = [...panelMap].map(([id, series]) => ({
    id,
    start: firstYear,
    values: history.map((_, i) => series.get(firstYear + i) ?? 0)
  }));
  const forecast = referralsForecast(history, panel);
  const basis = Math.min(...history.map((row) => row.referrals));
  const safe = (value: Cell | null): Cell | null =>
    value === null || typeof value !== "number" ? value : derived(forecastFigure(value, basis));
  forecast.points = forecast.points.map((point): ForecastPoint =>
    point.kind === "actual"
      ? {
          ...point,
          referrals: cell(
            referrals.rows.find((row) => row.financial_year === point.financial_year && row.lot_code === "Total")
              ?.referrals
          )
        }
      : {
          ...point,
          referrals: safe(point.referrals) as Cell,
          lower_80: safe(point.lower_80),
          upper_80: safe(point.upper_80),
          lower_95: safe(point.lower_95),
          upper_95: safe(point.upper_95)
        }
  );

  // Spot-purchase share of placements, from the true counts, hidden where its inputs are.
  const spotShare: ReportSpotShareRow[] = [...new Set(placementsRaw.map((row) => row.financial_year))]
    .sort()
    .map((year) => {
      const spot = placementsRaw.find((row) => row.financial_year === year && row.route === "spot_purchase");
      const all = placementsRaw.filter((row) => row.financial_year === year).reduce((n, r) => n + r.placements, 0);
      const published = (route: string) =>
        placements.rows.find((row) => row.financial_year === year && row.route === route)?.placements;
      const inputsSuppressed = published("spot_purchase") === "c" || published("Total") === "c";
      return {
        financial_year: year,
        placements: cell(published("Total")),
        spot_purchase: cell(published("spot_purchase") ?? 0),
        spot_share_pct: derived(percentage(spot?.placements ?? 0, all, {inputsSuppressed}))
      };
    });

  const within3 = turningRow.turning_18_within_3_years;
  const supportedNow = turningRow.supported;
  const published = loadPublished(sources.publishedDir);

  const pick = <T>(rows: PublishedRow[]) => rows as unknown as T[];
  return {
    provenance: await provenanceFromMeta(query),
    extractDate,
    lastCompleteYear: lastComplete,
    currentYear,
    currentYearMonths,
    referrals: pick<ReportReferralRow>(referrals.rows.filter((row) => row.financial_year !== "Total")),
    supported: supported.rows.map((row) => ({
      financial_year: String(row.financial_year),
      children: cell(row.children)
    })),
    waiting: pick<ReportWaitingRow>(waiting.rows),
    waitingMedianDays,
    spend: spend.rows.map((row): ReportSpendRow => ({
      financial_year: String(row.financial_year),
      lot_code: String(row.lot_code),
      lot_name: row.lot_code === "Total" ? "All Lots" : String(row.lot_name),
      spend_gbp: typeof row.spend_gbp === "number" ? Math.round(row.spend_gbp) : cell(row.spend_gbp),
      budget_gbp: row.lot_code === "Total" ? (budgetTotals.get(String(row.financial_year)) ?? 0) : num(row.budget_gbp)
    })),
    placements: placements.rows.map((row): ReportPlacementRow => ({
      financial_year: String(row.financial_year),
      route: String(row.route),
      route_name: ROUTE_NAMES[String(row.route)] ?? String(row.route),
      placements: cell(row.placements)
    })),
    spotShare,
    turning18: {
      supported: cell(supportedNow),
      within_1_year: cell(turningRow.turning_18_within_1_year),
      within_3_years: cell(within3),
      within_3_years_pct: derived(
        percentage(num(turningRaw.turning_18_within_3_years), num(turningRaw.supported), {
          decimals: 0,
          inputsSuppressed: within3 === "c" || supportedNow === "c"
        })
      )
    },
    ehcp: ehcp.rows.map((row, i) => ({
      financial_year: String(row.financial_year),
      requests: cell(row.requests),
      plans_issued: cell(row.plans_issued),
      months: num(ehcp.rows[i].months)
    })),
    lewisham: published.lewisham.ehcp.map((row) => ({
      indicator: row.indicator,
      financial_year: row.year,
      value: row.value,
      source: `${row.source.document}, ${row.source.table}`
    })),
    forecast,
    accuracy: parseForecastAccuracy(readFileSync(sources.accuracyFile, "utf-8")),
    suppressed: tally([waiting, referrals, supported, spend, placements, turning, ehcp], derivedHidden)
  };
}

/**
 * What report.json publishes (loaders/disclosure/declaration.ts): the counts of children, referrals, placements and
 * plans; the derived figures (forecast ranges, percentages, the median wait); spend; and the numbers that are not
 * about children (budgets, months, years, accuracy and calibration measures of the forecasting engine, and tallies
 * of suppressed cells). `value` holds another council's published counts (the Lewisham comparison).
 */
export const REPORT_DISCLOSURE: DisclosureDeclaration = {
  counts: [
    "referrals",
    "placed",
    "waiting",
    "declined",
    "withdrawn",
    "children",
    "waiting_over_18_weeks",
    "waiting_up_to_18_weeks",
    "placements",
    "spot_purchase",
    "supported",
    "within_1_year",
    "within_3_years",
    "requests",
    "plans_issued",
    "value"
  ],
  derived: [
    "lower_80",
    "upper_80",
    "lower_95",
    "upper_95",
    "spot_share_pct",
    "within_3_years_pct",
    "waitingMedianDays"
  ],
  spend: ["spend_gbp"],
  other: [
    "budget_gbp",
    "months",
    "currentYearMonths",
    "start_year",
    "analytic80",
    "analytic95",
    "calibrated80",
    "calibrated95",
    "mase",
    "smape",
    "localCoverage80",
    "localCoverage95",
    "calibrationErrors",
    "calibrationSeries",
    "primary",
    "secondary",
    "dominance",
    "derived"
  ]
};

/** The default inputs, relative to the repository root. */
export function defaultReportSources(repoRoot: string): ReportSources {
  return {
    publishedDir: join(repoRoot, "data", "published"),
    accuracyFile: join(repoRoot, "docs", "forecast-accuracy.md")
  };
}
