import {fileURLToPath} from "node:url";
import {describe, expect, test} from "vitest";
import {loadPublished} from "../../../../loaders/published/index.js";
import {rankOptions, weightSensitivity} from "../../../../src/components/appraisal/index.js";
import {compareWithDocument} from "../../../../src/components/appraisal-view/conclusion.js";
import {
  costPerPointChart,
  summariseCostPerPoint
} from "../../../../src/components/charts/options-appraisal/cost-per-point.js";
import {scoresChart, summariseScores} from "../../../../src/components/charts/options-appraisal/scores.js";
import {
  sensitivityChart,
  sensitivityRows,
  summariseSensitivity
} from "../../../../src/components/charts/options-appraisal/sensitivity.js";
import {createDocument, expectSnapshot} from "../../../support/snapshot.js";

const published = loadPublished(fileURLToPath(new URL("../../../../data/published", import.meta.url)));
const {appraisal, options} = published.staffordshire;
const equal = rankOptions(appraisal);
const outcome = new Map(options.map((option) => [option.id, option.documentOutcome]));

describe("what the document says and what the scoring gives", () => {
  test("equal weights reproduce the document: options 3 and 6 on top, 13 and 12.5, not tied", () => {
    // hand count of the printed matrix: option 3 = 11 Y + 4 P = 13; option 6 = 10 Y + 5 P = 12.5
    expect(compareWithDocument(equal, outcome, 15)).toBe(
      'The matrix\'s Outcome column marks options 3 and 6 "Preferred option". Scoring Yes 1, Partially ½ and No 0 with equal weights gives option 3 13 of 15 points and option 6 12.5: they are the top two, not tied, with option 3 first.'
    );
  });

  test("says so when the scoring disagrees with the document", () => {
    const riskHeavy = rankOptions(appraisal, {weights: {risk: 5}});
    expect(compareWithDocument(riskHeavy, new Map([[3, "Preferred option"]]), 15)).toContain(
      "the scoring's top option is 6, not the option the document marks"
    );
  });
});

describe("scores and cost per point", () => {
  test("summarise the ranking in words", () => {
    expect(summariseScores(equal, 15)).toBe(
      "Option 3 (Extend the breadth of the framework) ranks first with 13 of 15 points, 0.5 ahead of option 6 (Hybrid: Lifeskills in house and statutory support by agencies) with 12.5; option 4 (Align with the adult framework) is last with 6."
    );
    // hand: 750,000 / 11 = 68,181.8 (option 5); 950,000 / 13 = 73,076.9 (option 3)
    expect(summariseCostPerPoint(equal)).toBe(
      "Option 5 (One lead provider) costs least per point, £68,182; the top-ranked option 3 costs £73,077 a point (£950,000 a year)."
    );
    expect(summariseScores([], 15)).toBe("No options are scored.");
  });

  test("a heavy risk weight makes option 6 first (risk 5 against four 1s)", () => {
    // risk points: option 6 = 3, option 3 = 2.5; the other groups: 6 = 9.5, 3 = 10.5.
    // weights 1,1,1,1,5 → mean test weight 27/15 = 1.8; 6: (9.5 + 5 × 3) / 1.8 = 13.61; 3: (10.5 + 5 × 2.5) / 1.8 = 12.78;
    // 5: (8 + 5 × 3) / 1.8 = 12.78 too, and £750k is cheaper than £950k, so option 5 is second
    const ranking = rankOptions(appraisal, {weights: {risk: 5}});
    expect(ranking.slice(0, 3).map((entry) => entry.optionId)).toEqual([6, 5, 3]);
    expect(ranking[0].weightedScore).toBeCloseTo(13.61, 2);
    expect(summariseScores(ranking, 15)).toMatch(
      /^Option 6 \(Hybrid.*\) ranks first with 13\.6 of 15 points, 0\.8 ahead of option 5 \(One lead provider\) with 12\.8;/
    );
  });

  test("draw bars with titles that state the finding", async () => {
    const scores = scoresChart(equal, {width: 640, maxScore: 15, document: createDocument()});
    expect(scores.querySelector("h2")?.textContent).toBe("Option 3 ranks first with 13 of 15 points");
    expect(scores.querySelector(":scope > svg")?.getAttribute("aria-description")).toBe(summariseScores(equal, 15));
    await expectSnapshot(scores, "options-appraisal-scores.svg");
    const cost = costPerPointChart(equal, {width: 640, document: createDocument()});
    expect(cost.querySelector("h2")?.textContent).toBe("Option 5 costs least per point: £68,182");
    await expectSnapshot(cost, "options-appraisal-cost-per-point.svg");
  });
});

describe("weight sensitivity", () => {
  const rows = sensitivityRows(weightSensitivity(appraisal), appraisal.groups);

  test("states each group's range in words", () => {
    // risk: option 3 leads 6 by 10.5 − 9.5 = 1 point elsewhere (averaged over 4 groups: 2.625 vs 2.375) and trails
    // by 0.5 on risk: 2.625(1 − s) + 2.5s = 2.375(1 − s) + 3s → s = 1/3, weight 2 with four 1s
    const risk = rows.find((row) => row.groupId === "risk");
    expect(risk?.upperShare).toBeCloseTo(1 / 3, 9);
    expect(risk?.description).toBe(
      'Option 3 stays preferred while "Manages operational and reputational risk" has up to 33% of the total weight; above 33% (weight 2.00), option 6 is preferred, with the other weights unchanged.'
    );
    // statutory: option 3 scores 3 against 6's 2.5, so more weight only helps 3; at 0% they tie (10 and 10)
    expect(rows.find((row) => row.groupId === "statutory")?.description).toBe(
      'Option 3 stays preferred whatever share of the weight "Enables delivery of statutory duties and responsibilities" is given (0% to 100%) (at 0% it ties with option 6).'
    );
    expect(summariseSensitivity(rows)).toBe(
      'Option 3 stays preferred unless "Manages operational and reputational risk" gets more than 33% of the weight (then option 6), or "Financially sustainable and value for money" gets more than 56% of the weight (then option 5).'
    );
  });

  test("draws the ranges", async () => {
    const chart = sensitivityChart(rows, {width: 640, document: createDocument()});
    // the nearest switch: risk from 20% to 33.3%, 13 percentage points
    expect(chart.querySelector("h2")?.textContent).toBe(
      "Option 3 stays first unless one group's share of the weight moves 13 percentage points"
    );
    expect(chart.querySelectorAll("g[data-mark='bar'] rect")).toHaveLength(5);
    await expectSnapshot(chart, "options-appraisal-sensitivity.svg");
  });

  test("does not mutate its input", () => {
    const copy = structuredClone(equal);
    scoresChart(equal, {maxScore: 15, document: createDocument()});
    costPerPointChart(equal, {document: createDocument()});
    expect(equal).toEqual(copy);
  });
});

describe("sensitivity at the margin", () => {
  test("says when the preferred option is first only at a boundary", () => {
    // weights risk 3, value for money 4: options 5 and 6 tie on the boundary of value for money's range
    const weights = {risk: 3, "value-for-money": 4};
    const rows = sensitivityRows(weightSensitivity(appraisal, {weights}), appraisal.groups);
    const chart = sensitivityChart(rows, {width: 640, document: createDocument()});
    expect(chart.querySelector("h2")?.textContent).toMatch(/^Option 5 is first only at the margin: any change to "/);
  });
});
