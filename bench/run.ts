/**
 * `npm run bench [-- --quick] [-- --only pages,engines,interaction,build,bundle] [-- --pages /a,/b] [-- --report-only]`: the product's performance as its
 * users meet it, measured in one run on this machine. Writes `bench/results.json` (one entry per measure),
 * `bench/details.json` (every sample and breakdown) and the readable `docs/performance.md`.
 *
 * Browser figures: headless Chromium against the built `dist/`, served with brotli by scripts/static-server.ts.
 * Each browser measure is 2 warm-up runs, then 7 measured runs (median and p90). Ratios are measured side by side
 * in the same run, because absolute times on a shared machine are noisy.
 */
import {spawnSync} from "node:child_process";
import {existsSync} from "node:fs";
import {readFile, writeFile} from "node:fs/promises";
import {loadavg} from "node:os";
import {join} from "node:path";
import {parseArgs} from "node:util";
import {format, resolveConfig} from "prettier";
import config from "../observablehq.config.js";
import {PAGES} from "../tests/browser/pages.js";
import {launchBenchBrowser} from "./browser.js";
import {measureBuildScaling} from "./build-scaling.js";
import {measureBundle} from "./bundle.js";
import {measureBrowserEngines, measureNativeEngine, type EngineOptions} from "./engines.js";
import {describeEnvironment} from "./environment.js";
import {measureInteractions} from "./interaction.js";
import {measuresFromDetails, type Details} from "./measures.js";
import {measurePageLoads} from "./page-load.js";
import {renderReport} from "./report.js";
import {serveRecording} from "./traffic.js";

const root = join(import.meta.dirname, "..");
const SECTIONS = ["bundle", "pages", "interaction", "engines", "build"] as const;
type Section = (typeof SECTIONS)[number];

/** Sidebar paths of the section named `name` in observablehq.config.ts. */
function sectionPaths(name: string): string[] {
  const section = (config.pages as {name: string; pages?: {path: string}[]}[]).find((entry) => entry.name === name);
  return (section?.pages ?? []).map((page) => page.path);
}

