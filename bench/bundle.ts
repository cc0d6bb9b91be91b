/**
 * Sizes of the built site: every file over the 25 MiB a static host may refuse, the largest files, and DuckDB-WASM's
 * wasm (raw and brotli at the quality the local server uses, as a host compressing on the fly would send it).
 */
import {readFile, readdir, stat} from "node:fs/promises";
import {join, relative} from "node:path";
import {brotliCompressSync, constants} from "node:zlib";
import {MAX_FILE_BYTES} from "../scripts/split-wasm.js";

export interface BundleFile {
  file: string;
  bytes: number;
  brotliBytes?: number;
}

export interface BundleReport {
  totalBytes: number;
  files: number;
  limitBytes: number;
  overLimit: BundleFile[];
  largest: BundleFile[];
  wasm: BundleFile[];
}

/** Measures `dir` (a built site). */
export async function measureBundle(dir: string): Promise<BundleReport> {
  const all: BundleFile[] = [];
  for (const entry of await readdir(dir, {withFileTypes: true, recursive: true})) {
    if (!entry.isFile()) continue;
    const path = join(entry.parentPath, entry.name);
    all.push({file: relative(dir, path), bytes: (await stat(path)).size});
  }
  all.sort((a, b) => b.bytes - a.bytes || (a.file < b.file ? -1 : 1));
  const wasm: BundleFile[] = [];
  for (const file of all.filter((f) => f.file.endsWith(".wasm"))) {
    const body = await readFile(join(dir, file.file));
    const brotliBytes = brotliCompressSync(body, {params: {[constants.BROTLI_PARAM_QUALITY]: 5}}).length;
    wasm.push({...file, brotliBytes});
  }
  return {
    totalBytes: all.reduce((sum, f) => sum + f.bytes, 0),
    files: all.length,
    limitBytes: MAX_FILE_BYTES,
    overLimit: all.filter((f) => f.bytes > MAX_FILE_BYTES),
    largest: all.slice(0, 8),
    wasm
  };
}
