import * as Plot from "npm:@observablehq/plot";
import {plot} from "../../plot.js";
import {formatCount, formatMonth, monthDate} from "../../format.js";
import {EHCP_MEASURES, type RollingPoint} from "../../demand/ehcp.js";
import type {GrowthStatement} from "../../demand/growth.js";

export interface ChartOptions {
  width?: number;
  height?: number;
  document?: Document;
  /** Growth in requests over complete financial years, for the headline. */
  growth?: GrowthStatement | null;
}

/**
 * One sentence: the latest rolling totals of each measure.
 *
 * @example
 * summariseEhcpTrend(points); // "In the 12 months to November 2025: 2,010 requests for assessment, ..."
 */
export function summariseEhcpTrend(points: readonly RollingPoint[]): string {
  if (points.length === 0) return "Fewer than 12 months of EHC needs assessment activity match the filters.";
  const end = points.reduce((last, point) => (point.month > last ? point.month : last), points[0].month);
  const latest = points.filter((point) => point.month === end);
  return `In the 12 months to ${formatMonth(end)}: ${latest
    .map((point) => `${formatCount(point.total)} ${EHCP_MEASURES[point.measure].toLowerCase()}`)
    .join(", ")}.`;
}

/**
 * Lines of rolling 12-month totals of requests, assessments and plans, each labelled at its end (and dashed
 * differently), so no line depends on colour.
 *
 * @example
 * ehcpTrendChart(rollingTwelveMonths(rows), {width: 640, growth});
 */
export function ehcpTrendChart(points: readonly RollingPoint[], options: ChartOptions = {}) {
  const {width = 640, height = 300, document, growth} = options;
  const data = points.map((point) => ({...point, date: monthDate(point.month), label: EHCP_MEASURES[point.measure]}));
  const end = data.reduce((last, d) => (d.month > last ? d.month : last), data[0]?.month ?? "");
  const last = data.filter((d) => d.month === end);
  const title = growth
    ? `EHC needs assessment requests: ${growth.text.replace(/ \(.*?\)/, "")}`
    : "EHC needs assessment activity";
  const dash: Record<string, string> = {requests_received: "none", assessments_completed: "6,3", plans_issued: "2,2"};
  return plot({
    width,
    height,
    document,
    marginLeft: 48,
    marginRight: width < 480 ? 12 : 150,
    title,
    subtitle:
      "Rolling 12-month totals of requests for an EHC needs assessment, assessments completed and new plans issued",
    ariaLabel: "Line chart of rolling 12-month totals of EHC needs assessment requests, assessments and plans",
    ariaDescription: summariseEhcpTrend(points),
    x: {type: "utc", label: null},
    y: {grid: true, label: "12-month total", zero: true},
    color: {domain: Object.values(EHCP_MEASURES), range: ["#0084d5", "#896ed0", "#209144"], legend: width < 480},
    marks: [
      ...Object.keys(EHCP_MEASURES).map((measure) =>
        Plot.lineY(
          data.filter((d) => d.measure === measure),
          {x: "date", y: "total", stroke: "label", strokeWidth: 2, strokeDasharray: dash[measure]}
        )
      ),
      width < 480
        ? null
        : Plot.text(last, {
            x: "date",
            y: "total",
            text: (d: (typeof data)[number]) => `${d.label}: ${formatCount(d.total)}`,
            dx: 6,
            textAnchor: "start",
            fill: "currentColor"
          }),
      Plot.tip(
        data,
        Plot.pointerX({
          x: "date",
          y: "total",
          title: (d: (typeof data)[number]) =>
            `${d.label}\n12 months to ${formatMonth(d.month)}: ${formatCount(d.total)}`
        })
      ),
      Plot.ruleY([0])
    ]
  });
}
