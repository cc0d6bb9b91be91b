import {check, type Check} from "./check.js";
import {oneOfCell, parseTable, sourceOf, statusNumberCell, textCell, type CellStatus, type Source} from "./table.js";

/** Kinds of row in Staffordshire's Lot 1 allocations table. */
export type Lot1RowType = "provider" | "to_be_allocated" | "budgeted" | "printed_total" | "potential_cyp";

const ROW_TYPES: readonly Lot1RowType[] = ["provider", "to_be_allocated", "budgeted", "printed_total", "potential_cyp"];

/** One cell pair (CYP, £) of the Lot 1 allocations table; `area` is a double district or `Total`. */
export interface Lot1Cell {
  /** Row label exactly as printed (clipped names kept, e.g. `Secure Healthca`). */
  readonly rowLabel: string;
  readonly rowType: Lot1RowType;
  readonly area: string;
  readonly cyp: number | null;
  readonly cypStatus: CellStatus;
  readonly cypAsPrinted: string;
  readonly amountGbp: number | null;
  readonly amountStatus: CellStatus;
  readonly amountAsPrinted: string;
  readonly source: Source;
}

/**
 * Parse `staffordshire/lot1_allocations.csv`. Blank printed cells stay `null` with status `blank`.
 * @throws Error naming file, row and column.
 * @example
 * parseLot1Allocations(text, "staffordshire/lot1_allocations.csv").length; // 85
 */
export function parseLot1Allocations(text: string, file: string): Lot1Cell[] {
  const columns = [
    "row_label",
    "row_type",
    "area",
    "cyp",
    "cyp_as_printed",
    "cyp_status",
    "amount_gbp",
    "amount_as_printed",
    "amount_status",
    "source_document",
    "source_table"
  ];
  const seen = new Set<string>();
  return parseTable(text, file, columns).map((row) => {
    const rowLabel = textCell(row, "row_label");
    const area = textCell(row, "area");
    const key = `${rowLabel}\u0000${area}`;
    if (seen.has(key)) throw new Error(`duplicate cell in ${file} row ${row.row}: ${rowLabel} / ${area}`);
    seen.add(key);
    const cyp = statusNumberCell(row, "cyp", "cyp_status");
    const amount = statusNumberCell(row, "amount_gbp", "amount_status");
    if (cyp.value !== null && !(Number.isInteger(cyp.value) && cyp.value >= 0)) {
      throw new Error(`invalid count in ${file} row ${row.row} column cyp: "${row.cells.cyp}"`);
    }
    return {
      rowLabel,
      rowType: oneOfCell(row, "row_type", ROW_TYPES),
      area,
      cyp: cyp.value,
      cypStatus: cyp.status,
      cypAsPrinted: row.cells.cyp_as_printed ?? "",
      amountGbp: amount.value,
      amountStatus: amount.status,
      amountAsPrinted: row.cells.amount_as_printed ?? "",
      source: sourceOf(row)
    };
  });
}

/** A provider's hourly rate implied by its printed cells (see {@link lot1Summary}). */
export interface ImpliedRate {
  readonly provider: string;
  /** Pounds per hour, whole pence, or `null` unless `status` is `unique`. */
  readonly hourlyRateGbp: number | null;
  /**
   * `unique`: exactly one whole-pence rate reproduces every printed cell of the provider;
   * `ambiguous`: several do; `inconsistent`: none does; `none`: no cell with CYP > 0 and an amount.
   */
  readonly status: "unique" | "ambiguous" | "inconsistent" | "none";
}

/** Lot 1 figures for one double district. */
export interface Lot1Area {
  readonly area: string;
  /** Σ provider CYP (blank cells excluded, not counted as 0). */
  readonly allocatedCyp: number;
  /** Σ of the printed (whole-pound) provider amounts. */
  readonly allocatedGbpFromPrintedCells: number;
  /** Σ of the reconstructed unrounded amounts (CYP × hours × implied rate), in pounds and pence. */
  readonly allocatedGbpReconstructed: number;
  readonly printedTotalCyp: number | null;
  readonly printedTotalGbp: number | null;
  readonly budgetedCyp: number | null;
  readonly budgetedGbp: number | null;
  readonly toBeAllocatedCyp: number | null;
  readonly potentialCyp: number | null;
}

/** Everything derived from the Lot 1 allocations table. */
export interface Lot1Summary {
  readonly areas: readonly Lot1Area[];
  readonly overall: {
    readonly allocatedCyp: number;
    readonly allocatedGbpFromPrintedCells: number;
    readonly allocatedGbpReconstructed: number;
    /** The printed grand total (Total Budget column of the total row). */
    readonly printedTotalGbp: number | null;
    /** Σ of the printed district totals. */
    readonly sumOfPrintedAreaTotalsGbp: number;
    /** Σ of the printed provider row totals (Total Budget column). */
    readonly sumOfPrintedProviderTotalsGbp: number;
    readonly budgetedGbp: number | null;
    readonly potentialCyp: number | null;
  };
  /** Hours per CYP package, read from the row label `Potential CYP based on cost per 64hrs`. */
  readonly hoursPerPackage: number;
  readonly impliedRates: readonly ImpliedRate[];
  readonly checks: readonly Check[];
}

