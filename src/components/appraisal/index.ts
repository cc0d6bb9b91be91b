/**
 * Options appraisal: weighted scoring, ranking, cost per point and weight sensitivity for a
 * Yes/Partially/No evaluation matrix (DCLG, *Multi-criteria analysis: a manual*, 2009;
 * HM Treasury, *The Green Book*, 2022). Pure functions, no DOM: runs in the browser and in Node.
 * @module
 */
export type {
  Appraisal,
  AppraisalOption,
  AppraisalScore,
  AppraisalTest,
  GroupWeights,
  OutcomeGroup,
  QualitativeScore,
  ScorePoints
} from "./types.js";
export {validateAppraisal} from "./validate.js";
export {DEFAULT_POINTS, pointsFor, validatePoints} from "./points.js";
export {otherWeightTotal, resolveWeights, weightShares, weightsForGroupShare} from "./weights.js";
export {pointsByGroup, scoresEqual, weightedScores} from "./score.js";
export {compareRanked, rankOptions} from "./rank.js";
export type {RankedOption, RankSettings} from "./rank.js";
export {weightSensitivity} from "./sensitivity.js";
export type {GroupSensitivity, SensitivityBound, SensitivitySettings} from "./sensitivity.js";
