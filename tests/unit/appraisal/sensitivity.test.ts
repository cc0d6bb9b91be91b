import {fileURLToPath} from "node:url";
import {describe, expect, it} from "vitest";
import {loadPublished} from "../../../loaders/published/index.js";
import {rankOptions, weightSensitivity, weightsForGroupShare} from "../../../src/components/appraisal/index.js";

const {appraisal} = loadPublished(fileURLToPath(new URL("../../../data/published", import.meta.url))).staffordshire;
const sensitivity = weightSensitivity(appraisal);
const forGroup = (id: string) => {
  const found = sensitivity.find((g) => g.groupId === id);
  if (found === undefined) throw new Error(`no group ${id}`);
  return found;
};

// Hand calculation. Points per group (statutory / transformation / value-for-money / social-value / risk):
//   option 1: 1.5 / 2.5 / 2.5 / 2   / 2.5  (total 11)
//   option 2: 2.5 / 1.5 / 3   / 1   / 2.5  (total 10.5)
//   option 3: 3   / 2.5 / 2.5 / 2.5 / 2.5  (total 13)
//   option 4: 2   / 1   / 1.5 / 0.5 / 1    (total 6)
//   option 5: 2.5 / 1.5 / 3   / 1   / 3    (total 11)
//   option 6: 2.5 / 2.5 / 2.5 / 2   / 3    (total 12.5)
// Giving group g the share s and the other four (1 − s)/4 each, option o scores
//   K(s) = s·A + (1 − s)·(T − A)/4   (A = points in g, T = total).

describe("weight sensitivity of the Staffordshire appraisal (equal base weights)", () => {
  it("prefers option 3 in the base case, each group holding a fifth of the weight", () => {
    for (const group of sensitivity) {
      expect(group.preferredOptionId).toBe(3);
      expect(group.baseShare).toBe(0.2);
    }
  });

  it("risk: option 6 takes over when risk reaches 1/3 of the weight (weight 2)", () => {
    // K3 = 2.5s + 2.625(1 − s); K6 = 3s + 2.375(1 − s); equal when 0.25(1 − s) = 0.5s → s = 1/3.
    // As a weight against four 1s: w / (w + 4) = 1/3 → w = 2.
    const risk = forGroup("risk");
    expect(risk.upper.share).toBeCloseTo(1 / 3, 12);
    expect(risk.upper.weight).toBeCloseTo(2, 12);
    expect(risk.upper.tiedWith).toEqual([6]);
    expect(risk.upper.switchesTo).toBe(6);
    expect(risk.lower).toEqual({share: 0, weight: 0, tiedWith: [], switchesTo: null});
  });

  it("value for money: option 5 takes over at 5/9 of the weight (weight 5)", () => {
    // K3 = 2.5s + 2.625(1 − s); K5 = 3s + 2(1 − s); equal when 0.625(1 − s) = 0.5s → s = 5/9.
    // Option 2 (3s + 1.875(1 − s)) would only catch option 3 at s = 0.6, later.
    // Weight: w / (w + 4) = 5/9 → w = 5.
    const vfm = forGroup("value-for-money");
    expect(vfm.upper.share).toBeCloseTo(5 / 9, 12);
    expect(vfm.upper.weight).toBeCloseTo(5, 12);
    expect(vfm.upper.tiedWith).toEqual([5]);
    expect(vfm.upper.switchesTo).toBe(5);
  });

  it("statutory: option 3 stays preferred at any share; it ties with option 6 only at share 0", () => {
    // K3 = 3s + 2.5(1 − s); K6 = 2.5s + 2.5(1 − s) = 2.5: equal only at s = 0.
    const statutory = forGroup("statutory");
    expect(statutory.lower).toEqual({share: 0, weight: 0, tiedWith: [6], switchesTo: null});
    expect(statutory.upper).toEqual({share: 1, weight: null, tiedWith: [], switchesTo: null});
  });

  it("social value: option 3 stays preferred; ties with option 6 only at share 0", () => {
    // K3 = 2.5s + 2.625(1 − s); K6 = 2s + 2.625(1 − s): equal only at s = 0.
    const social = forGroup("social-value");
    expect(social.lower.tiedWith).toEqual([6]);
    expect(social.lower.switchesTo).toBeNull();
    expect(social.upper.share).toBe(1);
    expect(social.upper.switchesTo).toBeNull();
  });

  it("transformation: option 3 stays preferred; three-way tie with 1 and 6 only at share 1", () => {
    // At s = 1 the score is the group's points alone: options 1, 3 and 6 all have 2.5.
    const transformation = forGroup("transformation");
    expect(transformation.upper.share).toBe(1);
    expect(transformation.upper.tiedWith).toEqual([1, 6]);
    expect(transformation.upper.switchesTo).toBeNull();
    expect(transformation.lower.share).toBe(0);
  });

  it("agrees with re-ranking just either side of the risk crossover", () => {
    const below = weightsForGroupShare(appraisal.groups, {}, "risk", 1 / 3 - 0.01);
    const above = weightsForGroupShare(appraisal.groups, {}, "risk", 1 / 3 + 0.01);
    expect(rankOptions(appraisal, {weights: below})[0].optionId).toBe(3);
    expect(rankOptions(appraisal, {weights: above})[0].optionId).toBe(6);
    // at weight exactly 2 (mean test weight (12·1 + 3·2)/15 = 1.2) both score (10.5 + 2·2.5)/1.2 =
    // (9.5 + 2·3)/1.2 = 12.9167: a tie, and the cheaper option 6 (£930k < £950k) ranks first
    const tie = rankOptions(appraisal, {weights: {risk: 2}});
    expect(tie[0].optionId).toBe(6);
    expect(tie[0].tiedWith).toEqual([3]);
  });

  it("follows the base weights it is given", () => {
    // With risk already at weight 3 (share 3/7 > 1/3), option 6 is preferred in the base case;
    // K6 − K3 on the risk share s: 0.5s − 0.25(1 − s) ≥ 0 ⇔ s ≥ 1/3, so option 6's lower bound
    // is 1/3, below which option 3 takes over.
    const risk = weightSensitivity(appraisal, {weights: {risk: 3}}).find((g) => g.groupId === "risk");
    expect(risk?.preferredOptionId).toBe(6);
    expect(risk?.lower.share).toBeCloseTo(1 / 3, 12);
    expect(risk?.lower.switchesTo).toBe(3);
  });
});