function rowValue(
  cells: readonly Lot1Cell[],
  rowType: Lot1RowType,
  area: string,
  field: "cyp" | "amountGbp"
): number | null {
  const cell = cells.find((candidate) => candidate.rowType === rowType && candidate.area === area);
  return cell === undefined ? null : cell[field];
}

/**
 * Implied whole-pence hourly rate for one provider: the rates r (in pence) with
 * |CYP × hours × r / 100 − printed £| ≤ 0.5 for every cell with CYP > 0 and an amount.
 * Example: Eliezer Support prints £1,434 for 1 CYP and £2,867 for 2 CYP at 64 hours; only
 * £22.40 fits both (1 × 64 × 22.40 = 1,433.60; 2 × 64 × 22.40 = 2,867.20).
 */
function impliedRate(provider: string, cells: readonly Lot1Cell[], hours: number): ImpliedRate {
  let low = -Infinity;
  let high = Infinity;
  let used = 0;
  for (const cell of cells) {
    if (cell.cyp === null || cell.cyp === 0 || cell.amountGbp === null) continue;
    const packageHours = cell.cyp * hours;
    const pence = Math.round(cell.amountGbp * 100);
    low = Math.max(low, Math.ceil((pence - 50) / packageHours));
    high = Math.min(high, Math.floor((pence + 50) / packageHours));
    used += 1;
  }
  if (used === 0) return {provider, hourlyRateGbp: null, status: "none"};
  if (low > high) return {provider, hourlyRateGbp: null, status: "inconsistent"};
  if (low < high) return {provider, hourlyRateGbp: null, status: "ambiguous"};
  return {provider, hourlyRateGbp: low / 100, status: "unique"};
}

/**
 * Totals of Staffordshire's Lot 1 allocations (April–September 2024) by double district and
 * overall, with checks against the printed total rows.
 *
 * The printed cells are rounded to whole pounds, so their sums can miss the printed totals by a
 * pound (East: cells sum to £24,386, printed £24,387; overall £81,829 against £81,830). The table
 * prices every CYP at 64 hours ("Potential CYP based on cost per 64hrs"), so each provider's cells
 * imply an hourly rate; where exactly one whole-pence rate fits all of a provider's cells, the
 * unrounded amount is CYP × 64 × rate. Those reconstructed amounts reproduce every printed total
 * exactly after rounding (£21,225 / £18,580 / £24,387 / £17,638; £81,830). Blank cells are
 * missing, never 0.
 *
 * @throws Error if the potential-CYP row label has no `per <n>hrs`.
 * @example
 * const summary = lot1Summary(cells);
 * summary.overall.allocatedCyp; // 53
 * Math.round(summary.overall.allocatedGbpReconstructed); // 81830
 */
