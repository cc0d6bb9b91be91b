/**
 * Loads Arrow IPC bytes (what a data loader emits and the browser's DuckDB-WASM reads) into a native in-memory
 * DuckDB table, so tests run the page's SQL on exactly the data the page gets.
 */
import {DuckDBInstance, type DuckDBConnection} from "@duckdb/node-api";
import {tableFromIPC, Type} from "apache-arrow";

function sqlType(typeId: Type): string {
  if (typeId === Type.Int) return "INTEGER";
  if (typeId === Type.Float) return "DOUBLE";
  if (typeId === Type.Bool) return "BOOLEAN";
  return "VARCHAR";
}

function literal(value: unknown): string {
  if (value === null || value === undefined) return "NULL";
  if (typeof value === "number") return Number.isFinite(value) ? String(value) : "NULL";
  if (typeof value === "boolean") return value ? "TRUE" : "FALSE";
  return `'${(typeof value === "string" ? value : JSON.stringify(value)).replace(/'/g, "''")}'`;
}

/**
 * Creates table `name` from Arrow IPC bytes, with the Arrow columns' types.
 *
 * @example
 * await loadArrowTable(connection, "cohort", bytes);
 */
export async function loadArrowTable(connection: DuckDBConnection, name: string, bytes: Uint8Array): Promise<void> {
  const table = tableFromIPC(bytes);
  const fields = table.schema.fields;
  const columns = fields.map((field) => `"${field.name}" ${sqlType(field.typeId)}`).join(", ");
  await connection.run(`CREATE OR REPLACE TABLE "${name}" (${columns})`);
  const rows = table.toArray().map((row: Record<string, unknown>) => row);
  for (let start = 0; start < rows.length; start += 500) {
    const values = rows
      .slice(start, start + 500)
      .map((row) => `(${fields.map((field) => literal(row[field.name])).join(", ")})`)
      .join(",\n");
    await connection.run(`INSERT INTO "${name}" VALUES ${values}`);
  }
}

/**
 * A fresh in-memory DuckDB with the given Arrow tables.
 *
 * @example
 * const db = await memoryDb({cohort: bytes});
 */
export async function memoryDb(
  tables: Record<string, Uint8Array>
): Promise<{connection: DuckDBConnection; close(): void}> {
  const instance = await DuckDBInstance.create(":memory:");
  const connection = await instance.connect();
  for (const [name, bytes] of Object.entries(tables)) await loadArrowTable(connection, name, bytes);
  return {
    connection,
    close() {
      connection.closeSync();
      instance.closeSync();
    }
  };
}
