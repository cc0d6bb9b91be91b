import {describe, expect, it} from "vitest";
import {
  backtest,
  calibrateIntervals,
  conformalQuantile,
  forecast,
  naiveScale,
  scaledErrorQuantiles,
  smapeTerm
} from "../../../src/components/forecast/index.js";

describe("metrics", () => {
  it("naiveScale is the mean absolute first difference (Hyndman & Koehler 2006)", () => {
    expect(naiveScale([1, 3, 2])).toBe(1.5); // (2 + 1)/2
    expect(naiveScale([5, 5, 5])).toBe(0);
  });
  it("smapeTerm is on the 0–200 scale", () => {
    expect(smapeTerm(100, 110)).toBeCloseTo((200 * 10) / 210, 12);
    expect(smapeTerm(0, 5)).toBe(200);
    expect(smapeTerm(0, 0)).toBe(0);
  });
  it("conformalQuantile takes the ⌈(k + 1)p⌉-th smallest value", () => {
    expect(conformalQuantile([3, 1, 2, 4], 0.5)).toBe(3); // ⌈2.5⌉ = 3rd
    expect(conformalQuantile([3, 1, 2, 4], 0.8)).toBe(4); // ⌈4⌉ = 4th
    expect(conformalQuantile([3, 1, 2, 4], 0.95)).toBe(4); // ⌈4.75⌉ = 5 > 4 → maximum
    expect(conformalQuantile([], 0.5)).toBeNaN();
  });
});

describe("backtest", () => {
  // Hand: y = [1, 2, 4, 7, 11], naive, horizon 2, minTrain 3.
  //   origin 3 (train [1, 2, 4], scale (1 + 2)/2 = 1.5, σ² = (1 + 4)/2 = 2.5):
  //     h1: f 4, a 7 → |e|/scale = 2, sMAPE 200·3/11 = 54.5454
  //       80%: 4 ± 1.28155·1.58114 = [1.974, 6.026] misses 7; 95%: 4 ± 3.0990 = [0.901, 7.099] covers 7
  //     h2: f 4, a 11 → 7/1.5 = 4.6667, sMAPE 200·7/15 = 93.3333; 95%: 4 + 1.95996·sqrt 5 = 8.383 misses
  //   origin 4 (train [1, 2, 4, 7], scale 6/3 = 2, σ² = 14/3):
  //     h1: f 7, a 11 → 2, sMAPE 200·4/18 = 44.4444; 80%: 7 + 2.768 misses; 95%: 7 + 4.234 = 11.234 covers
  //   MASE = (2 + 4.6667 + 2)/3 = 2.8889; sMAPE = 64.1077; coverage 80% 0/3, 95% 2/3
  it("matches a hand-checked rolling origin evaluation", () => {
    const r = backtest([1, 2, 4, 7, 11], {method: "naive", horizon: 2, minTrain: 3});
    expect(r.errors.map((e) => [e.origin, e.h, e.actual, e.forecast])).toEqual([
      [3, 1, 7, 4],
      [3, 2, 11, 4],
      [4, 1, 11, 7]
    ]);
    expect(r.errors.map((e) => e.scale)).toEqual([1.5, 1.5, 2]);
    expect(r.summary.mase).toBeCloseTo(26 / 9, 12);
    expect(r.summary.smape).toBeCloseTo((600 / 11 + 1400 / 15 + 800 / 18) / 3, 10);
    expect(r.summary.coverage[80]).toBe(0);
    expect(r.summary.coverage[95]).toBeCloseTo(2 / 3, 12);
    expect(r.errors[0].upper[95]).toBeCloseTo(4 + 1.959963984540054 * Math.sqrt(2.5), 12);
    expect(r.byHorizon.map((b) => [b.h, b.count])).toEqual([
      [1, 2],
      [2, 1]
    ]);
    expect(r.byHorizon[0].mase).toBe(2);
  });
  it("excludes flat training windows from MASE (scale 0)", () => {
    const r = backtest([5, 5, 5, 8], {method: "naive", horizon: 1});
    expect(r.errors[0].scale).toBe(0);
    expect(r.errors[0].scaledError).toBeNaN();
    expect(r.summary.mase).toBeNaN();
    expect(r.summary.maseCount).toBe(0);
    expect(r.summary.smape).toBeCloseTo((200 * 3) / 13, 12);
  });
  it("uses only data before each origin (no look-ahead)", () => {
    const y = [10, 12, 15, 17, 30, 32];
    const r = backtest(y, {method: "drift", horizon: 1});
    // origin 4 sees [10, 12, 15, 17]: drift 7/3 → forecast 19.3333, whatever comes later
    expect(r.errors.find((e) => e.origin === 4)!.forecast).toBeCloseTo(17 + 7 / 3, 12);
  });
  it("validates minTrain", () => {
    expect(() => backtest([1, 2, 3, 4], {method: "naive", horizon: 1, minTrain: 2})).toThrow("invalid minTrain: 2");
    expect(() => backtest([1, 2, 3, 4], {method: "naive", horizon: 1, minTrain: 4})).toThrow("invalid minTrain: 4");
    expect(() => backtest([1, 2, 3], {method: "naive", horizon: 1})).toThrow("invalid minTrain: 3");
  });
  it("runs auto with per-origin selection", () => {
    const r = backtest([10, 12, 14, 17, 19, 22, 24, 27], {method: "auto", horizon: 2});
    expect(r.errors.length).toBe(9); // origins 3..7: 2 + 2 + 2 + 2 + 1
    expect(Number.isFinite(r.summary.mase)).toBe(true);
  });
});

