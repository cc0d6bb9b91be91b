import {describe, expect, it} from "vitest";
import {derivedFigure, forecastFigure, perChild, percentage} from "../../../loaders/disclosure/derived.js";
import {dominanceReason, requiredProtection} from "../../../loaders/disclosure/dominance.js";
import {isPrimaryCount} from "../../../loaders/disclosure/primary.js";

describe("primary suppression of counts", () => {
  it("suppresses 1 to 5 inclusive and publishes 0 and 6+", () => {
    // DfE: counts of 1 to 5 are shown as c; zeros are published
    expect([0, 1, 2, 3, 4, 5, 6, 7, 100].map((n) => isPrimaryCount(n))).toEqual([
      false,
      true,
      true,
      true,
      true,
      true,
      false,
      false,
      false
    ]);
    expect(isPrimaryCount(9, 10)).toBe(true); // a stricter threshold (1–9) when a council asks for one
  });
  it("refuses values that are not counts", () => {
    expect(() => isPrimaryCount(2.5)).toThrow("invalid count: 2.5");
    expect(() => isPrimaryCount(-1)).toThrow("invalid count: -1");
  });
});

describe("dominance rule for spend", () => {
  it("flags fewer than 3 contributors", () => {
    expect(dominanceReason({value: 1000, contributors: 2, largest: 600})).toBe("too few contributors");
    expect(dominanceReason({value: 1000, contributors: 1, largest: 1000})).toBe("too few contributors");
    expect(dominanceReason({value: 1000, contributors: 3, largest: 400})).toBe(null);
  });
  it("flags a largest contributor above 85% of the cell, and allows exactly 85%", () => {
    // hand calculation: 900 / 1000 = 90% > 85%; 850 / 1000 = 85% is not more than 85%
    expect(dominanceReason({value: 1000, contributors: 9, largest: 900})).toBe("dominant contributor");
    expect(dominanceReason({value: 1000, contributors: 9, largest: 850})).toBe(null);
    expect(dominanceReason({value: 1000, contributors: 9, largest: 700}, {k: 0.6})).toBe("dominant contributor");
  });
  it("publishes a zero with no contributors and refuses an impossible largest", () => {
    expect(dominanceReason({value: 0, contributors: 0, largest: 0})).toBe(null);
    expect(() => dominanceReason({value: 100, contributors: 4, largest: 101})).toThrow("invalid largest: 101");
  });
  it("requires the standard upper protection level x1/k − X, at least 10% of X", () => {
    // hand calculation: 1000 / 0.85 − 1000 = 176.4705…; 900 / 0.85 − 1000 = 58.82 < 100 = 10% of 1000
    expect(requiredProtection({value: 1000, contributors: 1, largest: 1000})).toBeCloseTo(176.470588, 5);
    expect(requiredProtection({value: 1000, contributors: 9, largest: 900})).toBe(100);
  });
});

describe("derived figures", () => {
  it("suppresses a percentage of fewer than 6 children", () => {
    // 3 of 4 = 75% would reveal both counts
    expect(derivedFigure(75, {numerator: 3, denominator: 4})).toEqual({value: "c", reason: "derived"});
    expect(percentage(0, 5)).toEqual({value: "c", reason: "derived"});
  });
  it("suppresses when the numerator or its complement is 1–5 children", () => {
    expect(percentage(2, 40)).toEqual({value: "c", reason: "derived"}); // 5.0% of 40 reveals 2
    expect(percentage(38, 40)).toEqual({value: "c", reason: "derived"}); // 95% of 40 reveals the other 2
    expect(percentage(38, 40, {complement: false})).toEqual({value: 95, reason: null});
  });
  it("publishes a safe percentage, rounded", () => {
    // hand calculation: 100 × 12 / 40 = 30; 100 × 7 / 30 = 23.333… → 23.3 (1 d.p.), 23.33 (2 d.p.)
    expect(percentage(12, 40)).toEqual({value: 30, reason: null});
    expect(percentage(7, 30)).toEqual({value: 23.3, reason: null});
    expect(percentage(7, 30, {decimals: 2})).toEqual({value: 23.33, reason: null});
    expect(percentage(0, 40)).toEqual({value: 0, reason: null});
    expect(percentage(40, 40)).toEqual({value: 100, reason: null});
  });
  it("suppresses a figure whose input count is suppressed elsewhere, and marks 0/0 not applicable", () => {
    expect(percentage(12, 40, {inputsSuppressed: true})).toEqual({value: "c", reason: "derived"});
    expect(percentage(0, 0)).toEqual({value: "z", reason: null});
  });
  it("cost per child and forecasts need at least 6 children", () => {
    // hand calculation: 120000 / 8 = 15000
    expect(perChild(120_000, 8)).toEqual({value: 15000, reason: null});
    expect(perChild(93_645, 5)).toEqual({value: "c", reason: "derived"});
    expect(forecastFigure(14.2, 4)).toEqual({value: "c", reason: "derived"});
    expect(forecastFigure(14.2, 6)).toEqual({value: 14.2, reason: null});
  });
  it("refuses a numerator above its denominator", () => {
    expect(() => percentage(9, 8)).toThrow("invalid numerator: 9");
  });
});
