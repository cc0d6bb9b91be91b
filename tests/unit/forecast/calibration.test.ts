import {describe, expect, it} from "vitest";
import {
  applyCalibration,
  crossSeriesCalibration,
  forecast,
  naiveWarmStart,
  panelBacktest,
  pooledGrowth,
  selectMethod
} from "../../../src/components/forecast/index.js";

const Z80 = 1.2815515655446004; // qnorm(0.9)

describe("cross-series calibration", () => {
  it("takes split-conformal quantiles per horizon and extends by sqrt(h/h')", () => {
    // h1 values [0.5, 1, 2, 3]: p = 0.8 → ⌈5·0.8⌉ = 4th smallest = 3; h2 [4] → ⌈2·0.8⌉ = 2 > 1 → max 4
    const c = crossSeriesCalibration(
      [
        {h: 1, scaledError: 2},
        {h: 1, scaledError: 0.5},
        {h: 1, scaledError: 3},
        {h: 1, scaledError: 1},
        {h: 2, scaledError: 4},
        {h: 1, scaledError: NaN}
      ],
      [80],
      3
    )!;
    expect(c.count).toBe(5);
    expect(c.quantiles[80][0]).toBe(3);
    expect(c.quantiles[80][1]).toBe(4);
    expect(c.quantiles[80][2]).toBeCloseTo(4 * Math.sqrt(3 / 2), 12);
    expect(crossSeriesCalibration([{h: 1, scaledError: NaN}], [80], 1)).toBeUndefined();
  });
  it("warm-starts from one-step naive errors of 2-point windows", () => {
    // [10, 12, 13]: |13 - 12|/|12 - 10| = 0.5; [5, 9, 15, 15]: 6/4 = 1.5, then 0/6 = 0; [7, 7, 8]: scale 0 → skipped
    const c = naiveWarmStart(
      [
        [10, 12, 13],
        [5, 9, 15, 15],
        [7, 7, 8]
      ],
      [50],
      2
    )!;
    expect(c.count).toBe(3);
    expect(c.quantiles[50][0]).toBe(0.5); // ⌈4·0.5⌉ = 2nd of [0, 0.5, 1.5]
    expect(c.quantiles[50][1]).toBeCloseTo(0.5 * Math.SQRT2, 12);
  });
  it("applies mean ± q·naiveScale(y), never narrower than the analytic interval", () => {
    const y = [10, 12, 13]; // naive scale (2 + 1)/2 = 1.5; naive σ² = (4 + 1)/2 = 2.5
    const analytic = forecast(y, {method: "naive", horizon: 2, levels: [80]});
    const c = applyCalibration(y, analytic, {quantiles: {80: [2]}, count: 10});
    expect(c.upper[80][0]).toBe(16); // 13 + 2·1.5 = 16 > 13 + 1.28155·1.5811 = 15.03
    expect(c.lower[80][0]).toBe(10);
    expect(c.upper[80][1]).toBeCloseTo(13 + 2 * Math.SQRT2 * 1.5, 12); // h = 2 beyond the table: ·sqrt(2)
    expect(c.intervals).toBe("calibrated");
    // a tiny quantile keeps the analytic bound
    const narrow = applyCalibration(y, analytic, {quantiles: {80: [0.1]}, count: 10});
    expect(narrow.upper[80][0]).toBeCloseTo(13 + Z80 * Math.sqrt(2.5), 12);
    // forecast() uses it by default when a calibration is given
    expect(
      forecast(y, {method: "naive", horizon: 2, levels: [80], calibration: {quantiles: {80: [2]}, count: 10}}).upper
    ).toEqual(c.upper);
    expect(() => forecast(y, {method: "naive", horizon: 1, intervals: "calibrated"})).toThrow(
      "invalid calibration: required when intervals is calibrated"
    );
  });
});

describe("cross-learning", () => {
  it("pools growth as total change over (n - 1)·last value", () => {
    // (120 - 100 + 13 - 10) / (2·120 + 1·13) = 23/253
    expect(pooledGrowth([[100, 110, 120], [10, 13], [5]])).toBeCloseTo(23 / 253, 15);
    expect(pooledGrowth([[5]])).toBeNaN();
  });
  it("shrinks theta's slope towards the pooled growth", () => {
    // y = [100, 110, 130]: OLS slope 15; w = 0.5, g = 0.1 → slope 0.5·15 + 0.5·13 = 14 → theta drift 7
    const r = forecast([100, 110, 130], {method: "theta", horizon: 1, pooledGrowth: 0.1, shrinkage: 0.5});
    expect(r.params.drift).toBeCloseTo(7, 12);
    expect(forecast([100, 110, 130], {method: "theta", horizon: 1}).params.drift).toBeCloseTo(7.5, 12);
  });
});

