/**
 * Growth over complete financial years, stated as the seed reports state it: "+42% since 2019-20" and "+22% on
 * the previous year". A part year is never used: it would understate the latest year.
 */
import {formatChange, formatCount} from "../format.js";

export interface YearValue {
  financial_year: string;
  value: number;
  complete: boolean;
}

export interface GrowthStatement {
  first: YearValue;
  latest: YearValue;
  previous: YearValue;
  sinceFirst: number | null;
  onPrevious: number | null;
  /** E.g. "+42% since 2019-20 and +22% on the previous year (2023-24 to 2024-25; complete financial years only)". */
  text: string;
}

/**
 * Growth from the first to the latest complete year and on the year before; null with fewer than two.
 *
 * @example
 * growthStatement([{financial_year: "2019-20", value: 100, complete: true}, {financial_year: "2020-21", value: 142, complete: true}]).text;
 * // "+42% since 2019-20 (100 to 142), +42% on the previous year; complete financial years 2019-20 to 2020-21"
 */
export function growthStatement(years: readonly YearValue[]): GrowthStatement | null {
  const complete = years
    .filter((year) => year.complete)
    .sort((a, b) => a.financial_year.localeCompare(b.financial_year));
  if (complete.length < 2) return null;
  const first = complete[0];
  const latest = complete[complete.length - 1];
  const previous = complete[complete.length - 2];
  const change = (from: number, to: number) => (from === 0 ? null : (to - from) / from);
  const sinceFirst = change(first.value, latest.value);
  const onPrevious = change(previous.value, latest.value);
  const since =
    sinceFirst === null
      ? `no comparison with ${first.financial_year} (none then)`
      : `${formatChange(sinceFirst)} since ${first.financial_year}`;
  const prev =
    onPrevious === null ? "no comparison with the previous year" : `${formatChange(onPrevious)} on the previous year`;
  return {
    first,
    latest,
    previous,
    sinceFirst,
    onPrevious,
    text: `${since} (${formatCount(first.value)} to ${formatCount(latest.value)}), ${prev}; complete financial years ${first.financial_year} to ${latest.financial_year}`
  };
}
