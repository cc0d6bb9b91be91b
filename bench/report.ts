/**
 * `docs/performance.md`, generated from the measures and details of one `npm run bench` run: every figure against
 * its target, the machine, and for every missed target what the profile shows and what would fix it.
 */
import type {Details} from "./measures.js";
import type {PageResult} from "./page-load.js";
import {median, type Measure} from "./stats.js";

const fmt = (value: number, digits = 1): string =>
  Number.isNaN(value)
    ? "–"
    : Number.isInteger(value) || Math.abs(value) >= 100
      ? value.toFixed(0)
      : value.toFixed(Math.abs(value) < 10 ? Math.max(digits, 2) : digits);
const kb = (bytes: number): string => `${fmt(bytes / 1024)} KB`;
const mib = (bytes: number): string => `${(bytes / 2 ** 20).toFixed(1)} MiB`;

function targetText(m: Measure): string {
  if (m.target === undefined) return "";
  const on = m.targetOn === "ratio" ? "ratio" : m.targetOn === "p90" ? "p90" : m.targetOn === "value" ? "" : "median";
  return `${on ? `${on} ` : ""}≤ ${m.target}${m.targetOn === "ratio" ? "×" : ` ${m.unit}`}`;
}

function measureRow(m: Measure): string {
  const ratio = m.ratio === undefined ? "" : `${fmt(m.ratio, 2)}×`;
  const status = m.target === undefined && m.pass ? "" : m.pass ? "met" : "**missed**";
  return `| ${m.name} | ${fmt(m.median)} ${m.unit} | ${fmt(m.p90)} | ${ratio} | ${targetText(m)} | ${status} | ${m.note ?? ""} |`;
}

const TABLE_HEAD = "| Measure | Median | p90 | Ratio | Target | Status | Note |\n|---|---:|---:|---:|---|---|---|";

function pagesSection(details: Details): string[] {
  if (!details.pages) return [];
  const lines = [
    "## 1. Time to first chart, cold cache",
    "",
    "A new browser context (empty cache) per run; the site served with brotli. Phases are milliseconds from navigation start: the HTML received, the last JavaScript module and the last data file received before the first chart, then the first Plot `svg` (MutationObserver timestamp). Bytes are compressed body bytes as the server sent them, every request of the page and its workers, until the network has been quiet for 0.5 s. A page with no chart (methodology, accessibility statement) is timed to its load event.",
    "",
    "| Page | First chart median | p90 | HTML | JS | Data | Render after last fetch | Transferred | Requests | Before first chart | Loads DuckDB-WASM |",
    "|---|---:|---:|---:|---:|---:|---:|---:|---:|---:|---|"
  ];
  for (const page of details.pages) {
    const col = (key: keyof (typeof page.runs)[number]) => median(page.runs.map((run) => Number(run[key])));
    const render = median(page.runs.map((run) => run.firstChart - Math.max(run.js, run.data, run.html)));
    const p90 = [...page.runs.map((run) => run.firstChart)].sort((a, b) => a - b)[
      Math.ceil(0.9 * page.runs.length) - 1
    ];
    lines.push(
      `| ${page.path} | ${fmt(col("firstChart"))} ms | ${fmt(p90)} | ${fmt(col("html"))} | ${fmt(col("js"))} | ${fmt(col("data"))} | ${fmt(render)} | ${kb(col("bytes"))} | ${col("requests")} | ${kb(col("bytesBeforeChart"))} in ${col("requestsBeforeChart")} | ${page.loadsDuckdb ? `yes (${kb(col("duckdbBytes"))}, wasm by ${fmt(col("wasm"))} ms)` : "no"} |`
    );
  }
  lines.push(
    "",
    "Transfer by kind of file (last run of each page):",
    "",
    "| Page | " + ["html/other", "css", "js", "data", "duckdb js", "duckdb wasm"].join(" | ") + " |",
    "|---|---:|---:|---:|---:|---:|---:|"
  );
  for (const page of details.pages) {
    lines.push(
      `| ${page.path} | ${["html/other", "css", "js", "data", "duckdb js", "duckdb wasm"].map((type) => (page.byType[type] ? `${kb(page.byType[type].bytes)} / ${page.byType[type].requests}` : "–")).join(" | ")} |`
    );
  }
  for (const page of details.pages) {
    const wasmFetches = page.byType["duckdb wasm"]?.requests ?? 0;
    // A split wasm is two requests; more means more than one DuckDB database, each fetching and compiling it.
    const partsPerWasm = Math.max(1, (details.bundle?.wasm ?? []).filter((f) => /-eh\.\d+\.wasm$/.test(f.file)).length);
    if (wasmFetches > partsPerWasm) {
      lines.push(
        `${page.path} fetches DuckDB's wasm ${wasmFetches / partsPerWasm} times (${wasmFetches} requests, ${kb(page.byType["duckdb wasm"].bytes)}): the page creates ${wasmFetches / partsPerWasm} DuckDB databases (\`DuckDBClient.of\` each starts its own worker, which downloads and compiles the wasm again). One client holding every table would halve its transfer and start-up.`,
        ""
      );
    }
  }
  const loading = details.pages.filter((page) => page.loadsDuckdb).map((page) => page.path);
  const dashboards = loading.filter((path) => details.dashboardPaths.includes(path));
  lines.push(
    "",
    `Pages that load DuckDB-WASM: ${loading.join(", ") || "none"}. Dashboard pages among them (they should not): ${dashboards.join(", ") || "none"}.`,
    ""
  );
  const overview = details.pages.find((page) => page.path === "/");
  if (overview?.hotspots?.length) {
    lines.push(
      "CPU profile of one cold load of the overview (V8 sampling profiler over CDP, self time; raw list in `bench/tmp/profiles/`):",
      "",
      "| Function | Script | Self ms |",
      "|---|---|---:|",
      ...overview.hotspots.slice(0, 10).map((h) => `| ${h.function} | ${h.url} | ${fmt(h.selfMs)} |`),
      ""
    );
  }
  return lines;
}

