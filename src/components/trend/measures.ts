/**
 * The series the trend-forecast notebook can forecast, and which filters apply to each. The codes are the values
 * of `series.sql`'s `$1` parameter.
 */

/** A filter of `series.sql`, in parameter order ($2..$7). */
export const FILTERS = ["area", "lot", "need", "source", "funder", "route"] as const;
export type FilterKey = (typeof FILTERS)[number];

export interface MeasureSpec {
  /** Label in the series chooser and table headers. */
  label: string;
  /** Lower-case noun for sentences ("referrals", "spend"). */
  noun: string;
  /** How values are formatted. */
  unit: "count" | "money" | "hours";
  /** A stock (a count at period end) rather than a flow summed over the period. */
  stock: boolean;
  /** Filters that apply; the others are ignored by the SQL and reset to "ALL" by the page. */
  filters: readonly FilterKey[];
  /** What one value means, for subtitles. */
  definition: string;
}

export const MEASURES = {
  referrals: {
    label: "Referrals",
    noun: "referrals",
    unit: "count",
    stock: false,
    filters: ["area", "lot", "need", "source"],
    definition: "referrals received"
  },
  ehcp_requests: {
    label: "EHC needs assessment requests",
    noun: "EHC needs assessment requests",
    unit: "count",
    stock: false,
    filters: ["area"],
    definition: "EHC needs assessment requests received"
  },
  ehcp_assessments: {
    label: "EHC needs assessments completed",
    noun: "EHC needs assessments completed",
    unit: "count",
    stock: false,
    filters: ["area"],
    definition: "EHC needs assessments completed"
  },
  ehcp_plans: {
    label: "New EHC plans issued",
    noun: "new EHC plans",
    unit: "count",
    stock: false,
    filters: ["area"],
    definition: "new EHC plans issued"
  },
  children_supported: {
    label: "Children supported",
    noun: "children supported",
    unit: "count",
    stock: true,
    filters: ["area", "lot", "funder"],
    definition: "children and young people with an active package on the last day of the period"
  },
  spend: {
    label: "Spend",
    noun: "spend",
    unit: "money",
    stock: false,
    filters: ["area", "lot", "funder", "route"],
    definition: "spend on packages (hours a week × weeks active × hourly rate)"
  },
  hours: {
    label: "Hours of support",
    noun: "hours of support",
    unit: "hours",
    stock: false,
    filters: ["area", "lot", "funder", "route"],
    definition: "hours of support delivered (hours a week × weeks active)"
  }
} as const satisfies Record<string, MeasureSpec>;

export type MeasureCode = keyof typeof MEASURES;
export const MEASURE_CODES = Object.keys(MEASURES) as MeasureCode[];

export const GRAINS = ["year", "quarter", "month"] as const;
export type Grain = (typeof GRAINS)[number];

/** Periods per financial year at each grain. */
export const PERIODS_PER_YEAR: Record<Grain, number> = {year: 1, quarter: 4, month: 12};

/** What the notebook forecasts: a measure, its filters ("ALL" = no filter), a grain and a rolling window. */
export interface SeriesSelection {
  measure: MeasureCode;
  area: string;
  lot: string;
  need: string;
  source: string;
  funder: string;
  route: string;
  grain: Grain;
  /** Rolling window in periods; 1 = none. */
  window: number;
}

/**
 * The positional parameters $1..$10 of `series.sql` for a selection; a filter that does not apply to the measure
 * is sent as "ALL".
 *
 * @example
 * seriesParams({measure: "ehcp_plans", area: "NORTH", lot: "LOT2", need: "ALL", source: "ALL", funder: "ALL", route: "ALL", grain: "year", window: 1}, "2025-11");
 * // ["ehcp_plans", "NORTH", "ALL", "ALL", "ALL", "ALL", "ALL", "year", "2025-11", 1]
 */
export function seriesParams(selection: SeriesSelection, lastMonth: string): (string | number)[] {
  const spec: MeasureSpec = MEASURES[selection.measure];
  if (!spec) throw new Error(`invalid measure: ${String(selection.measure)}`);
  if (!/^\d{4}-\d{2}$/.test(lastMonth)) throw new Error(`invalid lastMonth: ${lastMonth}`);
  if (!Number.isInteger(selection.window) || selection.window < 1)
    throw new Error(`invalid window: ${selection.window}`);
  if (!(GRAINS as readonly string[]).includes(selection.grain)) throw new Error(`invalid grain: ${selection.grain}`);
  const filters = FILTERS.map((key) => (spec.filters.includes(key) ? selection[key] : "ALL"));
  return [selection.measure, ...filters, selection.grain, lastMonth, selection.window];
}
