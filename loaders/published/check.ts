/** A comparison of a derived figure with the figure printed in the source. */
export interface Check {
  readonly description: string;
  readonly derived: number;
  readonly printed: number;
  /** Whether the two agree within `tolerance`. */
  readonly agrees: boolean;
  readonly tolerance: number;
}

/**
 * Compare a derived figure with the printed one.
 * @param tolerance largest accepted absolute difference (0 for counts; rounding allowances for money).
 * @example
 * check("north cyp", 10, 10).agrees; // true
 */
export function check(description: string, derived: number, printed: number, tolerance = 0): Check {
  if (!(tolerance >= 0)) throw new Error(`invalid tolerance: ${tolerance}`);
  return {description, derived, printed, tolerance, agrees: Math.abs(derived - printed) <= tolerance + 1e-9};
}
