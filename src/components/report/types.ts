/**
 * The data of the public scrutiny report (`src/data/report.json`), written by `loaders/aggregates/report-data.ts`
 * after disclosure control: every count is a number of 0 or at least 6, or a GSS symbol (`c`, `x`, `z`).
 */
import type {Cell} from "../gss.js";
import type {Provenance} from "../provenance.js";

/** Referrals received in one financial year for one Lot (or `lot_code` "Total" for all Lots). */
export interface ReportReferralRow {
  financial_year: string;
  lot_code: string;
  lot_name: string;
  referrals: Cell;
  placed: Cell;
  waiting: Cell;
  declined: Cell;
  withdrawn: Cell;
}

/** Distinct children and young people supported in a financial year. */
export interface ReportSupportedRow {
  financial_year: string;
  children: Cell;
}

/** Referrals waiting on the "as at" date for one Lot (or "Total"). */
export interface ReportWaitingRow {
  lot_code: string;
  lot_name: string;
  waiting: Cell;
  waiting_over_18_weeks: Cell;
  waiting_up_to_18_weeks: Cell;
}

/** Commissioned-care spend and budget in one financial year for one Lot (or "Total"). */
export interface ReportSpendRow {
  financial_year: string;
  lot_code: string;
  lot_name: string;
  spend_gbp: Cell;
  budget_gbp: number;
}

/** New placements in one financial year by how they were bought (`route` "Total" for all). */
export interface ReportPlacementRow {
  financial_year: string;
  route: string;
  route_name: string;
  placements: Cell;
}

/** New placements in one financial year and the share that were spot purchases (percent, one decimal). */
export interface ReportSpotShareRow {
  financial_year: string;
  placements: Cell;
  spot_purchase: Cell;
  spot_share_pct: Cell;
}

/** EHC needs assessment requests and new plans in one financial year (`months` < 12: year to date). */
export interface ReportEhcpRow {
  financial_year: string;
  requests: Cell;
  plans_issued: Cell;
  months: number;
}

/** A figure from a council's published report, with where it was printed. */
export interface PublishedFigure {
  indicator: string;
  financial_year: string;
  value: number;
  source: string;
}

/** One year of the referrals forecast: observed (`kind` "actual") or forecast with its ranges. */
export interface ForecastPoint {
  financial_year: string;
  start_year: number;
  kind: "actual" | "forecast";
  referrals: Cell;
  lower_80: Cell | null;
  upper_80: Cell | null;
  lower_95: Cell | null;
  upper_95: Cell | null;
}

/** The referrals forecast: the series, the method and how its ranges were set. */
export interface ReportForecast {
  points: ForecastPoint[];
  /** The method the engine used (`auto` picks Theta for short series). */
  method: string;
  /** How the ranges were made: "calibrated" (cross-series conformal), "empirical" or "analytic". */
  intervals: string;
  /** Number of series and of out-of-sample errors the ranges were calibrated on. */
  calibrationSeries: number;
  calibrationErrors: number;
  /** Share of outcomes inside the 80% and 95% ranges when the same method was backtested on those series. */
  localCoverage80: number | null;
  localCoverage95: number | null;
}

/** Measured accuracy of the engine on real DfE data, read from docs/forecast-accuracy.md. */
export interface AccuracyRow {
  series: string;
  column: string;
  method: string;
  mase: number;
  smape: number;
  calibrated80: number;
  calibrated95: number;
  analytic80: number;
  analytic95: number;
}

/** Everything the report shows. */
export interface ReportData {
  provenance: Provenance;
  /** ISO "as at" date. */
  extractDate: string;
  /** Last complete financial year before the "as at" date, and the current (partial) one. */
  lastCompleteYear: string;
  currentYear: string;
  /** Months of the current year covered by the data. */
  currentYearMonths: number;
  referrals: ReportReferralRow[];
  supported: ReportSupportedRow[];
  waiting: ReportWaitingRow[];
  /** Median wait so far, in days, of the referrals waiting on the "as at" date. */
  waitingMedianDays: Cell;
  spend: ReportSpendRow[];
  placements: ReportPlacementRow[];
  spotShare: ReportSpotShareRow[];
  turning18: {supported: Cell; within_1_year: Cell; within_3_years: Cell; within_3_years_pct: Cell};
  ehcp: ReportEhcpRow[];
  lewisham: PublishedFigure[];
  forecast: ReportForecast;
  accuracy: AccuracyRow[];
  /** How many published figures disclosure control hid, by reason. */
  suppressed: {primary: number; secondary: number; dominance: number; derived: number};
}
