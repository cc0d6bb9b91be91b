import {describe, expect, it} from "vitest";
import {
  normalQuantile,
  normalUpperTail,
  studentTCdf,
  studentTQuantile
} from "../../../src/components/forecast/index.js";
import {logGamma, regularizedBeta, regularizedGammaQ} from "../../../src/components/forecast/special.js";

describe("special functions", () => {
  it("logGamma matches factorials and Γ(1/2) = √π", () => {
    expect(logGamma(5)).toBeCloseTo(Math.log(24), 13); // Γ(5) = 4! = 24
    expect(logGamma(11)).toBeCloseTo(Math.log(3628800), 12); // Γ(11) = 10!
    expect(logGamma(0.5)).toBeCloseTo(0.5 * Math.log(Math.PI), 13); // Γ(1/2) = √π
  });
  it("regularized incomplete beta has closed forms for small parameters", () => {
    // I_x(1, 1) = x; I_x(2, 2) = 3x² - 2x³ (Abramowitz & Stegun 26.5.x, integer case)
    expect(regularizedBeta(0.3, 1, 1)).toBeCloseTo(0.3, 14);
    expect(regularizedBeta(0.3, 2, 2)).toBeCloseTo(3 * 0.09 - 2 * 0.027, 14);
    expect(regularizedBeta(0.8, 2, 2)).toBeCloseTo(3 * 0.64 - 2 * 0.512, 14);
  });
  it("regularized upper incomplete gamma: Q(1, x) = e^-x", () => {
    expect(regularizedGammaQ(1, 2)).toBeCloseTo(Math.exp(-2), 14);
    expect(regularizedGammaQ(1, 0.3)).toBeCloseTo(Math.exp(-0.3), 14);
  });
});

describe("normal quantile", () => {
  it("matches published values", () => {
    // standard normal table / R qnorm: qnorm(0.975) = 1.959963984540054, qnorm(0.9) = 1.281551565544601,
    // qnorm(0.995) = 2.575829303548901, qnorm(1e-10) = -6.361340902404056
    expect(normalQuantile(0.975)).toBeCloseTo(1.959963984540054, 12);
    expect(normalQuantile(0.9)).toBeCloseTo(1.281551565544601, 12);
    expect(normalQuantile(0.995)).toBeCloseTo(2.575829303548901, 12);
    expect(normalQuantile(0.025)).toBeCloseTo(-1.959963984540054, 12);
    expect(normalQuantile(1e-10)).toBeCloseTo(-6.361340902404056, 9);
    expect(normalQuantile(0.5)).toBe(0);
  });
  it("inverts the upper tail", () => {
    // Q(1.959963984540054) = 0.025 by definition of the quantile above
    expect(normalUpperTail(1.959963984540054)).toBeCloseTo(0.025, 14);
    expect(normalUpperTail(0)).toBeCloseTo(0.5, 15);
  });
});

describe("Student t quantile", () => {
  // Published t table (e.g. NIST/SEMATECH e-Handbook §1.3.6.7.2; R qt()): two-sided 95% and 80%.
  const table: [number, number, number][] = [
    [0.975, 1, 12.706205],
    [0.9, 1, 3.077684],
    [0.975, 2, 4.302653],
    [0.975, 3, 3.182446],
    [0.975, 4, 2.776445],
    [0.975, 5, 2.570582],
    [0.975, 10, 2.228139],
    [0.975, 20, 2.085963],
    [0.975, 30, 2.042272],
    [0.975, 60, 2.000298],
    [0.975, 120, 1.97993],
    [0.95, 10, 1.812461],
    [0.9, 2, 1.885618],
    [0.9, 10, 1.372184],
    [0.99, 5, 3.36493],
    [0.995, 1, 63.656741],
    [0.995, 3, 5.840909]
  ];
  it.each(table)("t_{%f, df=%i} = %f (t table)", (p, df, expected) => {
    expect(studentTQuantile(p, df)).toBeCloseTo(expected, 5);
    expect(studentTQuantile(1 - p, df)).toBeCloseTo(-expected, 5);
  });
  it("agrees with the closed forms for df = 1 (Cauchy) and df = 2 to ~1e-10", () => {
    // df = 1: t = tan(π(p - 1/2)); df = 2: t = (2p - 1)/sqrt(2p(1 - p)) (Hill 1970, Comm. ACM 13)
    for (const p of [0.55, 0.6, 0.75, 0.9, 0.95, 0.975, 0.99, 0.999]) {
      const cauchy = Math.tan(Math.PI * (p - 0.5));
      expect(Math.abs(studentTQuantile(p, 1) - cauchy) / cauchy).toBeLessThan(1e-10);
      const two = (2 * p - 1) / Math.sqrt(2 * p * (1 - p));
      expect(Math.abs(studentTQuantile(p, 2) - two) / two).toBeLessThan(1e-10);
    }
  });
  it("tends to the normal quantile as df grows", () => {
    expect(studentTQuantile(0.975, 1e8)).toBeCloseTo(1.959963984540054, 7);
    expect(studentTQuantile(0.975, Infinity)).toBeCloseTo(1.959963984540054, 12);
  });
  it("is the inverse of the CDF, also for non-integer df", () => {
    for (const df of [1.5, 3.7, 12.25]) {
      for (const p of [0.6, 0.9, 0.99]) expect(studentTCdf(studentTQuantile(p, df), df)).toBeCloseTo(p, 12);
    }
  });
  it("rejects invalid arguments", () => {
    expect(() => studentTQuantile(1.2, 3)).toThrow("invalid probability: 1.2");
    expect(() => studentTQuantile(0.9, 0)).toThrow("invalid df: 0");
  });
});
