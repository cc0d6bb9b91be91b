/**
 * The data behind a chart as an accessible HTML table, with a CSV download of exactly the rows shown. Every
 * chart has one: tooltips cannot be reached by keyboard, and screen-reader users need the numbers.
 */
import {toCsv} from "./csv.js";
import {GSS_SYMBOLS, isGssSymbol} from "./gss.js";
import {plainText} from "./plain-text.js";
import type {Provenance} from "./provenance.js";

export interface TableColumn<T> {
  key: keyof T & string;
  label: string;
  /** Formats a value for display; GSS symbols are shown as they are. */
  format?: (value: never, row: T) => string;
  /** Right-aligns the column and sorts it numerically. */
  numeric?: boolean;
  /** Marks the column as the row header (`<th scope="row">`). */
  rowHeader?: boolean;
}

export interface DataTableOptions<T> {
  columns: readonly TableColumn<T>[];
  /** The table's caption: what one row is and what the numbers measure. */
  caption: string;
  /** File name of the CSV download, without extension. */
  filename: string;
  provenance?: Provenance;
  /** Open the table by default (e.g. in print). */
  open?: boolean;
  document?: Document;
}

function display<T>(column: TableColumn<T>, row: T): string {
  const value = row[column.key] as unknown;
  if (value === null || value === undefined) return "";
  if (isGssSymbol(value)) return value;
  if (column.format) return column.format(value as never, row);
  return plainText(value);
}

/**
 * A `<details>` element holding the table and a CSV download link.
 *
 * @example
 * dataTable(rows, {columns: [{key: "fy", label: "Financial year", rowHeader: true}], caption: "Referrals", filename: "referrals"});
 */
export function dataTable<T extends object>(rows: readonly T[], options: DataTableOptions<T>): HTMLElement {
  const {columns, caption, filename, provenance, open = false} = options;
  const doc = options.document ?? globalThis.document;
  const element = <K extends keyof HTMLElementTagNameMap>(tag: K, text?: string) => {
    const node = doc.createElement(tag);
    if (text !== undefined) node.textContent = text;
    return node;
  };
  const details = element("details");
  details.className = "data-table";
  details.open = open;
  details.append(element("summary", `Data table: ${caption}`));

  const wrapper = element("div");
  wrapper.className = "data-table-scroll";
  wrapper.tabIndex = 0;
  wrapper.setAttribute("role", "region");
  wrapper.setAttribute("aria-label", caption);
  const table = element("table");
  table.append(element("caption", caption));
  const head = element("tr");
  for (const column of columns) {
    const th = element("th", column.label);
    th.scope = "col";
    if (column.numeric) th.className = "numeric";
    head.append(th);
  }
  table.append(element("thead"));
  table.tHead?.append(head);
  const body = element("tbody");
  const symbols = new Set<string>();
  for (const row of rows) {
    const tr = element("tr");
    for (const column of columns) {
      const cell = element(column.rowHeader ? "th" : "td", display(column, row));
      if (column.rowHeader) cell.scope = "row";
      if (column.numeric) cell.className = "numeric";
      const value = row[column.key] as unknown;
      if (isGssSymbol(value)) {
        symbols.add(value);
        cell.title = GSS_SYMBOLS[value];
      }
      tr.append(cell);
    }
    body.append(tr);
  }
  table.append(body);
  wrapper.append(table);
  details.append(wrapper);

  if (symbols.size > 0) {
    const legend = element("p");
    legend.className = "symbols-legend";
    legend.textContent = [...symbols]
      .sort()
      .map((symbol) => `${symbol} = ${GSS_SYMBOLS[symbol as keyof typeof GSS_SYMBOLS]}`)
      .join("; ");
    details.append(legend);
  }

  const csv = toCsv(rows, columns, {title: caption, provenance});
  const link = element("a", `Download this table as CSV (${rows.length} rows)`);
  link.className = "csv-download";
  link.setAttribute("download", `${filename}.csv`);
  link.href = `data:text/csv;charset=utf-8,${encodeURIComponent(csv)}`;
  details.append(link);
  return details;
}
