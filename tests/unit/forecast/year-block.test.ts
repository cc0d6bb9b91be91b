import {describe, expect, it} from "vitest";
import {
  applyCalibration,
  forecast,
  panelBacktest,
  recentScale,
  yearBlockCalibration
} from "../../../src/components/forecast/index.js";

describe("recentScale", () => {
  it("averages the last two absolute changes", () => {
    expect(recentScale([10, 30, 31, 35])).toBe(2.5); // (|31 - 30| + |35 - 31|)/2
    expect(recentScale([10, 12])).toBe(2); // one change only
    expect(recentScale([10, 30, 31, 35], 3)).toBe(25 / 3);
    expect(recentScale([5])).toBeNaN();
  });
});

describe("yearBlockCalibration", () => {
  it("takes the conformal quantile over periods of each period's quantile", () => {
    // h = 1, p = 0.8. 2019: [1, 2, 3, 4] → ⌈5·0.8⌉ = 4th = 4; 2020: [0.5, 6] → ⌈3·0.8⌉ = 3 > 2 → max 6;
    // 2021: [2, 2, 3] → ⌈4·0.8⌉ = 4 > 3 → 3. Over the 3 periods [3, 4, 6]: ⌈4·0.8⌉ = 4 > 3 → max 6.
    // h = 2: 2020 [5] → 5; 2021 [1] → 1 → over [1, 5]: max 5. h = 3: none → 5·3/2 = 7.5 (linear growth).
    const scores = [
      ...[1, 2, 3, 4].map((score) => ({h: 1, period: 2019, score})),
      ...[0.5, 6].map((score) => ({h: 1, period: 2020, score})),
      ...[2, 2, 3].map((score) => ({h: 1, period: 2021, score})),
      {h: 2, period: 2020, score: 5},
      {h: 2, period: 2021, score: 1},
      {h: 2, period: 2021, score: NaN}
    ];
    const c = yearBlockCalibration(scores, [80], 3)!;
    expect(c).toEqual({
      quantiles: {80: [6, 5, 7.5]},
      count: 11,
      scale: "recent",
      combine: "conformal",
      growth: "linear"
    });
    // p = 0.5: 2019 ⌈5·0.5⌉ = 3rd = 3; 2020 ⌈3·0.5⌉ = 2nd = 6; 2021 ⌈4·0.5⌉ = 2nd = 2;
    // over the periods [2, 3, 6]: ⌈4·0.5⌉ = 2nd = 3
    expect(yearBlockCalibration(scores, [50], 1)!.quantiles[50]).toEqual([3]);
    expect(yearBlockCalibration([{h: 1, period: 2019, score: NaN}], [80], 1)).toBeUndefined();
  });
  it("is applied alone, on the recent scale, with linear growth beyond the table", () => {
    const y = [10, 30, 31, 35]; // recentScale 2.5; naive forecast 35
    const analytic = forecast(y, {method: "naive", horizon: 3, levels: [80]});
    const c = applyCalibration(y, analytic, {
      quantiles: {80: [0.4]},
      count: 5,
      scale: "recent",
      combine: "conformal",
      growth: "linear"
    });
    // 35 ± 0.4·2.5·h — narrower than the analytic interval (σ² = (400 + 1 + 16)/3), kept alone
    expect(c.upper[80]).toEqual([36, 37, 38]);
    expect(c.lower[80]).toEqual([34, 33, 32]);
    expect(analytic.upper[80][0]).toBeGreaterThan(36);
    expect(() =>
      forecast(y, {
        method: "naive",
        horizon: 1,
        calibration: {quantiles: {80: [1]}, count: 1, scale: "level" as "naive"}
      })
    ).toThrow('invalid calibration scale: "level"');
  });
});

describe("panelBacktest with year-block intervals", () => {
  // Naive, horizon 1, two series 2016–2020 → origins 2019 and 2020.
  //   a = [1, 2, 4, 7, 11], b = [5, 6, 6, 8, 9].
  //   2019 (first origin): warm start as "calibrated" (naive pseudo-errors 2 and 0 → 80% quantile 2,
  //   × naiveScale, united with analytic): a 4 ± 3 → [1, 7]... covers 7.
  //   2020: scores of 2019 errors |7 - 4|/recentScale([1, 2, 4]) = 3/1.5 = 2 and |8 - 6|/recentScale([5, 6, 6]) = 2/0.5 = 4;
  //   one period → 80% quantile of [2, 4] = max 4 → over one period: 4.
  //   a: forecast 7, recentScale([1, 2, 4, 7]) = 2.5 → 7 ± 10 covers 11; b: 8 ± 4·1 covers 9.
  const panel = [
    {id: "a", start: 2016, values: [1, 2, 4, 7, 11]},
    {id: "b", start: 2016, values: [5, 6, 6, 8, 9]}
  ];
  it("matches a hand calculation", () => {
    const r = panelBacktest(panel, {method: "naive", horizon: 1, levels: [80], intervals: "year-block"});
    expect(r.intervals).toBe("year-block");
    const at = (id: string, period: number) => r.errors.find((e) => e.id === id && e.period === period)!;
    expect(at("a", 2019).recentScale).toBe(1.5);
    expect(at("a", 2019).upper[80]).toBe(7);
    expect(at("a", 2020).lower[80]).toBe(-3);
    expect(at("a", 2020).upper[80]).toBe(17);
    expect(at("b", 2020).lower[80]).toBe(4);
    expect(at("b", 2020).upper[80]).toBe(12);
    // b's 2019 interval from the warm start: 6 ± 2·0.5 = [5, 7] (analytic: σ² = 1/2 → ±0.906), misses 8
    expect(at("b", 2019).upper[80]).toBe(7);
    expect(r.summary.coverage[80]).toBe(0.75);
  });
  it("uses no outcome at or after the origin", () => {
    const changed = panelBacktest([panel[0], {id: "b", start: 2016, values: [5, 6, 6, 8, 90]}], {
      method: "naive",
      horizon: 1,
      levels: [80],
      intervals: "year-block"
    });
    const a2020 = changed.errors.find((e) => e.id === "a" && e.period === 2020)!;
    expect([a2020.lower[80], a2020.upper[80]]).toEqual([-3, 17]);
    expect(() => panelBacktest(panel, {method: "naive", horizon: 1, intervals: "blocks" as "year-block"})).toThrow(
      "invalid intervals: blocks"
    );
  });
});
