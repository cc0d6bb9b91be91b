/**
 * A heat-table: an accessible HTML table of one or more measures by row × column (e.g. provider × area, as in
 * Staffordshire's Lot 1 allocation table), whose cells are shaded by value and always carry the value as text, with
 * a totals row and column. Shading is a reading aid only: every value is written, so nothing relies on colour.
 */
import {GSS_SYMBOLS, isGssSymbol, type Cell} from "./gss.js";

/** One measure shown in every cell (a table with two measures has two sub-columns per column, e.g. CYP and £). */
export interface HeatMeasure<T> {
  /** Sub-column header, e.g. "CYP" or "Cost". */
  label: string;
  /** The cell's value; `null`/`undefined` for an empty cell, a GSS symbol for a value withheld. */
  value: (row: T) => Cell | null | undefined;
  /** Formats a number for display, e.g. `formatMoney`. */
  format: (value: number) => string;
  /**
   * How a total is made when the rows hold none: `"sum"` (default) adds the numbers of its line (a line holding a
   * GSS symbol gets `x`, as its sum is not available); `"none"` leaves totals blank (e.g. for a rate).
   */
  total?: "sum" | "none";
}

export interface HeatTableOptions<T> {
  /** The row a data row belongs to, e.g. the provider's name. */
  rowKey: (row: T) => string;
  /** The column a data row belongs to, e.g. the area's name. */
  columnKey: (row: T) => string;
  measures: readonly HeatMeasure<T>[];
  /** What one cell is and what the numbers measure. */
  caption: string;
  /** Header of the row-label column, e.g. "Provider". */
  rowHeader: string;
  /** Row order (keys); default: order of first appearance. Keys not listed follow in that order. */
  rowOrder?: readonly string[];
  /** Column order (keys); default: order of first appearance. */
  columnOrder?: readonly string[];
  /**
   * The key that marks totals in the rows (default `"Total"`): a row whose `rowKey` or `columnKey` is this key is a
   * given total (e.g. a distinct count that cannot be added up) and is used instead of a sum.
   */
  totalKey?: string;
  /** Show a totals row and column (default true). */
  totals?: boolean;
  /** A note printed under the table, e.g. how the figures are defined. */
  note?: string;
  document?: Document;
}

/** Shades from light to dark (ColorBrewer Blues, 6 classes) and the text colour that has 4.5:1 contrast on each. */
export const HEAT_SHADES = ["#eff3ff", "#c6dbef", "#9ecae1", "#6baed6", "#3182bd", "#08519c"] as const;
// Black keeps 4.5:1 up to the fifth shade (#3182bd: 5.0:1, where white gives only 4.15:1); white on the darkest.
const TEXT_ON_SHADE = ["#000000", "#000000", "#000000", "#000000", "#000000", "#ffffff"] as const;

/**
 * The shade class (0–5) of a value within 0..max, or -1 for zero or an empty scale (left unshaded).
 *
 * @example
 * shadeIndex(50, 100); // 2
 * shadeIndex(0, 100); // -1
 */
export function shadeIndex(value: number, max: number): number {
  if (!(max > 0) || !(value > 0)) return -1;
  return Math.min(HEAT_SHADES.length - 1, Math.floor((value / max) * HEAT_SHADES.length));
}

type Slot = Cell | null | undefined;

function orderKeys(seen: string[], order: readonly string[] | undefined): string[] {
  const unique = [...new Set(seen)];
  if (!order) return unique;
  return [...order.filter((key) => unique.includes(key)), ...unique.filter((key) => !order.includes(key))];
}

function sumLine(values: Slot[]): Slot {
  if (values.some((value) => isGssSymbol(value))) return "x";
  const numbers = values.filter((value): value is number => typeof value === "number");
  return numbers.length === 0 ? 0 : numbers.reduce((sum, value) => sum + value, 0);
}

/**
 * Builds the heat-table. Rows are long-form (one per row × column, plus optional given totals); they are not
 * mutated. Returns a `<figure class="heat-table">` holding a scrollable, focusable region with the table, and a
 * key to the shading.
 *
 * @example
 * heatTable(rows, {
 *   rowKey: (d) => d.provider_name, columnKey: (d) => d.area_name, rowHeader: "Provider",
 *   measures: [{label: "CYP", value: (d) => d.children, format: formatCount}, {label: "Cost", value: (d) => d.cost_gbp, format: formatMoney}],
 *   caption: "Lot 1 children and cost by provider and area, 2024-25"
 * });
 */
