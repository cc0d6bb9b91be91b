import {describe, expect, it} from "vitest";
import {
  rankOptions,
  resolveWeights,
  validateAppraisal,
  validatePoints,
  weightedScores,
  weightShares,
  type Appraisal
} from "../../../src/components/appraisal/index.js";

// A small appraisal with unequal group sizes, scored by hand.
const small: Appraisal = {
  groups: [
    {id: "g1", name: "Group 1"},
    {id: "g2", name: "Group 2"}
  ],
  tests: [
    {id: 1, groupId: "g1", text: "t1"},
    {id: 2, groupId: "g1", text: "t2"},
    {id: 3, groupId: "g2", text: "t3"}
  ],
  options: [
    {id: 1, name: "A", costPerAnnum: 100},
    {id: 2, name: "B", costPerAnnum: null}
  ],
  scores: [
    {optionId: 1, testId: 1, score: "Yes"},
    {optionId: 1, testId: 2, score: "Yes"},
    {optionId: 1, testId: 3, score: "No"},
    {optionId: 2, testId: 1, score: "No"},
    {optionId: 2, testId: 2, score: "Partially"},
    {optionId: 2, testId: 3, score: "Yes"}
  ]
};

describe("appraisal model", () => {
  it("equal weights give the plain sum over tests", () => {
    // A: 1 + 1 + 0 = 2; B: 0 + 0.5 + 1 = 1.5
    const scores = weightedScores(small);
    expect(scores.get(1)).toBe(2);
    expect(scores.get(2)).toBe(1.5);
  });

  it("weights scale tests by group weight over the mean test weight", () => {
    // g2 weight 4: mean test weight = (1·2 + 4·1) / 3 = 2; multipliers g1 = 1/2, g2 = 2.
    // A: 0.5·2 + 2·0 = 1; B: 0.5·0.5 + 2·1 = 2.25
    const scores = weightedScores(small, {g2: 4});
    expect(scores.get(1)).toBe(1);
    expect(scores.get(2)).toBe(2.25);
    expect(rankOptions(small, {weights: {g2: 4}}).map((r) => r.optionId)).toEqual([2, 1]);
  });

  it("puts an unknown cost after a known one on a tie and gives it no cost per point", () => {
    // g2 weight 1.5: scores are proportional to Σ weight × group points,
    // A ∝ 1·2 + 1.5·0 = 2 and B ∝ 1·0.5 + 1.5·1 = 2, a tie; A has a cost and B none, so A ranks first.
    const ranking = rankOptions(small, {weights: {g2: 1.5}});
    expect(ranking.map((r) => r.optionId)).toEqual([1, 2]);
    expect(ranking[0].tiedWith).toEqual([2]);
    expect(ranking[1].costPerPoint).toBeNull();
  });

  it("does not mutate its input", () => {
    const copy = JSON.parse(JSON.stringify(small)) as Appraisal;
    rankOptions(small, {weights: {g1: 3}});
    expect(small).toEqual(copy);
  });

  it("validates weights, points and completeness with named errors", () => {
    expect(() => resolveWeights(small.groups, {g3: 1})).toThrow("unknown group in weights: g3");
    expect(() => resolveWeights(small.groups, {g1: -1})).toThrow("invalid weight for group g1: -1");
    expect(() => resolveWeights(small.groups, {g1: 0, g2: 0})).toThrow("invalid weights: all zero");
    expect(() => validatePoints({Yes: 0.5, Partially: 1, No: 0})).toThrow("invalid points");
    expect(() => validateAppraisal({...small, scores: small.scores.slice(1)})).toThrow(
      "missing score: option 1, test 1"
    );
    expect(weightShares(small.groups, {g2: 3})).toEqual({g1: 0.25, g2: 0.75});
  });
});
