import type {GroupWeights, OutcomeGroup} from "./types.js";

/**
 * Resolve weights for every outcome group: a missing group takes weight 1 (equal weights by
 * default), unknown groups and negative or non-finite weights are errors, and at least one weight
 * must be positive. Only ratios between weights matter (DCLG, *Multi-criteria analysis: a manual*,
 * 2009, §6.2: weights are relative, only their ratios matter).
 *
 * @returns a new record with one entry per group, in the groups' order.
 * @throws Error naming the group, e.g. `invalid weight for group risk: -1`.
 * @example
 * resolveWeights([{id: "a", name: "A"}, {id: "b", name: "B"}], {b: 2}); // {a: 1, b: 2}
 */
export function resolveWeights(groups: readonly OutcomeGroup[], weights: GroupWeights = {}): Record<string, number> {
  const known = new Set(groups.map((group) => group.id));
  for (const id of Object.keys(weights)) {
    if (!known.has(id)) throw new Error(`unknown group in weights: ${id}`);
  }
  const resolved: Record<string, number> = {};
  for (const group of groups) {
    const weight = weights[group.id] ?? 1;
    if (!Number.isFinite(weight) || weight < 0) throw new Error(`invalid weight for group ${group.id}: ${weight}`);
    resolved[group.id] = weight;
  }
  if (!Object.values(resolved).some((weight) => weight > 0)) throw new Error("invalid weights: all zero");
  return resolved;
}

/**
 * Shares of total weight by group (weights divided by their sum), the normalised weights of
 * DCLG (2009) §6.2.
 * @example
 * weightShares([{id: "a", name: "A"}, {id: "b", name: "B"}], {b: 3}); // {a: 0.25, b: 0.75}
 */
export function weightShares(groups: readonly OutcomeGroup[], weights: GroupWeights = {}): Record<string, number> {
  const resolved = resolveWeights(groups, weights);
  const total = Object.values(resolved).reduce((sum, weight) => sum + weight, 0);
  const shares: Record<string, number> = {};
  for (const group of groups) shares[group.id] = resolved[group.id] / total;
  return shares;
}

/**
 * Weights that give `groupId` the share `share` of the total while the other groups keep their
 * relative proportions from `baseWeights` (one-way sensitivity analysis of weights, DCLG 2009, §6.2).
 * The other groups' weights are unchanged; the varied group's weight becomes
 * `share / (1 - share) × (sum of the other weights)`, so `share = 1` is not representable.
 *
 * @throws Error if `share` is outside [0, 1) or the other groups' weights sum to zero.
 * @example
 * // five equal groups: giving "risk" a third of the weight means weight 2 against four 1s
 * weightsForGroupShare(groups, {}, "risk", 1 / 3).risk; // 2
 */
export function weightsForGroupShare(
  groups: readonly OutcomeGroup[],
  baseWeights: GroupWeights,
  groupId: string,
  share: number
): Record<string, number> {
  if (!groups.some((group) => group.id === groupId)) throw new Error(`unknown group: ${groupId}`);
  if (!(share >= 0 && share < 1)) throw new Error(`invalid share: ${share}`);
  const resolved = resolveWeights(groups, baseWeights);
  const others = otherWeightTotal(resolved, groupId);
  return {...resolved, [groupId]: (share / (1 - share)) * others};
}

/**
 * Sum of the weights of every group except `groupId`.
 * @throws Error if that sum is zero (the group's share is then fixed at 1).
 * @example
 * otherWeightTotal({a: 1, b: 2, c: 3}, "a"); // 5
 */
export function otherWeightTotal(resolved: Readonly<Record<string, number>>, groupId: string): number {
  let total = 0;
  for (const [id, weight] of Object.entries(resolved)) if (id !== groupId) total += weight;
  if (!(total > 0)) throw new Error(`invalid weights: group ${groupId} needs another group with positive weight`);
  return total;
}
