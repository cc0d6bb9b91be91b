/**
 * Plain-English descriptions of the forecast engine's methods, for the notebook's model card: what each assumes
 * and when not to trust it.
 */
import type {ConcreteMethod} from "../forecast/index.js";

export interface MethodCard {
  label: string;
  /** What the method does, in one sentence. */
  how: string;
  /** What it assumes about the future. */
  assumes: string;
  /** When its forecast should not be trusted. */
  caution: string;
}

export const METHOD_CARDS: Record<ConcreteMethod, MethodCard> = {
  naive: {
    label: "Naive (last value)",
    how: "Every future period equals the last observed one.",
    assumes: "Nothing changes: no trend, and the latest period is typical.",
    caution: "It ignores any growth, so it under-forecasts a rising series; a one-off last period carries forward."
  },
  drift: {
    label: "Drift (average change)",
    how: "A straight line from the first to the last observation, continued: the average change per period.",
    assumes: "The average change over the whole history continues.",
    caution: "It depends only on the first and last points, so an unusual start or end year moves the whole forecast."
  },
  linear: {
    label: "Linear trend",
    how: "A straight line fitted by least squares to every period (computed by SQL in DuckDB on this page), with Student-t prediction intervals.",
    assumes: "The trend is a straight line and deviations from it are independent with constant spread.",
    caution:
      "A break (a Lot collapsing, a new framework) bends the line for years; with few points the Student-t intervals are wide, and honestly so."
  },
  ses: {
    label: "Simple exponential smoothing",
    how: "A weighted average of past values, the recent ones weighted most.",
    assumes: "The level wanders but there is no trend.",
    caution: "Flat forecasts: it lags behind a series that is growing."
  },
  holt: {
    label: "Holt's linear trend",
    how: "Exponential smoothing of both the level and the trend, so recent growth counts most.",
    assumes: "The recent trend carries on undamped.",
    caution:
      "It can extrapolate a short burst of growth for years; on short series its parameters are fixed, not estimated."
  },
  damped: {
    label: "Damped trend",
    how: "Holt's method with the trend fading out over the horizon.",
    assumes: "Growth continues but slows.",
    caution: "If growth really is sustained it under-forecasts the later years."
  },
  theta: {
    label: "Theta",
    how: "Simple exponential smoothing plus half the long-run linear trend (the M3 competition's winning method).",
    assumes: "A steady long-run trend around a smoothed level.",
    caution: "Like the linear trend, it is pulled by breaks in the history."
  },
  combination: {
    label: "Combination (drift, damped, theta)",
    how: "The average of the drift, damped-trend and theta forecasts; its intervals average theirs.",
    assumes: "No single method is right; averaging reduces the risk of the worst one.",
    caution:
      "Its intervals are an average of three models' intervals, not a model of their own: check the backtest coverage."
  }
};
