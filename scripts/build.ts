/**
 * A reproducible build: the same checkout gives a byte-identical `dist/` (DESIGN.md, facts 3 and 6).
 *
 * Framework names loader outputs by a hash of their content *and modification time*, and writes every file's
 * `lastModified` into the pages. So this script runs every data loader itself, before `observable build`, and
 * gives every source file and every loader output one fixed modification time: the commit time of HEAD (or
 * `SOURCE_DATE_EPOCH`). Framework then finds each output fresh (not older than its loader) and reuses it.
 * Running the loaders here, on a cleared cache, also means a stale output can never be shipped, and a loader
 * that fails stops the build with a non-zero exit.
 */
import {spawn} from "node:child_process";
import {mkdir, readFile, readdir, rename, utimes, writeFile} from "node:fs/promises";
import {dirname, join, relative, resolve} from "node:path";
import {fileURLToPath, pathToFileURL} from "node:url";
import {buildEpoch} from "../loaders/build-info.js";
import {
  closeSharedWarehouses,
  describeValidation,
  prepareWarehouse,
  shareWarehouses
} from "../loaders/warehouse/index.js";
import {clearLoaderCache} from "./clean.js";
import {applyContentSecurityPolicy} from "./csp.js";
import {splitLargeWasm} from "./split-wasm.js";

const root = join(dirname(fileURLToPath(import.meta.url)), "..");
// FRAMEWORK_ROOT: another Framework root to build (scripts/build-public.ts builds a generated root of public pages).
const srcDir = process.env.FRAMEWORK_ROOT ? resolve(root, process.env.FRAMEWORK_ROOT) : join(root, "src");
const cacheDir = join(srcDir, ".observablehq", "cache");
const observable = join(root, "node_modules", ".bin", "observable");

async function walk(dir: string): Promise<string[]> {
  const entries = await readdir(dir, {withFileTypes: true});
  const files: string[] = [];
  for (const entry of entries.sort((a, b) => (a.name < b.name ? -1 : a.name > b.name ? 1 : 0))) {
    if (entry.name === ".observablehq") continue;
    const path = join(dir, entry.name);
    if (entry.isDirectory()) files.push(...(await walk(path)));
    else files.push(path);
  }
  return files;
}

/** Data loaders are `src/**\/name.ext.ts` (as Framework defines them), but not components. */
export function isDataLoader(path: string): boolean {
  const rel = relative(srcDir, path);
  return !rel.startsWith("components") && /\.[a-z]+\.ts$/.test(rel);
}

/**
 * Runs one data loader inside this process (not one tsx process per loader, which cost about half a second each):
 * it is imported with everything it writes to stdout captured, as Framework would capture a loader process's
 * output, and written to its cache file. A loader that throws or sets a non-zero `process.exitCode` (as
 * `loaders/emit.ts` does on an error) fails the build. `observable preview` still runs each loader as a process.
 */
async function runLoader(loader: string): Promise<void> {
  const target = join(cacheDir, relative(srcDir, loader).replace(/\.ts$/, ""));
  await mkdir(dirname(target), {recursive: true});
  const chunks: Buffer[] = [];
  const stdoutWrite = process.stdout.write.bind(process.stdout);
  const capture = (chunk: string | Uint8Array, encoding?: unknown, callback?: unknown): boolean => {
    chunks.push(
      typeof chunk === "string"
        ? Buffer.from(chunk, typeof encoding === "string" ? (encoding as BufferEncoding) : "utf-8")
        : Buffer.from(chunk)
    );
    const done = typeof encoding === "function" ? encoding : callback;
    if (typeof done === "function") queueMicrotask(() => (done as (error?: Error | null) => void)(null));
    return true;
  };
  const exitCodeBefore = process.exitCode;
  process.exitCode = undefined;
  let failure: unknown = null;
  process.stdout.write = capture;
  try {
    await import(pathToFileURL(loader).href);
  } catch (error) {
    failure = error;
  } finally {
    process.stdout.write = stdoutWrite;
  }
  const code = process.exitCode;
  process.exitCode = exitCodeBefore;
  if (failure !== null || (code !== undefined && code !== 0)) {
    if (failure !== null) console.error(failure instanceof Error ? (failure.stack ?? failure.message) : failure);
    throw new Error(`data loader failed${failure === null ? ` (exit ${code})` : ""}: ${relative(root, loader)}`);
  }
  const temp = `${target}.${process.pid}`;
  await writeFile(temp, Buffer.concat(chunks));
  await rename(temp, target);
}

