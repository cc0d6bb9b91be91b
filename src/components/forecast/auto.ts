import {fitMethod} from "./dispatch.js";
import {rollingOrigin} from "./rolling.js";
import type {AutoSelection, ConcreteMethod, FitContext} from "./types.js";

/** Candidates of `auto`, in tie-breaking order (simplest first). */
export const AUTO_CANDIDATES: readonly ConcreteMethod[] = [
  "naive",
  "drift",
  "linear",
  "ses",
  "holt",
  "damped",
  "theta",
  "combination"
];

/** Below this length (fewer than 3 rolling origins with 3 training points) `auto` does not backtest. */
export const AUTO_MIN_LENGTH = 6;

/** Method used when the series is too short to backtest, or no candidate can be scored. */
export const AUTO_FALLBACK: ConcreteMethod = "drift";

/** Training points at the first rolling origin of `auto` (the engine's minimum series length). */
export const AUTO_MIN_TRAIN = 3;

/**
 * Chooses a method by rolling-origin backtest on the series itself (origins 3..n-1, horizons up to
 * the requested horizon): the candidate with the lowest MASE (Hyndman & Koehler 2006) pooled over
 * all origins and horizons wins. Ties (within 1e-9 relative) go to the earlier candidate in
 * `AUTO_CANDIDATES`, i.e. the simpler method. Series shorter than `AUTO_MIN_LENGTH`, or whose
 * candidates cannot be scored (every training window flat), get `AUTO_FALLBACK` (drift: the
 * FPP3 §5.2 benchmark for trending data; it equals naive on a flat series).
 * @example
 * selectMethod([10, 12, 14, 16, 18, 20], {horizon: 2, levels: [], params: {}, shrinkage: 0}).selected; // "drift"
 */
export function selectMethod(y: readonly number[], ctx: FitContext): AutoSelection {
  if (y.length < AUTO_MIN_LENGTH) return {criterion: "mase", selected: AUTO_FALLBACK, scores: {}, fallback: true};
  const scores: Partial<Record<ConcreteMethod, number>> = {};
  let selected: ConcreteMethod | undefined;
  let bestScore = Infinity;
  for (const method of AUTO_CANDIDATES) {
    const {summary} = rollingOrigin(
      y,
      (train, h) => fitMethod(train, method, {...ctx, horizon: h, levels: []}),
      ctx.horizon,
      AUTO_MIN_TRAIN,
      []
    );
    scores[method] = summary.mase;
    const better =
      selected === undefined ? Number.isFinite(summary.mase) : summary.mase < bestScore - 1e-9 * Math.max(1, bestScore);
    if (better) {
      bestScore = summary.mase;
      selected = method;
    }
  }
  if (selected === undefined) return {criterion: "mase", selected: AUTO_FALLBACK, scores, fallback: true};
  return {criterion: "mase", selected, scores, fallback: false};
}
