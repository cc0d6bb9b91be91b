import {DEFAULT_POINTS} from "./points.js";
import {compareRanked, rankOptions} from "./rank.js";
import {pointsByGroup, scoresEqual} from "./score.js";
import type {Appraisal, GroupWeights, ScorePoints} from "./types.js";
import {otherWeightTotal, resolveWeights} from "./weights.js";

/** One end of the share range over which the preferred option stays (weakly) top. */
export interface SensitivityBound {
  /** The varied group's share of total weight at this end, in [0, 1]. */
  readonly share: number;
  /**
   * The same point as a weight for the varied group with the other groups' weights unchanged:
   * `share / (1 - share) × (sum of other weights)`; `null` at share 1 (unbounded weight).
   */
  readonly weight: number | null;
  /** Options whose score equals the preferred option's at this end. */
  readonly tiedWith: readonly number[];
  /**
   * The option that becomes preferred beyond this end, or `null` when the end is 0 or 1 (nothing
   * lies beyond it) or no option overtakes there.
   */
  readonly switchesTo: number | null;
}

/** The weight sensitivity of one outcome group. */
export interface GroupSensitivity {
  readonly groupId: string;
  /** The group's weight and share of total weight in the base case. */
  readonly baseWeight: number;
  readonly baseShare: number;
  /** The option ranked first in the base case (after tie-breaks). */
  readonly preferredOptionId: number;
  /** The lowest share at which the preferred option is still (weakly) top. */
  readonly lower: SensitivityBound;
  /** The highest share at which the preferred option is still (weakly) top. */
  readonly upper: SensitivityBound;
}

/** Settings for {@link weightSensitivity}. */
export interface SensitivitySettings {
  /** Base weights by outcome group id; missing groups weigh 1. */
  readonly weights?: GroupWeights;
  readonly points?: ScorePoints;
}

/**
 * One-way sensitivity of the preferred option to each outcome group's weight.
 *
 * For each group g, its share s of the total weight runs from 0 to 1 while the other groups keep
 * their relative proportions. Every option's score is then linear in s,
 * `K(s) = s·A + (1 − s)·C` with A its points in g and C its other-group points averaged with the
 * base proportions, so the range where the base-case preferred option P scores at least as high
 * as every other option is an interval, found exactly by solving `K_P(s) = K_o(s)` for each o.
 * At each end the result names the options tied with P and the option that overtakes beyond it.
 * Method: one-way sensitivity analysis of weights (DCLG, *Multi-criteria analysis: a manual*,
 * 2009, §6.2, step "examine the results / sensitivity analysis"; HM Treasury, *The Green Book*,
 * 2022, on testing how robust the preferred option is to changed assumptions).
 *
 * @returns one entry per outcome group, in the appraisal's group order.
 * @example
 * // Staffordshire, equal weights: option 3 stays preferred until "risk" reaches a third of
 * // the total weight (weight 2 against four 1s), where it ties with option 6, which then leads.
 * weightSensitivity(appraisal).find((g) => g.groupId === "risk")?.upper;
 * // {share: 0.333…, weight: ≈2, tiedWith: [6], switchesTo: 6}
 */
export function weightSensitivity(appraisal: Appraisal, settings: SensitivitySettings = {}): GroupSensitivity[] {
  const points = settings.points ?? DEFAULT_POINTS;
  const baseWeights = resolveWeights(appraisal.groups, settings.weights ?? {});
  const ranking = rankOptions(appraisal, {weights: baseWeights, points});
  const preferred = ranking[0];
  const byGroup = pointsByGroup(appraisal, points);
  const costOf = new Map(appraisal.options.map((option) => [option.id, option.costPerAnnum]));
  const totalWeight = Object.values(baseWeights).reduce((sum, weight) => sum + weight, 0);

  return appraisal.groups.map((group) => {
    const others = otherWeightTotal(baseWeights, group.id);
    // A (points in the varied group) and C (other groups, averaged with base proportions).
    const line = new Map<number, {a: number; c: number}>();
    for (const option of appraisal.options) {
      const totals = byGroup.get(option.id) ?? {};
      let c = 0;
      for (const other of appraisal.groups) {
        if (other.id !== group.id) c += (baseWeights[other.id] / others) * (totals[other.id] ?? 0);
      }
      line.set(option.id, {a: totals[group.id] ?? 0, c});
    }
    const at = (optionId: number, share: number): number => {
      const {a, c} = line.get(optionId) ?? {a: 0, c: 0};
      return share * a + (1 - share) * c;
    };
    const slopeOf = (optionId: number): number => {
      const {a, c} = line.get(optionId) ?? {a: 0, c: 0};
      return a - c;
    };

    let lowerShare = 0;
    let upperShare = 1;
    for (const option of appraisal.options) {
      if (option.id === preferred.optionId) continue;
      // d(s) = K_P(s) − K_o(s) = d0 + slope·s must stay ≥ 0.
      const d0 = at(preferred.optionId, 0) - at(option.id, 0);
      const slope = slopeOf(preferred.optionId) - slopeOf(option.id);
      if (scoresEqual(slope, 0)) continue;
      const root = -d0 / slope;
      if (slope > 0) lowerShare = Math.max(lowerShare, root);
      else upperShare = Math.min(upperShare, root);
    }
    lowerShare = Math.min(Math.max(lowerShare, 0), 1);
    upperShare = Math.min(Math.max(upperShare, 0), 1);

    const bound = (share: number, direction: 1 | -1): SensitivityBound => {
      const reference = at(preferred.optionId, share);
      const tied = appraisal.options
        .filter((option) => option.id !== preferred.optionId && scoresEqual(at(option.id, share), reference))
        .map((option) => option.id);
      const atEdge = direction === 1 ? share >= 1 : share <= 0;
      let switchesTo: number | null = null;
      if (!atEdge) {
        // Among the tied options, the one that scores highest just beyond the bound: the steepest
        // in the direction of travel; equal slopes fall back to the ranking's tie-breaks.
        const overtaking = tied
          .filter((id) => direction * (slopeOf(id) - slopeOf(preferred.optionId)) > 0)
          .map((id) => ({
            optionId: id,
            weightedScore: direction * slopeOf(id),
            costPerAnnum: costOf.get(id) ?? null
          }))
          .sort(compareRanked);
        switchesTo = overtaking.length > 0 ? overtaking[0].optionId : null;
      }
      return {share, weight: share >= 1 ? null : (share / (1 - share)) * others, tiedWith: tied, switchesTo};
    };

    return {
      groupId: group.id,
      baseWeight: baseWeights[group.id],
      baseShare: baseWeights[group.id] / totalWeight,
      preferredOptionId: preferred.optionId,
      lower: bound(lowerShare, -1),
      upper: bound(upperShare, 1)
    };
  });
}
