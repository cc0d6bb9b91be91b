import {describe, expect, it} from "vitest";
import {AUTO_CANDIDATES, forecast, METHODS, type Method} from "../../../src/components/forecast/index.js";

describe("guard rails", () => {
  it("rejects short series and bad values", () => {
    expect(() => forecast([1, 2], {method: "naive", horizon: 1})).toThrow("forecast requires at least 3 data points");
    expect(() => forecast([], {method: "naive", horizon: 1})).toThrow("forecast requires at least 3 data points");
    expect(() => forecast([1, 2, 3, NaN], {method: "naive", horizon: 1})).toThrow("invalid value at index 3: NaN");
    expect(() => forecast([1, Infinity, 3], {method: "naive", horizon: 1})).toThrow(
      "invalid value at index 1: Infinity"
    );
  });
  it("rejects bad horizons, methods and levels", () => {
    expect(() => forecast([1, 2, 3], {method: "naive", horizon: 0})).toThrow("invalid horizon: 0");
    expect(() => forecast([1, 2, 3], {method: "naive", horizon: -1})).toThrow("invalid horizon: -1");
    expect(() => forecast([1, 2, 3], {method: "naive", horizon: 1.5})).toThrow("invalid horizon: 1.5");
    expect(() => forecast([1, 2, 3], {method: "foo" as Method, horizon: 1})).toThrow("invalid method: foo");
    expect(() => forecast([1, 2, 3], {method: "naive", horizon: 1, levels: [80, 120]})).toThrow("invalid level: 120");
    expect(() => forecast([1, 2, 3], {method: "naive", horizon: 1, levels: [0]})).toThrow("invalid level: 0");
  });
  it("rejects parameters out of range", () => {
    const y = [1, 2, 3];
    expect(() => forecast(y, {method: "ses", horizon: 1, params: {alpha: 1.5}})).toThrow("invalid alpha: 1.5");
    expect(() => forecast(y, {method: "holt", horizon: 1, params: {alpha: 0.3, beta: 0.5}})).toThrow(
      "invalid beta: 0.5"
    );
    expect(() => forecast(y, {method: "holt", horizon: 1, params: {beta: -0.1}})).toThrow("invalid beta: -0.1");
    expect(() => forecast(y, {method: "damped", horizon: 1, params: {phi: 1.2}})).toThrow("invalid phi: 1.2");
    expect(() => forecast(y, {method: "damped", horizon: 1, params: {l0: NaN}})).toThrow("invalid l0: NaN");
    expect(() => forecast(y, {method: "drift", horizon: 1, pooledGrowth: 0.1, shrinkage: 2})).toThrow(
      "invalid shrinkage: 2"
    );
    expect(() => forecast(y, {method: "drift", horizon: 1, intervals: "magic" as "analytic"})).toThrow(
      "invalid intervals: magic"
    );
  });
});

describe("every method", () => {
  const methods = METHODS.filter((m) => m !== "auto");
  it.each(methods)("%s works with n = 3 and returns consistent shapes", (method) => {
    const r = forecast([40, 44, 47], {method, horizon: 4});
    expect(r.method).toBe(method);
    expect(r.mean).toHaveLength(4);
    expect(r.fitted).toHaveLength(3);
    for (const level of [80, 95]) {
      expect(r.lower[level]).toHaveLength(4);
      r.mean.forEach((m, i) => {
        expect(Number.isFinite(m)).toBe(true);
        expect(r.lower[level][i]).toBeLessThanOrEqual(m);
        expect(r.upper[level][i]).toBeGreaterThanOrEqual(m);
      });
    }
    // 95% intervals contain the 80% ones
    r.mean.forEach((_, i) => {
      expect(r.lower[95][i]).toBeLessThanOrEqual(r.lower[80][i]);
      expect(r.upper[95][i]).toBeGreaterThanOrEqual(r.upper[80][i]);
    });
  });
  it.each(methods)("%s is deterministic and does not mutate its inputs", (method) => {
    const y = Object.freeze([31, 35, 36, 41, 45, 44, 50, 53, 57, 58]) as number[];
    const levels = Object.freeze([70, 90]) as number[];
    const options = Object.freeze({method, horizon: 3, levels});
    const a = forecast(y, options);
    const b = forecast([...y], {method, horizon: 3, levels: [70, 90]});
    expect(a).toEqual(b);
    expect(y).toEqual([31, 35, 36, 41, 45, 44, 50, 53, 57, 58]);
    expect(levels).toEqual([70, 90]);
  });
});

describe("auto", () => {
  it("falls back to Theta on series too short to select in (n < 8, AUTO_MIN_LENGTH)", () => {
    const r = forecast([10, 12, 13, 15, 16], {method: "auto", horizon: 2});
    expect(r.method).toBe("theta");
    expect(r.selection).toEqual({criterion: "mase", selected: "theta", scores: {}, fallback: true});
  });
  it("picks the lowest backtest MASE, breaking ties by candidate order", () => {
    // An exact straight line: drift and linear both forecast every origin perfectly (MASE 0);
    // drift comes first in AUTO_CANDIDATES, so it wins the tie.
    const r = forecast([10, 12, 14, 16, 18, 20, 22, 24], {method: "auto", horizon: 2});
    expect(r.selection!.scores.drift).toBe(0);
    expect(r.selection!.scores.linear).toBeCloseTo(0, 12);
    expect(r.selection!.scores.naive).toBeGreaterThan(0);
    expect(r.method).toBe("drift");
    expect(r.selection!.fallback).toBe(false);
    expect(Object.keys(r.selection!.scores)).toEqual([...AUTO_CANDIDATES]);
  });
  it("selects the candidate with the minimum score", () => {
    const y = [50, 48, 53, 51, 49, 52, 50, 54, 49, 51];
    const r = forecast(y, {method: "auto", horizon: 1});
    const scores = r.selection!.scores as Record<string, number>;
    const min = Math.min(...Object.values(scores).filter(Number.isFinite));
    expect(scores[r.method]).toBe(min);
    const again = forecast(y, {method: "auto", horizon: 1});
    expect(again).toEqual(r);
  });
});
