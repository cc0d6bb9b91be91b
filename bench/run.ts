/**
 * `npm run bench [-- --quick] [-- --only pages,engines,interaction,build,bundle]`: the product's performance as its
 * users meet it, measured in one run on this machine. Writes `bench/results.json` (one entry per measure),
 * `bench/details.json` (every sample and breakdown) and the readable `docs/performance.md`.
 *
 * Browser figures: headless Chromium against the built `dist/`, served with brotli by scripts/static-server.ts.
 * Each browser measure is 2 warm-up runs, then 7 measured runs (median and p90). Ratios are measured side by side
 * in the same run, because absolute times on a shared machine are noisy.
 */
import {spawnSync} from "node:child_process";
import {existsSync} from "node:fs";
import {writeFile} from "node:fs/promises";
import {loadavg} from "node:os";
import {join} from "node:path";
import {parseArgs} from "node:util";
import config from "../observablehq.config.js";
import {PAGES} from "../tests/browser/pages.js";
import {launchBenchBrowser} from "./browser.js";
import {measureBuildScaling, type BuildScalingRun} from "./build-scaling.js";
import {measureBundle, type BundleReport} from "./bundle.js";
import {
  engineMeasures,
  measureBrowserEngines,
  measureNativeEngine,
  type EngineOptions,
  type EngineSamples
} from "./engines.js";
import {describeEnvironment} from "./environment.js";
import {measureInteractions, type InteractionResult} from "./interaction.js";
import {measurePageLoads, pageMeasures, type PageResult} from "./page-load.js";
import {renderReport} from "./report.js";
import {measure, powerLawFit, round, type Measure} from "./stats.js";
import {serveRecording} from "./traffic.js";

const root = join(import.meta.dirname, "..");
const SECTIONS = ["bundle", "pages", "interaction", "engines", "build"] as const;
type Section = (typeof SECTIONS)[number];

/** Sidebar paths of the section named `name` in observablehq.config.ts. */
function sectionPaths(name: string): string[] {
  const section = (config.pages as {name: string; pages?: {path: string}[]}[]).find((entry) => entry.name === name);
  return (section?.pages ?? []).map((page) => page.path);
}

export interface Details {
  environment: ReturnType<typeof describeEnvironment>;
  options: {quick: boolean; runs: number; warmups: number; engines: EngineOptions; buildSizes: number[]};
  bundle?: BundleReport;
  pages?: PageResult[];
  dashboardPaths: string[];
  interactions?: InteractionResult[];
  engines?: EngineSamples;
  build?: BuildScalingRun[];
}

