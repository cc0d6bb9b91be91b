import type {DuckDBConnection} from "@duckdb/node-api";
import {open} from "node:fs/promises";
import {join} from "node:path";
import {SCHEMA} from "../schema/tables.js";
import type {TableSpec} from "../schema/types.js";
import {duckdbType, ident, literal} from "./sql-types.js";

/** Reads a CSV file's header row (without a byte-order mark) so the columns actually present are known. */
async function readHeader(path: string): Promise<string[]> {
  const handle = await open(path, "r");
  try {
    const buffer = Buffer.alloc(64 * 1024);
    const {bytesRead} = await handle.read(buffer, 0, buffer.length, 0);
    const text = buffer
      .subarray(0, bytesRead)
      .toString("utf-8")
      .replace(/^\uFEFF/, "");
    const line = text.split(/\r?\n/, 1)[0];
    return line.split(",").map((name) => name.replace(/^"|"$/g, ""));
  } finally {
    await handle.close();
  }
}

function selectColumn(spec: TableSpec["columns"][number], present: boolean): string {
  const type = duckdbType(spec.type);
  if (!present) return `NULL::${type} AS ${ident(spec.name)}`;
  if (spec.type.kind === "code-list") {
    return `list_filter(string_split(coalesce(${ident(spec.name)}, ''), ';'), x -> x <> '') AS ${ident(spec.name)}`;
  }
  return ident(spec.name);
}

/**
 * Loads one validated CSV file into a DuckDB table of the same name, typed from the schema. It must only be
 * called once validation found no error, so DuckDB's strict reader cannot meet a row the validator rejected.
 */
export async function ingestTable(connection: DuckDBConnection, dir: string, spec: TableSpec, present: boolean) {
  const table = ident(spec.name);
  if (!present) {
    const columns = spec.columns.map((column) => `${ident(column.name)} ${duckdbType(column.type)}`).join(", ");
    await connection.run(`CREATE TABLE ${table} (${columns})`);
    return;
  }
  const path = join(dir, spec.file);
  const header = await readHeader(path);
  const readTypes = header.map((name) => {
    const column = spec.columns.find((c) => c.name === name);
    const type = column === undefined || column.type.kind === "code-list" ? "VARCHAR" : duckdbType(column.type);
    return `${literal(name)}: ${literal(type)}`;
  });
  const select = spec.columns.map((column) => selectColumn(column, header.includes(column.name))).join(", ");
  await connection.run(
    `CREATE TABLE ${table} AS SELECT ${select} FROM read_csv(${literal(path)}, header = true, auto_detect = false,
      columns = {${readTypes.join(", ")}}, delim = ',', quote = '"', escape = '"', nullstr = '',
      dateformat = '%Y-%m-%d', strict_mode = true)`
  );
}

/** Loads every file of a validated dataset folder; absent optional files become empty tables. */
export async function ingestDataset(connection: DuckDBConnection, dir: string, files: ReadonlySet<string>) {
  for (const spec of SCHEMA as readonly TableSpec[]) await ingestTable(connection, dir, spec, files.has(spec.file));
}
