/**
 * Build time against data size: the demo generator writes N referrals (and a county scaled to match) into a
 * temporary folder, then `scripts/build.ts` runs on it (validate + warehouse, every loader, `observable build`)
 * under `/usr/bin/time -v` for the peak resident memory. Phases are split by the build's own output lines.
 */
import {spawn} from "node:child_process";
import {existsSync} from "node:fs";
import {createHash} from "node:crypto";
import {mkdir, mkdtemp, readFile, readdir, rename, rm, statfs, writeFile} from "node:fs/promises";
import {tmpdir} from "node:os";
import {join} from "node:path";
import {performance} from "node:perf_hooks";

const root = join(import.meta.dirname, "..");
const tsx = join(root, "node_modules", ".bin", "tsx");
const warehouseDir = join(root, ".tmp", "warehouse");

/**
 * With `BENCH_KEEP_DATA=1` the generated folders are kept under `.tmp/bench-data/`, keyed by the size and a hash
 * of the generator's code, and reused by the next run: the generator is deterministic for its seed, and 10M
 * referrals take minutes to generate (not part of the build being measured).
 */
const keepData = process.env.BENCH_KEEP_DATA === "1";

async function generatorHash(): Promise<string> {
  const hash = createHash("sha256");
  const dir = join(root, "loaders", "demo");
  for (const file of (await readdir(dir)).sort()) hash.update(file).update(await readFile(join(dir, file)));
  return hash.digest("hex").slice(0, 16);
}

export interface BuildScalingRun {
  referrals: number;
  ok: boolean;
  note?: string;
  /** Seconds to generate the data (not part of the build). */
  generateSeconds: number;
  /** Seconds: validation + warehouse load, then the data loaders, then `observable build` and post-processing. */
  validateSeconds: number;
  loadersSeconds: number;
  frameworkSeconds: number;
  totalSeconds: number;
  /** Largest resident set of any one process of the build (kB, from /usr/bin/time -v). */
  peakRssKb: number;
  /**
   * CPU seconds (user + system) of the whole build, from /usr/bin/time -v: on a shared machine the wall time
   * includes waiting for the CPU, so this shows how much of it was the build's own work.
   */
  cpuSeconds?: number;
  dataBytes: number;
  /** Each loader's own time, slowest first, from the build's `loader <path> (<seconds> s)` lines: the profile. */
  loaderSeconds?: {loader: string; seconds: number}[];
  /**
   * Each step of validation and the warehouse load, in build order, from the build's `warehouse <step> (<seconds>
   * s)` lines (hashing the folder, staging each file, the rules query, publishing, derived tables, the checkpoint).
   */
  warehouseSeconds?: {step: string; seconds: number}[];
}

const LOADER_LINE = /^loader (\S+) \(([\d.]+) s\)$/;

/** Each loader's time from the build's log lines, slowest first (ties by name, so the order is stable). */
export function loaderTimes(lines: string[]): {loader: string; seconds: number}[] {
  return lines
    .map((line) => LOADER_LINE.exec(line.trim()))
    .filter((match) => match !== null)
    .map((match) => ({loader: match[1], seconds: Number(match[2])}))
    .sort((a, b) => b.seconds - a.seconds || (a.loader < b.loader ? -1 : 1));
}

const WAREHOUSE_LINE = /^warehouse (.+) \(([\d.]+) s\)$/;

/** Each warehouse step's time from the build's log lines, in the order the build ran them. */
export function warehouseTimes(lines: string[]): {step: string; seconds: number}[] {
  return lines
    .map((line) => WAREHOUSE_LINE.exec(line.trim()))
    .filter((match) => match !== null)
    .map((match) => ({step: match[1], seconds: Number(match[2])}));
}

interface Timed {
  code: number | null;
  seconds: number;
  lines: {t: number; text: string}[];
  stderr: string;
  timedOut: boolean;
}

function runTimed(command: string, args: string[], env: NodeJS.ProcessEnv, timeoutSeconds: number): Promise<Timed> {
  return new Promise((resolve, reject) => {
    const start = performance.now();
    const child = spawn(command, args, {cwd: root, env, stdio: ["ignore", "pipe", "pipe"], detached: true});
    const lines: {t: number; text: string}[] = [];
    let stderr = "";
    let buffer = "";
    let timedOut = false;
    const timer = setTimeout(() => {
      timedOut = true;
      if (child.pid) process.kill(-child.pid, "SIGKILL"); // the build's own process group, started above
    }, timeoutSeconds * 1000);
    child.stdout.on("data", (chunk: Buffer) => {
      buffer += chunk.toString();
      const parts = buffer.split("\n");
      buffer = parts.pop() ?? "";
      for (const text of parts) lines.push({t: (performance.now() - start) / 1000, text});
    });
    child.stderr.on("data", (chunk: Buffer) => (stderr += chunk.toString()));
    child.on("error", reject);
    child.on("close", (code) => {
      clearTimeout(timer);
      resolve({code, seconds: (performance.now() - start) / 1000, lines, stderr, timedOut});
    });
  });
}

async function folderBytes(dir: string): Promise<number> {
  let total = 0;
  for (const entry of await readdir(dir, {withFileTypes: true, recursive: true})) {
    if (entry.isFile())
      total += (await import("node:fs/promises").then((fs) => fs.stat(join(entry.parentPath, entry.name)))).size;
  }
  return total;
}