async function main(): Promise<void> {
  const {values} = parseArgs({
    options: {
      quick: {type: "boolean", default: false},
      only: {type: "string"},
      runs: {type: "string", default: "7"},
      warmups: {type: "string", default: "2"},
      "build-timeout": {type: "string"}
    }
  });
  const quick = values.quick ?? false;
  const runs = Number(values.runs);
  const warmups = Number(values.warmups);
  if (!Number.isInteger(runs) || runs < 1) throw new Error(`invalid runs: ${values.runs}`);
  if (!Number.isInteger(warmups) || warmups < 0) throw new Error(`invalid warmups: ${values.warmups}`);
  const only = new Set((values.only?.split(",") ?? SECTIONS) as Section[]);
  for (const section of only) if (!SECTIONS.includes(section)) throw new Error(`invalid section: ${section}`);
  const engines: EngineOptions = quick
    ? {warmups, runs, sqlSizes: [100_000, 1_000_000], groupBySizes: [10_000, 100_000, 1_000_000]}
    : {warmups, runs, sqlSizes: [1_000_000, 10_000_000], groupBySizes: [10_000, 100_000, 1_000_000]};
  const buildSizes = quick ? [10_000, 100_000] : [10_000, 100_000, 1_000_000, 10_000_000];
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
  const measures: Measure[] = [];
  try {
    if (only.has("bundle")) {
      details.bundle = await measureBundle(distDir);
      const largest = details.bundle.largest[0]?.bytes ?? 0;
      measures.push(
        measure("largest file in dist/", "MiB", [largest / 2 ** 20], {
          target: details.bundle.limitBytes / 2 ** 20,
          note: details.bundle.largest[0]?.file
        }),
        measure("dist/ total size", "MiB", [details.bundle.totalBytes / 2 ** 20])
      );
      for (const file of details.bundle.wasm) {
        measures.push(
          measure(`wasm ${file.file} (brotli ${round((file.brotliBytes ?? 0) / 2 ** 20)} MiB)`, "MiB", [
            file.bytes / 2 ** 20
          ])
        );
      }
    }
    const server = await serveRecording(distDir);
    try {
      if (only.has("pages")) {
        details.pages = await measurePageLoads(browser, server, {
          runs,
          warmups,
          profileDir: join(root, "bench", "tmp", "profiles")
        });
        measures.push(...pageMeasures(details.pages));
        const offenders = details.pages.filter(
          (page) => page.loadsDuckdb && details.dashboardPaths.includes(page.path)
        );
        measures.push({
          name: "dashboard pages that load DuckDB-WASM",
          unit: "pages",
          median: offenders.length,
          p90: offenders.length,
          runs: [offenders.length],
          target: 0,
          targetOn: "value",
          pass: offenders.length === 0,
          note: offenders.map((page) => page.path).join(", ") || undefined
        });
      }
      if (only.has("interaction")) {
        // Notebook pages: those that load DuckDB-WASM (found by the page loads), else every page but the dashboards.
        const paths = details.pages
          ? details.pages
              .filter((page) => page.loadsDuckdb && !details.dashboardPaths.includes(page.path))
              .map((page) => page.path)
          : PAGES.map((page) => page.path).filter((path) => !details.dashboardPaths.includes(path));
        details.interactions = await measureInteractions(browser, server, paths, {runs, warmups});
        for (const result of details.interactions) {
          if (result.samples.length === 0) {
            measures.push({
              name: `recompute after input ${result.path}`,
              unit: "ms",
              median: NaN,
              p90: NaN,
              runs: [],
              pass: false,
              note: result.note
            });
          } else {
            measures.push(
              measure(`recompute after input ${result.path}`, "ms", result.samples, {
                target: 100,
                targetOn: "p90",
                note: result.input
              })
            );
          }
        }
      }
    } finally {
      await server.close();
    }
    if (only.has("engines")) {
      details.engines = {...(await measureBrowserEngines(browser, engines)), ...(await measureNativeEngine(engines))};
      measures.push(...engineMeasures(details.engines, engines));
    }
  } finally {
    await browser.close();
  }
  if (only.has("build")) {
    details.build = await measureBuildScaling(buildSizes, {timeoutSeconds: buildTimeout});
    for (const run of details.build) {
      const note = run.ok
        ? `validate ${round(run.validateSeconds, 1)} s, loaders ${round(run.loadersSeconds, 1)} s, framework ${round(run.frameworkSeconds, 1)} s; data generated in ${round(run.generateSeconds, 1)} s`
        : run.note;
      const is10M = run.referrals === 10_000_000;
      measures.push(
        run.ok
          ? measure(`build, ${run.referrals} referrals`, "s", [run.totalSeconds], is10M ? {target: 60, note} : {note})
          : {name: `build, ${run.referrals} referrals`, unit: "s", median: NaN, p90: NaN, runs: [], pass: false, note}
      );
      if (run.ok) {
        measures.push(
          measure(`validate + warehouse + loaders, ${run.referrals} referrals`, "s", [
            run.validateSeconds + run.loadersSeconds
          ])
        );
        measures.push(measure(`build peak RSS, ${run.referrals} referrals`, "MiB", [run.peakRssKb / 1024]));
      }
    }
    const ok = details.build.filter((run) => run.ok);
    if (ok.length >= 2) {
      const sizes = ok.map((run) => run.referrals);
      const total = powerLawFit(
        sizes,
        ok.map((run) => run.totalSeconds)
      );
      const loaders = powerLawFit(
        sizes,
        ok.map((run) => run.validateSeconds + run.loadersSeconds)
      );
      measures.push(
        measure("build growth exponent (time ~ N^b)", "b", [total.exponent], {
          target: 1.1,
          note: `R² ${total.r2}, sizes ${sizes.join(", ")}`
        }),
        measure("loaders growth exponent (time ~ N^b)", "b", [loaders.exponent], {
          target: 1.1,
          note: `R² ${loaders.r2}`
        })
      );
    }
  }
  details.environment.loadAverageEnd = loadavg().map((v) => Math.round(v * 100) / 100);
  await writeFile(join(root, "bench", "results.json"), JSON.stringify(measures, null, 2) + "\n");
  await writeFile(join(root, "bench", "details.json"), JSON.stringify(details, null, 2) + "\n");
  await writeFile(join(root, "docs", "performance.md"), renderReport(measures, details));
  const failed = measures.filter((m) => !m.pass);
  console.log(`${measures.length} measures, ${failed.length} missed targets: ${failed.map((m) => m.name).join("; ")}`);
}

main().catch((error: unknown) => {
  console.error(error instanceof Error ? (error.stack ?? error.message) : error);
  process.exitCode = 1;
});
