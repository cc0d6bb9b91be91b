/**
 * Fills Observable Framework's npm cache from node_modules, so that builds and the dev server never reach
 * a CDN (DESIGN.md, fact 1). Each package becomes one self-contained ES module, bundled with esbuild, at
 * `src/.observablehq/cache/_npm/<name>@<version>/_esm.js`; DuckDB-WASM's wasm and worker files are copied
 * beside it. Framework resolves versions from these folder names before it asks the registry.
 *
 * Runs before `build`, `start` and `dev`. It is idempotent: a package already vendored at the installed
 * version is skipped, so the step costs almost nothing after the first run.
 */
import {build} from "esbuild";
import {copyFile, mkdir, readFile, readdir, rm, stat, writeFile} from "node:fs/promises";
import {dirname, join} from "node:path";
import {fileURLToPath} from "node:url";

const root = join(dirname(fileURLToPath(import.meta.url)), "..");
export const npmCacheDir = join(root, "src", ".observablehq", "cache", "_npm");

/** Packages that pages, components or Framework's standard library import with `npm:`. */
export const VENDORED_PACKAGES = [
  "@observablehq/plot",
  "d3",
  "d3-dsv",
  "htl",
  "isoformat",
  "arquero",
  "apache-arrow",
  "simple-statistics",
  "@duckdb/duckdb-wasm"
] as const;

/**
 * Framework's client bundle names these libraries for lazy loading (its "recommended libraries"), so it resolves
 * their versions at every build, asking the npm registry for `latest`. That made builds depend on the network and
 * on the day. An empty folder per library pins the version offline. No page of ours imports them; if one ever
 * does, the build fails (nothing is vendored), rather than reaching a CDN silently.
 */
export const PINNED_UNUSED: Record<string, string> = {
  "@observablehq/sample-datasets": "1.0.1",
  echarts: "6.1.0",
  leaflet: "1.9.4",
  lodash: "4.18.1",
  "mapbox-gl": "3.32.0",
  "parquet-wasm": "0.8.0",
  react: "19.3.1",
  "react-dom": "19.3.1",
  "topojson-client": "3.1.0"
};

/** Framework pins DuckDB-WASM; the installed copy must match it exactly. */
export const DUCKDB_WASM_VERSION = "1.29.0";

/** Both DuckDB-WASM builds: the browser picks the exception-handling one where it is supported. */
const DUCKDB_FILES = [
  "dist/duckdb-eh.wasm",
  "dist/duckdb-browser-eh.worker.js",
  "dist/duckdb-mvp.wasm",
  "dist/duckdb-browser-mvp.worker.js"
];

const STAMP = ".vendored";

// Top-level installs only: some packages (Plot) do not export their package.json, so it is read by path.
function packageDir(name: string): string {
  return join(root, "node_modules", name);
}

async function installedVersion(name: string): Promise<string> {
  const pkg = JSON.parse(await readFile(packageDir(name) + "/package.json", "utf-8")) as {version: string};
  return pkg.version;
}

async function exists(path: string): Promise<boolean> {
  return stat(path).then(
    () => true,
    () => false
  );
}

async function bundle(name: string, outfile: string): Promise<void> {
  const result = await build({
    absWorkingDir: root,
    entryPoints: [name],
    bundle: true,
    format: "esm",
    platform: "browser",
    target: ["es2022"],
    minify: true,
    legalComments: "eof",
    write: false,
    logLevel: "error"
  });
  await writeFile(outfile, result.outputFiles[0].text);
}

async function vendor(name: string): Promise<string> {
  const version = await installedVersion(name);
  if (name === "@duckdb/duckdb-wasm" && version !== DUCKDB_WASM_VERSION) {
    throw new Error(`@duckdb/duckdb-wasm must be ${DUCKDB_WASM_VERSION} (Framework's pin), found ${version}`);
  }
  const dir = join(npmCacheDir, `${name}@${version}`);
  const stamp = join(dir, STAMP);
  if (await exists(stamp)) return `${name}@${version} (cached)`;
  await rm(dir, {recursive: true, force: true});
  await mkdir(dir, {recursive: true});
  await bundle(name, join(dir, "_esm.js"));
  if (name === "@duckdb/duckdb-wasm") {
    const pkgDir = packageDir(name);
    for (const file of DUCKDB_FILES) {
      await mkdir(dirname(join(dir, file)), {recursive: true});
      await copyFile(join(pkgDir, file), join(dir, file));
    }
  }
  await writeFile(stamp, "");
  return `${name}@${version}`;
}

/** Removes vendored versions that are no longer installed, so Framework cannot resolve to a stale one. */
async function pruneStale(keep: Set<string>): Promise<void> {
  if (!(await exists(npmCacheDir))) return;
  for (const entry of await readdir(npmCacheDir)) {
    const names = entry.startsWith("@")
      ? (await readdir(join(npmCacheDir, entry))).map((sub) => `${entry}/${sub}`)
      : [entry];
    for (const folder of names) {
      if (!keep.has(folder)) await rm(join(npmCacheDir, folder), {recursive: true, force: true});
    }
  }
}

export async function vendorAll(): Promise<string[]> {
  const keep = new Set<string>();
  for (const name of VENDORED_PACKAGES) keep.add(`${name}@${await installedVersion(name)}`);
  for (const [name, version] of Object.entries(PINNED_UNUSED)) keep.add(`${name}@${version}`);
  await pruneStale(keep);
  for (const [name, version] of Object.entries(PINNED_UNUSED)) {
    await mkdir(join(npmCacheDir, `${name}@${version}`), {recursive: true});
  }
  const done: string[] = [];
  for (const name of VENDORED_PACKAGES) done.push(await vendor(name));
  return done;
}

if (process.argv[1] === fileURLToPath(import.meta.url)) {
  const done = await vendorAll();
  console.log(`vendored ${done.length} npm modules into ${npmCacheDir}: ${done.join(", ")}`);
}
