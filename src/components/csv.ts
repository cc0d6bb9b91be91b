/**
 * CSV downloads of exactly what a reader sees, with a header comment naming the source and the "as at" date, so a
 * figure lifted into a committee paper keeps its provenance.
 */
import {plainText} from "./plain-text.js";
import type {Provenance} from "./provenance.js";

export interface CsvColumn<T> {
  key: keyof T & string;
  label: string;
}

function quote(value: unknown): string {
  const text = plainText(value);
  return /[",\n\r#]/.test(text) || text !== text.trim() ? `"${text.replace(/"/g, '""')}"` : text;
}

/**
 * RFC 4180 CSV of `rows`, in column order, after `#` comment lines with the title, source, as-at date and build
 * date. GSS symbols are written as they are.
 *
 * @example
 * toCsv([{fy: "2024-25", n: 3}], [{key: "fy", label: "Financial year"}, {key: "n", label: "Referrals"}], {title: "Referrals"});
 * // "# Referrals\nFinancial year,Referrals\n2024-25,3\n"
 */
export function toCsv<T extends object>(
  rows: readonly T[],
  columns: readonly CsvColumn<T>[],
  {title, provenance}: {title: string; provenance?: Provenance}
): string {
  const comments = [`# ${title}`];
  if (provenance) {
    comments.push(`# Source: ${provenance.source}`);
    comments.push(`# Data as at: ${provenance.extractDate}`);
    comments.push(`# Built: ${provenance.builtAt}`);
  }
  const lines = [columns.map((column) => quote(column.label)).join(",")];
  for (const row of rows) lines.push(columns.map((column) => quote(row[column.key])).join(","));
  return `${comments.join("\n")}\n${lines.join("\n")}\n`;
}
