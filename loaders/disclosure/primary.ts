/**
 * Primary suppression of counts of children, as DfE publishes children's statistics: a count from 1 to 5
 * inclusive is replaced by `c`. Zero is published: DfE's statistics guidance treats a true zero as not
 * disclosive in itself (no individual can be identified from "none"), and suppressing zeros would also make
 * secondary suppression weaker, because a suppressed 0 protects nothing. References: DfE, "Statistics:
 * children looked after / SEN2 methodology — confidentiality" (counts of 1 to 5 suppressed, shown as `c`);
 * GSS, "Symbols in tables" (`c` confidential).
 */

/** Smallest count that is published as a number (counts 1 to 5 are suppressed). */
export const MINIMUM_PUBLISHED_COUNT = 6;

/**
 * Whether a count of children must be primary-suppressed: 1 ≤ n ≤ 5 (or below `minimum`).
 *
 * @example
 * isPrimaryCount(0); // false (zeros are published)
 * isPrimaryCount(5); // true
 * isPrimaryCount(6); // false
 */
export function isPrimaryCount(count: number, minimum: number = MINIMUM_PUBLISHED_COUNT): boolean {
  if (!Number.isInteger(count) || count < 0) throw new Error(`invalid count: ${count}`);
  return count > 0 && count < minimum;
}
