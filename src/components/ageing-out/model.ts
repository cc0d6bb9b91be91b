/**
 * Fixed settings of the ageing-out projection, shared by the page (src/ageing-out.md) and the build step that
 * precomputes the survival table (src/data/ageing-out-survival.arrow.ts), so the two always agree.
 */

/** Complete financial years of history behind the entry and leaving rates. */
export const HISTORY_YEARS = 3;

/** The longest horizon the notebook offers, in years; the survival table covers 0 to this many years ahead. */
export const MAX_YEARS = 5;

/** The horizons the notebook offers, 1 to {@link MAX_YEARS} years. */
export const HORIZONS: readonly number[] = Array.from({length: MAX_YEARS}, (_, index) => index + 1);
