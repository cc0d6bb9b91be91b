import {describe, expect, it} from "vitest";
import {forecast, linearPrediction, olsFit} from "../../../src/components/forecast/index.js";
import {norrisCertified, norrisX, norrisY} from "./norris.fixture.js";

describe("olsFit on NIST StRD Norris", () => {
  it("reproduces the certified values", () => {
    const fit = olsFit(norrisX, norrisY);
    // NIST certified: B0 = -0.262323073774029, B1 = 1.00211681802045, residual SD = 0.884796396144373,
    // residual SS = 26.6173985294224 with 34 df
    expect(fit.intercept).toBeCloseTo(norrisCertified.intercept, 10);
    expect(fit.slope).toBeCloseTo(norrisCertified.slope, 12);
    expect(fit.residualSD).toBeCloseTo(norrisCertified.residualSD, 10);
    expect(fit.sse).toBeCloseTo(norrisCertified.residualSS, 8);
    expect(fit.df).toBe(norrisCertified.residualDF);
  });
});

describe("linearPrediction", () => {
  // Hand calculation, x = [1, 2, 3], y = [2, 4, 7]:
  //   x̄ = 2, ȳ = 13/3, Sxx = 2, Sxy = (-1)(2 - 13/3) + 0 + (1)(7 - 13/3) = 5  → slope 2.5, intercept 13/3 - 5 = -2/3
  //   fitted 1.8333, 4.3333, 6.8333; residuals 1/6, -1/3, 1/6; SSE = 1/36 + 4/36 + 1/36 = 1/6; s = sqrt(1/6) (df 1)
  //   x0 = 4: ŷ0 = -2/3 + 10 = 9.333333; se = s·sqrt(1 + 1/3 + 4/2) = sqrt(1/6 · 10/3) = 0.7453560
  //   t_{0.975,1} = 12.7062047 → half-width 9.4706458 → [-0.1373125, 18.8039792]
  it("matches a hand calculation with 1 degree of freedom", () => {
    const r = linearPrediction([1, 2, 3], [2, 4, 7], [4], 95);
    expect(r.mean[0]).toBeCloseTo(9.333333333, 8);
    expect(r.lower[0]).toBeCloseTo(9.333333333 - 12.7062047362 * Math.sqrt(10 / 18), 8);
    expect(r.upper[0]).toBeCloseTo(18.8039792, 6);
    expect(r.lower[0]).toBeCloseTo(-0.1373125, 6);
  });
  it("is narrowest at x̄ and symmetric about it", () => {
    const r = linearPrediction([1, 2, 3, 4, 5], [2, 4, 5, 4, 5], [1, 3, 5], 80);
    const width = r.upper.map((u, i) => u - r.lower[i]);
    expect(width[1]).toBeLessThan(width[0]);
    expect(width[0]).toBeCloseTo(width[2], 12);
  });
  it("validates its inputs", () => {
    expect(() => linearPrediction([1, 2, 3], [1, 2, 3], [4], 120)).toThrow("invalid level: 120");
    expect(() => linearPrediction([1, 1, 1], [1, 2, 3], [4], 95)).toThrow("invalid x: all values are equal");
    expect(() => linearPrediction([1, 2], [1, 2], [4], 95)).toThrow(
      "linear regression requires at least 3 data points"
    );
  });
});

describe("linear method", () => {
  it("is OLS on t = 1..n with Student-t intervals (same numbers as linearPrediction)", () => {
    const r = forecast([2, 4, 7], {method: "linear", horizon: 2, levels: [95]});
    const direct = linearPrediction([1, 2, 3], [2, 4, 7], [4, 5], 95);
    expect(r.mean).toEqual(direct.mean);
    expect(r.lower[95]).toEqual(direct.lower);
    expect(r.upper[95]).toEqual(direct.upper);
    // hand: fitted -2/3 + 2.5 t
    expect(r.fitted[0]).toBeCloseTo(1.833333333, 8);
    expect(r.params.slope).toBeCloseTo(2.5, 12);
    expect(r.sigma2).toBeCloseTo(1 / 6, 12);
  });
});
