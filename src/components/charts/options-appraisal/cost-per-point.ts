import * as Plot from "npm:@observablehq/plot";
import {plot} from "../../plot.js";
import type {RankedOption} from "../../appraisal/index.js";
import {formatMoney} from "../../format.js";
import {optionLabel} from "./scores.js";

export interface CostPerPointOptions {
  width?: number;
  document?: Document;
}

/**
 * One sentence on cost per point: the cheapest per point, and how the top-ranked option compares.
 *
 * @example
 * summariseCostPerPoint(ranking);
 * // "Option 5 (…) costs least per point, £68,182; the top-ranked option 3 costs £73,077 a point (£950,000 a year)."
 */
export function summariseCostPerPoint(ranking: readonly RankedOption[]): string {
  const priced = ranking.filter((entry) => entry.costPerPoint !== null);
  if (priced.length === 0) return "No option has both a cost and a score above zero.";
  const cheapest = priced.reduce((best, entry) =>
    (entry.costPerPoint ?? 0) < (best.costPerPoint ?? 0) ? entry : best
  );
  const first = ranking[0];
  const lead = `Option ${cheapest.optionId} (${cheapest.name}) costs least per point, ${formatMoney(cheapest.costPerPoint ?? 0)}`;
  if (first.optionId === cheapest.optionId) return `${lead}, and it also ranks first.`;
  const firstCost =
    first.costPerPoint === null
      ? `has no cost per point (cost not printed or score zero)`
      : `costs ${formatMoney(first.costPerPoint)} a point (${formatMoney(first.costPerAnnum ?? 0)} a year)`;
  return `${lead}; the top-ranked option ${first.optionId} ${firstCost}.`;
}

/**
 * Cost per annum divided by weighted score, per option, in ranking order; options without a cost or with a zero
 * score are labelled, not drawn as zero.
 *
 * @example
 * costPerPointChart(rankOptions(appraisal), {width: 640});
 */
export function costPerPointChart(ranking: readonly RankedOption[], options: CostPerPointOptions = {}) {
  const {width = 640, document} = options;
  const data = ranking.map((entry) => ({
    ...entry,
    label: optionLabel(entry),
    text: entry.costPerPoint === null ? "no cost per point" : `${formatMoney(entry.costPerPoint)} a point`
  }));
  const priced = data.filter((entry) => entry.costPerPoint !== null);
  const cheapest = priced.length
    ? priced.reduce((best, entry) => ((entry.costPerPoint ?? 0) < (best.costPerPoint ?? 0) ? entry : best))
    : null;
  return plot({
    width,
    height: 60 + (width < 480 ? 60 : 48) * data.length,
    document,
    marginLeft: 8,
    marginRight: 16,
    title: cheapest
      ? `Option ${cheapest.optionId} costs least per point: ${formatMoney(cheapest.costPerPoint ?? 0)}`
      : "No option can be priced per point",
    subtitle: "Cost per annum ÷ weighted score (pounds per point; lower is better value), in ranking order",
    ariaLabel: "Bar chart of the cost per point of each delivery option",
    ariaDescription: summariseCostPerPoint(ranking),
    x: {grid: true, label: "£ per point", tickFormat: (value: number) => formatMoney(value), ticks: 4},
    y: {domain: data.map((d) => d.label), axis: null, padding: 0.45},
    marks: [
      Plot.barX(priced, {x: "costPerPoint", y: "label", fill: "#0084d5", tip: true}),
      Plot.text(data, {
        x: 0,
        y: "label",
        text: "label",
        textAnchor: "start",
        lineAnchor: "bottom",
        dy: -13,
        fontWeight: 600,
        lineWidth: Math.max(24, (width - 30) / 12)
      }),
      Plot.text(priced, {x: "costPerPoint", y: "label", text: "text", textAnchor: "end", dx: -4, fill: "black"}),
      Plot.text(
        data.filter((entry) => entry.costPerPoint === null),
        {x: 0, y: "label", text: "text", textAnchor: "start", dx: 4}
      ),
      Plot.ruleX([0])
    ]
  });
}
