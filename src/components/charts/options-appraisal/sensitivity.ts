import * as Plot from "npm:@observablehq/plot";
import {plot} from "../../plot.js";
import type {GroupSensitivity, OutcomeGroup} from "../../appraisal/index.js";
import {formatPercent} from "../../format.js";

/** One row of the sensitivity chart and table: a group's range of weight shares that keep the preferred option. */
export interface SensitivityRow {
  groupId: string;
  group: string;
  preferredOptionId: number;
  baseShare: number;
  lowerShare: number;
  upperShare: number;
  /** Weight of the group (others unchanged) at the lower and upper ends; `null` = unbounded. */
  lowerWeight: number | null;
  upperWeight: number | null;
  /** The option that takes over below the lower end or above the upper end, if any. */
  belowSwitchesTo: number | null;
  aboveSwitchesTo: number | null;
  /** The same range as a sentence. */
  description: string;
}

const weightText = (weight: number | null) => (weight === null ? "any weight" : `weight ${weight.toFixed(2)}`);

/**
 * The sensitivity of each group as table rows, each with a sentence that states the range in words.
 *
 * @example
 * sensitivityRows(weightSensitivity(appraisal), appraisal.groups)[4].description;
 * // "Option 3 stays preferred while "Manages operational…" has up to 33% of the total weight (weight 2.00 with the other weights unchanged); above that, option 6 is preferred."
 */
export function sensitivityRows(
  sensitivity: readonly GroupSensitivity[],
  groups: readonly OutcomeGroup[]
): SensitivityRow[] {
  return sensitivity.map((entry) => {
    const group = groups.find((candidate) => candidate.id === entry.groupId)?.name ?? entry.groupId;
    const p = entry.preferredOptionId;
    const below = entry.lower.switchesTo;
    const above = entry.upper.switchesTo;
    const parts: string[] = [];
    if (below === null && above === null) {
      parts.push(`Option ${p} stays preferred whatever share of the weight "${group}" is given (0% to 100%)`);
    } else {
      const range =
        below !== null && above !== null
          ? `between ${formatPercent(entry.lower.share)} and ${formatPercent(entry.upper.share)}`
          : below !== null
            ? `at least ${formatPercent(entry.lower.share)}`
            : `up to ${formatPercent(entry.upper.share)}`;
      parts.push(`Option ${p} stays preferred while "${group}" has ${range} of the total weight`);
      if (below !== null)
        parts.push(
          `below ${formatPercent(entry.lower.share)} (${weightText(entry.lower.weight)}), option ${below} is preferred`
        );
      if (above !== null)
        parts.push(
          `above ${formatPercent(entry.upper.share)} (${weightText(entry.upper.weight)}), option ${above} is preferred`
        );
    }
    const ties = [entry.lower, entry.upper]
      .filter((bound, index) => bound.tiedWith.length > 0 && (index === 0 ? below : above) === null)
      .map((bound) => `at ${formatPercent(bound.share)} it ties with option ${bound.tiedWith.join(" and ")}`);
    if (ties.length > 0) parts[0] = `${parts[0]} (${ties.join("; ")})`;
    return {
      groupId: entry.groupId,
      group,
      preferredOptionId: p,
      baseShare: entry.baseShare,
      lowerShare: entry.lower.share,
      upperShare: entry.upper.share,
      lowerWeight: entry.lower.weight,
      upperWeight: entry.upper.weight,
      belowSwitchesTo: below,
      aboveSwitchesTo: above,
      description: `${parts.join("; ")}${parts.length > 1 ? ", with the other weights unchanged" : ""}.`
    };
  });
}

/**
 * One sentence: which single-group weight changes would change the preferred option.
 *
 * @example
 * summariseSensitivity(rows);
 * // "Option 3 stays preferred unless "Manages operational and reputational risk" gets more than 33% of the weight (option 6) or "Financially sustainable and value for money" more than 56% (option 5)."
 */
