import {DuckDBListValue, type DuckDBConnection, type DuckDBValue} from "@duckdb/node-api";
import {Bool, Float64, Int32, Table, Utf8, tableToIPC, vectorFromArray, type DataType, type Vector} from "apache-arrow";

/**
 * Arrow types for DuckDB result types, chosen for the browser: integers become Int32 (never BigInt, which Plot
 * and arithmetic mishandle) when they fit, dates become ISO strings (`2024-05-01`), so no time zone shifts them.
 */
function arrowColumn(typeName: string, values: DuckDBValue[]): Vector {
  const name = typeName.toUpperCase();
  if (name === "BOOLEAN") return vectorFromArray(values as (boolean | null)[], new Bool());
  if (/^(TINYINT|SMALLINT|INTEGER|BIGINT|HUGEINT|UTINYINT|USMALLINT|UINTEGER|UBIGINT)$/.test(name)) {
    const numbers = values.map((value) => (value === null ? null : Number(value)));
    const fits = numbers.every((value) => value === null || (Number.isSafeInteger(value) && Math.abs(value) < 2 ** 31));
    return vectorFromArray(numbers, fits ? new Int32() : new Float64()) as Vector<DataType>;
  }
  if (/^(DOUBLE|FLOAT|REAL)$/.test(name) || name.startsWith("DECIMAL")) {
    return vectorFromArray(
      values.map((value) => (value === null ? null : Number(value))),
      new Float64()
    );
  }
  return vectorFromArray(
    values.map((value) => (value === null ? null : String(value))),
    new Utf8()
  );
}

/**
 * Runs a query on native DuckDB and returns its result as an Arrow IPC stream, the format both
 * `FileAttachment.arrow()` and DuckDB-WASM read without an extension. Give the query an `ORDER BY`: the bytes
 * must be the same for the same input.
 *
 * @example
 * const bytes = await queryToArrow(connection, "SELECT 1 AS n");
 */
export async function queryToArrow(connection: DuckDBConnection, sql: string): Promise<Uint8Array> {
  const reader = await connection.runAndReadAll(sql);
  const names = reader.columnNames();
  const types = reader.columnTypes();
  const columns = reader.getColumns();
  const vectors: Record<string, Vector> = {};
  names.forEach((name, index) => {
    vectors[name] = arrowColumn(types[index].toString(), columns[index]);
  });
  return tableToIPC(new Table(vectors), "stream");
}

/**
 * Runs a query and returns plain row objects with numbers (not BigInt) and ISO date strings, for JSON outputs
 * and tests.
 *
 * @example
 * const [{n}] = await queryRows(connection, "SELECT 1 AS n"); // n === 1
 */
export async function queryRows(connection: DuckDBConnection, sql: string): Promise<Record<string, unknown>[]> {
  const reader = await connection.runAndReadAll(sql);
  const names = reader.columnNames();
  const types = reader.columnTypes().map((type) => type.toString().toUpperCase());
  return reader
    .getRows()
    .map((row) => Object.fromEntries(names.map((name, index) => [name, plainValue(row[index], types[index])])));
}

function plainValue(value: DuckDBValue, type: string): unknown {
  if (value === null) return null;
  if (typeof value === "bigint") return Number(value);
  if (typeof value === "number" || typeof value === "boolean" || typeof value === "string") return value;
  if (value instanceof DuckDBListValue) return value.items.map((item) => plainValue(item, type.replace(/\[\]$/, "")));
  return type.startsWith("DECIMAL") ? Number(String(value)) : String(value);
}

/** Writes bytes to stdout, as a Framework data loader must. */
export async function writeStdout(bytes: Uint8Array | string): Promise<void> {
  await new Promise<void>((resolve, reject) =>
    process.stdout.write(bytes, (error) => (error ? reject(error) : resolve()))
  );
}