/** Builds the site once per size, sequentially; every temporary folder and warehouse it creates is removed. */
export async function measureBuildScaling(
  sizes: number[],
  {timeoutSeconds}: {timeoutSeconds: number}
): Promise<BuildScalingRun[]> {
  const results: BuildScalingRun[] = [];
  for (const referrals of sizes) {
    const free = await statfs(tmpdir()).then((s) => s.bavail * s.bsize);
    const needed = referrals * 600; // generated CSV is about 200 bytes per referral, plus the warehouse and copies
    const empty = {
      generateSeconds: 0,
      validateSeconds: 0,
      loadersSeconds: 0,
      frameworkSeconds: 0,
      totalSeconds: 0,
      peakRssKb: 0,
      dataBytes: 0
    };
    if (free < needed) {
      results.push({
        referrals,
        ok: false,
        note: `skipped: ${(free / 1e9).toFixed(1)} GB free in ${tmpdir()}`,
        ...empty
      });
      continue;
    }
    // Every build must validate and load its warehouse: set the existing warehouses aside (a kept data folder, or
    // the same generated data, would otherwise hit a cached warehouse and skip the phase being measured).
    const aside = `${warehouseDir}.bench-aside`;
    if (existsSync(warehouseDir)) await rename(warehouseDir, aside);
    const kept = keepData ? join(root, ".tmp", "bench-data", `${referrals}-${await generatorHash()}`) : null;
    const marker = kept === null ? null : join(kept, ".generated-seconds");
    const dataDir = kept ?? (await mkdtemp(join(tmpdir(), `send-bench-data-${referrals}-`)));
    const outputDir = `dist-bench-${referrals}`;
    try {
      let generateSeconds: number;
      const earlier = marker !== null && existsSync(marker) ? Number(await readFile(marker, "utf-8")) : null;
      if (earlier !== null) {
        console.log(`build scaling: reusing ${referrals} referrals generated earlier in ${dataDir}`);
        generateSeconds = earlier;
      } else {
        console.log(`build scaling: generating ${referrals} referrals`);
        await mkdir(dataDir, {recursive: true});
        const generated = await runTimed(
          tsx,
          ["loaders/demo/cli.ts", "--out", dataDir, "--referrals", String(referrals)],
          process.env,
          timeoutSeconds
        );
        if (generated.code !== 0) {
          results.push({
            referrals,
            ok: false,
            note: `generator failed: ${generated.timedOut ? "timed out" : generated.stderr.trim().slice(-300)}`,
            ...empty,
            generateSeconds: generated.seconds
          });
          continue;
        }
        generateSeconds = generated.seconds;
        if (marker !== null) await writeFile(marker, String(generateSeconds));
      }
      const dataBytes = await folderBytes(dataDir);
      console.log(`build scaling: building ${referrals} referrals (${(dataBytes / 1e6).toFixed(0)} MB of CSV)`);
      const env = {...process.env, DATA_DIR: dataDir, OUTPUT_DIR: outputDir, OBSERVABLE_TELEMETRY_DISABLE: "true"};
      const build = await runTimed("/usr/bin/time", ["-v", tsx, "scripts/build.ts"], env, timeoutSeconds);
      // scripts/build.ts prints "validated and loaded in …" when the warehouse is ready, then a line per loader.
      const firstLoader = build.lines.find((line) => line.text.startsWith("validated and loaded in "));
      const lastLoaderIndex = build.lines.map((line) => line.text.startsWith("loader ")).lastIndexOf(true);
      const afterLoaders = build.lines.slice(lastLoaderIndex + 1).find((line) => line.text.trim() !== "");
      const rss = /Maximum resident set size \(kbytes\): (\d+)/.exec(build.stderr);
      const user = /User time \(seconds\): ([\d.]+)/.exec(build.stderr);
      const system = /System time \(seconds\): ([\d.]+)/.exec(build.stderr);
      const validateSeconds = firstLoader?.t ?? build.seconds;
      const loadersEnd = afterLoaders?.t ?? build.seconds;
      const ok = build.code === 0 && !build.timedOut;
      results.push({
        referrals,
        ok,
        note: ok
          ? undefined
          : build.timedOut
            ? `timed out after ${timeoutSeconds} s`
            : `build failed: ${build.stderr
                .split("\n")
                .filter((l) => !/^\s/.test(l) && l.trim())
                .slice(-3)
                .join(" | ")}`,
        generateSeconds,
        validateSeconds,
        loadersSeconds: loadersEnd - validateSeconds,
        frameworkSeconds: build.seconds - loadersEnd,
        totalSeconds: build.seconds,
        peakRssKb: rss ? Number(rss[1]) : 0,
        cpuSeconds: user && system ? Number(user[1]) + Number(system[1]) : undefined,
        dataBytes,
        loaderSeconds: loaderTimes(build.lines.map((line) => line.text)),
        warehouseSeconds: warehouseTimes(build.lines.map((line) => line.text))
      });
      console.log(`build scaling: ${referrals} referrals: ${build.seconds.toFixed(1)} s${ok ? "" : " (failed)"}`);
    } finally {
      if (kept === null) await rm(dataDir, {recursive: true, force: true});
      await rm(join(root, outputDir), {recursive: true, force: true});
      await rm(warehouseDir, {recursive: true, force: true});
      if (existsSync(aside)) await rename(aside, warehouseDir);
    }
  }
  return results;
}
