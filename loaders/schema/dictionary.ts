import {SCHEMA} from "./tables.js";
import type {ColumnSpec, ColumnType, TableSpec} from "./types.js";

function bounds(min: number | undefined, max: number | undefined): string {
  return [min !== undefined ? ` ≥ ${min}` : "", max !== undefined ? ` ≤ ${max}` : ""].join(",").replace(/^,|,$/g, "");
}

/**
 * Human description of a column type, as printed in the data dictionary.
 *
 * @example
 * describeType({kind: "whole", min: 0}); // "whole number ≥ 0"
 */
export function describeType(type: ColumnType): string {
  switch (type.kind) {
    case "code":
      return "code";
    case "text":
      return "text";
    case "bool":
      return "bool (`true`/`false`)";
    case "whole":
      return `whole number${bounds(type.min, type.max)}`;
    case "decimal":
      return `decimal${bounds(type.min, type.max)}${type.step !== undefined ? `, steps of ${type.step}` : ""}`;
    case "money":
      return `money (£, plain decimal)${bounds(type.min, undefined)}`;
    case "date":
      return "ISO date `YYYY-MM-DD`";
    case "month":
      return "month `YYYY-MM`";
    case "financial-year":
      return "financial year `2024-25`";
    case "enum":
      return `one of ${type.values.map((v) => `\`${v}\``).join(", ")}`;
    case "code-list":
      return "`;`-separated codes";
  }
}

/**
 * One Markdown table row describing a column: name, type, required/optional, foreign key, meaning.
 *
 * @example
 * dictionaryRow({name: "lot_code", type: {kind: "code"}, required: true, meaning: "Lot", references: "lots"});
 * // "| `lot_code` | code | required | `lots.csv` | Lot |"
 */
export function dictionaryRow(col: ColumnSpec): string {
  const parent = col.references !== undefined ? SCHEMA.find((t) => t.name === col.references) : undefined;
  const fk = parent !== undefined ? `\`${parent.file}\`` : "";
  return `| \`${col.name}\` | ${describeType(col.type)} | ${col.required ? "required" : "optional"} | ${fk} | ${col.meaning} |`;
}

/**
 * The Markdown section of one file: heading, what a row is, required or optional, key, columns, notes.
 *
 * @example
 * dictionarySection(SCHEMA[0]).split("\n")[0]; // "### `lots.csv`"
 */
export function dictionarySection(spec: TableSpec): string {
  return [
    `### \`${spec.file}\``,
    "",
    `One row per ${spec.rowMeaning}. ${spec.required ? "**Required** file." : "Optional file."} Unique key: ${spec.key.map((k) => `\`${k}\``).join(" + ")}.`,
    "",
    "| column | type | required | foreign key | meaning |",
    "| --- | --- | --- | --- | --- |",
    ...spec.columns.map(dictionaryRow),
    ...(spec.notes !== undefined ? ["", ...spec.notes] : [])
  ].join("\n");
}

/**
 * The column sections of every file, in schema order (pasted into docs/data-dictionary.md).
 *
 * @example
 * dictionaryTables().includes("### `referrals.csv`"); // true
 */
export function dictionaryTables(): string {
  return SCHEMA.map((t) => dictionarySection(t)).join("\n\n");
}
