/**
 * Native DuckDB with the forecast aggregates as tables, built by the loaders' own SQL on the warehouse: the same
 * rows the Arrow files carry to DuckDB-WASM in the browser (each aggregate casts its columns to INTEGER, DOUBLE or
 * VARCHAR, the types Arrow gives them).
 */
import {DuckDBInstance, type DuckDBConnection} from "@duckdb/node-api";
import {readFileSync} from "node:fs";
import {join} from "node:path";
import {FORECAST_EHCP_SQL} from "../../loaders/aggregates/forecast-ehcp.js";
import {FORECAST_REFERRALS_SQL} from "../../loaders/aggregates/forecast-referrals.js";
import {FORECAST_SPEND_SQL} from "../../loaders/aggregates/forecast-spend.js";
import {FORECAST_SUPPORTED_SQL} from "../../loaders/aggregates/forecast-supported.js";
import {queryRows} from "../../loaders/arrow/query-to-arrow.js";
import {sqlStatements} from "../../src/components/trend/compose.js";
import {cacheRoot} from "../../loaders/paths.js";
import {openWarehouse} from "../../loaders/warehouse/index.js";

export const FORECAST_TABLES = {
  forecast_referrals: FORECAST_REFERRALS_SQL,
  forecast_ehcp: FORECAST_EHCP_SQL,
  forecast_supported: FORECAST_SUPPORTED_SQL,
  forecast_spend: FORECAST_SPEND_SQL
};

/** The text of a file under src/sql/, as the page reads it with FileAttachment. */
export function readSql(name: string): string {
  return readFileSync(join(import.meta.dirname, "..", "..", "src", "sql", name), "utf-8");
}

export interface ForecastDb {
  connection: DuckDBConnection;
  /** Runs a prepared statement with positional parameters, returning plain rows. */
  query(sql: string, params?: (string | number)[]): Promise<Record<string, unknown>[]>;
  close(): void;
}

/** Opens an in-memory DuckDB holding the four forecast aggregates as tables, and the tables trend-facts.sql makes. */
export async function openForecastDb(): Promise<ForecastDb> {
  const warehouse = await openWarehouse();
  const key = warehouse.manifest.key;
  warehouse.close();
  const instance = await DuckDBInstance.create(":memory:");
  const connection = await instance.connect();
  await connection.run(`ATTACH '${join(cacheRoot, "warehouse", `${key}.duckdb`)}' AS wh (READ_ONLY)`);
  await connection.run("USE wh");
  for (const [name, sql] of Object.entries(FORECAST_TABLES)) {
    await connection.run(`CREATE TABLE memory.main.${name} AS ${sql}`);
  }
  await connection.run("USE memory");
  // As the trend page does when it opens: the monthly facts series.sql reads.
  for (const statement of sqlStatements(readSql("trend-facts.sql"))) await connection.run(statement);
  return {
    connection,
    async query(sql, params = []) {
      if (params.length === 0) return queryRows(connection, sql);
      const statement = await connection.prepare(sql);
      statement.bind(params);
      const reader = await statement.runAndReadAll();
      const names = reader.columnNames();
      return reader
        .getRows()
        .map((row) =>
          Object.fromEntries(names.map((name, i) => [name, typeof row[i] === "bigint" ? Number(row[i]) : row[i]]))
        );
    },
    close() {
      connection.closeSync();
      instance.closeSync();
    }
  };
}
