import type {GeographySeries} from "../dfe/series.js";
import type {PanelSeries} from "../../src/components/forecast/index.js";

/** What happened to the series of one EES column on the way to a backtest panel (all counts are series). */
export interface PanelHandling {
  /** Geographies in the file at the requested level. */
  inFile: number;
  /** Window of years used, inclusive. */
  from: number;
  to: number;
  /** Series with every year of the window present as a number. */
  complete: number;
  /** Series with a gap in the window (a GSS symbol, or a year with no row) truncated to their latest run of consecutive numbers. */
  truncated: number;
  /** Series that were left out because their latest run is shorter than `minLength`, with the reason. */
  skipped: {code: string; name: string; reason: string}[];
  /** Missing values inside the window, by GSS symbol ("" = blank cell). */
  symbolsInWindow: Record<string, number>;
  /** Missing values outside the window (not used), by symbol. */
  symbolsOutsideWindow: Record<string, number>;
  /** Series whose run starts after `from` (new or reorganised authorities) or ends before `to` (abolished). */
  partial: {code: string; name: string; years: string}[];
}

/**
 * Turns DfE series (one per geography, GSS symbols kept as typed missing values) into a backtest
 * panel over a window of years. Missing values are never imputed or set to 0: a series with a gap
 * in the window (a symbol such as `c`/`x`/`z`, or a year with no row) is TRUNCATED to its latest run
 * of consecutive numeric years (the most recent data is what a forecast uses), and SKIPPED when
 * that run has fewer than `minLength` points (3 training points + 1 actual = 4 by default). Local
 * authority reorganisations (e.g. Bournemouth, Christchurch and Poole in 2019; North and West
 * Northamptonshire in 2021) appear as separate codes with shorter runs; they are kept when long enough.
 * @example
 * const {panel, handling} = toPanel(sen2Series(rows, {column: "inreq_ehc", geographicLevel: "Local authority"}), {from: 2016, to: 2022});
 */
export function toPanel(
  series: readonly GeographySeries[],
  options: {from: number; to: number; minLength?: number}
): {panel: PanelSeries[]; handling: PanelHandling} {
  const minLength = options.minLength ?? 4;
  const handling: PanelHandling = {
    inFile: series.length,
    from: options.from,
    to: options.to,
    complete: 0,
    truncated: 0,
    skipped: [],
    symbolsInWindow: {},
    symbolsOutsideWindow: {},
    partial: []
  };
  const panel: PanelSeries[] = [];
  for (const g of series) {
    let run: {year: number; value: number}[] = [];
    let gap = false;
    for (const p of g.points) {
      const inside = p.year >= options.from && p.year <= options.to;
      if (p.kind === "missing") {
        const bucket = inside ? handling.symbolsInWindow : handling.symbolsOutsideWindow;
        bucket[p.symbol] = (bucket[p.symbol] ?? 0) + 1;
      }
      if (!inside) continue;
      const contiguous = run.length === 0 || p.year === run[run.length - 1].year + 1;
      if (p.kind === "missing" || !contiguous) {
        if (run.length > 0 || p.kind === "missing") gap = true;
        run = [];
      }
      if (p.kind === "value") run.push({year: p.year, value: p.value});
    }
    const years = run.length === 0 ? "none" : `${run[0].year}–${run[run.length - 1].year}`;
    if (run.length > 0 && (run[0].year > options.from || run[run.length - 1].year < options.to) && !gap)
      handling.partial.push({code: g.code, name: g.name, years});
    if (run.length < minLength) {
      handling.skipped.push({
        code: g.code,
        name: g.name,
        reason: `${run.length} consecutive numeric year${run.length === 1 ? "" : "s"} (${years}) < ${minLength}`
      });
      continue;
    }
    if (gap) handling.truncated += 1;
    else if (run.length === options.to - options.from + 1) handling.complete += 1;
    panel.push({id: g.code, start: run[0].year, values: run.map((r) => r.value)});
  }
  return {panel, handling};
}
