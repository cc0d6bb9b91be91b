/**
 * Removes build state that could make a build depend on an earlier one (DESIGN.md, fact 6): Framework reuses
 * a loader's cached output while the loader file itself is unchanged, even when `loaders/` or `data/` changed.
 *
 * `--loader-cache` clears `src/.observablehq/cache` but keeps the vendored npm modules (`_npm`).
 * `--all` also removes `dist/` and the vendored modules.
 */
import {readdir, rm} from "node:fs/promises";
import {dirname, join} from "node:path";
import {fileURLToPath} from "node:url";

const root = join(dirname(fileURLToPath(import.meta.url)), "..");
const cacheDir = join(root, "src", ".observablehq", "cache");

/** Clears a Framework loader cache (default `src/.observablehq/cache`), keeping the vendored npm modules. */
export async function clearLoaderCache(dir = cacheDir): Promise<void> {
  const entries = await readdir(dir).catch(() => [] as string[]);
  for (const entry of entries) {
    if (entry !== "_npm") await rm(join(dir, entry), {recursive: true, force: true});
  }
}

if (process.argv[1] === fileURLToPath(import.meta.url)) {
  const all = process.argv.includes("--all");
  if (all || process.argv.includes("--loader-cache")) await clearLoaderCache();
  if (all) {
    await rm(join(root, "dist"), {recursive: true, force: true});
    await rm(cacheDir, {recursive: true, force: true});
  }
}
