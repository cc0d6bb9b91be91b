/**
 * A statement prepared once, on a DuckDB-WASM connection that stays open, and run again with each new set of
 * parameters. Framework's `DuckDBClient.query` opens a connection, prepares the statement and closes the connection
 * on every call, three extra round trips to DuckDB's worker per input change.
 *
 * Most of a short statement's time in DuckDB-WASM is planning it, and the browser first runs that code from its
 * baseline WebAssembly compiler: in Chromium the trend page's statement took 80–110 ms for its first ~20 runs and
 * 25–35 ms once the engine had optimised the hot code (measured in the page, one run after another). `warmUp` spends
 * that cost in idle time after the page opens instead of on the reader's first changes.
 */

/** The parts of DuckDB-WASM's `AsyncDuckDB` used here. */
interface Database<Result> {
  connect(): Promise<Connection<Result>>;
}

interface Connection<Result> {
  prepare(sql: string): Promise<Statement<Result>>;
}

interface Statement<Result> {
  query(...params: unknown[]): Promise<Result>;
}

/** A prepared statement: `query(params)` runs it with one value per `$n` placeholder. */
export interface PreparedQuery<Result> {
  query(params: readonly unknown[]): Promise<Result>;
  /** Resolves, once the warm-up has stopped, to the number of warm-up runs made. */
  warmedUp: Promise<number>;
}

export interface PrepareOptions {
  /**
   * Parameter sets to run the statement with after its first query, one at a time when the page is idle, until the
   * next query comes (which then waits for one run at most).
   */
  warmUp?: readonly (readonly unknown[])[];
}

const whenIdle = (): Promise<void> =>
  new Promise((resolve) =>
    typeof requestIdleCallback === "function" ? requestIdleCallback(() => resolve()) : setTimeout(resolve, 0)
  );

/**
 * Prepares `sql` once on a new connection of the client's database (Framework's `DuckDBClient` keeps its
 * `AsyncDuckDB` in `_db`). Runs are queued, so a run never starts before the previous one has finished.
 *
 * @example
 * const trend = await prepareQuery(db, "SELECT $1::INTEGER + 1 AS x", {warmUp: [[1], [2]]});
 * (await trend.query([41])).get(0).x; // 42
 */
export async function prepareQuery<Result>(
  client: {_db: Database<Result>},
  sql: string,
  {warmUp = []}: PrepareOptions = {}
): Promise<PreparedQuery<Result>> {
  const connection = await client._db.connect();
  const statement = await connection.prepare(sql);
  let previous: Promise<unknown> = Promise.resolve();
  let queries = 0;
  let firstQuery: () => void = () => {};
  const firstQueried = new Promise<void>((resolve) => (firstQuery = resolve));
  const enqueue = (params: readonly unknown[]): Promise<Result> => {
    const run = previous.then(
      () => statement.query(...params),
      () => statement.query(...params)
    );
    previous = run;
    return run;
  };
  const warmedUp = (async () => {
    await firstQueried;
    let runs = 0;
    for (const params of warmUp) {
      await previous.catch(() => undefined);
      await whenIdle();
      if (queries > 1) break;
      await enqueue(params);
      runs += 1;
    }
    return runs;
  })();
  return {
    query(params) {
      queries += 1;
      const run = enqueue(params);
      if (queries === 1) run.then(firstQuery, firstQuery);
      return run;
    },
    warmedUp
  };
}