async function main(): Promise<void> {
  const epoch = buildEpoch();
  // Validate the data once, before any loader runs: every problem is printed, and any rejection stops the build.
  const validationStarted = performance.now();
  // each step's time, for the build-scaling profile (bench/build-scaling.ts reads these lines)
  const step = (name: string, seconds: number) => console.log(`warehouse ${name} (${seconds.toFixed(1)} s)`);
  console.log(describeValidation(await prepareWarehouse(undefined, step)));
  console.log(`validated and loaded in ${((performance.now() - validationStarted) / 1000).toFixed(1)} s`);
  await clearLoaderCache(cacheDir);
  const files = await walk(srcDir);
  const loaders = files.filter(isDataLoader);
  shareWarehouses(); // every loader queries one open warehouse, validated once above
  try {
    for (const loader of loaders) {
      const started = performance.now();
      await runLoader(loader);
      console.log(`loader ${relative(root, loader)} (${((performance.now() - started) / 1000).toFixed(1)} s)`);
    }
  } finally {
    await closeSharedWarehouses();
  }
  for (const file of [...files, ...(await walk(cacheDir).catch(() => []))]) await utimes(file, epoch, epoch);
  const code = await new Promise<number | null>((resolve, reject) => {
    const env = {...process.env, OBSERVABLE_TELEMETRY_DISABLE: "true"};
    const child = spawn(observable, ["build", ...process.argv.slice(2)], {cwd: root, stdio: "inherit", env});
    child.on("error", reject);
    child.on("close", resolve);
  });
  if (code !== 0) throw new Error(`observable build failed (exit ${code})`);
  const outputDir = resolve(root, process.env.OUTPUT_DIR ?? "dist");
  await fixFrameworkMarkup(outputDir);
  await applyContentSecurityPolicy(outputDir);
  // Some static hosts refuse files over 25 MiB; DuckDB-WASM's wasm is 35-40 MB (scripts/split-wasm.ts).
  for (const {file, parts} of await splitLargeWasm(outputDir)) console.log(`split ${file} into ${parts.length} parts`);
}

const SIDEBAR_CLOSE_IN_LIST =
  '<ol>\n    <label id="observablehq-sidebar-close" for="observablehq-sidebar-toggle"></label>';
const SIDEBAR_CLOSE_BEFORE_LIST =
  '<label id="observablehq-sidebar-close" for="observablehq-sidebar-toggle"></label>\n  <ol>';

/** A keyboard user's first Tab stop: past the sidebar's links to the page itself (WCAG 2.4.1 bypass blocks). */
const SKIP_LINK = '<a class="skip-link" href="#observablehq-main">Skip to main content</a>';

/**
 * Framework 1.13 writes a bare `<html>` and a viewport that forbids zooming. WCAG 2.2 needs the page's language
 * (3.1.1) and text that can be resized to 200% (1.4.4), so both are corrected in every page, and a skip link is
 * put first in the body (2.4.1; styled in src/style.css).
 */
async function fixFrameworkMarkup(outputDir: string): Promise<void> {
  for (const file of (await walk(outputDir)).filter((path) => path.endsWith(".html"))) {
    const html = await readFile(file, "utf-8");
    if (!html.startsWith("<!DOCTYPE html>\n<html>")) throw new Error(`unexpected html preamble: ${file}`);
    await writeFile(
      file,
      html
        .replace("<html>", '<html lang="en-GB">')
        .replace(", maximum-scale=1", "")
        // A <label> directly inside the sidebar's <ol> breaks the list semantics (WCAG 1.3.1).
        .replace(SIDEBAR_CLOSE_IN_LIST, SIDEBAR_CLOSE_BEFORE_LIST)
        .replace("<body>\n", `<body>\n${SKIP_LINK}\n`)
    );
  }
}

if (process.argv[1] === fileURLToPath(import.meta.url)) {
  main().catch((error: unknown) => {
    console.error(error instanceof Error ? error.message : error);
    process.exitCode = 1; // not process.exit(): it would drop stderr still queued for a pipe
  });
}
