import {describe, expect, test} from "vitest";
import {HEAT_SHADES, heatTable, shadeIndex} from "../../src/components/heat-table.js";
import {contrastRatio} from "../../src/components/palette.js";
import {formatCount, formatMoney} from "../../src/components/format.js";
import type {Cell} from "../../src/components/gss.js";
import {createDocument, expectSnapshot} from "../support/snapshot.js";

interface Allocation {
  provider: string;
  area: string;
  cyp: Cell;
  cost: Cell;
}

// The first rows of Staffordshire's Lot 1 allocation table, April to September 2024 (seeds/staffordshire-lot-details.txt).
const rows: Allocation[] = [
  {provider: "Action for Child", area: "North", cyp: 8, cost: 18729},
  {provider: "Action for Child", area: "West", cyp: 0, cost: 0},
  {provider: "Progress Care", area: "South", cyp: 3, cost: 4800},
  {provider: "Progress Care", area: "East", cyp: 3, cost: 4800},
  {provider: "Progress Care", area: "West", cyp: 0, cost: 0},
  {provider: "Care Avenues", area: "South", cyp: 2, cost: 2752},
  {provider: "Care Avenues", area: "East", cyp: 0, cost: 0},
  {provider: "Care Avenues", area: "West", cyp: 2, cost: 2752}
];
const measures = [
  {label: "CYP", value: (d: Allocation) => d.cyp, format: formatCount},
  {label: "£", value: (d: Allocation) => d.cost, format: formatMoney}
];
const options = {
  rowKey: (d: Allocation) => d.provider,
  columnKey: (d: Allocation) => d.area,
  rowHeader: "Lot 1",
  caption: "Lot 1 allocations, April to September 2024",
  columnOrder: ["North", "South", "East", "West"],
  measures
};
const text = (node: Element | null | undefined) => node?.textContent ?? "";

describe("heatTable", () => {
  test("lays out provider rows × area columns with CYP and £ in each, and sums totals", async () => {
    const figure = heatTable(rows, {...options, document: createDocument()});
    const table = figure.querySelector("table")!;
    expect(text(table.querySelector("caption"))).toBe("Lot 1 allocations, April to September 2024");
    const top = [...table.tHead!.rows[0].cells].map((cell) => cell.textContent);
    expect(top).toEqual(["Lot 1", "North", "South", "East", "West", "Total"]);
    expect(table.tHead!.rows[0].cells[1].getAttribute("scope")).toBe("colgroup");
    expect(table.tHead!.rows[0].cells[1].colSpan).toBe(2);
    expect([...table.tHead!.rows[1].cells].map((cell) => cell.textContent)).toEqual(Array(5).fill(["CYP", "£"]).flat());
    const body = [...table.tBodies[0].rows].map((row) => [...row.cells].map((cell) => cell.textContent));
    // rows in order of first appearance; an absent cell is blank, never 0
    expect(body[0]).toEqual(["Action for Child", "8", "£18,729", "", "", "", "", "0", "£0", "8", "£18,729"]);
    expect(body[1]).toEqual(["Progress Care", "", "", "3", "£4,800", "3", "£4,800", "0", "£0", "6", "£9,600"]);
    expect(table.tBodies[0].rows[0].cells[0].getAttribute("scope")).toBe("row");
    const foot = [...table.tFoot!.rows[0].cells].map((cell) => cell.textContent);
    // Staffordshire's own totals: 8 / £18,729 North; 5 / £7,552 South; 3 / £4,800 East; 2 / £2,752 West
    expect(foot).toEqual(["Total", "8", "£18,729", "5", "£7,552", "3", "£4,800", "2", "£2,752", "18", "£33,833"]);
    await expectSnapshot(figure, "heat-table-allocations.html");
  });

  test("shades by value, relative to the largest cell of each measure, and leaves zero and totals unshaded", () => {
    const figure = heatTable(rows, {...options, document: createDocument()});
    const first = figure.querySelector<HTMLTableRowElement>("tbody tr")!.cells;
    expect((first[1] as HTMLElement).dataset.shade).toBe("5"); // 8 is the largest CYP
    expect((first[2] as HTMLElement).dataset.shade).toBe("5");
    expect((first[7] as HTMLElement).dataset.shade).toBeUndefined(); // 0
    expect((first[9] as HTMLElement).dataset.shade).toBeUndefined(); // total
    const progress = figure.querySelectorAll<HTMLTableRowElement>("tbody tr")[1].cells;
    expect((progress[3] as HTMLElement).dataset.shade).toBe(String(Math.floor((3 / 8) * 6)));
    expect(shadeIndex(0, 10)).toBe(-1);
    expect(shadeIndex(10, 10)).toBe(5);
    expect(shadeIndex(1, 0)).toBe(-1);
  });

  test("uses given totals (distinct counts) instead of sums, and writes GSS symbols as labelled gaps", () => {
    const withTotals = [
      ...rows.map((row) =>
        row.provider === "Care Avenues" && row.area === "South" ? {...row, cyp: "c" as const} : row
      ),
      {provider: "Total", area: "Total", cyp: 16, cost: 33833},
      {provider: "Progress Care", area: "Total", cyp: 5, cost: 9600}
    ];
    const figure = heatTable(withTotals, {...options, document: createDocument()});
    const bodyRows = figure.querySelectorAll<HTMLTableRowElement>("tbody tr");
    expect(bodyRows[1].cells[9].textContent).toBe("5"); // given, not 3 + 3
    expect(bodyRows[2].cells[3].textContent).toBe("c");
    expect(bodyRows[2].cells[3].getAttribute("title")).toContain("confidential");
    expect(bodyRows[2].cells[9].textContent).toBe("x"); // a sum over a suppressed cell is not available
    const foot = figure.querySelector<HTMLTableRowElement>("tfoot tr")!.cells;
    expect(foot[9].textContent).toBe("16");
    expect(foot[3].textContent).toBe("x");
    expect(text(figure.querySelector("figcaption"))).toContain("c = confidential");
  });

  test("a single measure gives one header row; totals can be turned off; input is not mutated", () => {
    const copy = structuredClone(rows);
    const figure = heatTable(rows, {
      ...options,
      measures: [measures[0]],
      totals: false,
      document: createDocument()
    });
    expect(figure.querySelectorAll("thead tr").length).toBe(1);
    expect(figure.querySelector("tfoot")).toBeNull();
    expect([...figure.querySelector<HTMLTableRowElement>("thead tr")!.cells].map((cell) => cell.textContent)).toEqual([
      "Lot 1",
      "North",
      "South",
      "East",
      "West"
    ]);
    expect(rows).toEqual(copy);
    expect(() => heatTable(rows, {...options, measures: [], document: createDocument()})).toThrow(/measures/);
  });

  test("text on every shade has at least 4.5:1 contrast", () => {
    const figure = heatTable(rows, {...options, document: createDocument()});
    for (const cell of figure.querySelectorAll<HTMLElement>("td[data-shade]")) {
      const shade = HEAT_SHADES[Number(cell.dataset.shade)];
      const colour = cell.style.color.startsWith("rgb")
        ? `#${cell.style.color
            .match(/\d+/g)!
            .map((n) => Number(n).toString(16).padStart(2, "0"))
            .join("")}`
        : cell.style.color;
      expect(contrastRatio(shade, colour)).toBeGreaterThanOrEqual(4.5);
    }
  });
});
