import {describe, expect, it} from "vitest";
import {backtest} from "../../../src/components/forecast/index.js";
import {etsFilter, fitEts, type EtsKind, type EtsParams} from "../../../src/components/forecast/ets.js";
import type {FitContext} from "../../../src/components/forecast/types.js";

// A monthly-length series: trend, a slow cycle and fixed pseudo-random noise (a linear congruential generator).
const noise = (() => {
  let state = 12345;
  return () => ((state = (state * 1103515245 + 12345) % 2 ** 31) / 2 ** 31 - 0.5) * 12;
})();
const y = Array.from({length: 72}, (_, t) => 200 + 1.5 * t + 15 * Math.sin(t / 4) + noise());

const paramsOf = (fit: {params: Record<string, number>}): EtsParams => ({
  alpha: fit.params.alpha,
  beta: fit.params.beta ?? 0,
  phi: fit.params.phi ?? 1,
  l0: fit.params.l0,
  b0: fit.params.b0 ?? 0
});

describe("warm-started backtests", () => {
  it("equal the cold ones when every parameter is given (nothing is estimated)", () => {
    const params = {alpha: 0.4, beta: 0.1, l0: 200, b0: 1.5};
    const cold = backtest(y, {method: "holt", horizon: 6, minTrain: 60, params});
    const warm = backtest(y, {method: "holt", horizon: 6, minTrain: 60, params, warmStart: true});
    expect(warm.errors).toEqual(cold.errors);
  });

  it("leave auto's per-origin choice as it was (auto fits other windows, so it takes no warm start)", () => {
    const cold = backtest(y.slice(0, 30), {method: "auto", horizon: 4, minTrain: 24});
    const warm = backtest(y.slice(0, 30), {method: "auto", horizon: 4, minTrain: 24, warmStart: true});
    expect(warm.errors).toEqual(cold.errors);
  });

  for (const kind of ["ses", "holt", "damped"] as EtsKind[]) {
    it(`fit ${kind} at each origin at least as well as the previous optimum does, and within 2% of the multi-start SSE`, () => {
      const ctx: FitContext = {horizon: 6, levels: [80, 95], params: {}, shrinkage: 0, warmStarts: new Map()};
      for (let origin = 60; origin < y.length; origin++) {
        const train = y.slice(0, origin);
        const start = ctx.warmStarts!.get(kind);
        const warm = paramsOf(fitEts(train, kind, ctx));
        const cold = paramsOf(fitEts(train, kind, {...ctx, warmStarts: undefined}));
        const sse = (p: EtsParams) => etsFilter(train, kind, p).sse;
        // the start is pulled in from a bound first, so compare with a rounding margin
        if (start) expect(sse(warm)).toBeLessThanOrEqual(sse(start) * (1 + 1e-9));
        expect(sse(warm)).toBeLessThanOrEqual(sse(cold) * 1.02);
        expect(ctx.warmStarts!.get(kind)).toEqual(warm);
      }
    });
  }
});
