/**
 * GSS / DfE explore-education-statistics symbols for values that are not published as numbers.
 * Reference: GSS "Symbols in tables, definitions and help" and DfE EES "Using symbols in your data"
 * (`c` confidential, `x` not available, `z` not applicable, `low` rounds to zero, `u` low reliability,
 * `:` not available in older releases, `~` rounds to zero in older releases).
 */
export const GSS_SYMBOLS = {
  c: "confidential (suppressed to protect individuals)",
  x: "not available",
  z: "not applicable",
  low: "positive value that rounds to zero",
  u: "low reliability",
  ":": "not available (older releases)",
  "~": "positive value that rounds to zero (older releases)",
  "": "blank cell (not recorded)"
} as const;

/** A GSS symbol (the empty string stands for a blank cell). */
export type GssSymbol = keyof typeof GSS_SYMBOLS;

/**
 * A DfE statistic: a number, or a typed missing value that keeps its symbol and reason (never 0).
 *
 * @example
 * const suppressed: DfeCell = {kind: "missing", symbol: "c", reason: GSS_SYMBOLS.c};
 * const requests: DfeCell = {kind: "value", value: 114482};
 */
export type DfeCell = {kind: "value"; value: number} | {kind: "missing"; symbol: GssSymbol; reason: string};

/**
 * True if `s` is a GSS symbol (blank included).
 *
 * @example
 * isGssSymbol("z"); // true
 * isGssSymbol("0"); // false
 */
export function isGssSymbol(s: string): s is GssSymbol {
  return Object.prototype.hasOwnProperty.call(GSS_SYMBOLS, s);
}

const NUMBER = /^-?(\d+(\.\d*)?|\.\d+)([eE][-+]?\d+)?$/;

/**
 * Parse an EES cell: a plain number, a GSS symbol, or null if it is neither. Surrounding spaces are
 * ignored, because DfE's own SEN2 2022 release pads percentages (`" 5.7762"`).
 *
 * @example
 * parseDfeCell("85.700000000000"); // {kind: "value", value: 85.7}
 * parseDfeCell("x"); // {kind: "missing", symbol: "x", reason: "not available"}
 * parseDfeCell("1,234"); // null
 */
export function parseDfeCell(cell: string): DfeCell | null {
  const raw = cell.trim();
  if (NUMBER.test(raw)) return {kind: "value", value: Number(raw)};
  if (isGssSymbol(raw)) return {kind: "missing", symbol: raw, reason: GSS_SYMBOLS[raw]};
  return null;
}