describe("auto on short series", () => {
  it("uses Theta below 8 points and selects from 8", () => {
    expect(selectMethod([10, 12, 13, 15, 16, 18, 19], {horizon: 1, levels: [], params: {}, shrinkage: 0})).toEqual({
      criterion: "mase",
      selected: "theta",
      scores: {},
      fallback: true
    });
    const s = selectMethod([10, 12, 14, 16, 18, 20, 22, 24], {horizon: 1, levels: [], params: {}, shrinkage: 0});
    expect(s.fallback).toBe(false);
    expect(s.selected).toBe("drift"); // exact line: drift MASE 0, first in candidate order
  });
});

describe("panelBacktest", () => {
  // Two series aligned on years 2016–2019; naive, horizon 1, minTrain 3 → one origin (2019).
  //   a = [1, 2, 4, 7]: forecast 4, actual 7, scale (1 + 2)/2 = 1.5 → scaled error 2
  //   b = [5, 6, 6, 8]: forecast 6, actual 8, scale (1 + 0)/2 = 0.5 → 4
  //   warm start (first origin) from windows [1, 2, 4], [5, 6, 6]: pseudo-errors |4-2|/|2-1| = 2, |6-6|/1 = 0
  //   → 80% quantile: ⌈3·0.8⌉ = 3 > 2 → max = 2: a: 4 ± 3 covers 7; b: 6 ± 1 misses 8
  const panel = [
    {id: "a", start: 2016, values: [1, 2, 4, 7]},
    {id: "b", start: 2016, values: [5, 6, 6, 8]}
  ];
  it("matches a hand calculation, with the warm start at the first origin", () => {
    const r = panelBacktest(panel, {method: "naive", horizon: 1, levels: [80]});
    expect(r.origins).toEqual([2019]);
    expect(r.seriesCount).toBe(2);
    expect(r.forecastCount).toBe(2);
    expect(r.errors.map((e) => [e.id, e.period, e.forecast, e.actual, e.scaledError])).toEqual([
      ["a", 2019, 4, 7, 2],
      ["b", 2019, 6, 8, 4]
    ]);
    expect(r.summary.mase).toBe(3);
    expect(r.errors[0].upper[80]).toBe(7);
    expect(r.summary.coverage[80]).toBe(0.5);
  });
  it("calibrates later origins only from errors whose actuals precede the origin (no look-ahead)", () => {
    const longer = [
      {id: "a", start: 2016, values: [1, 2, 4, 7, 11]},
      {id: "b", start: 2016, values: [5, 6, 6, 8, 9]}
    ];
    const r = panelBacktest(longer, {method: "naive", horizon: 2, levels: [80]});
    // origin 2020 (train 4 points): calibration = errors with period < 2020, i.e. the two h = 1
    // errors of 2019 (scaled 2 and 4) → 80% quantile max = 4; h = 2 has none → 4·sqrt(2)
    const a2020 = r.errors.find((e) => e.id === "a" && e.period === 2020 && e.h === 1)!;
    const scale = (1 + 2 + 3) / 3; // a's training window [1, 2, 4, 7]
    expect(a2020.upper[80]).toBeCloseTo(7 + 4 * scale, 12);
    // changing a value after 2020 does not change the 2020 intervals
    const changed = panelBacktest(
      [
        {id: "a", start: 2016, values: [1, 2, 4, 7, 11]},
        {id: "b", start: 2016, values: [5, 6, 6, 8, 90]}
      ],
      {method: "naive", horizon: 2, levels: [80]}
    );
    expect(changed.errors.find((e) => e.id === "a" && e.period === 2020 && e.h === 1)!.upper[80]).toBe(a2020.upper[80]);
  });
  it("passes the pooled growth of the training windows at each origin", () => {
    const r = panelBacktest(panel, {method: "drift", horizon: 1, shrinkage: 1, levels: [80]});
    // windows [1, 2, 4] and [5, 6, 6]: g = (3 + 1)/(2·4 + 2·6) = 0.2; full shrinkage → drift g·y_n
    expect(r.pooledGrowth[2019]).toBeCloseTo(0.2, 15);
    expect(r.errors[0].forecast).toBeCloseTo(4 + 0.2 * 4, 12);
    expect(r.errors[1].forecast).toBeCloseTo(6 + 0.2 * 6, 12);
  });
});
