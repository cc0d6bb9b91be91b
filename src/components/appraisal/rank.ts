import {DEFAULT_POINTS} from "./points.js";
import {pointsByGroup, scoresEqual, weightedScores} from "./score.js";
import type {Appraisal, AppraisalOption, GroupWeights, ScorePoints} from "./types.js";
import {validateAppraisal} from "./validate.js";

/** Settings for {@link rankOptions}. */
export interface RankSettings {
  /** Weights by outcome group id; missing groups weigh 1. */
  readonly weights?: GroupWeights;
  /** Points per qualitative score; default {@link DEFAULT_POINTS}. */
  readonly points?: ScorePoints;
}

/** One option's place in a ranking. */
export interface RankedOption {
  readonly optionId: number;
  readonly name: string;
  /** Position 1…n after the tie-breaks (see {@link compareRanked}). */
  readonly rank: number;
  /** Weighted score on the 0…N scale (N = number of tests). */
  readonly weightedScore: number;
  /** Plain sum of points over all tests (equal test weights), as in the source matrix. */
  readonly unweightedScore: number;
  /** Points summed within each outcome group (unweighted). */
  readonly groupPoints: Readonly<Record<string, number>>;
  readonly costPerAnnum: number | null;
  /**
   * Cost per annum divided by the weighted score (pounds per point), or `null` when the cost is
   * unknown or the score is zero. A cost-effectiveness ratio in the sense of HM Treasury,
   * *The Green Book* (2022) and DCLG (2009) §3.3: it compares options, it is not a price.
   */
  readonly costPerPoint: number | null;
  /** Other options with the same weighted score (ties broken by cost, then id). */
  readonly tiedWith: readonly number[];
}

/**
 * Order two scored options: higher weighted score first; on a tie (within 1e-9) the lower cost per
 * annum first, because with equal benefits the cheaper option offers better value (HM Treasury,
 * *The Green Book*, 2022); unknown costs after known ones; finally the lower option id, so
 * the order is total and deterministic.
 * @example
 * [...ranked].sort(compareRanked);
 */
export function compareRanked(
  a: Pick<RankedOption, "weightedScore" | "costPerAnnum" | "optionId">,
  b: Pick<RankedOption, "weightedScore" | "costPerAnnum" | "optionId">
): number {
  if (!scoresEqual(a.weightedScore, b.weightedScore)) return b.weightedScore - a.weightedScore;
  if (a.costPerAnnum !== b.costPerAnnum) {
    if (a.costPerAnnum === null) return 1;
    if (b.costPerAnnum === null) return -1;
    return a.costPerAnnum - b.costPerAnnum;
  }
  return a.optionId - b.optionId;
}

/**
 * Score and rank every option of an appraisal: the weighted additive model of DCLG,
 * *Multi-criteria analysis: a manual* (2009), ch. 6, with cost per point as the value-for-money
 * ratio of HM Treasury, *The Green Book* (2022). Equal weights reproduce the plain count of the
 * source matrix (Yes 1, Partially ½, No 0).
 *
 * @returns a new array, best first; the input is not modified.
 * @example
 * rankOptions(staffordshire).map((r) => r.optionId); // [3, 6, 5, 1, 2, 4]
 */
export function rankOptions(appraisal: Appraisal, settings: RankSettings = {}): RankedOption[] {
  validateAppraisal(appraisal);
  const points = settings.points ?? DEFAULT_POINTS;
  const weighted = weightedScores(appraisal, settings.weights ?? {}, points);
  const unweighted = weightedScores(appraisal, {}, points);
  const byGroup = pointsByGroup(appraisal, points);
  const unranked = appraisal.options.map((option: AppraisalOption) => {
    const weightedScore = weighted.get(option.id) ?? 0;
    return {
      optionId: option.id,
      name: option.name,
      weightedScore,
      unweightedScore: unweighted.get(option.id) ?? 0,
      groupPoints: {...(byGroup.get(option.id) ?? {})},
      costPerAnnum: option.costPerAnnum,
      costPerPoint: option.costPerAnnum === null || weightedScore <= 0 ? null : option.costPerAnnum / weightedScore
    };
  });
  const sorted = [...unranked].sort(compareRanked);
  return sorted.map((entry, index) => ({
    ...entry,
    rank: index + 1,
    tiedWith: sorted
      .filter((other) => other.optionId !== entry.optionId && scoresEqual(other.weightedScore, entry.weightedScore))
      .map((other) => other.optionId)
  }));
}
