import {fileURLToPath} from "node:url";
import {describe, expect, it} from "vitest";
import {loadPublished} from "../../../loaders/published/index.js";
import {rankOptions, weightedScores} from "../../../src/components/appraisal/index.js";

const published = loadPublished(fileURLToPath(new URL("../../../data/published", import.meta.url)));
const {appraisal, options} = published.staffordshire;

// The Evaluation Matrix exactly as printed (staffordshire-community-support-options.txt, lines 151-156),
// typed in by hand to check the CSV transcription independently.
const PRINTED_MATRIX: Record<number, string> = {
  1: "P P P Y P Y Y Y P P Y P Y Y P",
  2: "Y P Y N P Y Y Y Y P N P Y Y P",
  3: "Y Y Y Y P Y Y Y P P Y Y Y Y P",
  4: "P Y P N P P P P P P N N P P N",
  5: "Y P Y N P Y Y Y Y P N P Y Y Y",
  6: "Y Y P Y P Y Y Y P P P Y Y Y Y"
};

describe("Staffordshire delivery options appraisal data", () => {
  it("matches the printed evaluation matrix cell by cell", () => {
    for (const [optionId, row] of Object.entries(PRINTED_MATRIX)) {
      const letters = row.split(" ");
      for (let test = 1; test <= 15; test++) {
        const cell = appraisal.scores.find((s) => s.optionId === Number(optionId) && s.testId === test);
        expect(cell?.score[0], `option ${optionId} test ${test}`).toBe(letters[test - 1]);
      }
    }
  });

  it("groups the 15 tests three to each of the five outcome groups", () => {
    const groupOf = (id: number) => appraisal.tests.find((t) => t.id === id)?.groupId;
    expect([1, 2, 3].map(groupOf)).toEqual(["statutory", "statutory", "statutory"]);
    expect([4, 5, 6].map(groupOf)).toEqual(["transformation", "transformation", "transformation"]);
    expect([7, 8, 9].map(groupOf)).toEqual(["value-for-money", "value-for-money", "value-for-money"]);
    expect([10, 11, 12].map(groupOf)).toEqual(["social-value", "social-value", "social-value"]);
    expect([13, 14, 15].map(groupOf)).toEqual(["risk", "risk", "risk"]);
  });

  it("holds each option's cost per annum as printed", () => {
    // c£950K, =£800K, c£950K, =£852k total, £750k, c£930K (options table, lines 108-117)
    expect(options.map((o) => o.costPerAnnumGbp)).toEqual([950000, 800000, 950000, 852000, 750000, 930000]);
    expect(options.map((o) => o.costIsApproximate)).toEqual([true, false, true, false, false, true]);
    // component sums: 800+150, 650+150, 800+150, 702+150, 750, 800+130 (£k)
    const components = published.staffordshire.costComponents;
    for (const option of options) {
      const sum = components.filter((c) => c.optionId === option.id).reduce((s, c) => s + c.amountGbp, 0);
      expect(sum, `option ${option.id}`).toBe(option.costPerAnnumGbp);
    }
  });

  it("marks options 3 and 6 as 'Preferred option', as the matrix's Outcome column does", () => {
    expect(options.filter((o) => o.documentOutcome === "Preferred option").map((o) => o.id)).toEqual([3, 6]);
  });
});

describe("Staffordshire appraisal under equal weights", () => {
  const ranking = rankOptions(appraisal);

  it("scores 13 / 12.5 / 11 / 11 / 10.5 / 6 (Yes 1, Partially 0.5, No 0)", () => {
    // hand counts from the printed matrix:
    // option 3: 11 Y + 4 P = 13; option 6: 10 Y + 5 P = 12.5; option 1: 7 Y + 8 P = 11;
    // option 5: 9 Y + 4 P + 2 N = 11; option 2: 8 Y + 5 P + 2 N = 10.5; option 4: 1 Y + 10 P + 4 N = 6
    const scores = weightedScores(appraisal);
    expect([1, 2, 3, 4, 5, 6].map((id) => scores.get(id))).toEqual([11, 10.5, 13, 6, 11, 12.5]);
  });

  it("ranks options 3 and 6 first and second, the two the matrix marks 'Preferred option', not tied", () => {
    // The document marks both 3 and 6 "Preferred option" (lines 153, 156) and its recommendation says
    // "option 3 ... is the preferred option" (line 161): 3 is first, 6 second, by half a point
    // (3 beats 6 on tests 3 and 11, 6 beats 3 on test 15).
    expect(ranking.slice(0, 2).map((r) => r.optionId)).toEqual([3, 6]);
    expect(ranking[0].tiedWith).toEqual([]);
    expect(ranking[0].weightedScore - ranking[1].weightedScore).toBe(0.5);
  });

  it("breaks the 11-point tie between options 1 and 5 on cost (£750k before £950k)", () => {
    expect(ranking.map((r) => r.optionId)).toEqual([3, 6, 5, 1, 2, 4]);
    expect(ranking.find((r) => r.optionId === 1)?.tiedWith).toEqual([5]);
  });

  it("computes cost per point", () => {
    const perPoint = (id: number) => ranking.find((r) => r.optionId === id)?.costPerPoint;
    // hand: 950,000 / 13 = 73,076.92; 930,000 / 12.5 = 74,400; 750,000 / 11 = 68,181.82;
    // 950,000 / 11 = 86,363.64; 800,000 / 10.5 = 76,190.48; 852,000 / 6 = 142,000
    expect(perPoint(3)).toBeCloseTo(73076.92, 2);
    expect(perPoint(6)).toBe(74400);
    expect(perPoint(5)).toBeCloseTo(68181.82, 2);
    expect(perPoint(1)).toBeCloseTo(86363.64, 2);
    expect(perPoint(2)).toBeCloseTo(76190.48, 2);
    expect(perPoint(4)).toBe(142000);
  });

  it("keeps 3 then 6 on top whatever value Partially takes between No and Yes", () => {
    // option 3 has 11 Y + 4 P, option 6 10 Y + 5 P: difference (1 − p) > 0 for any p < 1;
    // and 3 dominates every other option in both Y count and Y + P count.
    for (const partial of [0, 0.25, 0.75, 0.99]) {
      const order = rankOptions(appraisal, {points: {Yes: 1, Partially: partial, No: 0}}).map((r) => r.optionId);
      expect(order.slice(0, 2), `Partially = ${partial}`).toEqual([3, 6]);
    }
  });
});
