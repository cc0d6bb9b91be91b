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

/**
 * Below this length (fewer than 5 rolling origins with 3 training points) `auto` does not select in
 * the series: with 3–4 origins the in-series MASE ranking is mostly noise. Evidence (DfE SEN2, all
 * English LAs, docs/forecast-accuracy.md): in-series selection at n = 6–7 was worse than the Theta
 * method alone on new EHC plans (relative MASE 0.970 vs 0.959).
 */
export const AUTO_MIN_LENGTH = 8;

/**
 * Method used when the series is too short to select in, or no candidate can be scored: the Theta
 * method (Assimakopoulos & Nikolopoulos 2000), best of the M3 competition on annual and short
 * series (Makridakis & Hibon 2000) and an M4 benchmark. It was also the most accurate single method
 * across all English LAs on both SEN2 series (docs/forecast-accuracy.md). The previous fallback,
 * drift, was worse than naive on new EHC plans there (relative MASE 1.078).
 */
export const AUTO_FALLBACK: ConcreteMethod = "theta";

/** Training points at the first rolling origin of `auto` (the engine's minimum series length). */
export const AUTO_MIN_TRAIN = 3;

/**
 * Chooses a method by rolling-origin backtest on the series itself (origins 3..n-1, horizons up to
 * the requested horizon): the candidate with the lowest MASE (Hyndman & Koehler 2006) pooled over
 * all origins and horizons wins. Ties (within 1e-9 relative) go to the earlier candidate in
 * `AUTO_CANDIDATES`, i.e. the simpler method. Series shorter than `AUTO_MIN_LENGTH`, or whose
 * candidates cannot be scored (every training window flat), get `AUTO_FALLBACK` (Theta; see there
 * for the cross-series evidence). Cross-learning (`pooledGrowth`) reaches every candidate.
 * @example
 * selectMethod([10, 12, 14, 16, 18, 20, 22, 24], {horizon: 2, levels: [], params: {}, shrinkage: 0}).selected; // "drift"
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
