/**
 * DuckDB-WASM against native DuckDB, and Arquero against DuckDB-WASM, on the same synthetic referral rows and the
 * same SQL. The browser side is a standalone page, written to a temporary folder beside links to the vendored
 * DuckDB-WASM and Arquero bundles that the site ships (`src/.observablehq/cache/_npm/`), served compressed.
 */
import {mkdtemp, readFile, rm, symlink, writeFile} from "node:fs/promises";
import {tmpdir} from "node:os";
import {join} from "node:path";
import {performance} from "node:perf_hooks";
import {DuckDBInstance} from "@duckdb/node-api";
import type {Browser, Page} from "playwright-core";
import {coldContext} from "./browser.js";
import {measure, median, type Measure} from "./stats.js";
import {serveRecording} from "./traffic.js";

const benchDir = import.meta.dirname;
const vendored = join(benchDir, "..", "src", ".observablehq", "cache", "_npm");

/** The benchmark's SQL files (bench/sql/). */
export async function benchSql(name: string): Promise<string> {
  return readFile(join(benchDir, "sql", `${name}.sql`), "utf-8");
}

/** The synthetic table's SQL for `rows` rows. */
export async function syntheticSql(rows: number): Promise<string> {
  return (await benchSql("synthetic-referrals")).replaceAll("{{rows}}", String(rows));
}

/**
 * The columns Arquero and the group-by query read, derived once from `referrals`: plain strings, as Arquero sees
 * them (and so that the synthetic table's ENUM types can be dropped when the next size is built).
 */
const JS_TABLE_SQL = `CREATE OR REPLACE TABLE referrals_js AS
SELECT (year(received_date) * 12 + month(received_date) - 1)::INTEGER AS month_index,
  area_code::VARCHAR AS area_code, lot_code::VARCHAR AS lot_code, outcome::VARCHAR AS outcome
FROM referrals`;

const HARNESS_HTML = `<!DOCTYPE html>
<html lang="en-GB"><head><meta charset="utf-8"><title>engine benchmark</title></head>
<body><script type="module" src="./harness.js"></script></body></html>
`;

/** Browser side: plain JavaScript, the same calls Framework's DuckDBClient makes (createWorker, instantiate, open). */
const HARNESS_JS = `import * as duckdb from "./duckdb/_esm.js";
import * as aq from "./arquero/_esm.js";
const dist = new URL("./duckdb/dist/", location.href).href;
const bundles = {
  mvp: {mainModule: dist + "duckdb-mvp.wasm", mainWorker: dist + "duckdb-browser-mvp.worker.js"},
  eh: {mainModule: dist + "duckdb-eh.wasm", mainWorker: dist + "duckdb-browser-eh.worker.js"}
};
let connection = null;
let table = null;
window.bench = {
  async start() {
    const t0 = performance.now();
    const bundle = await duckdb.selectBundle(bundles);
    const worker = await duckdb.createWorker(bundle.mainWorker);
    const t1 = performance.now();
    const db = new duckdb.AsyncDuckDB(new duckdb.VoidLogger(), worker);
    await db.instantiate(bundle.mainModule);
    const t2 = performance.now();
    await db.open({query: {castBigIntToDouble: true, castDecimalToDouble: true}});
    connection = await db.connect();
    const t3 = performance.now();
    await connection.query("SELECT 1");
    const t4 = performance.now();
    return {worker: t1 - t0, instantiate: t2 - t1, open: t3 - t2, firstQuery: t4 - t3, total: t4 - t0,
      platform: bundle.mainModule.includes("-eh") ? "eh" : "mvp"};
  },
  async run(sql) {
    await connection.query(sql);
  },
  async time(sql) {
    const t0 = performance.now();
    const result = await connection.query(sql);
    return {ms: performance.now() - t0, rows: result.numRows};
  },
  async loadArquero() {
    table = aq.fromArrow(await connection.query("SELECT * FROM referrals_js"));
    return table.numRows();
  },
  timeArquero() {
    const t0 = performance.now();
    const result = table
      .filter((d) => d.outcome !== "withdrawn")
      .groupby("month_index", "area_code", "lot_code")
      .rollup({referrals: aq.op.count(), placed: (d) => aq.op.sum(d.outcome === "placed" ? 1 : 0)})
      .orderby("month_index", "area_code", "lot_code");
    const rows = result.numRows();
    return {ms: performance.now() - t0, rows};
  }
};
window.benchReady = true;
`;