export function summariseSensitivity(rows: readonly SensitivityRow[]): string {
  if (rows.length === 0) return "No outcome groups to vary.";
  const p = rows[0].preferredOptionId;
  const switches: {text: string; margin: number}[] = [];
  for (const row of rows) {
    if (row.aboveSwitchesTo !== null)
      switches.push({
        text: `"${row.group}" gets more than ${formatPercent(row.upperShare)} of the weight (then option ${row.aboveSwitchesTo})`,
        margin: row.upperShare - row.baseShare
      });
    if (row.belowSwitchesTo !== null)
      switches.push({
        text: `"${row.group}" gets less than ${formatPercent(row.lowerShare)} of the weight (then option ${row.belowSwitchesTo})`,
        margin: row.baseShare - row.lowerShare
      });
  }
  if (switches.length === 0)
    return `Option ${p} stays preferred whatever share of the weight any single outcome group is given.`;
  switches.sort((a, b) => a.margin - b.margin);
  return `Option ${p} stays preferred unless ${switches.map((s) => s.text).join(", or ")}.`;
}

export interface SensitivityChartOptions {
  width?: number;
  document?: Document;
}

/**
 * For each outcome group, the range of its share of the total weight over which the preferred option stays
 * first (bar), the current share (dot) and the option that takes over beyond each end (label).
 *
 * @example
 * sensitivityChart(sensitivityRows(weightSensitivity(appraisal), appraisal.groups), {width: 640});
 */
export function sensitivityChart(rows: readonly SensitivityRow[], options: SensitivityChartOptions = {}) {
  const {width = 640, document} = options;
  const p = rows[0]?.preferredOptionId;
  const closest = rows
    .flatMap((row) => [
      ...(row.aboveSwitchesTo !== null ? [{row, margin: row.upperShare - row.baseShare}] : []),
      ...(row.belowSwitchesTo !== null ? [{row, margin: row.baseShare - row.lowerShare}] : [])
    ])
    .sort((a, b) => a.margin - b.margin)[0];
  const title =
    p === undefined
      ? "No outcome groups to vary"
      : closest === undefined
        ? `Option ${p} stays first whatever weight any one group gets`
        : closest.margin < 0.005
          ? `Option ${p} is first only at the margin: any change to "${closest.row.group}" can change it`
          : `Option ${p} stays first unless one group's share of the weight moves ${Math.round(closest.margin * 100)} percentage points`;
  const ends = rows.flatMap((row) => [
    ...(row.belowSwitchesTo !== null
      ? [{group: row.group, share: row.lowerShare, text: `← option ${row.belowSwitchesTo}`, anchor: "end"}]
      : []),
    ...(row.aboveSwitchesTo !== null
      ? [{group: row.group, share: row.upperShare, text: `option ${row.aboveSwitchesTo} →`, anchor: "start"}]
      : [])
  ]);
  return plot({
    width,
    height: 70 + 70 * rows.length,
    document,
    marginLeft: 8,
    marginRight: 72,
    title,
    subtitle: `Share of the total weight over which option ${p ?? ""} stays first (bar), current share (dot), and the option that takes over beyond an end`,
    ariaLabel: "Range chart of the weight shares that keep the preferred option first, one row per outcome group",
    ariaDescription: summariseSensitivity(rows),
    x: {
      domain: [0, 1],
      grid: true,
      label: "Share of the total weight",
      tickFormat: (value: number) => formatPercent(value)
    },
    y: {domain: rows.map((row) => row.group), axis: null, padding: 0.55},
    marks: [
      Plot.barX(rows, {x1: "lowerShare", x2: "upperShare", y: "group", fill: "#0084d5", fillOpacity: 0.85}),
      Plot.dot(rows, {x: "baseShare", y: "group", r: 6, fill: "white", stroke: "black", strokeWidth: 2, tip: true}),
      Plot.text(rows, {
        x: 0,
        y: "group",
        text: "group",
        textAnchor: "start",
        lineAnchor: "bottom",
        dy: -13,
        fontWeight: 600,
        lineWidth: Math.max(20, (width - 96) / 12)
      }),
      Plot.text(
        ends.filter((end) => end.anchor === "start"),
        {x: "share", y: "group", text: "text", textAnchor: "start", dx: 6, fontWeight: 600}
      ),
      Plot.text(
        ends.filter((end) => end.anchor === "end"),
        {x: "share", y: "group", text: "text", textAnchor: "end", dx: -6, fontWeight: 600}
      )
    ]
  });
}
