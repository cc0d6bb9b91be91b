/**
 * Types for an options appraisal held as tidy data: options × tests, each test belonging to one
 * outcome group, each cell scored Yes, Partially or No.
 *
 * The shape follows the "performance matrix" of the DCLG *Multi-criteria analysis: a manual*
 * (2009), ch. 5 (construction of a performance matrix): options in rows, criteria (here: tests) in columns, criteria grouped under
 * objectives (here: outcome groups).
 * @module
 */

/**
 * A qualitative score as printed in an evaluation matrix.
 * @example
 * const score: QualitativeScore = "Partially";
 */
export type QualitativeScore = "Yes" | "Partially" | "No";

/**
 * An outcome group (an "objective" in MCDA terms) under which tests are grouped.
 * @example
 * const group: OutcomeGroup = {id: "risk", name: "Manages operational and reputational risk"};
 */
export interface OutcomeGroup {
  /** Stable identifier used for weights, e.g. `"risk"`. */
  readonly id: string;
  /** Name as printed in the source document. */
  readonly name: string;
}

/**
 * One test (a "criterion" in MCDA terms).
 * @example
 * const test: AppraisalTest = {id: 7, groupId: "value-for-money", text: "Is cost-effective..."};
 */
export interface AppraisalTest {
  /** Test number as printed. */
  readonly id: number;
  /** The outcome group the test belongs to. */
  readonly groupId: string;
  /** Test wording as printed. */
  readonly text: string;
}

/**
 * One delivery option.
 * @example
 * const option: AppraisalOption = {id: 3, name: "Extend the breadth of the framework", costPerAnnum: 950_000};
 */
export interface AppraisalOption {
  /** Option number as printed. */
  readonly id: number;
  /** A short name for charts. */
  readonly name: string;
  /** Cost per annum in pounds, or `null` when the document prints none. */
  readonly costPerAnnum: number | null;
}

/**
 * The score of one option against one test.
 * @example
 * const cell: AppraisalScore = {optionId: 3, testId: 1, score: "Yes"};
 */
export interface AppraisalScore {
  readonly optionId: number;
  readonly testId: number;
  readonly score: QualitativeScore;
}

/**
 * A complete appraisal: every option must be scored on every test exactly once
 * (see {@link validateAppraisal}).
 * @example
 * const appraisal: Appraisal = {groups, tests, options, scores};
 */
export interface Appraisal {
  readonly groups: readonly OutcomeGroup[];
  readonly tests: readonly AppraisalTest[];
  readonly options: readonly AppraisalOption[];
  readonly scores: readonly AppraisalScore[];
}

/**
 * Points awarded for each qualitative score. The Staffordshire matrix defines the three levels in
 * words only ("Strong", "Partial", "No or minimal delivery"), so the numbers are a modelling choice;
 * see {@link DEFAULT_POINTS}.
 * @example
 * const points: ScorePoints = {Yes: 1, Partially: 0.5, No: 0};
 */
export type ScorePoints = Readonly<Record<QualitativeScore, number>>;

/**
 * Weights by outcome group id. Missing groups take weight 1. Only ratios matter.
 * @example
 * const weights: GroupWeights = {risk: 2};
 */
export type GroupWeights = Readonly<Record<string, number>>;
