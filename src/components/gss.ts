/**
 * GSS symbols for values that are missing on purpose, as the Government Statistical Service and DfE publish them
 * (GSS, "Symbols in tables, definitions and copyright guidance", 2021). A symbol is never a zero: tables show it,
 * charts draw a labelled gap.
 */

/** Meaning of every symbol, as printed in a table's legend. */
export const GSS_SYMBOLS = {
  c: "confidential: suppressed to protect individuals",
  x: "not available",
  z: "not applicable",
  low: "rounds to zero, but is not zero",
  u: "low reliability",
  ":": "not available"
} as const;

export type GssSymbol = keyof typeof GSS_SYMBOLS;

/** A published cell: a number, or the symbol that says why there is none. */
export type Cell = number | GssSymbol;

/**
 * Whether a value is a GSS symbol.
 *
 * @example
 * isGssSymbol("c"); // true
 * isGssSymbol(0); // false
 */
export function isGssSymbol(value: unknown): value is GssSymbol {
  return typeof value === "string" && Object.hasOwn(GSS_SYMBOLS, value);
}

/**
 * The number in a cell, or `null` for a symbol, so a chart leaves a gap instead of drawing zero.
 *
 * @example
 * cellValue("c"); // null
 */
export function cellValue(cell: Cell | null | undefined): number | null {
  return typeof cell === "number" && Number.isFinite(cell) ? cell : null;
}

/**
 * Text for a cell: the formatted number, or the symbol itself.
 *
 * @example
 * formatCell(1234, (n) => n.toLocaleString("en-GB")); // "1,234"
 * formatCell("c", String); // "c"
 */
export function formatCell(cell: Cell | null | undefined, format: (value: number) => string): string {
  if (cell === null || cell === undefined) return "";
  return isGssSymbol(cell) ? cell : format(cell);
}