export function lot1Summary(cells: readonly Lot1Cell[]): Lot1Summary {
  const potentialLabel = cells.find((cell) => cell.rowType === "potential_cyp")?.rowLabel ?? "";
  const hoursMatch = /per\s+(\d+)\s*hrs/i.exec(potentialLabel);
  if (hoursMatch === null)
    throw new Error(`invalid potential_cyp row label: "${potentialLabel}" (expected "per <n>hrs")`);
  const hoursPerPackage = Number(hoursMatch[1]);

  const areaNames: string[] = [];
  for (const cell of cells) if (cell.area !== "Total" && !areaNames.includes(cell.area)) areaNames.push(cell.area);
  const providerCells = cells.filter((cell) => cell.rowType === "provider");
  const providers: string[] = [];
  for (const cell of providerCells) if (!providers.includes(cell.rowLabel)) providers.push(cell.rowLabel);

  const impliedRates = providers.map((provider) =>
    impliedRate(
      provider,
      providerCells.filter((cell) => cell.rowLabel === provider && cell.area !== "Total"),
      hoursPerPackage
    )
  );
  const rateOf = new Map(impliedRates.map((rate) => [rate.provider, rate.hourlyRateGbp]));
  // Work in whole pence so that sums are exact.
  const reconstructedPence = (cell: Lot1Cell): number => {
    if (cell.amountGbp === null) return 0;
    const rate = rateOf.get(cell.rowLabel) ?? null;
    if (rate === null || cell.cyp === null) return Math.round(cell.amountGbp * 100);
    return cell.cyp * hoursPerPackage * Math.round(rate * 100);
  };

  const checks: Check[] = [];
  const areas: Lot1Area[] = areaNames.map((area) => {
    const inArea = providerCells.filter((cell) => cell.area === area);
    const allocatedCyp = inArea.reduce((sum, cell) => sum + (cell.cyp ?? 0), 0);
    const fromCells = inArea.reduce((sum, cell) => sum + (cell.amountGbp ?? 0), 0);
    const amountCells = inArea.filter((cell) => cell.amountGbp !== null).length;
    const reconstructed = inArea.reduce((sum, cell) => sum + reconstructedPence(cell), 0) / 100;
    const summary: Lot1Area = {
      area,
      allocatedCyp,
      allocatedGbpFromPrintedCells: fromCells,
      allocatedGbpReconstructed: reconstructed,
      printedTotalCyp: rowValue(cells, "printed_total", area, "cyp"),
      printedTotalGbp: rowValue(cells, "printed_total", area, "amountGbp"),
      budgetedCyp: rowValue(cells, "budgeted", area, "cyp"),
      budgetedGbp: rowValue(cells, "budgeted", area, "amountGbp"),
      toBeAllocatedCyp: rowValue(cells, "to_be_allocated", area, "cyp"),
      potentialCyp: rowValue(cells, "potential_cyp", area, "cyp")
    };
    if (summary.printedTotalCyp !== null) {
      checks.push(check(`lot 1 ${area}: allocated CYP = printed total`, allocatedCyp, summary.printedTotalCyp));
    }
    if (summary.potentialCyp !== null) {
      checks.push(check(`lot 1 ${area}: allocated CYP = potential CYP`, allocatedCyp, summary.potentialCyp));
    }
    if (summary.printedTotalGbp !== null) {
      checks.push(
        check(`lot 1 ${area}: reconstructed £ rounds to printed total`, reconstructed, summary.printedTotalGbp, 0.5),
        check(
          `lot 1 ${area}: printed cells sum to printed total within rounding`,
          fromCells,
          summary.printedTotalGbp,
          0.5 * amountCells
        )
      );
    }
    return summary;
  });

  for (const provider of providers) {
    const printedRowTotal = providerCells.find((cell) => cell.rowLabel === provider && cell.area === "Total");
    if (printedRowTotal?.amountGbp === null || printedRowTotal === undefined) continue;
    const reconstructed =
      providerCells
        .filter((cell) => cell.rowLabel === provider && cell.area !== "Total")
        .reduce((sum, cell) => sum + reconstructedPence(cell), 0) / 100;
    checks.push(
      check(
        `lot 1 ${provider}: reconstructed £ rounds to printed row total`,
        reconstructed,
        printedRowTotal.amountGbp,
        0.5
      )
    );
  }

  const printedTotalGbp = rowValue(cells, "printed_total", "Total", "amountGbp");
  const budgetedGbp = rowValue(cells, "budgeted", "Total", "amountGbp");
  const potentialCyp = rowValue(cells, "potential_cyp", "Total", "cyp");
  const overall = {
    allocatedCyp: areas.reduce((sum, area) => sum + area.allocatedCyp, 0),
    allocatedGbpFromPrintedCells: areas.reduce((sum, area) => sum + area.allocatedGbpFromPrintedCells, 0),
    allocatedGbpReconstructed:
      areas.reduce((sum, area) => sum + Math.round(area.allocatedGbpReconstructed * 100), 0) / 100,
    printedTotalGbp,
    sumOfPrintedAreaTotalsGbp: areas.reduce((sum, area) => sum + (area.printedTotalGbp ?? 0), 0),
    sumOfPrintedProviderTotalsGbp: providerCells
      .filter((cell) => cell.area === "Total")
      .reduce((sum, cell) => sum + (cell.amountGbp ?? 0), 0),
    budgetedGbp,
    potentialCyp
  };
  if (printedTotalGbp !== null) {
    checks.push(
      check(
        "lot 1 overall: printed district totals sum to printed total",
        overall.sumOfPrintedAreaTotalsGbp,
        printedTotalGbp
      ),
      check(
        "lot 1 overall: reconstructed £ rounds to printed total",
        overall.allocatedGbpReconstructed,
        printedTotalGbp,
        0.5
      )
    );
  }
  if (budgetedGbp !== null) {
    const areaBudgets = areas.reduce((sum, area) => sum + (area.budgetedGbp ?? 0), 0);
    checks.push(check("lot 1 overall: district budgets sum to printed budget", areaBudgets, budgetedGbp));
  }
  if (potentialCyp !== null) {
    const areaPotential = areas.reduce((sum, area) => sum + (area.potentialCyp ?? 0), 0);
    checks.push(check("lot 1 overall: district potential CYP sum to printed total", areaPotential, potentialCyp));
  }
  return {areas, overall, hoursPerPackage, impliedRates, checks};
}
