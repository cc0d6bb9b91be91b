/**
 * How long referrals take, from the day-count distribution in `data/demand-timings.arrow`: the median and 90th
 * percentile days from received to decision and to package start, per financial year (of receipt) and Lot.
 */
import {weightedQuantile} from "./quantile.js";

/** One row of `data/demand-timings.arrow`. */
export interface TimingRow {
  financial_year: string;
  area_code: string;
  lot_code: string;
  measure: "decision" | "package_start";
  days: number;
  referrals: number;
}

export interface TimingSummary {
  financial_year: string;
  /** Lot code, or "All" when the row covers every Lot in the filter. */
  lot_code: string;
  measure: TimingRow["measure"];
  /** Referrals with that date recorded. */
  referrals: number;
  median_days: number | null;
  p90_days: number | null;
}

/** Words for a measure. */
export const MEASURE_LABELS: Record<TimingRow["measure"], string> = {
  decision: "Received to decision",
  package_start: "Received to package start"
};

/**
 * Median and 90th percentile per financial year × measure (all Lots together, `byLot: false`) or per financial
 * year × Lot × measure.
 *
 * @example
 * summariseTimings(rows, {byLot: true});
 */
export function summariseTimings(rows: readonly TimingRow[], {byLot = false}: {byLot?: boolean} = {}): TimingSummary[] {
  const groups = new Map<
    string,
    {key: Omit<TimingSummary, "referrals" | "median_days" | "p90_days">; bins: Map<number, number>}
  >();
  for (const row of rows) {
    const lot = byLot ? row.lot_code : "All";
    const id = `${row.financial_year}|${lot}|${row.measure}`;
    let group = groups.get(id);
    if (!group) {
      group = {key: {financial_year: row.financial_year, lot_code: lot, measure: row.measure}, bins: new Map()};
      groups.set(id, group);
    }
    group.bins.set(row.days, (group.bins.get(row.days) ?? 0) + row.referrals);
  }
  const order = (a: TimingSummary, b: TimingSummary) =>
    a.financial_year.localeCompare(b.financial_year) ||
    a.lot_code.localeCompare(b.lot_code) ||
    a.measure.localeCompare(b.measure);
  return [...groups.values()]
    .map(({key, bins}) => {
      const list = [...bins].map(([value, count]) => ({value, count}));
      return {
        ...key,
        referrals: list.reduce((sum, bin) => sum + bin.count, 0),
        median_days: weightedQuantile(list, 0.5),
        p90_days: weightedQuantile(list, 0.9)
      };
    })
    .sort(order);
}
