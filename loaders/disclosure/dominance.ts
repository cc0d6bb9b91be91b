/**
 * The dominance rule for spend (magnitude) cells. A spend figure is sensitive when fewer than `minContributors`
 * children or providers contribute to it (the threshold rule), or when the largest contributor accounts for
 * more than `k` of it (the (n, k) dominance rule with n = 1). Reference: Hundepool et al., "Statistical
 * Disclosure Control" (Wiley, 2012), §4.2.2–4.2.3; ONS, "Disclosure control guidance for business statistics"
 * (threshold of 3 contributors, dominance rule).
 */

/** Options of the dominance rule. */
export interface DominanceOptions {
  /** A cell with fewer contributors than this is sensitive (default 3). */
  minContributors?: number;
  /** A cell whose largest contribution exceeds this share of the total is sensitive (default 0.85). */
  k?: number;
  /**
   * Minimum protection for a sensitive cell, as a share of its value (default 0.1): an attacker's bounds on it
   * must extend at least this far either side of the true value.
   */
  protectionRatio?: number;
}

/** A spend cell as the rule sees it. */
export interface SpendCell {
  value: number;
  contributors: number;
  largest: number;
}

/** Why a spend cell is sensitive, or null. */
export type DominanceReason = "too few contributors" | "dominant contributor" | null;

function settings(options: DominanceOptions) {
  const minContributors = options.minContributors ?? 3;
  const k = options.k ?? 0.85;
  const protectionRatio = options.protectionRatio ?? 0.1;
  if (!Number.isInteger(minContributors) || minContributors < 1)
    throw new Error(`invalid minContributors: ${minContributors}`);
  if (!(k > 0 && k <= 1)) throw new Error(`invalid k: ${k}`);
  if (!(protectionRatio >= 0)) throw new Error(`invalid protectionRatio: ${protectionRatio}`);
  return {minContributors, k, protectionRatio};
}

/**
 * Whether a spend cell is sensitive under the threshold and (1, k) dominance rules. A zero with no contributors
 * is not sensitive.
 *
 * @example
 * dominanceReason({value: 1000, contributors: 2, largest: 600}); // "too few contributors"
 * dominanceReason({value: 1000, contributors: 9, largest: 900}); // "dominant contributor" (90% > 85%)
 * dominanceReason({value: 1000, contributors: 9, largest: 850}); // null (exactly 85% is allowed)
 */
export function dominanceReason(cell: SpendCell, options: DominanceOptions = {}): DominanceReason {
  const {minContributors, k} = settings(options);
  if (!(cell.value >= 0)) throw new Error(`invalid value: ${cell.value}`);
  if (!Number.isInteger(cell.contributors) || cell.contributors < 0)
    throw new Error(`invalid contributors: ${cell.contributors}`);
  if (!(cell.largest >= 0) || cell.largest > cell.value + 1e-9) throw new Error(`invalid largest: ${cell.largest}`);
  if (cell.value === 0 && cell.contributors === 0) return null;
  if (cell.contributors < minContributors) return "too few contributors";
  if (cell.largest > k * cell.value) return "dominant contributor";
  return null;
}

/**
 * Protection a sensitive spend cell needs: how far the attacker's lower and upper bounds must lie from the true
 * value. For the dominance rule this is the standard upper protection level x1/k − X (Hundepool et al. 2012,
 * §4.2.2: the total must be uncertain enough that the largest contributor's share could be ≤ k), and at least
 * `protectionRatio`·X.
 *
 * @example
 * requiredProtection({value: 1000, contributors: 9, largest: 900}); // 900 / 0.85 − 1000 = 58.82…, and ≥ 100 → 100
 * requiredProtection({value: 1000, contributors: 1, largest: 1000}); // 1000 / 0.85 − 1000 = 176.47…
 */
export function requiredProtection(cell: SpendCell, options: DominanceOptions = {}): number {
  const {k, protectionRatio} = settings(options);
  return Math.max(cell.largest / k - cell.value, protectionRatio * cell.value);
}