function enginesSection(details: Details, measures: Measure[]): string[] {
  if (!details.engines) return [];
  const e = details.engines;
  const med = (key: string) => (e[key] ? median(e[key]) : NaN);
  const lines = [
    "## 2. DuckDB-WASM against native DuckDB",
    "",
    "The same SQL in both: `bench/sql/synthetic-referrals.sql` builds the rows (received date and month, area, Lot, outcome; deterministic hashes of the row number, one per column, so all 16 area × Lot pairs occur; area, Lot and outcome typed as ENUMs, as a warehouse types its codes) and `bench/sql/monthly-rolling.sql` is the notebook-style aggregation: referrals and placements per month × area × Lot since April 2019, withdrawn referrals excluded, with a rolling 12-month sum per area and Lot. It groups by a stored integer month key and compares the outcome with ENUM values, with `perfect_ht_threshold` raised to 16 bits in both engines: DuckDB 1.1 (in the wasm) otherwise truncates a date and casts every row's outcome to text per row, and hashes month × area × Lot in a general hash table; EXPLAIN ANALYZE in the wasm showed those projections and the HASH_GROUP_BY as most of the time, and the stored key lets it use PERFECT_HASH_GROUP_BY (an array indexed by the keys). Both engines return the same 1,152 rows at 1M (checked: the same sums of referrals, placements and rolling totals). (`src/sql/` holds only the ageing-out queries, which read small pre-aggregated cohorts, so the representative query is written for the benchmark.) The browser runs DuckDB-WASM 1.29.0 (the build Framework 1.13 pins) from the vendored files; Node runs @duckdb/node-api with `threads` 1 and 2. Note the engines differ in version as well as in target (DuckDB-WASM 1.29.0 embeds DuckDB 1.1; node-api is 1.5).",
    "",
    "| Rows | DuckDB-WASM | Native, 1 thread | Native, 2 threads | WASM / native 1t | WASM / native 2t |",
    "|---:|---:|---:|---:|---:|---:|"
  ];
  for (const rows of details.options.engines.sqlSizes) {
    const wasm = med(`duckdb-wasm monthly-rolling ${rows}`);
    const n1 = med(`native-1t monthly-rolling ${rows}`);
    const n2 = med(`native-2t monthly-rolling ${rows}`);
    lines.push(
      `| ${rows.toLocaleString("en-GB")} | ${fmt(wasm)} ms | ${fmt(n1)} ms | ${fmt(n2)} ms | ${fmt(wasm / n1, 2)}× | ${fmt(wasm / n2, 2)}× |`
    );
  }
  lines.push(
    "",
    `DuckDB-WASM start-up (cold context, median): worker fetched and started ${fmt(med("duckdb-wasm startup worker"))} ms, wasm fetched and compiled ${fmt(med("duckdb-wasm startup instantiate"))} ms, database opened ${fmt(med("duckdb-wasm startup open"))} ms, first query ${fmt(med("duckdb-wasm startup firstQuery"))} ms; total ${fmt(med("duckdb-wasm startup total"))} ms.`,
    "",
    "## 3. Arquero against DuckDB-WASM",
    "",
    "The same group-by in the browser (referrals and placements per month × area × Lot, withdrawn excluded, sorted) on the same rows: Arquero on a table made from DuckDB's Arrow result, DuckDB-WASM with `bench/sql/group-by.sql`. DuckDB's time includes the round trip to its worker and the Arrow result.",
    "",
    "| Rows | DuckDB-WASM | Arquero | Arquero / DuckDB | Queries to repay DuckDB's start-up |",
    "|---:|---:|---:|---:|---:|"
  );
  const startup = med("duckdb-wasm startup total");
  let repaidByOne: number | undefined;
  for (const rows of details.options.engines.groupBySizes) {
    const duck = med(`duckdb-wasm group-by ${rows}`);
    const aq = med(`arquero group-by ${rows}`);
    const saving = aq - duck;
    const queries = saving > 0 ? Math.ceil(startup / saving) : Infinity;
    if (repaidByOne === undefined && queries <= 1) repaidByOne = rows;
    lines.push(
      `| ${rows.toLocaleString("en-GB")} | ${fmt(duck)} ms | ${fmt(aq)} ms | ${fmt(aq / duck, 2)}× | ${Number.isFinite(queries) ? queries : "never"} |`
    );
  }
  const sizes = details.options.engines.groupBySizes;
  const duckAlwaysFaster = sizes.every((rows) => med(`arquero group-by ${rows}`) > med(`duckdb-wasm group-by ${rows}`));
  lines.push(
    "",
    `${duckAlwaysFaster ? `Query for query, DuckDB-WASM is faster at every size measured (Arquero reads the Arrow table's strings one row at a time through its expression functions). ` : ""}The crossover that matters is with DuckDB's start-up included: ${fmt(startup)} ms (cold) before the first query, repaid only when the time saved per query adds up to it. ${repaidByOne === undefined ? "No size measured repays it with a single query." : `A single query repays it from about ${repaidByOne.toLocaleString("en-GB")} rows.`}`,
    "",
    `**Where each is used, and why.** The dashboards draw a few hundred to a few thousand pre-aggregated rows (referrals-monthly is months × areas × Lots). At that size a query in either engine takes a few milliseconds, but DuckDB-WASM first costs ${fmt(startup)} ms of start-up and about 5 MB of wasm on the wire (section 1), which is the whole budget of a dashboard. Arquero, moreover, compiles its table expressions with \`Function()\`, which the site's Content Security Policy (no \`'unsafe-eval'\`) forbids, so dashboards use plain JavaScript array code on the Arrow rows: no engine to load, and fast below the crossover. The notebooks (trend forecast, scenario planner, ageing out) run parameterised SQL that the loaders and tests also run natively (one implementation); there DuckDB-WASM's start-up is paid once per visit and each recompute is a query on an already-open database, and it scales past the crossover when a council's extract is large.`,
    ""
  );
  void measures;
  return lines;
}

function interactionSection(details: Details): string[] {
  if (!details.interactions) return [];
  const lines = [
    "## 4. Recompute after an input change",
    "",
    "On each notebook page (the sidebar's Forecasts section), the first input (`form input, form select`) whose change re-renders a chart is changed programmatically (one bubbling `input` event, as a user's change reaches Observable Inputs); the time is from the event to the MutationObserver seeing a new Plot `svg`. Then, from the page's default view, every input is changed in turn and timed until the page has settled (the per-input measures in section 0).",
    "",
    "| Page | Input | Median | p90 | Samples (ms) |",
    "|---|---|---:|---:|---|"
  ];
  for (const result of details.interactions) {
    if (result.samples.length === 0) {
      lines.push(`| ${result.path} | ${result.note ?? ""} | – | – | |`);
      continue;
    }
    const sorted = [...result.samples].sort((a, b) => a - b);
    lines.push(
      `| ${result.path} | ${result.input ?? ""} | ${fmt(median(result.samples))} ms | ${fmt(sorted[Math.ceil(0.9 * sorted.length) - 1])} ms | ${result.samples.map((s) => fmt(s, 0)).join(", ")} |`
    );
  }
  const disabled = details.interactions.flatMap((r) =>
    (r.inputs ?? []).filter((i) => i.disabled).map((i) => `${r.path} ${i.input.replace(/ \(.*\)$/, "")}`)
  );
  if (disabled.length > 0) {
    lines.push(
      "",
      `Not timed, because they are disabled in the page's default view (filters that do not apply to the default series, or the rolling total at the financial-year grain): ${disabled.join("; ")}.`
    );
  }
  for (const result of details.interactions.filter((r) => r.hotspots)) {
    lines.push(
      "",
      `${result.path}: main-thread CPU profile of one more change (${fmt(result.profiledMs ?? NaN)} ms): the main thread was busy for about ${fmt(result.mainThreadBusyMs ?? NaN)} ms of the profile (self time, top entries below); the rest of the recompute is waiting (for DuckDB's worker where the page queries, and for the browser's layout and paint).`,
      "",
      "| Function | Script | Self ms |",
      "|---|---|---:|",
      ...(result.hotspots ?? []).slice(0, 8).map((h) => `| ${h.function} | ${h.url} | ${fmt(h.selfMs)} |`)
    );
  }
  lines.push("");
  return lines;
}

/** The page of a recompute measure: `recompute until settled /ageing-out: Lot (select)` → `/ageing-out`. */
function pagePathOf(name: string): string {
  return /\s(\/[^\s:]*)/.exec(name)?.[1] ?? name;
}

/** Why the loaders grow as they do, from the build's per-loader profile (section 5). */
function loaderProfileText(run: {loaderSeconds?: {loader: string; seconds: number}[]} | undefined): string {
  const slowest = (run?.loaderSeconds ?? []).slice(0, 4).map((entry) => `\`${entry.loader}\` ${fmt(entry.seconds)} s`);
  return `${slowest.length ? `The loaders' profile (section 5) puts the time in ${slowest.join(", ")}. ` : ""}Two patterns remain: a \`count(DISTINCT child_id)\` over a CUBE or GROUPING SETS (\`lot-usage\`, \`lot-allocations\`, \`spend-providers\`), for which DuckDB keeps a group × child hash table per grouping set (at 10M referrals \`lot-usage\`'s tables outgrow DuckDB's memory limit, half the RAM and at most 8 GiB, and spill gigabytes to disk); and the spend and snapshot loaders (\`spend-monthly\`, \`forecast-spend\`, \`overview\`, \`hours-commissioned\`), which join every package to every month or window it is active in, so their work grows with package-months, not packages. Each loader's time grows about in proportion to the data between the two largest sizes (compare their profiles), so the 60 s target needs much less work per package rather than a better complexity class: the whole build used many times 60 s of CPU on two cores (\`cpuSeconds\` in \`bench/details.json\`). Already done: \`forecast-supported\` counts distinct children from +1/−1 events of each child's merged month runs, sorted on integer keys; the ageing-out history counts person-months from each episode's runs of one year and age instead of listing them; \`spend-providers\` counts packages without a distinct. Fixes for the rest: spend from start and end events with a running sum per month (work in proportion to packages); distinct children per grouping set from the deduplicated year × child × cell rows, with the children whose packages that year fall in one cell (most of them) counted as plain sums — tried here, 3× faster when memory is short, but its double sums were not byte-identical from run to run, so it was not kept.`;
}

function buildSection(details: Details): string[] {
  if (!details.build) return [];
  const lines = [
    "## 5. Build time against data size",
    "",
    "`npm run demo-data -- --referrals N` writes a scaled demo county into a temporary folder; `scripts/build.ts` then validates it, loads the warehouse, runs every loader and `observable build` (`DATA_DIR`, `OUTPUT_DIR` set), under `/usr/bin/time -v`. Every size is built for real, 10M referrals included (nothing is extrapolated); one build per size (a 10M build cannot be repeated nine times); generation is timed separately and not counted. Peak RSS is the largest single process of the build.",
    "",
    "Validation is a native DuckDB job (typed `read_csv` with rejects, then SQL checks generated from the schema; the JavaScript validator only words the messages when something fails), and the loaders run in the build's own process against one shared, read-only warehouse. Fixed costs (Framework's page rendering, module start-up) dominate the small sizes, so an exponent fitted over every size understates growth; the exponent over the two largest sizes is the one that predicts larger councils.",
    "",
    "| Referrals | CSV | Validate + warehouse | Loaders | Framework build | Total | Peak RSS | Note |",
    "|---:|---:|---:|---:|---:|---:|---:|---|"
  ];
  for (const run of details.build) {
    lines.push(
      `| ${run.referrals.toLocaleString("en-GB")} | ${mib(run.dataBytes)} | ${fmt(run.validateSeconds)} s | ${fmt(run.loadersSeconds)} s | ${fmt(run.frameworkSeconds)} s | ${fmt(run.totalSeconds)} s | ${fmt(run.peakRssKb / 1024)} MiB | ${run.ok ? `generated in ${fmt(run.generateSeconds)} s` : (run.note ?? "failed")} |`
    );
  }
  const largest = [...details.build].reverse().find((run) => run.ok && run.loaderSeconds?.length);
  if (largest?.loaderSeconds) {
    const total = largest.loaderSeconds.reduce((sum, entry) => sum + entry.seconds, 0);
    lines.push(
      "",
      `Profile of the loaders at ${largest.referrals.toLocaleString("en-GB")} referrals (each loader's own time, printed by \`scripts/build.ts\`; slowest ten of ${largest.loaderSeconds.length}, ${fmt(total)} s in all):`,
      "",
      "| Loader | Seconds | Share |",
      "|---|---:|---:|",
      ...largest.loaderSeconds
        .slice(0, 10)
        .map((entry) => `| \`${entry.loader}\` | ${fmt(entry.seconds)} | ${fmt((100 * entry.seconds) / total)}% |`)
    );
  }
  const staged = [...details.build].reverse().find((run) => run.ok && run.warehouseSeconds?.length);
  if (staged?.warehouseSeconds) {
    const steps = staged.warehouseSeconds.filter((entry) => entry.seconds >= 0.1);
    lines.push(
      "",
      `Profile of validation and the warehouse load at ${staged.referrals.toLocaleString("en-GB")} referrals (each step's time, printed by \`scripts/build.ts\`; steps under 0.1 s left out). Staging a file is DuckDB's strict \`read_csv\` with every cell checked by SQL, written to the warehouse file in file order (keeping the order is what makes the loaders' sums byte-identical from build to build); \`rules\` is one query for the keys, foreign keys and cross-file rules; \`derive\` computes an aggregate several loaders share:`,
      "",
      "| Step | Seconds |",
      "|---|---:|",
      ...steps.map((entry) => `| ${entry.step} | ${fmt(entry.seconds)} |`)
    );
  }
  lines.push("");
  return lines;
}

function bundleSection(details: Details): string[] {
  if (!details.bundle) return [];
  const b = details.bundle;
  return [
    "## 6. Bundle budget",
    "",
    `Limit: no file over ${mib(b.limitBytes)} (Cloudflare Pages refuses larger files). \`dist/\`: ${b.files} files, ${mib(b.totalBytes)}. Files over the limit: ${b.overLimit.map((f) => `${f.file} (${mib(f.bytes)})`).join(", ") || "none"}.`,
    "",
    "| Largest files | Size |",
    "|---|---:|",
    ...b.largest.map((f) => `| ${f.file} | ${mib(f.bytes)} |`),
    "",
    "| Wasm file | Size | Brotli (quality 5) |",
    "|---|---:|---:|",
    ...b.wasm.map((f) => `| ${f.file} | ${mib(f.bytes)} | ${mib(f.brotliBytes ?? 0)} |`),
    "",
    "**The fix (`scripts/split-wasm.ts`, run at the end of `scripts/build.ts`).** DuckDB-WASM's `duckdb-eh.wasm` (35.7 MB) and `duckdb-mvp.wasm` (40.6 MB) are cut into two near-equal parts each (`duckdb-eh.1.wasm`, `duckdb-eh.2.wasm`, ≤ 20 MiB) and the originals removed. DuckDB's worker fetches its wasm with `fetch(mainModuleURL)`, the URL Framework's DuckDB client passes to `instantiate`; a few lines prepended to each `duckdb-browser-*.worker.js` answer that fetch with the parts, fetched in parallel and streamed back in order as one `application/wasm` response, so streaming compilation still works. Everything stays same-origin (`connect-src 'self'`), the worker still starts from a `blob:` URL (`worker-src 'self' blob:`), nothing is evaluated (no `'unsafe-eval'`), and the parts are ordinary `.wasm` files that every host serves with the right type and compresses. The split is deterministic, so reproducible builds stay byte-identical.",
    "",
    "Options considered: (a) a Service Worker that reassembles the file: needs registration before DuckDB starts and does not control the first visit without `clients.claim()` and a reload; (b) shipping only precompressed `.wasm.br` (about 5 MB): needs host configuration (`Content-Encoding: br` on a `.br` file) that GitHub Pages and an intranet share cannot give, so the site would break there; (c) leaving out the mvp build: Framework 1.13's DuckDB client fails without it; (d) patching Framework's client: the wasm URL is fixed in its stdlib bundle, so the worker patch is the smaller, self-contained change.",
    ""
  ];
}

/** Text for each missed target: what the profile or breakdown shows and what would fix it. */
function explanations(measures: Measure[], details: Details): string[] {
  const missed = measures.filter((m) => !m.pass);
  if (missed.length === 0) return ["## Missed targets", "", "None.", ""];
  const lines = ["## Missed targets: why, and what would fix them", ""];
  const overview = details.pages?.find((page) => page.path === "/");
  const explainedPages = new Set<string>();
  for (const m of missed) {
    let text = "";
    if (
      m.name.startsWith("bytes /") ||
      m.name.startsWith("requests /") ||
      m.name === "dashboard pages that load DuckDB-WASM"
    ) {
      const duck = overview ? median(overview.runs.map((r) => r.duckdbBytes)) : NaN;
      const without = overview ? median(overview.runs.map((r) => r.bytes - r.duckdbBytes)) : NaN;
      const withoutRequests = overview
        ? median(overview.runs.map((r) => r.requests)) -
          (overview.byType["duckdb js"]?.requests ?? 0) -
          (overview.byType["duckdb wasm"]?.requests ?? 0)
        : NaN;
      text = `DuckDB-WASM on the overview: ${kb(duck)} of the page's transfer. Everything else the page loads is ${kb(without)} in ${withoutRequests} requests. The overview declares no \`sql:\` front matter and no \`DuckDBClient\` (Framework loads DuckDB for any page that does); its in-browser check of the referral counts is on the trend forecast notebook, which loads DuckDB anyway. If requests exceed 20: the page's modules are one request each (Framework 1.13 does not bundle local components), so the overview's headline and chart code is kept to three modules (\`overview/headlines\`, \`charts/overview/charts\`, \`charts/overview/referral-growth\`) and its provenance travels inside \`overview.json\`.`;
    } else if (m.name.startsWith("first chart /")) {
      const idle = overview?.hotspots?.find((h) => h.function === "(idle)")?.selfMs ?? NaN;
      const phase = (pick: (run: PageResult["runs"][number]) => number) =>
        overview ? median(overview.runs.map(pick)) : NaN;
      text = `Median phases: HTML received at ${fmt(phase((r) => r.html))} ms, the last JavaScript module at ${fmt(phase((r) => r.js))} ms, the data file at ${fmt(phase((r) => r.data))} ms, then ${fmt(phase((r) => r.firstChart - Math.max(r.js, r.data, r.html)))} ms to render. The CPU profile of a cold load up to the first chart is ${fmt(idle)} ms idle on the main thread: the page waits on the network, not on script. The data file (${kb(overview?.byType.data?.bytes ?? NaN)}) would be requested only after the module graph has loaded and the cell runs, unless it is preloaded: the overview declares \`<link rel="preload" as="fetch" crossorigin>\` for \`overview.json\`, so the browser fetches it alongside the modules. What is left is Plot (about 120 KB with brotli), parsed and compiled before any chart, and the machine's load (the figures above are from a shared 2-core machine). Further fixes: draw the headline cards' figures as HTML before Plot arrives, or a smaller chart bundle for the sparklines.`;
    } else if (m.name.includes("duckdb-wasm / native")) {
      text =
        "DuckDB-WASM runs single-threaded (no cross-origin isolation, so no wasm threads) in a 32-bit address space without SIMD-tuned kernels, and it also copies the Arrow result from its worker to the page. Native DuckDB 1.5 is also three minor versions newer (faster hash aggregation and window functions). What would help: pre-aggregating in the loaders (the notebooks read months × areas × Lots, not referral rows), so the browser never scans millions of rows; a Framework upgrade to a newer DuckDB-WASM.";
    } else if (m.name.startsWith("duckdb-wasm monthly-rolling")) {
      text =
        "A scan and hash aggregation of a million rows in single-threaded wasm. The product never sends row-level data to the browser (aggregates only, for disclosure control), so the notebooks' real inputs are thousands of rows; the target would matter only if raw extracts were loaded client-side.";
    } else if (m.name.startsWith("recompute") && explainedPages.has(pagePathOf(m.name))) {
      text = `See ${pagePathOf(m.name)} above.`;
    } else if (m.name.startsWith("recompute")) {
      explainedPages.add(pagePathOf(m.name));
      const result = details.interactions?.find((r) => m.name.includes(` ${r.path}`));
      const profile =
        result?.mainThreadBusyMs === undefined
          ? ""
          : ` The main-thread profile (section 4) shows ${fmt(result.mainThreadBusyMs)} ms of main-thread work in a ${fmt(result.profiledMs ?? NaN)} ms recompute; the rest is waiting (for DuckDB's worker where the page queries, and for the browser's layout and paint).`;
      text = m.name.includes("/trend-forecast")
        ? `A change of the series, a filter, the grain or the horizon runs one prepared statement in DuckDB's single-threaded worker (\`series.sql\` with \`linear.sql\` over it, on the monthly facts \`trend-facts.sql\` prepared when the page opened). Most of that statement's time is DuckDB planning it, and Chromium first runs DuckDB-WASM's code from its baseline compiler: in a fresh page its first ~20 runs took 80–110 ms, later ones 25–35 ms. So the page runs the statement on every series at each grain while it is idle after opening, and stops at the reader's first change; a change made before that warm-up has finished (about two seconds) is slower than the figures here. Then, on the main thread, the forecast and the rolling-origin backtest of every method for the comparison table (fitted ETS parameters are remembered per series, so a method, horizon or interval change refits nothing; at quarterly and monthly grain each origin's fit starts from the previous origin's optimum), and the page redraws.${profile} Fixes: update the fan chart's marks in place instead of redrawing it, and build the tables inside closed sections only when they are opened.`
        : m.name.includes("/ageing-out")
          ? `No input change runs a query: when the page opens, SQL computes the leavers and the population projection for every choice of period, horizon and filter at once (\`src/sql/ageing-out-*-cube.sql\`), and a change picks its rows, then redraws three charts and their tables.${profile} What is left is Plot and the tables; fixes: update the charts' marks in place instead of redrawing, and build the tables inside closed sections only when opened.`
          : `One input change re-runs the cells that depend on it and redraws with Plot.${profile}`;
    } else if (m.name.startsWith("build, 10000000 referrals (predicted")) {
      const runs = details.build?.filter((r) => r.ok) ?? [];
      const last = runs[runs.length - 1];
      text = `The 10M build was not run in this bench run; the prediction extrapolates each phase from the two largest sizes. ${last ? `At ${last.referrals.toLocaleString("en-GB")} referrals validation and the warehouse load took ${fmt(last.validateSeconds)} s (a native DuckDB scan now, no longer the bottleneck), the loaders ${fmt(last.loadersSeconds)} s and Framework ${fmt(last.frameworkSeconds)} s; the build peaked at ${fmt(last.peakRssKb / 1024)} MiB: ` : ""}${m.note ?? ""}. ${loaderProfileText(last)}`;
    } else if (m.name.startsWith("build") || m.name.startsWith("loaders growth")) {
      const runs = details.build?.filter((r) => r.ok) ?? [];
      const last = runs[runs.length - 1];
      text = last
        ? `At ${last.referrals.toLocaleString("en-GB")} referrals the build took ${fmt(last.totalSeconds)} s: validation and warehouse ${fmt(last.validateSeconds)} s, loaders ${fmt(last.loadersSeconds)} s, Framework ${fmt(last.frameworkSeconds)} s. ${loaderProfileText(last)}`
        : "No build succeeded; see the notes in section 5.";
    } else if (m.name.startsWith("largest file")) {
      text =
        "A file over the limit is left in `dist/`: the split step (`scripts/split-wasm.ts`) did not run on this build. Rebuild with `npm run build`.";
    } else {
      text = "See the section above.";
    }
    lines.push(
      `- **${m.name}** — median ${fmt(m.median)} ${m.unit}${m.ratio === undefined ? "" : `, ratio ${fmt(m.ratio, 2)}×`}, target ${targetText(m)}. ${text}`
    );
  }
  lines.push("");
  return lines;
}

/** The whole report. */
export function renderReport(measures: Measure[], details: Details): string {
  const env = details.environment;
  return [
    "# Performance",
    "",
    "<!-- Generated by `npm run bench` (bench/run.ts); do not edit by hand. -->",
    "",
    `Measured ${env.date.slice(0, 16).replace("T", " ")} UTC${details.options.quick ? " with `--quick` (smaller sizes)" : ""}. ${env.cores} CPUs (${env.cpu}), ${env.memoryGiB} GiB memory; Chromium ${env.chromium} (headless, Debian); Node ${env.node}. Load average at start ${env.loadAverageStart.join(" / ")}, at end ${env.loadAverageEnd?.join(" / ") ?? "–"}: the machine was shared with other jobs, so absolute times are noisy; ratios measured side by side in the same run are the figures to compare. Browser measures: 2 warm-up runs, then ${details.options.runs} measured runs (median and p90, nearest rank).`,
    "",
    `lscpu: ${env.lscpu}`,
    ...(details.measuredAt
      ? [
          "",
          `Sections measured: ${Object.entries(details.measuredAt)
            .map(([section, date]) => `${section} ${date.slice(0, 16).replace("T", " ")} UTC`)
            .join(", ")}.`
        ]
      : []),
    "",
    "## Every figure against its target",
    "",
    TABLE_HEAD,
    ...measures.filter((m) => m.target !== undefined).map(measureRow),
    "",
    ...explanations(measures, details),
    ...pagesSection(details),
    ...enginesSection(details, measures),
    ...interactionSection(details),
    ...buildSection(details),
    ...bundleSection(details),
    "## All measures",
    "",
    TABLE_HEAD,
    ...measures.map(measureRow),
    ""
  ].join("\n");
}
