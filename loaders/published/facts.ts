import {
  optionalTextCell,
  parseTable,
  sourceOf,
  statusNumberCell,
  textCell,
  type CellStatus,
  type Source
} from "./table.js";

/** One scalar figure quoted from a source document. */
export interface PublishedFact {
  readonly id: string;
  readonly measure: string;
  /** The figure, or `null` when `status` is not `value`. */
  readonly value: number | null;
  readonly status: CellStatus;
  readonly unit: string;
  readonly period: string | null;
  readonly valueAsPrinted: string;
  /** The authority the figure is about, for files that cover several (e.g. other-LA findings). */
  readonly authority: string | null;
  readonly note: string | null;
  readonly source: Source;
}

const FACT_COLUMNS = [
  "fact_id",
  "measure",
  "value",
  "unit",
  "period",
  "value_as_printed",
  "status",
  "note",
  "source_document",
  "source_section"
] as const;

/**
 * Parse a facts table (one quoted figure per row). Ids must be unique.
 * @throws Error naming file, row and column for a bad cell, or `duplicate fact_id in <file>: <id>`.
 * @example
 * parseFacts(text, "northamptonshire/facts.csv").find((f) => f.id === "pooled_budget")?.value; // 2831000
 */
export function parseFacts(text: string, file: string): PublishedFact[] {
  const seen = new Set<string>();
  return parseTable(text, file, FACT_COLUMNS).map((row) => {
    const id = textCell(row, "fact_id");
    if (seen.has(id)) throw new Error(`duplicate fact_id in ${file}: ${id}`);
    seen.add(id);
    const {value, status} = statusNumberCell(row, "value", "status");
    return {
      id,
      measure: textCell(row, "measure"),
      value,
      status,
      unit: textCell(row, "unit"),
      period: optionalTextCell(row, "period"),
      valueAsPrinted: textCell(row, "value_as_printed"),
      authority: optionalTextCell(row, "authority"),
      note: optionalTextCell(row, "note"),
      source: sourceOf(row)
    };
  });
}

/**
 * The value of one fact by id.
 * @throws Error `unknown fact: <id>` or `fact has no value: <id>`.
 * @example
 * factValue(facts, "lot1_referrals_2022_23"); // 67
 */
export function factValue(facts: readonly PublishedFact[], id: string): number {
  const fact = facts.find((candidate) => candidate.id === id);
  if (fact === undefined) throw new Error(`unknown fact: ${id}`);
  if (fact.value === null) throw new Error(`fact has no value: ${id}`);
  return fact.value;
}