describe("empirical intervals", () => {
  it("takes conformal quantiles of scaled errors per horizon and fills gaps with sqrt(h/h')", () => {
    const errors = backtest([1, 2, 4, 7, 11], {method: "naive", horizon: 2}).errors;
    // h1 scaled errors [2, 2] → ⌈3·0.8⌉ = 3 > 2 → max = 2; h2 [4.6667] → 4.6667; h3 none → 4.6667·sqrt(3/2)
    const q = scaledErrorQuantiles(errors, 0.8, 3);
    expect(q[0]).toBe(2);
    expect(q[1]).toBeCloseTo(14 / 3, 12);
    expect(q[2]).toBeCloseTo((14 / 3) * Math.sqrt(1.5), 12);
  });
  it("widens (never narrows) the analytic intervals", () => {
    const y = [1, 2, 4, 7, 11];
    const analytic = forecast(y, {method: "naive", horizon: 2});
    const errors = backtest(y, {method: "naive", horizon: 2}).errors;
    const calibrated = calibrateIntervals(y, analytic, errors);
    // whole-series scale (1 + 2 + 3 + 4)/4 = 2.5; h1 80%: half-width 2·2.5 = 5 vs analytic 1.28155·sqrt(7.5) = 3.51
    expect(calibrated.upper[80][0]).toBeCloseTo(11 + 5, 12);
    expect(calibrated.lower[80][0]).toBeCloseTo(11 - 5, 12);
    expect(calibrated.intervals).toBe("empirical");
    for (const level of [80, 95]) {
      calibrated.lower[level].forEach((l, i) => expect(l).toBeLessThanOrEqual(analytic.lower[level][i]));
      calibrated.upper[level].forEach((u, i) => expect(u).toBeGreaterThanOrEqual(analytic.upper[level][i]));
    }
    expect(calibrated.mean).toEqual(analytic.mean);
    // the forecast() option gives the same result
    const viaOption = forecast(y, {method: "naive", horizon: 2, intervals: "empirical"});
    expect(viaOption.upper).toEqual(calibrated.upper);
  });
  it("keeps analytic intervals when n = 3 leaves nothing to backtest", () => {
    const r = forecast([1, 2, 4], {method: "drift", horizon: 2, intervals: "empirical"});
    expect(r.intervals).toBe("analytic");
  });
});