/** A temporary folder with the harness and links to the vendored bundles; removed by the returned function. */
async function harnessDir(): Promise<{dir: string; remove: () => Promise<void>}> {
  const dir = await mkdtemp(join(tmpdir(), "send-bench-harness-"));
  await writeFile(join(dir, "index.html"), HARNESS_HTML);
  await writeFile(join(dir, "harness.js"), HARNESS_JS);
  await symlink(join(vendored, "@duckdb", "duckdb-wasm@1.29.0"), join(dir, "duckdb"));
  await symlink(join(vendored, "arquero@8.0.3"), join(dir, "arquero"));
  return {dir, remove: () => rm(dir, {recursive: true, force: true})};
}

async function timeRepeated(fn: () => Promise<number>, warmups: number, runs: number): Promise<number[]> {
  const samples: number[] = [];
  for (let index = 0; index < warmups + runs; index++) {
    const ms = await fn();
    if (index >= warmups) samples.push(ms);
  }
  return samples;
}

export interface EngineOptions {
  warmups: number;
  runs: number;
  /** Row counts for the WASM vs native comparison. */
  sqlSizes: number[];
  /** Row counts for the Arquero vs DuckDB-WASM comparison. */
  groupBySizes: number[];
}

/** Raw samples, keyed by `${engine} ${query} ${rows}`. */
export type EngineSamples = Record<string, number[]>;

async function openHarness(browser: Browser, url: string): Promise<Page> {
  const context = await coldContext(browser);
  const page = await context.newPage();
  await page.goto(url, {waitUntil: "load"});
  await page.waitForFunction(() => (window as unknown as {benchReady?: boolean}).benchReady === true);
  return page;
}

type Harness = {
  start(): Promise<Record<string, number | string>>;
  run(sql: string): Promise<void>;
  time(sql: string): Promise<{ms: number; rows: number}>;
  loadArquero(): Promise<number>;
  timeArquero(): {ms: number; rows: number};
};
const harness = (page: Page) => ({
  start: () => page.evaluate(() => (window as unknown as {bench: Harness}).bench.start()),
  run: (sql: string) => page.evaluate((s) => (window as unknown as {bench: Harness}).bench.run(s), sql),
  time: (sql: string) => page.evaluate((s) => (window as unknown as {bench: Harness}).bench.time(s), sql),
  loadArquero: () => page.evaluate(() => (window as unknown as {bench: Harness}).bench.loadArquero()),
  timeArquero: () => page.evaluate(() => (window as unknown as {bench: Harness}).bench.timeArquero())
});

/** DuckDB-WASM in Chromium: start-up (cold, one context per run), the notebook query, and the group-by vs Arquero. */
export async function measureBrowserEngines(browser: Browser, options: EngineOptions): Promise<EngineSamples> {
  const {dir, remove} = await harnessDir();
  const server = await serveRecording(dir);
  const samples: EngineSamples = {};
  const add = (key: string, values: number[]) => {
    samples[key] = values;
    console.log(`${key}: median ${median(values).toFixed(1)} ms`);
  };
  try {
    const startups: Record<string, number>[] = [];
    for (let index = 0; index < options.warmups + options.runs; index++) {
      const page = await openHarness(browser, `${server.url}/index.html`);
      const phases = (await harness(page).start()) as Record<string, number>;
      await page.context().close();
      if (index >= options.warmups) startups.push(phases);
    }
    for (const phase of ["worker", "instantiate", "open", "firstQuery", "total"]) {
      add(
        `duckdb-wasm startup ${phase}`,
        startups.map((phases) => phases[phase])
      );
    }

    const page = await openHarness(browser, `${server.url}/index.html`);
    const bench = harness(page);
    await bench.start();
    const groupBy = await benchSql("group-by");
    for (const rows of options.groupBySizes) {
      await bench.run(await syntheticSql(rows));
      await bench.run(JS_TABLE_SQL);
      await bench.loadArquero();
      add(
        `duckdb-wasm group-by ${rows}`,
        await timeRepeated(async () => (await bench.time(groupBy)).ms, options.warmups, options.runs)
      );
      add(
        `arquero group-by ${rows}`,
        await timeRepeated(async () => (await bench.timeArquero()).ms, options.warmups, options.runs)
      );
    }
    await bench.run("DROP TABLE IF EXISTS referrals_js");
    const rolling = await benchSql("monthly-rolling");
    for (const rows of options.sqlSizes) {
      try {
        await bench.run(await syntheticSql(rows));
        add(
          `duckdb-wasm monthly-rolling ${rows}`,
          await timeRepeated(async () => (await bench.time(rolling)).ms, options.warmups, options.runs)
        );
      } catch (error) {
        console.log(`duckdb-wasm monthly-rolling ${rows} failed: ${String(error)}`);
      }
    }
    await page.context().close();
  } finally {
    await server.close();
    await remove();
  }
  return samples;
}

