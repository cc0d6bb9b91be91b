/** Where the pipeline reads from and caches to, resolved from the repository root, not the working directory. */
import {isAbsolute, join, resolve} from "node:path";

export const repoRoot = join(import.meta.dirname, "..");

/**
 * The council data folder: `DATA_DIR` if set (absolute, or relative to the repository root), else the embedded
 * demo county `data/demo`.
 *
 * @example
 * dataDir(); // "/path/to/repo/data/demo"
 */
export function dataDir(env: NodeJS.ProcessEnv = process.env): string {
  const dir = env.DATA_DIR;
  if (dir === undefined || dir === "") return join(repoRoot, "data", "demo");
  return isAbsolute(dir) ? dir : resolve(repoRoot, dir);
}

/** Folder for build-time caches (git-ignored). */
export const cacheRoot = join(repoRoot, ".tmp");
