import {fitCombination} from "./combination.js";
import {fitEts} from "./ets.js";
import {fitLinear} from "./linear.js";
import {fitDrift, fitNaive} from "./naive.js";
import {fitTheta} from "./theta.js";
import type {ConcreteMethod, FitContext, ModelFit} from "./types.js";

/**
 * Fits one concrete (non-`auto`) method to an already validated series.
 * @example
 * fitMethod([1, 2, 3], "drift", {horizon: 1, levels: [95], params: {}, shrinkage: 0}).mean; // [4]
 */
export function fitMethod(y: readonly number[], method: ConcreteMethod, ctx: FitContext): ModelFit {
  switch (method) {
    case "naive":
      return fitNaive(y, ctx);
    case "drift":
      return fitDrift(y, ctx);
    case "linear":
      return fitLinear(y, ctx);
    case "ses":
    case "holt":
    case "damped":
      return fitEts(y, method, ctx);
    case "theta":
      return fitTheta(y, ctx);
    case "combination":
      return fitCombination(y, ctx);
  }
}
