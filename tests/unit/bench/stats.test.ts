import {describe, expect, test} from "vitest";
import {measure, median, powerLawFit, quantile} from "../../../bench/stats.js";

describe("bench statistics", () => {
  test("nearest-rank quantile", () => {
    // hand calculation: 10 samples, p90 rank = ceil(0.9 * 10) = 9 → the 9th smallest, 9
    expect(quantile([10, 1, 9, 2, 8, 3, 7, 4, 6, 5], 0.9)).toBe(9);
    // hand calculation: 7 samples, p90 rank = ceil(6.3) = 7 → the largest
    expect(quantile([5, 1, 4, 2, 3, 7, 6], 0.9)).toBe(7);
    expect(() => quantile([], 0.5)).toThrow("invalid samples: empty");
  });

  test("median of odd and even counts", () => {
    expect(median([3, 1, 2])).toBe(2);
    // hand calculation: sorted 1, 2, 3, 10 → (2 + 3) / 2
    expect(median([3, 1, 2, 10])).toBe(2.5);
  });

  test("a measure passes or misses its target", () => {
    expect(measure("a", "ms", [90, 110, 95], {target: 100}).pass).toBe(true); // median 95
    expect(measure("a", "ms", [90, 110, 95], {target: 100, targetOn: "p90"}).pass).toBe(false); // p90 110
    expect(measure("r", "ms", [1], {ratio: 1.6, target: 1.5, targetOn: "ratio"}).pass).toBe(false);
  });

  test("power-law exponent of exact power laws", () => {
    // hand calculation: t = 2·n² → log t = log 2 + 2 log n, slope 2, perfect fit
    expect(powerLawFit([10, 100, 1000], [200, 20_000, 2_000_000])).toEqual({exponent: 2, r2: 1});
    // hand calculation: t = n^0.5 at n = 1, 4, 16 → t = 1, 2, 4
    expect(powerLawFit([1, 4, 16], [1, 2, 4]).exponent).toBe(0.5);
  });
});
