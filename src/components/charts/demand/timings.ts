import * as Plot from "npm:@observablehq/plot";
import {plot} from "../../plot.js";
import {MEASURE_LABELS, type TimingSummary} from "../../demand/timings.js";

export interface ChartOptions {
  width?: number;
  document?: Document;
}

/**
 * The headline: the latest year's median days to a decision and to a package start.
 *
 * @example
 * timingsTitle(rows); // "In 2025-26 a decision took a median of 28 days and a package started after 52"
 */
export function timingsTitle(rows: readonly TimingSummary[]): string {
  const years = [...new Set(rows.map((row) => row.financial_year))].sort();
  const latest = years.at(-1);
  if (!latest) return "How long decisions and package starts take";
  const median = (measure: TimingSummary["measure"]) =>
    rows.find((row) => row.financial_year === latest && row.measure === measure)?.median_days ?? null;
  const decision = median("decision");
  const start = median("package_start");
  const parts = [
    decision === null ? null : `a decision took a median of ${decision} days`,
    start === null ? null : `a package started after a median of ${start}`
  ].filter((part) => part !== null);
  return parts.length === 0
    ? "How long decisions and package starts take"
    : `For ${latest}'s referrals, ${parts.join(" and ")}`;
}

/**
 * One sentence per measure: the range of medians and the latest 90th percentile.
 *
 * @example
 * summariseTimings(rows);
 */
export function summariseTimingChart(rows: readonly TimingSummary[]): string {
  if (rows.length === 0) return "No decided referrals match the filters.";
  return (Object.keys(MEASURE_LABELS) as TimingSummary["measure"][])
    .map((measure) => {
      const series = rows.filter((row) => row.measure === measure && row.median_days !== null);
      if (series.length === 0) return `${MEASURE_LABELS[measure]}: none recorded`;
      const latest = series[series.length - 1];
      return `${MEASURE_LABELS[measure]}: median ${series[0].median_days} days in ${series[0].financial_year} and ${latest.median_days} in ${latest.financial_year} (90th percentile ${latest.p90_days} days)`;
    })
    .join("; ")
    .concat(".");
}

/**
 * Per measure (a panel each), the median (solid line) and 90th percentile (dashed) days by financial year of
 * receipt, each line labelled at its end.
 *
 * @example
 * timingsChart(summariseTimings(rows), {width: 640});
 */
export function timingsChart(rows: readonly TimingSummary[], options: ChartOptions = {}) {
  const {width = 640, document} = options;
  const stats = [
    {key: "median_days" as const, label: "Median", dash: "none"},
    {key: "p90_days" as const, label: "90th percentile", dash: "5,3"}
  ];
  const data = rows.flatMap((row) =>
    stats
      .filter((s) => row[s.key] !== null)
      .map((s) => ({
        financial_year: row.financial_year,
        panel: MEASURE_LABELS[row.measure],
        stat: s.label,
        days: row[s.key]!,
        referrals: row.referrals
      }))
  );
  const years = [...new Set(rows.map((row) => row.financial_year))].sort();
  const ends = data.filter((d) => d.financial_year === years.at(-1));
  const narrow = width < 480;
  return plot({
    width,
    height: 400,
    document,
    marginLeft: 44,
    marginRight: narrow ? 12 : 110,
    marginTop: 30,
    title: timingsTitle(rows),
    subtitle:
      "Days from receiving a referral to the decision, and to the package starting, by financial year of receipt",
    ariaLabel: "Line charts of median and 90th percentile days to decision and to package start",
    ariaDescription: summariseTimingChart(rows),
    fy: {label: null, domain: Object.values(MEASURE_LABELS), axis: null, padding: 0.18},
    x: {type: "point", label: null, domain: years, tickFormat: (d: string) => (narrow ? d.slice(2) : d), inset: 12},
    y: {grid: true, label: "Days", zero: true, insetTop: 22},
    color: {domain: stats.map((s) => s.label), range: ["#0084d5", "#896ed0"], legend: narrow},
    marks: [
      ...stats.map((s) =>
        Plot.lineY(
          data.filter((d) => d.stat === s.label),
          {
            fy: "panel",
            x: "financial_year",
            y: "days",
            z: "panel",
            stroke: "stat",
            strokeWidth: 2,
            strokeDasharray: s.dash
          }
        )
      ),
      Plot.dot(data, {
        fy: "panel",
        x: "financial_year",
        y: "days",
        fill: "stat",
        r: 3,
        channels: {Referrals: "referrals"},
        tip: true
      }),
      narrow
        ? null
        : Plot.text(ends, {
            fy: "panel",
            x: "financial_year",
            y: "days",
            text: (d: (typeof data)[number]) => `${d.stat}: ${d.days}`,
            dx: 8,
            textAnchor: "start",
            fill: "currentColor"
          }),
      Plot.text(Object.values(MEASURE_LABELS), {
        fy: (d: string) => d,
        text: (d: string) => d,
        frameAnchor: "top-left",
        fontWeight: "bold",
        fontSize: 12,
        fill: "currentColor"
      }),
      Plot.ruleY([0])
    ]
  });
}