async function main(): Promise<void> {
  const {values} = parseArgs({
    options: {
      quick: {type: "boolean", default: false},
      only: {type: "string"},
      runs: {type: "string", default: "7"},
      warmups: {type: "string", default: "2"},
      "build-timeout": {type: "string"},
      "report-only": {type: "boolean", default: false},
      "build-sizes": {type: "string"},
      "sql-sizes": {type: "string"},
      "group-by-sizes": {type: "string"},
      pages: {type: "string"}
    }
  });
  if (values["report-only"]) {
    // Regenerate results.json and the report from the recorded details, without measuring.
    const recorded = JSON.parse(await readFile(join(root, "bench", "details.json"), "utf-8")) as Details;
    await writeOutputs(recorded);
    return;
  }
  const quick = values.quick ?? false;
  const runs = Number(values.runs);
  const warmups = Number(values.warmups);
  if (!Number.isInteger(runs) || runs < 1) throw new Error(`invalid runs: ${values.runs}`);
  if (!Number.isInteger(warmups) || warmups < 0) throw new Error(`invalid warmups: ${values.warmups}`);
  const only = new Set((values.only?.split(",") ?? SECTIONS) as Section[]);
  for (const section of only) if (!SECTIONS.includes(section)) throw new Error(`invalid section: ${section}`);
  const sizes = (option: string | undefined, fallback: number[]): number[] => {
    if (option === undefined) return fallback;
    const list = option.split(",").map((value) => Number(value.replace(/_/g, "")));
    for (const value of list) if (!Number.isInteger(value) || value < 1) throw new Error(`invalid sizes: ${option}`);
    return list;
  };
  const engines: EngineOptions = {
    warmups,
    runs,
    sqlSizes: sizes(values["sql-sizes"], quick ? [100_000, 1_000_000] : [1_000_000, 10_000_000]),
    groupBySizes: sizes(values["group-by-sizes"], [10_000, 100_000, 1_000_000])
  };
  const buildSizes = sizes(values["build-sizes"], quick ? [10_000, 100_000] : [10_000, 100_000, 1_000_000, 10_000_000]);
  const buildTimeout = Number(values["build-timeout"] ?? (quick ? 600 : 1800));

  const distDir = join(root, process.env.OUTPUT_DIR ?? "dist");
  if (!existsSync(join(distDir, "index.html"))) {
    console.log("no built site: running npm run build");
    const built = spawnSync("npm", ["run", "build"], {cwd: root, stdio: "inherit"});
    if (built.status !== 0) throw new Error("build failed");
  }

  const browser = await launchBenchBrowser();
  const details: Details = {
    environment: describeEnvironment(browser.version()),
    options: {quick, runs, warmups, engines, buildSizes},
    dashboardPaths: sectionPaths("Dashboards")
  };
  try {
    if (only.has("bundle")) details.bundle = await measureBundle(distDir);
    const server = await serveRecording(distDir);
    try {
      if (only.has("pages")) {
        details.pages = await measurePageLoads(browser, server, {
          runs,
          warmups,
          profileDir: join(root, "bench", "tmp", "profiles")
        });
      }
      if (only.has("interaction")) {
        // The notebook pages: the sidebar's Forecasts section (DuckDB-WASM or not: the scenario planner is pure
        // JavaScript), or the pages named with --pages.
        const forecasts = sectionPaths("Forecasts");
        const paths = values.pages
          ? values.pages.split(",")
          : PAGES.map((page) => page.path).filter((path) => forecasts.includes(path));
        for (const path of paths)
          if (!PAGES.some((page) => page.path === path)) throw new Error(`invalid page: ${path}`);
        details.interactions = await measureInteractions(browser, server, paths, {runs, warmups});
      }
    } finally {
      await server.close();
    }
    if (only.has("engines")) {
      details.engines = {...(await measureBrowserEngines(browser, engines)), ...(await measureNativeEngine(engines))};
    }
  } finally {
    await browser.close();
  }
  if (only.has("build")) details.build = await measureBuildScaling(buildSizes, {timeoutSeconds: buildTimeout});
  details.environment.loadAverageEnd = loadavg().map((v) => Math.round(v * 100) / 100);
  const measuredAt = Object.fromEntries([...only].map((section) => [section, details.environment.date]));
  const detailsPath = join(root, "bench", "details.json");
  if (values.only !== undefined && existsSync(detailsPath)) {
    // Sections re-measured with --only replace their earlier figures; the others are kept, with their dates.
    const earlier = JSON.parse(await readFile(detailsPath, "utf-8")) as Details;
    const merged: Details = {...earlier, ...details, options: {...earlier.options, ...details.options}};
    for (const section of SECTIONS) {
      const key = section === "interaction" ? "interactions" : section;
      if (!only.has(section) && earlier[key] !== undefined) Object.assign(merged, {[key]: earlier[key]});
    }
    if (values.pages !== undefined && details.interactions && earlier.interactions) {
      // --pages re-measures some notebook pages: the others keep their earlier figures, in sidebar order.
      const fresh = new Map(details.interactions.map((result) => [result.path, result]));
      const kept = earlier.interactions.map((result) => fresh.get(result.path) ?? result);
      merged.interactions = [...kept, ...details.interactions.filter((r) => !kept.includes(r))];
    }
    if (!only.has("engines")) merged.options.engines = earlier.options.engines;
    if (!only.has("build")) merged.options.buildSizes = earlier.options.buildSizes;
    merged.measuredAt = {...(earlier.measuredAt ?? {}), ...measuredAt};
    await writeOutputs(merged);
    return;
  }
  details.measuredAt = measuredAt;
  await writeOutputs(details);
}

/** Writes `text` to `path`, formatted by Prettier with the project's settings, so `npm run format:check` passes. */
async function writeFormatted(path: string, text: string, parser: "json" | "markdown"): Promise<void> {
  const options = (await resolveConfig(path)) ?? {};
  await writeFile(path, await format(text, {...options, parser}));
}

/** Writes results.json, details.json and docs/performance.md from a run's details. */
async function writeOutputs(details: Details): Promise<void> {
  const measures = measuresFromDetails(details);
  await writeFormatted(join(root, "bench", "results.json"), JSON.stringify(measures), "json");
  await writeFormatted(join(root, "bench", "details.json"), JSON.stringify(details), "json");
  await writeFormatted(join(root, "docs", "performance.md"), renderReport(measures, details), "markdown");
  const failed = measures.filter((m) => !m.pass);
  console.log(`${measures.length} measures, ${failed.length} missed targets: ${failed.map((m) => m.name).join("; ")}`);
}

main().catch((error: unknown) => {
  console.error(error instanceof Error ? (error.stack ?? error.message) : error);
  process.exitCode = 1;
});
