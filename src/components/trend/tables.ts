/**
 * The trend notebook's small tables (the backtest of every method, and DuckDB's linear-trend terms and forecast),
 * built with DOM calls: they are rebuilt on every input change, and parsing an HTML template per row cost the page
 * several milliseconds of each change.
 */
import {formatDecimal, formatPercent} from "../format.js";
import type {MethodScore} from "./run.js";

/** One cell: its text, and optionally a row header, right alignment, emphasis, and the unrounded value. */
export interface TableCell {
  text: string;
  rowHeader?: boolean;
  numeric?: boolean;
  strong?: boolean;
  /** Written to `data-value`, so that tests and scrapers read the number before rounding. */
  value?: number;
}

export interface SimpleTableOptions {
  caption: string;
  /** The scrolling region's accessible name. */
  label: string;
  testId: string;
  columns: readonly {label: string; numeric?: boolean}[];
  rows: readonly {cells: readonly TableCell[]; className?: string; current?: boolean}[];
  document?: Document;
}

/**
 * A captioned table with column headers inside a focusable, labelled scrolling region.
 *
 * @example
 * simpleTable({caption: "Terms", label: "Terms", testId: "terms", columns: [{label: "n"}], rows: [{cells: [{text: "8"}]}]});
 */
export function simpleTable(options: SimpleTableOptions): HTMLElement {
  const doc = options.document ?? globalThis.document;
  const make = <K extends keyof HTMLElementTagNameMap>(tag: K, className?: string) => {
    const node = doc.createElement(tag);
    if (className) node.className = className;
    return node;
  };
  const region = make("div", "data-table-scroll");
  region.tabIndex = 0;
  region.setAttribute("role", "region");
  region.setAttribute("aria-label", options.label);
  const table = make("table");
  table.dataset.testid = options.testId;
  const caption = make("caption");
  caption.textContent = options.caption;
  const headRow = make("tr");
  for (const column of options.columns) {
    const th = make("th", column.numeric ? "numeric" : undefined);
    th.scope = "col";
    th.textContent = column.label;
    headRow.append(th);
  }
  const head = make("thead");
  head.append(headRow);
  const body = make("tbody");
  for (const row of options.rows) {
    const tr = make("tr", row.className);
    if (row.current) tr.setAttribute("aria-current", "true");
    for (const cell of row.cells) {
      const td = make(cell.rowHeader ? "th" : "td", cell.numeric ? "numeric" : undefined);
      if (cell.rowHeader) td.scope = "row";
      if (cell.value !== undefined) td.dataset.value = String(cell.value);
      if (cell.strong) {
        const strong = make("strong");
        strong.textContent = cell.text;
        td.append(strong);
      } else {
        td.textContent = cell.text;
      }
      tr.append(td);
    }
    body.append(tr);
  }
  table.append(caption, head, body);
  region.append(table);
  return region;
}

/**
 * The rolling-origin backtest of every method on the series, the chosen method emphasised and marked current.
 *
 * @example
 * backtestTable(run.scores, [80, 95]);
 */
export function backtestTable(
  scores: readonly MethodScore[],
  [inner, outer]: readonly [number, number],
  document?: Document
): HTMLElement {
  return simpleTable({
    caption: "Rolling-origin backtest of every method on this series (analytic intervals)",
    label: "Backtest of every method",
    testId: "backtest-table",
    columns: [
      {label: "Method"},
      {label: "MASE", numeric: true},
      {label: `${inner}% coverage`, numeric: true},
      {label: `${outer}% coverage`, numeric: true},
      {label: "Shown"}
    ],
    rows: scores.map((s) => ({
      className: s.chosen ? "chosen" : "",
      current: s.chosen,
      cells: [
        {text: s.label, rowHeader: true, strong: s.chosen},
        {text: Number.isFinite(s.mase) ? s.mase.toFixed(2) : "x", numeric: true},
        {text: formatPercent(s.coverageInner), numeric: true},
        {text: formatPercent(s.coverageOuter), numeric: true},
        {text: s.chosen ? "✓ chosen" : ""}
      ]
    })),
    document
  });
}

/** The terms of the least-squares trend, as linear.sql returns them on each row. */
export interface LinearTerms {
  n: number;
  slope: number;
  intercept: number;
  xbar: number;
  sxx: number;
  residual_se: number;
}

/** One step ahead of linear.sql's forecast. */
export interface LinearForecastRow {
  mean: number;
  lower_inner: number;
  upper_inner: number;
  lower_outer: number;
  upper_outer: number;
}

const numberCell = (value: number, digits: number): TableCell => ({
  text: formatDecimal(Number(value), digits),
  numeric: true,
  value: Number(value)
});

/**
 * The least-squares trend terms DuckDB computed (n, slope, intercept, mean of t, Sxx, residual standard error).
 *
 * @example
 * linearTermsTable(linearRows[0]);
 */
export function linearTermsTable(terms: LinearTerms, document?: Document): HTMLElement {
  return simpleTable({
    caption: "Least-squares trend terms computed in DuckDB-WASM",
    label: "Linear trend terms",
    testId: "sql-linear-terms",
    columns: [
      {label: "n"},
      {label: "Slope", numeric: true},
      {label: "Intercept", numeric: true},
      {label: "Mean of t", numeric: true},
      {label: "Sxx", numeric: true},
      {label: "Residual standard error", numeric: true}
    ],
    rows: [
      {
        cells: [
          numberCell(terms.n, 0),
          numberCell(terms.slope, 4),
          numberCell(terms.intercept, 4),
          numberCell(terms.xbar, 4),
          numberCell(terms.sxx, 4),
          numberCell(terms.residual_se, 4)
        ]
      }
    ],
    document
  });
}

/**
 * The linear trend's forecast with its two Student-t prediction intervals, one row per period ahead.
 *
 * @example
 * linearForecastTable(linearRows, ["2025-26", "2026-27"], [80, 95]);
 */
export function linearForecastTable(
  rows: readonly LinearForecastRow[],
  periods: readonly string[],
  [inner, outer]: readonly [number, number],
  document?: Document
): HTMLElement {
  if (periods.length !== rows.length) throw new Error(`invalid periods: ${periods.length} for ${rows.length} rows`);
  return simpleTable({
    caption: `Linear trend forecast with ${inner}% and ${outer}% Student-t prediction intervals, computed in DuckDB-WASM`,
    label: "Linear trend forecast",
    testId: "sql-linear-forecast",
    columns: [
      {label: "Period"},
      {label: "Forecast", numeric: true},
      {label: `${inner}% lower`, numeric: true},
      {label: `${inner}% upper`, numeric: true},
      {label: `${outer}% lower`, numeric: true},
      {label: `${outer}% upper`, numeric: true}
    ],
    rows: rows.map((r, i) => ({
      cells: [
        {text: periods[i], rowHeader: true},
        numberCell(r.mean, 1),
        numberCell(r.lower_inner, 1),
        numberCell(r.upper_inner, 1),
        numberCell(r.lower_outer, 1),
        numberCell(r.upper_outer, 1)
      ]
    })),
    document
  });
}
