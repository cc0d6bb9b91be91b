import type {QualitativeScore, ScorePoints} from "./types.js";

/**
 * Default points: Yes 1, Partially 0.5, No 0.
 *
 * The Staffordshire *Children's Community Support Delivery Options* (August 2024) defines its three
 * levels in words only ("Strong delivery", "Partial delivery", "No or minimal delivery against
 * drivers/tests") and prints no numeric totals, so an evenly spaced 0–1 scale is the neutral
 * choice: it is a linear scale with fixed end points in the sense of DCLG, *Multi-criteria analysis: a manual* (2009),
 * §5.6 (assessing performance levels with scoring), with 1 = full and 0 = no delivery. The preferred option does not depend
 * on the middle value: see the tests, which vary `Partially` between 0 and 1.
 * @example
 * DEFAULT_POINTS.Partially; // 0.5
 */
export const DEFAULT_POINTS: ScorePoints = Object.freeze({Yes: 1, Partially: 0.5, No: 0});

/**
 * Check a points scheme: finite numbers with Yes ≥ Partially ≥ No, and Yes > No.
 * @returns the same scheme.
 * @throws Error naming the level, e.g. `invalid points for Partially: NaN`.
 * @example
 * validatePoints({Yes: 2, Partially: 1, No: 0});
 */
export function validatePoints(points: ScorePoints): ScorePoints {
  for (const level of ["Yes", "Partially", "No"] as const) {
    if (!Number.isFinite(points[level])) throw new Error(`invalid points for ${level}: ${points[level]}`);
  }
  if (!(points.Yes >= points.Partially && points.Partially >= points.No && points.Yes > points.No)) {
    throw new Error(
      `invalid points: need Yes >= Partially >= No and Yes > No, got ${points.Yes}/${points.Partially}/${points.No}`
    );
  }
  return points;
}

/**
 * Points for one qualitative score.
 * @example
 * pointsFor("Partially"); // 0.5
 */
export function pointsFor(score: QualitativeScore, points: ScorePoints = DEFAULT_POINTS): number {
  return points[score];
}
