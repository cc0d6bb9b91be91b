import * as Plot from "npm:@observablehq/plot";
import {plot} from "../../plot.js";
import type {RankedOption} from "../../appraisal/index.js";

export interface ScoresChartOptions {
  width?: number;
  /** The maximum possible score (the number of tests). */
  maxScore: number;
  document?: Document;
}

const points = (value: number) => (Number.isInteger(value) ? String(value) : value.toFixed(1));

/** An option's label for charts: number and short name. */
export function optionLabel(option: Pick<RankedOption, "optionId" | "name">): string {
  return `${option.optionId}. ${option.name}`;
}

/**
 * One sentence on the ranking: the first option, its score, the runner-up and the gap.
 *
 * @example
 * summariseScores(ranking, 15);
 * // "Option 3 (Extend the breadth of the framework) ranks first with 13 of 15 points, 0.5 ahead of option 6 (…) with 12.5; option 4 (…) is last with 6."
 */
export function summariseScores(ranking: readonly RankedOption[], maxScore: number): string {
  if (ranking.length === 0) return "No options are scored.";
  const [first, second] = ranking;
  const last = ranking[ranking.length - 1];
  const lead = `Option ${first.optionId} (${first.name}) ranks first with ${points(first.weightedScore)} of ${maxScore} points`;
  if (!second) return `${lead}.`;
  const gap = first.weightedScore - second.weightedScore;
  const versus =
    first.tiedWith.length > 0
      ? `, tied with option ${second.optionId} (${second.name}) and placed first on lower cost`
      : `, ${points(Math.round(gap * 10) / 10)} ahead of option ${second.optionId} (${second.name}) with ${points(second.weightedScore)}`;
  const tail =
    ranking.length > 2 ? `; option ${last.optionId} (${last.name}) is last with ${points(last.weightedScore)}` : "";
  return `${lead}${versus}${tail}.`;
}

/**
 * Weighted score of every option, best first, as horizontal bars with the score and rank written on each bar.
 *
 * @example
 * scoresChart(rankOptions(appraisal, {weights}), {width: 640, maxScore: 15});
 */
export function scoresChart(ranking: readonly RankedOption[], options: ScoresChartOptions) {
  const {width = 640, maxScore, document} = options;
  const data = ranking.map((entry) => ({
    ...entry,
    label: optionLabel(entry),
    first: entry.rank === 1 ? "Preferred (ranked first)" : "Other options",
    text: `${points(Math.round(entry.weightedScore * 10) / 10)} (rank ${entry.rank})`
  }));
  const first = ranking[0];
  return plot({
    width,
    height: 60 + (width < 480 ? 60 : 48) * data.length,
    document,
    marginLeft: 8,
    marginRight: 16,
    title: first
      ? `Option ${first.optionId} ranks first with ${points(Math.round(first.weightedScore * 10) / 10)} of ${maxScore} points`
      : "No options are scored",
    subtitle: `Weighted score per option (Yes 1, Partially ½, No 0; 0 to ${maxScore}), with the weights chosen above`,
    ariaLabel: "Bar chart of the weighted score of each delivery option",
    ariaDescription: summariseScores(ranking, maxScore),
    x: {domain: [0, maxScore], grid: true, label: "Weighted score"},
    y: {domain: data.map((d) => d.label), axis: null, padding: 0.45},
    color: {domain: ["Preferred (ranked first)", "Other options"], range: ["#0084d5", "#7b7b7b"], legend: true},
    marks: [
      Plot.barX(data, {x: "weightedScore", y: "label", fill: "first", tip: {format: {fill: false}}}),
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
      Plot.text(
        data.filter((d) => d.weightedScore >= maxScore / 4),
        {x: "weightedScore", y: "label", text: "text", textAnchor: "end", dx: -4, fill: "black"}
      ),
      Plot.text(
        data.filter((d) => d.weightedScore < maxScore / 4),
        {x: "weightedScore", y: "label", text: "text", textAnchor: "start", dx: 4}
      ),
      Plot.ruleX([0])
    ]
  });
}
