import {DEFAULT_POINTS, validatePoints} from "./points.js";
import type {Appraisal, GroupWeights, ScorePoints} from "./types.js";
import {resolveWeights} from "./weights.js";

/**
 * Points of each option summed within each outcome group: `{optionId → {groupId → points}}`.
 * With the default points, Staffordshire option 3 has 3 in "statutory" (Yes, Yes, Yes).
 * @example
 * pointsByGroup(appraisal).get(3)?.statutory; // 3
 */
export function pointsByGroup(
  appraisal: Appraisal,
  points: ScorePoints = DEFAULT_POINTS
): Map<number, Record<string, number>> {
  validatePoints(points);
  const groupOfTest = new Map(appraisal.tests.map((test) => [test.id, test.groupId]));
  const result = new Map<number, Record<string, number>>();
  for (const option of appraisal.options) {
    const byGroup: Record<string, number> = {};
    for (const group of appraisal.groups) byGroup[group.id] = 0;
    result.set(option.id, byGroup);
  }
  for (const cell of appraisal.scores) {
    const byGroup = result.get(cell.optionId);
    const groupId = groupOfTest.get(cell.testId);
    if (byGroup === undefined) throw new Error(`unknown option id in scores: ${cell.optionId}`);
    if (groupId === undefined) throw new Error(`unknown test id in scores: ${cell.testId}`);
    byGroup[groupId] += points[cell.score];
  }
  return result;
}

/**
 * Weighted score of every option.
 *
 * Each test is multiplied by its group's weight divided by the mean weight per test,
 * `w̄ = Σ_g w_g·n_g / N` (n_g tests in group g, N tests in all). Equal weights therefore give every
 * test multiplier 1 and the score is the plain sum over the tests, as in the source matrix;
 * any weights keep the score on the same 0…N scale. This is the additive model of DCLG,
 * *Multi-criteria analysis: a manual* (2009), §4.7 (linear additive models) and §6.2, with weights set at
 * group level and shared evenly by the tests of a group (criteria grouped under objectives, §5.4).
 *
 * @example
 * weightedScores(appraisal).get(3); // 13 for Staffordshire option 3 with equal weights
 */
export function weightedScores(
  appraisal: Appraisal,
  weights: GroupWeights = {},
  points: ScorePoints = DEFAULT_POINTS
): Map<number, number> {
  const resolved = resolveWeights(appraisal.groups, weights);
  const testsPerGroup: Record<string, number> = {};
  for (const group of appraisal.groups) testsPerGroup[group.id] = 0;
  for (const test of appraisal.tests) testsPerGroup[test.groupId] += 1;
  let weightedTestTotal = 0;
  for (const group of appraisal.groups) weightedTestTotal += resolved[group.id] * testsPerGroup[group.id];
  if (!(weightedTestTotal > 0)) throw new Error("invalid weights: every group with tests has weight zero");
  const meanTestWeight = weightedTestTotal / appraisal.tests.length;
  const byGroup = pointsByGroup(appraisal, points);
  const result = new Map<number, number>();
  for (const option of appraisal.options) {
    const groupTotals = byGroup.get(option.id) ?? {};
    let score = 0;
    for (const group of appraisal.groups) score += (resolved[group.id] / meanTestWeight) * (groupTotals[group.id] ?? 0);
    result.set(option.id, score);
  }
  return result;
}

/**
 * Whether two scores are equal up to floating-point rounding (relative tolerance 1e-9).
 * @example
 * scoresEqual(0.1 + 0.2, 0.3); // true
 */
export function scoresEqual(a: number, b: number): boolean {
  return Math.abs(a - b) <= 1e-9 * Math.max(1, Math.abs(a), Math.abs(b));
}