export function heatTable<T>(rows: readonly T[], options: HeatTableOptions<T>): HTMLElement {
  const {rowKey, columnKey, measures, caption, rowHeader, totalKey = "Total", totals = true, note} = options;
  if (measures.length === 0) throw new Error("heatTable: measures must not be empty");
  const doc = options.document ?? globalThis.document;
  const el = <K extends keyof HTMLElementTagNameMap>(tag: K, text?: string) => {
    const node = doc.createElement(tag);
    if (text !== undefined) node.textContent = text;
    return node;
  };

  const body = new Map<string, T>();
  const given = new Map<string, T>();
  const rowSeen: string[] = [];
  const columnSeen: string[] = [];
  for (const row of rows) {
    const r = rowKey(row);
    const c = columnKey(row);
    if (r === totalKey || c === totalKey) {
      given.set(`${r}\u0000${c}`, row);
      continue;
    }
    body.set(`${r}\u0000${c}`, row);
    rowSeen.push(r);
    columnSeen.push(c);
  }
  const rowKeys = orderKeys(rowSeen, options.rowOrder);
  const columnKeys = orderKeys(columnSeen, options.columnOrder);

  const value = (r: string, c: string, m: number): Slot => {
    const row = body.get(`${r}\u0000${c}`);
    return row === undefined ? undefined : measures[m].value(row);
  };
  const total = (r: string, c: string, m: number, line: () => Slot[]): Slot => {
    const row = given.get(`${r}\u0000${c}`);
    if (row !== undefined) return measures[m].value(row);
    return (measures[m].total ?? "sum") === "sum" ? sumLine(line()) : undefined;
  };
  const max = measures.map((_, m) =>
    Math.max(0, ...rowKeys.flatMap((r) => columnKeys.map((c) => value(r, c, m))).filter((v) => typeof v === "number"))
  );
  const symbols = new Set<string>();

  const cell = (slot: Slot, m: number, shaded: boolean) => {
    const td = el("td");
    td.className = "numeric";
    if (slot === null || slot === undefined) {
      td.textContent = "";
      return td;
    }
    if (isGssSymbol(slot)) {
      symbols.add(slot);
      td.textContent = slot;
      td.title = GSS_SYMBOLS[slot];
      td.className = "numeric heat-gap";
      return td;
    }
    td.textContent = measures[m].format(slot);
    const shade = shaded ? shadeIndex(slot, max[m]) : -1;
    if (shade >= 0) {
      td.style.backgroundColor = HEAT_SHADES[shade];
      td.style.color = TEXT_ON_SHADE[shade];
      td.dataset.shade = String(shade);
    }
    return td;
  };

  const figure = el("figure");
  figure.className = "heat-table";
  const scroll = el("div");
  scroll.className = "heat-table-scroll";
  scroll.tabIndex = 0;
  scroll.setAttribute("role", "region");
  scroll.setAttribute("aria-label", caption);
  const table = el("table");
  table.append(el("caption", caption));

  const multi = measures.length > 1;
  const headKeys = totals ? [...columnKeys, totalKey] : columnKeys;
  table.append(el("col"));
  for (let i = 0; i < headKeys.length; i++) {
    const group = el("colgroup");
    group.span = measures.length;
    table.append(group);
  }
  const thead = el("thead");
  const top = el("tr");
  const corner = el("th", rowHeader);
  corner.scope = "col";
  if (multi) corner.rowSpan = 2;
  top.append(corner);
  for (const key of headKeys) {
    const th = el("th", key);
    th.scope = multi ? "colgroup" : "col";
    if (multi) th.colSpan = measures.length;
    th.className = "numeric";
    top.append(th);
  }
  thead.append(top);
  if (multi) {
    const sub = el("tr");
    for (let i = 0; i < headKeys.length; i++) {
      for (const measure of measures) {
        const th = el("th", measure.label);
        th.scope = "col";
        th.className = "numeric";
        sub.append(th);
      }
    }
    thead.append(sub);
  }
  table.append(thead);

  const tbody = el("tbody");
  for (const r of rowKeys) {
    const tr = el("tr");
    const th = el("th", r);
    th.scope = "row";
    tr.append(th);
    for (const c of columnKeys) measures.forEach((_, m) => tr.append(cell(value(r, c, m), m, true)));
    if (totals) {
      measures.forEach((_, m) => {
        const td = cell(
          total(r, totalKey, m, () => columnKeys.map((c) => value(r, c, m))),
          m,
          false
        );
        td.classList.add("heat-total");
        tr.append(td);
      });
    }
    tbody.append(tr);
  }
  table.append(tbody);

  if (totals) {
    const tfoot = el("tfoot");
    const tr = el("tr");
    const th = el("th", totalKey);
    th.scope = "row";
    tr.append(th);
    for (const c of headKeys) {
      measures.forEach((_, m) => {
        const line =
          c === totalKey
            ? () => rowKeys.flatMap((r) => columnKeys.map((k) => value(r, k, m)))
            : () => rowKeys.map((r) => value(r, c, m));
        const td = cell(total(totalKey, c, m, line), m, false);
        td.classList.add("heat-total");
        tr.append(td);
      });
    }
    tfoot.append(tr);
    table.append(tfoot);
  }
  scroll.append(table);
  figure.append(scroll);

  const key = el("figcaption");
  key.className = "heat-key";
  const keyText = measures
    .map((measure, m) => {
      const steps = HEAT_SHADES.map((_, i) => measure.format((max[m] * i) / HEAT_SHADES.length));
      return `${measure.label}: darker is larger, in ${HEAT_SHADES.length} equal bands from ${steps[0]} to ${measure.format(max[m])}`;
    })
    .join("; ");
  key.append(el("span", `Shading (${keyText}). Totals are not shaded.`));
  const swatches = el("span");
  swatches.className = "heat-swatches";
  swatches.setAttribute("aria-hidden", "true");
  for (const shade of HEAT_SHADES) {
    const swatch = el("span");
    swatch.style.backgroundColor = shade;
    swatches.append(swatch);
  }
  key.append(swatches);
  if (symbols.size > 0) {
    key.append(
      el(
        "span",
        ` ${[...symbols]
          .sort()
          .map((symbol) => `${symbol} = ${GSS_SYMBOLS[symbol as keyof typeof GSS_SYMBOLS]}`)
          .join("; ")}.`
      )
    );
  }
  if (note) key.append(el("span", ` ${note}`));
  figure.append(key);
  return figure;
}
