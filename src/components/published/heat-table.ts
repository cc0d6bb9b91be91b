/**
 * An accessible heat-table: a real HTML table in which every cell carries its value as text and, in addition,
 * a shade. Colour is never the only carrier of meaning (WCAG 1.4.1): the text says the value, the shade helps the
 * eye find patterns. Rows and columns have header cells with `scope`, column groups have `colgroup` headers, and a
 * key under the table explains the shades and any labelled blank.
 */

/** One cell of a heat-table. */
export interface HeatCell {
  /** What the cell says; an empty source cell should say so (e.g. "blank"), never "0". */
  text: string;
  /** Shade intensity from 0 (none) to 1 (strongest); `null` leaves the cell unshaded. */
  shade: number | null;
  /** A longer description read by screen readers and shown as a tooltip, e.g. "Yes: strong delivery". */
  description?: string;
  /** Marks the cell as a missing value (shown muted and italic, so it cannot be mistaken for a number). */
  missing?: boolean;
  numeric?: boolean;
}

/** One row of a heat-table. */
export interface HeatRow {
  /** The row header. */
  header: string;
  /** A second line under the row header, e.g. a cost. */
  subheader?: string;
  cells: HeatCell[];
  /** Summary rows (totals) are set apart and not shaded. */
  summary?: boolean;
}

/** A heading spanning several columns. */
export interface HeatColumnGroup {
  label: string;
  span: number;
}

/** One entry of the key under the table. */
export interface HeatKeyEntry {
  text: string;
  shade: number | null;
  description: string;
  missing?: boolean;
}

export interface HeatTableOptions {
  caption: string;
  /** The header of the row-header column. */
  corner: string;
  columns: readonly {label: string; title?: string}[];
  columnGroups?: readonly HeatColumnGroup[];
  rows: readonly HeatRow[];
  key?: readonly HeatKeyEntry[];
  /** A note under the key (source, definitions). */
  note?: string;
  /** A class for styling variants, added to the wrapper. */
  className?: string;
  document?: Document;
}

/**
 * Clamps a shade to [0, 1] and rounds it to 2 decimals, so the markup is stable.
 *
 * @example
 * clampShade(1.7); // 1
 */
export function clampShade(shade: number): number {
  if (!Number.isFinite(shade)) throw new Error(`invalid shade: ${shade}`);
  return Math.round(Math.min(1, Math.max(0, shade)) * 100) / 100;
}

/**
 * Shade for a value on a linear scale from 0 to `max` (0 → 0, max → 1); `null` for a missing value.
 *
 * @example
 * linearShade(5, 10); // 0.5
 */
export function linearShade(value: number | null, max: number): number | null {
  if (value === null) return null;
  if (!(max > 0)) return 0;
  return clampShade(value / max);
}

function applyShade(cell: HTMLElement, shade: number | null) {
  if (shade === null) return;
  const level = clampShade(shade);
  cell.classList.add("pub-heat-shaded");
  cell.style.setProperty("--heat", String(level));
}

/**
 * The heat-table: a `<figure>` holding a scrollable, focusable table region and a key.
 *
 * @example
 * heatTable({caption: "Scores", corner: "Option", columns: [{label: "Test 1"}], rows: [{header: "Option 1", cells: [{text: "Yes", shade: 1}]}]});
 */
export function heatTable(options: HeatTableOptions): HTMLElement {
  const {caption, corner, columns, columnGroups, rows, key = [], note, className} = options;
  const doc = options.document ?? globalThis.document;
  for (const row of rows) {
    if (row.cells.length !== columns.length) {
      throw new Error(`invalid row "${row.header}": ${row.cells.length} cells for ${columns.length} columns`);
    }
  }
  if (columnGroups && columnGroups.reduce((sum, group) => sum + group.span, 0) !== columns.length) {
    throw new Error("invalid columnGroups: spans must add up to the number of columns");
  }
  const element = <K extends keyof HTMLElementTagNameMap>(tag: K, text?: string) => {
    const node = doc.createElement(tag);
    if (text !== undefined) node.textContent = text;
    return node;
  };

  const figure = element("figure");
  figure.className = ["pub-heat-table", className].filter(Boolean).join(" ");
  const region = element("div");
  region.className = "pub-heat-table-scroll";
  region.tabIndex = 0;
  region.setAttribute("role", "region");
  region.setAttribute("aria-label", caption);
  const table = element("table");
  table.append(element("caption", caption));
  const head = element("thead");
  if (columnGroups) {
    const groupRow = element("tr");
    const blank = element("td");
    blank.className = "pub-heat-corner";
    groupRow.append(blank);
    for (const group of columnGroups) {
      const th = element("th", group.label);
      th.scope = "colgroup";
      th.colSpan = group.span;
      th.className = "pub-heat-group";
      groupRow.append(th);
    }
    head.append(groupRow);
  }
  const columnRow = element("tr");
  const cornerCell = element("th", corner);
  cornerCell.scope = "col";
  columnRow.append(cornerCell);
  for (const column of columns) {
    const th = element("th", column.label);
    th.scope = "col";
    if (column.title) th.title = column.title;
    columnRow.append(th);
  }
  head.append(columnRow);
  table.append(head);

  const body = element("tbody");
  for (const row of rows) {
    const tr = element("tr");
    if (row.summary) tr.className = "pub-heat-summary";
    const th = element("th", row.header);
    th.scope = "row";
    if (row.subheader) {
      const sub = element("span", row.subheader);
      sub.className = "pub-heat-subheader";
      th.append(element("br"), sub);
    }
    tr.append(th);
    for (const cell of row.cells) {
      const td = element("td", cell.text);
      if (cell.numeric) td.classList.add("numeric");
      if (cell.missing) td.classList.add("pub-heat-missing");
      if (cell.description) td.title = cell.description;
      if (!row.summary) applyShade(td, cell.shade);
      tr.append(td);
    }
    body.append(tr);
  }
  table.append(body);
  region.append(table);
  figure.append(region);

  if (key.length > 0 || note) {
    const caption2 = element("figcaption");
    if (key.length > 0) {
      const list = element("ul");
      list.className = "pub-heat-key";
      list.setAttribute("aria-label", "Key");
      for (const entry of key) {
        const item = element("li");
        const swatch = element("span", entry.text);
        swatch.className = "pub-heat-swatch";
        if (entry.missing) swatch.classList.add("pub-heat-missing");
        applyShade(swatch, entry.shade);
        item.append(swatch, doc.createTextNode(` ${entry.description}`));
        list.append(item);
      }
      caption2.append(list);
    }
    if (note) {
      const p = element("p", note);
      p.className = "pub-heat-note";
      caption2.append(p);
    }
    figure.append(caption2);
  }
  return figure;
}
