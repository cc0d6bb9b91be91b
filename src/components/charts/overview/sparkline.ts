import * as Plot from "npm:@observablehq/plot";
import {plot} from "../../plot.js";

/** One point of a sparkline: a label for the x position (month or financial year) and a value. */
export interface SparkPoint {
  label: string;
  value: number | null;
}

export interface SparklineOptions {
  /** `line` for a trend over months, `bar` for years or a count per month. */
  kind?: "line" | "bar";
  /** What the series is, for the text alternative, e.g. "Children and young people supported at each month end". */
  what: string;
  /** Formats a value in the text alternative. */
  format?: (value: number) => string;
  width?: number;
  height?: number;
  document?: Document;
}

/**
 * One sentence describing a series: first and last values, and the highest.
 *
 * @example
 * summariseSparkline([{label: "2019-20", value: 210}, {label: "2024-25", value: 374}], {what: "Referrals per year"});
 * // "Referrals per year: 210 in 2019-20, 374 in 2024-25; highest 374 in 2024-25."
 */
export function summariseSparkline(
  points: readonly SparkPoint[],
  {what, format = (value: number) => value.toLocaleString("en-GB")}: Pick<SparklineOptions, "what" | "format">
): string {
  const known = points.filter((point): point is {label: string; value: number} => point.value !== null);
  if (known.length === 0) return `${what}: no data.`;
  const first = known[0];
  const last = known[known.length - 1];
  const highest = known.reduce((best, point) => (point.value > best.value ? point : best));
  return `${what}: ${format(first.value)} in ${first.label}, ${format(last.value)} in ${last.label}; highest ${format(
    highest.value
  )} in ${highest.label}.`;
}

/**
 * A small chart without axes for a headline card, with its own aria-label and a text alternative. The last value
 * is marked with a dot (line) or a darker bar, so the current position does not depend on colour.
 *
 * @example
 * sparkline([{label: "2024-04", value: 272}, {label: "2024-05", value: 280}], {what: "Supported at month end"});
 */
export function sparkline(points: readonly SparkPoint[], options: SparklineOptions) {
  const {kind = "line", width = 240, height = 48, document} = options;
  const data = points.map((point, index) => ({...point, index, last: index === points.length - 1}));
  const known = data.filter((point) => point.value !== null);
  const marks =
    kind === "bar"
      ? [
          Plot.barY(data, {
            x: "label",
            y: "value",
            fill: "currentColor",
            fillOpacity: (d: {last: boolean}) => (d.last ? 1 : 0.55),
            inset: 0.5
          }),
          Plot.ruleY([0], {strokeOpacity: 0.4})
        ]
      : [
          Plot.lineY(data, {x: "index", y: "value", stroke: "currentColor", strokeWidth: 1.75}),
          Plot.dot(known.slice(-1), {x: "index", y: "value", fill: "currentColor", r: 3})
        ];
  return plot({
    width,
    height,
    document,
    margin: 4,
    marginTop: 6,
    marginBottom: 4,
    ariaLabel: `Sparkline: ${options.what}`,
    ariaDescription: summariseSparkline(points, options),
    x: kind === "bar" ? {axis: null, type: "band", padding: 0.15} : {axis: null},
    y: {axis: null, zero: kind === "bar"},
    marks
  });
}
