/**
 * Staffordshire's Lot 1 allocation table (or any table of CYP and £ cells by provider and area) as a heat-table:
 * every printed cell as printed, blanks labelled "blank" (never 0), £ cells shaded by amount, and a computed
 * total row under the printed ones.
 */
import {formatCount, formatMoney} from "../format.js";
import {heatTable, linearShade, type HeatCell, type HeatRow} from "./heat-table.js";

/** One (CYP, £) cell pair of the table. */
export interface AllocationCell {
  rowLabel: string;
  rowType: string;
  area: string;
  cyp: number | null;
  cypStatus: "value" | "blank" | "not_applicable";
  cypAsPrinted: string;
  amountGbp: number | null;
  amountStatus: "value" | "blank" | "not_applicable";
  amountAsPrinted: string;
}

/** Computed totals per area and overall (from the loader's Lot 1 summary). */
export interface AllocationTotals {
  areas: readonly {area: string; allocatedCyp: number; allocatedGbpReconstructed: number}[];
  allocatedCyp: number;
  allocatedGbp: number;
}

const ROW_NAMES: Readonly<Record<string, string>> = {
  to_be_allocated: "printed row",
  budgeted: "printed row",
  printed_total: "printed total row",
  potential_cyp: "printed row"
};

function cellText(value: number | null, status: string, printed: string): HeatCell {
  if (status === "blank")
    return {text: "blank", shade: null, missing: true, description: "blank in the source (not zero)"};
  if (status === "not_applicable")
    return {text: "n/a", shade: null, missing: true, description: "the source table has no cell here"};
  return {text: printed || String(value), shade: null, numeric: true};
}

/**
 * The heat-table of an allocation table.
 *
 * @example
 * allocationHeatTable(cells, totals, {caption: "Lot 1 allocations", note: "Source: …"});
 */
export function allocationHeatTable(
  cells: readonly AllocationCell[],
  totals: AllocationTotals,
  options: {caption: string; note: string; document?: Document}
): HTMLElement {
  const areas = [...new Set(cells.map((cell) => cell.area))].filter((area) => area !== "Total");
  const labels = [...new Set(cells.map((cell) => cell.rowLabel))];
  const maxAmount = Math.max(
    0,
    ...cells.filter((cell) => cell.rowType === "provider" && cell.area !== "Total").map((cell) => cell.amountGbp ?? 0)
  );
  const rows: HeatRow[] = labels.map((label) => {
    const inRow = cells.filter((cell) => cell.rowLabel === label);
    const type = inRow[0].rowType;
    const find = (area: string) => inRow.find((cell) => cell.area === area);
    const rowCells: HeatCell[] = [];
    for (const area of [...areas, "Total"]) {
      const cell = find(area);
      const cyp = cell ? cellText(cell.cyp, cell.cypStatus, cell.cypAsPrinted) : cellText(null, "not_applicable", "");
      const amount = cell
        ? cellText(cell.amountGbp, cell.amountStatus, cell.amountAsPrinted)
        : cellText(null, "not_applicable", "");
      if (type === "provider" && area !== "Total" && cell?.amountGbp != null) {
        amount.shade = linearShade(cell.amountGbp, maxAmount);
        cyp.shade = amount.shade;
      }
      if (area === "Total") {
        // The Total Budget column holds one figure: £, or (in the potential CYP row) a CYP count.
        rowCells.push(cell?.amountStatus === "value" ? amount : cyp);
      } else rowCells.push(cyp, amount);
    }
    return {header: label, subheader: ROW_NAMES[type], cells: rowCells};
  });
  rows.push({
    header: "Sum of provider rows (computed)",
    summary: true,
    cells: [
      ...areas.flatMap((area) => {
        const total = totals.areas.find((entry) => entry.area === area);
        return [
          {text: total ? formatCount(total.allocatedCyp) : "", shade: null, numeric: true},
          {text: total ? formatMoney(total.allocatedGbpReconstructed) : "", shade: null, numeric: true}
        ];
      }),
      {
        text: `${formatMoney(totals.allocatedGbp)} · ${formatCount(totals.allocatedCyp)} CYP`,
        shade: null,
        numeric: true
      }
    ]
  });
  return heatTable({
    caption: options.caption,
    corner: "Row as printed",
    columnGroups: [...areas.map((area) => ({label: area, span: 2})), {label: "Total Budget", span: 1}],
    columns: [
      ...areas.flatMap((area) => [
        {label: "CYP", title: `${area}: CYP`},
        {label: "£", title: `${area}: £`}
      ]),
      {label: "£ (or CYP)"}
    ],
    rows,
    key: [
      {text: "£", shade: 1, description: `largest provider allocation (${formatMoney(maxAmount)})`},
      {text: "£", shade: 0.3, description: "smaller allocation (shade ∝ £)"},
      {text: "blank", shade: null, missing: true, description: "printed blank in the source, not zero"},
      {text: "n/a", shade: null, missing: true, description: "no such cell in the source"}
    ],
    note: options.note,
    className: "allocation-table",
    document: options.document
  });
}