/** Native DuckDB (@duckdb/node-api) on the same SQL, with 1 and 2 threads. */
export async function measureNativeEngine(options: EngineOptions): Promise<EngineSamples> {
  const samples: EngineSamples = {};
  const rolling = await benchSql("monthly-rolling");
  for (const threads of [1, 2]) {
    const instance = await DuckDBInstance.create(":memory:", {threads: String(threads)});
    const connection = await instance.connect();
    for (const rows of options.sqlSizes) {
      await connection.run(await syntheticSql(rows));
      const values = await timeRepeated(
        async () => {
          const t0 = performance.now();
          await connection.runAndReadAll(rolling);
          return performance.now() - t0;
        },
        options.warmups,
        options.runs
      );
      samples[`native-${threads}t monthly-rolling ${rows}`] = values;
      console.log(`native ${threads} thread(s) monthly-rolling ${rows}: median ${median(values).toFixed(1)} ms`);
    }
    connection.closeSync();
    instance.closeSync();
  }
  return samples;
}

/** The measures for results.json, with the ratios measured side by side and the targets. */
export function engineMeasures(samples: EngineSamples, options: EngineOptions): Measure[] {
  const measures: Measure[] = [];
  for (const [key, values] of Object.entries(samples).filter(([key]) => key.includes("startup"))) {
    measures.push(measure(key, "ms", values));
  }
  for (const rows of options.sqlSizes) {
    const wasm = samples[`duckdb-wasm monthly-rolling ${rows}`];
    const native1 = samples[`native-1t monthly-rolling ${rows}`];
    const native2 = samples[`native-2t monthly-rolling ${rows}`];
    if (native1) measures.push(measure(`native duckdb 1 thread, monthly-rolling, ${rows} rows`, "ms", native1));
    if (native2) measures.push(measure(`native duckdb 2 threads, monthly-rolling, ${rows} rows`, "ms", native2));
    if (!wasm) {
      measures.push({
        name: `duckdb-wasm monthly-rolling, ${rows} rows`,
        unit: "ms",
        median: NaN,
        p90: NaN,
        runs: [],
        pass: false,
        note: "failed to run"
      });
      continue;
    }
    if (native1) {
      measures.push(
        measure(`duckdb-wasm / native 1 thread, monthly-rolling, ${rows} rows`, "ms", wasm, {
          ratio: median(wasm) / median(native1),
          target: 1.5,
          targetOn: "ratio"
        })
      );
    }
    if (native2) {
      measures.push(
        measure(`duckdb-wasm / native 2 threads, monthly-rolling, ${rows} rows`, "ms", wasm, {
          ratio: median(wasm) / median(native2)
        })
      );
    }
    if (rows === 1_000_000)
      measures.push(
        measure(`duckdb-wasm monthly-rolling, ${rows} rows`, "ms", wasm, {target: 100, targetOn: "median"})
      );
  }
  for (const rows of options.groupBySizes) {
    const duck = samples[`duckdb-wasm group-by ${rows}`];
    const arquero = samples[`arquero group-by ${rows}`];
    if (!duck || !arquero) continue;
    measures.push(measure(`duckdb-wasm group-by, ${rows} rows`, "ms", duck));
    measures.push(
      measure(`arquero / duckdb-wasm group-by, ${rows} rows`, "ms", arquero, {ratio: median(arquero) / median(duck)})
    );
  }
  return measures;
}
