/**
 * Every measure of `bench/results.json`, derived from the recorded details of a run, so that the report can be
 * regenerated from `bench/details.json` without measuring again (`npm run bench -- --report-only`).
 */
import type {BuildScalingRun} from "./build-scaling.js";
import type {BundleReport} from "./bundle.js";
import {engineMeasures, type EngineOptions, type EngineSamples} from "./engines.js";
import type {Environment} from "./environment.js";
import type {InteractionResult} from "./interaction.js";
import {pageMeasures, type PageResult} from "./page-load.js";
import {measure, powerLawFit, round, type Measure} from "./stats.js";

/** Everything one run recorded (`bench/details.json`). */
export interface Details {
  environment: Environment;
  options: {quick: boolean; runs: number; warmups: number; engines: EngineOptions; buildSizes: number[]};
  bundle?: BundleReport;
  pages?: PageResult[];
  dashboardPaths: string[];
  interactions?: InteractionResult[];
  engines?: EngineSamples;
  build?: BuildScalingRun[];
  /** When each section was last measured (ISO date), where sections were measured in separate runs (`--only`). */
  measuredAt?: Record<string, string>;
}

const failed = (name: string, unit: string, note?: string): Measure => ({
  name,
  unit,
  median: NaN,
  p90: NaN,
  runs: [],
  pass: false,
  note
});

function bundleMeasures(bundle: BundleReport): Measure[] {
  const largest = bundle.largest[0]?.bytes ?? 0;
  return [
    measure("largest file in dist/", "MiB", [largest / 2 ** 20], {
      target: bundle.limitBytes / 2 ** 20,
      note: bundle.largest[0]?.file
    }),
    measure("dist/ total size", "MiB", [bundle.totalBytes / 2 ** 20]),
    ...bundle.wasm.map((file) =>
      measure(`wasm ${file.file} (brotli ${round((file.brotliBytes ?? 0) / 2 ** 20)} MiB)`, "MiB", [
        file.bytes / 2 ** 20
      ])
    )
  ];
}

function duckdbOnDashboards(pages: PageResult[], dashboardPaths: string[]): Measure {
  const offenders = pages.filter((page) => page.loadsDuckdb && dashboardPaths.includes(page.path));
  return {
    name: "dashboard pages that load DuckDB-WASM",
    unit: "pages",
    median: offenders.length,
    p90: offenders.length,
    runs: [offenders.length],
    target: 0,
    targetOn: "value",
    pass: offenders.length === 0,
    note: offenders.map((page) => page.path).join(", ") || undefined
  };
}

function interactionMeasures(results: InteractionResult[]): Measure[] {
  return results.flatMap((result) => [
    result.samples.length === 0
      ? failed(`recompute after input ${result.path}`, "ms", result.note)
      : measure(`recompute after input ${result.path}`, "ms", result.samples, {
          target: 100,
          targetOn: "p90",
          note: result.input
        }),
    // The target is for every input: each one, until the page has finished updating.
    ...(result.inputs ?? [])
      .filter((timing) => timing.settled.some((ms) => ms >= 0))
      .map((timing) =>
        measure(
          `recompute until settled ${result.path}: ${timing.input}`,
          "ms",
          timing.settled.filter((ms) => ms >= 0),
          {target: 100, targetOn: "p90"}
        )
      )
  ]);
}

/** Build time per size, loaders time, peak memory, and the growth exponents (all sizes, and the two largest). */
export function buildMeasures(runs: BuildScalingRun[]): Measure[] {
  const measures: Measure[] = [];
  for (const run of runs) {
    const name = `build, ${run.referrals} referrals`;
    if (!run.ok) {
      measures.push(failed(name, "s", run.note));
      continue;
    }
    const note = `validate ${round(run.validateSeconds, 1)} s, loaders ${round(run.loadersSeconds, 1)} s, framework ${round(run.frameworkSeconds, 1)} s; data generated in ${round(run.generateSeconds, 1)} s`;
    measures.push(
      measure(name, "s", [run.totalSeconds], run.referrals === 10_000_000 ? {target: 60, note} : {note}),
      measure(`validate + warehouse + loaders, ${run.referrals} referrals`, "s", [
        run.validateSeconds + run.loadersSeconds
      ]),
      measure(`build peak RSS, ${run.referrals} referrals`, "MiB", [run.peakRssKb / 1024])
    );
  }
  if (runs.some((run) => run.referrals === 10_000_000 && !run.ok)) {
    measures.push({
      ...failed("build, 10000000 referrals, under 60 s", "s", "the 10M build did not finish"),
      target: 60
    });
  }
  const ok = runs.filter((run) => run.ok);
  if (!runs.some((run) => run.referrals === 10_000_000) && ok.length >= 2) {
    // Not measured in this run: extrapolate each phase, and the peak memory, from the two largest sizes.
    const [a, b] = ok.slice(-2);
    const predict = (pick: (run: BuildScalingRun) => number): number => {
      const {exponent} = powerLawFit([a.referrals, b.referrals], [pick(a), pick(b)]);
      return pick(b) * (10_000_000 / b.referrals) ** exponent;
    };
    const seconds =
      predict((r) => r.validateSeconds) + predict((r) => r.loadersSeconds) + predict((r) => r.frameworkSeconds);
    const rssGiB = predict((r) => r.peakRssKb) / 2 ** 20;
    measures.push(
      measure("build, 10000000 referrals (predicted, not measured)", "s", [seconds], {
        target: 60,
        note: `extrapolated per phase from ${a.referrals} and ${b.referrals}; predicted peak RSS ${round(rssGiB, 1)} GiB`
      })
    );
  }
  const fits: [string, BuildScalingRun[]][] = [["", ok]];
  if (ok.length > 2) fits.push([", two largest sizes", ok.slice(-2)]);
  for (const [suffix, points] of fits) {
    if (points.length < 2) continue;
    const sizes = points.map((run) => run.referrals);
    const total = powerLawFit(
      sizes,
      points.map((run) => run.totalSeconds)
    );
    const loaders = powerLawFit(
      sizes,
      points.map((run) => run.validateSeconds + run.loadersSeconds)
    );
    measures.push(
      measure(`build growth exponent (time ~ N^b)${suffix}`, "b", [total.exponent], {
        target: 1.1,
        note: `R² ${total.r2}, sizes ${sizes.join(", ")}`
      }),
      measure(`loaders growth exponent (time ~ N^b)${suffix}`, "b", [loaders.exponent], {
        target: 1.1,
        note: `R² ${loaders.r2}`
      })
    );
  }
  return measures;
}

/** All measures, in report order. */
export function measuresFromDetails(details: Details): Measure[] {
  return [
    ...(details.bundle ? bundleMeasures(details.bundle) : []),
    ...(details.pages
      ? [...pageMeasures(details.pages), duckdbOnDashboards(details.pages, details.dashboardPaths)]
      : []),
    ...(details.interactions ? interactionMeasures(details.interactions) : []),
    ...(details.engines ? engineMeasures(details.engines, details.options.engines) : []),
    ...(details.build ? buildMeasures(details.build) : [])
  ];
}
