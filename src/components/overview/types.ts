/**
 * The shape of `data/overview.json`: the headline figures of the overview page, computed at build time by
 * `loaders/aggregates/overview.ts` (aggregates only: no child-level row).
 */
import type {Provenance} from "../provenance.js";

/** Referrals received in one financial year, in full and up to the same day as the extract date. */
export interface ReferralYear {
  financial_year: string;
  /** Referrals received in the year (to the extract date for the current year). */
  referrals: number;
  /** Referrals received from 1 April to the same day of the year as the extract date. */
  referrals_to_date: number;
  /** Whether the whole year is inside the data. */
  complete: boolean;
}

/** A month-end snapshot of the children and young people with an active package. */
export interface SupportedMonth {
  month: string;
  /** The snapshot date: the month's last day, or the extract date in its month. */
  at: string;
  supported: number;
}

/** A month-end snapshot of the referrals awaiting a decision. */
export interface WaitingMonth {
  month: string;
  at: string;
  waiting: number;
  /** Median days waited so far by those waiting; null when nobody was waiting. */
  median_days: number | null;
}

/** Commissioned spend (all routes but direct payments) against budget for one Lot in the current year. */
export interface SpendLot {
  lot_code: string;
  lot_name: string;
  spend_to_date: number;
  /** Cost of the packages open at the extract date from the next day to 31 March (or their end date). */
  committed: number;
  /** Spend to date + committed. */
  forecast: number;
  budget: number;
}

/** Commissioned spend, spot-purchase spend and budget in one financial year. */
export interface SpendYear {
  financial_year: string;
  spend: number;
  spot_purchase: number;
  /** Spot-purchase share of spend, 0-1; null when nothing was spent. */
  spot_share: number | null;
  budget: number | null;
  complete: boolean;
}

/** Young people currently supported whose 18th birthday falls in a month. */
export interface TurningEighteenMonth {
  month: string;
  young_people: number;
}

export interface OverviewData {
  /** The data's provenance (as in `data/meta.json`), carried here so the overview needs one data file, not two. */
  provenance: Provenance;
  extractDate: string;
  sameDayLastYear: string;
  currentYear: string;
  previousYear: string;
  /** First day of the month of the earliest referral. */
  dataStart: string;
  referrals: {toDate: number; toDateLastYear: number; byYear: ReferralYear[]};
  supported: {now: number; lastYear: number; byMonth: SupportedMonth[]};
  waiting: {
    now: number;
    lastYear: number;
    medianDays: number | null;
    medianDaysLastYear: number | null;
    byMonth: WaitingMonth[];
  };
  spend: {
    spendToDate: number;
    spendToDateLastYear: number;
    committed: number;
    forecast: number;
    budget: number;
    spotShare: number | null;
    spotShareLastYear: number | null;
    byLot: SpendLot[];
    byYear: SpendYear[];
  };
  turning18: {next12Months: number; lastYear: number; byMonth: TurningEighteenMonth[]};
}
