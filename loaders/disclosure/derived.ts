/**
 * Disclosure control of derived figures: percentages, rates, averages, costs per child and forecasts. A figure
 * computed from fewer than 6 children is `c`, because it can reveal a small count by multiplication (3 / 4 = 75%
 * reveals both 3 and 4). So is one whose numerator or complement (denominator − numerator) is 1 to 5 children, or
 * whose inputs are suppressed in the published counts. A figure with a zero denominator is `z` (not
 * applicable). Reference: DfE, "Statistics: special educational needs (SEN2) — methodology" (rates and
 * percentages based on suppressed counts are suppressed); GSS, "Symbols in tables".
 */
import {MINIMUM_PUBLISHED_COUNT, isPrimaryCount} from "./primary.js";

/** A derived figure as published. */
export interface DerivedFigure {
  value: number | "c" | "z";
  reason: "derived" | null;
}

/** Child counts a derived figure is computed from. */
export interface DerivedBasis {
  /** Children in the denominator (the population the figure describes). */
  denominator: number;
  /** Children in the numerator, when it is a count of children (a percentage or rate); omit for money. */
  numerator?: number;
  /** True if a count the figure uses is suppressed (`c`) in a published table (default false). */
  inputsSuppressed?: boolean;
  /** Also suppress when denominator − numerator is 1 to 5 (default true: 38 of 40 reveals the 2 others). */
  complement?: boolean;
}

/**
 * Publish or suppress a figure computed from child counts.
 *
 * @example
 * derivedFigure(75, {numerator: 3, denominator: 4}); // {value: "c", reason: "derived"}
 * derivedFigure(50, {numerator: 20, denominator: 40}); // {value: 50, reason: null}
 * derivedFigure(95, {numerator: 38, denominator: 40}); // {value: "c", reason: "derived"} (2 not in it)
 * derivedFigure(Number.NaN, {numerator: 0, denominator: 0}); // {value: "z", reason: null}
 */
export function derivedFigure(value: number, basis: DerivedBasis): DerivedFigure {
  const {denominator, numerator} = basis;
  if (!Number.isInteger(denominator) || denominator < 0) throw new Error(`invalid denominator: ${denominator}`);
  if (numerator !== undefined && (!Number.isInteger(numerator) || numerator < 0 || numerator > denominator)) {
    throw new Error(`invalid numerator: ${numerator}`);
  }
  if (denominator === 0) return {value: "z", reason: null};
  const suppress =
    basis.inputsSuppressed === true ||
    denominator < MINIMUM_PUBLISHED_COUNT ||
    (numerator !== undefined && isPrimaryCount(numerator)) ||
    (numerator !== undefined && basis.complement !== false && isPrimaryCount(denominator - numerator));
  if (suppress) return {value: "c", reason: "derived"};
  if (!Number.isFinite(value)) throw new Error(`invalid value: ${value}`);
  return {value, reason: null};
}

/**
 * A percentage of children, 100·numerator/denominator, rounded to `decimals` (default 1), with the derived rule.
 *
 * @example
 * percentage(12, 40); // {value: 30, reason: null}
 * percentage(2, 40); // {value: "c", reason: "derived"}
 */
export function percentage(
  numerator: number,
  denominator: number,
  options: {decimals?: number; inputsSuppressed?: boolean; complement?: boolean} = {}
): DerivedFigure {
  const factor = 10 ** (options.decimals ?? 1);
  const value = denominator > 0 ? Math.round((100 * factor * numerator) / denominator) / factor : NaN;
  return derivedFigure(value, {numerator, denominator, ...options});
}

/**
 * An amount per child (average cost, hours or nights per child): amount/children, suppressed when fewer than 6
 * children contribute. Spend itself is also subject to the dominance rule where it is published.
 *
 * @example
 * perChild(93_645, 5); // {value: "c", reason: "derived"}
 * perChild(120_000, 8); // {value: 15000, reason: null}
 */
export function perChild(amount: number, children: number, options: {inputsSuppressed?: boolean} = {}): DerivedFigure {
  return derivedFigure(children > 0 ? amount / children : NaN, {denominator: children, ...options});
}

/**
 * A forecast or any other model output, published only if the series it is fitted to describes at least 6
 * children (`basedOnChildren` = the smallest child count in the inputs that the figure depends on).
 *
 * @example
 * forecastFigure(14.2, 4); // {value: "c", reason: "derived"}
 */
export function forecastFigure(
  value: number,
  basedOnChildren: number,
  options: {inputsSuppressed?: boolean} = {}
): DerivedFigure {
  return derivedFigure(value, {denominator: basedOnChildren, ...options});
}
