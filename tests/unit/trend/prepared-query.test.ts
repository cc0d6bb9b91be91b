import {DuckDBInstance} from "@duckdb/node-api";
import {afterAll, beforeAll, describe, expect, test} from "vitest";
import {prepareQuery} from "../../../src/components/trend/prepared-query.js";

// The page hands prepareQuery DuckDB-WASM's AsyncDuckDB; here the same three calls (connect, prepare, query) are
// served by native DuckDB, recording every run so the order and the warm-up can be checked.
let instance: DuckDBInstance;
const runs: number[] = [];

const database = {
  async connect() {
    const connection = await instance.connect();
    return {
      async prepare(sql: string) {
        const prepared = await connection.prepare(sql);
        return {
          async query(...params: unknown[]) {
            runs.push(params[0] as number);
            prepared.bindInteger(1, params[0] as number);
            return (await prepared.runAndReadAll()).getRowObjectsJS();
          }
        };
      }
    };
  }
};

beforeAll(async () => {
  instance = await DuckDBInstance.create(":memory:");
});

afterAll(() => instance.closeSync());

describe("prepareQuery", () => {
  test("runs the prepared statement with each call's parameters, in call order", async () => {
    runs.length = 0;
    const plusOne = await prepareQuery({_db: database}, "SELECT $1::INTEGER + 1 AS x");
    const results = await Promise.all([plusOne.query([41]), plusOne.query([1]), plusOne.query([-5])]);
    expect(results).toEqual([[{x: 42}], [{x: 2}], [{x: -4}]]);
    expect(runs).toEqual([41, 1, -5]);
    expect(await plusOne.warmedUp).toBe(0);
  });

  test("warms up after the first query, in order, with every parameter set", async () => {
    runs.length = 0;
    const plusOne = await prepareQuery({_db: database}, "SELECT $1::INTEGER + 1 AS x", {warmUp: [[10], [20], [30]]});
    expect(runs).toEqual([]);
    expect(await plusOne.query([1])).toEqual([{x: 2}]);
    expect(await plusOne.warmedUp).toBe(3);
    expect(runs).toEqual([1, 10, 20, 30]);
  });

  test("stops warming up at the reader's next query, which waits for one warm-up run at most", async () => {
    runs.length = 0;
    const plusOne = await prepareQuery({_db: database}, "SELECT $1::INTEGER + 1 AS x", {
      warmUp: [[10], [20], [30], [40]]
    });
    await plusOne.query([1]);
    // Let the warm-up start its first run, then ask for a real one.
    await new Promise((resolve) => setTimeout(resolve, 0));
    expect(await plusOne.query([2])).toEqual([{x: 3}]);
    const warmed = await plusOne.warmedUp;
    expect(warmed).toBeLessThanOrEqual(1);
    expect(runs).toEqual([1, ...[10].slice(0, warmed), 2]);
  });
});
