/**
 * What an appraisal document concludes, set beside what the scoring gives, in words generated from the data.
 */
import type {RankedOption} from "../appraisal/index.js";

const points = (value: number) => (Number.isInteger(value) ? String(value) : value.toFixed(1));

const list = (ids: readonly number[]) =>
  ids.length <= 1 ? ids.join("") : `${ids.slice(0, -1).join(", ")} and ${ids[ids.length - 1]}`;

/**
 * Compares the options a document marks as preferred with the equal-weight ranking.
 *
 * @example
 * compareWithDocument(rankOptions(appraisal), new Map([[3, "Preferred option"], [6, "Preferred option"]]), 15);
 * // "The matrix's Outcome column marks options 3 and 6 "Preferred option". Scoring Yes 1, Partially ½ and No 0 with equal weights gives option 3 13 of 15 points and option 6 12.5: they are the top two, not tied, with option 3 first."
 */
export function compareWithDocument(
  ranking: readonly RankedOption[],
  documentOutcome: ReadonlyMap<number, string | null>,
  maxScore: number
): string {
  const marked = [...documentOutcome].filter(([, outcome]) => outcome === "Preferred option").map(([id]) => id);
  const markedText =
    marked.length === 0
      ? 'The matrix\'s Outcome column marks no option "Preferred option".'
      : `The matrix's Outcome column marks option${marked.length > 1 ? "s" : ""} ${list(marked)} "Preferred option".`;
  const top = ranking.slice(0, Math.max(marked.length, 1));
  const scores = top.map(
    (entry, index) =>
      `option ${entry.optionId} ${points(entry.weightedScore)}${index === 0 ? ` of ${maxScore} points` : ""}`
  );
  const topIds = top.map((entry) => entry.optionId);
  const same = marked.length > 0 && [...topIds].sort().join() === [...marked].sort().join();
  const tied = top.length > 1 && top.every((entry) => entry.weightedScore === top[0].weightedScore);
  const verdict = same
    ? `they are the top ${top.length === 2 ? "two" : top.length}${top.length > 1 ? (tied ? ", tied" : `, not tied, with option ${topIds[0]} first`) : ""}`
    : `the scoring's top ${top.length === 1 ? "option is" : `${top.length} are`} ${list(topIds)}, not the option${marked.length > 1 ? "s" : ""} the document marks`;
  return `${markedText} Scoring Yes 1, Partially ½ and No 0 with equal weights gives ${scores.join(" and ")}: ${verdict}.`;
}
