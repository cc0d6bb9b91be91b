/**
 * Keeps every file in `dist/` under the size some static hosts accept (Cloudflare Pages refuses files over 25 MiB;
 * GitHub warns at 50 MB). DuckDB-WASM's two wasm builds are 35 MB (eh) and 40 MB (mvp), so each is cut into numbered
 * parts (`duckdb-eh.1.wasm`, `duckdb-eh.2.wasm`) and the original is removed. DuckDB's worker fetches its wasm with
 * `fetch(mainModuleURL)` (Framework passes the URL of the unsplit file), so a few lines prepended to each worker
 * script answer that one fetch by fetching the parts in parallel and streaming them back as one `application/wasm`
 * response: streaming compilation still works, the parts are same-origin (CSP `connect-src 'self'`), nothing is
 * evaluated, and every host serves and compresses the parts as ordinary `.wasm` files.
 */
import {open, readFile, readdir, rm, stat, writeFile} from "node:fs/promises";
import {join} from "node:path";

/** The largest file a static host is asked to serve: 25 MiB (Cloudflare Pages' limit). */
export const MAX_FILE_BYTES = 25 * 1024 * 1024;

/** Size of each part; below the limit with room to spare, and balanced so that parts are of similar size. */
export const PART_TARGET_BYTES = 20 * 1024 * 1024;

/** One wasm file that was split. */
export interface SplitFile {
  /** Path relative to the output folder. */
  file: string;
  bytes: number;
  parts: {file: string; bytes: number}[];
}

/**
 * Name of part `index` (1-based) of a wasm file.
 *
 * @example
 * partName("duckdb-eh.wasm", 1); // "duckdb-eh.1.wasm"
 */
export function partName(wasmName: string, index: number): string {
  if (!wasmName.endsWith(".wasm")) throw new Error(`invalid wasm name: ${wasmName}`);
  if (!Number.isInteger(index) || index < 1) throw new Error(`invalid part index: ${index}`);
  return `${wasmName.slice(0, -".wasm".length)}.${index}.wasm`;
}

/**
 * Byte ranges `[start, end)` of `count` near-equal parts of a file of `bytes` bytes, each at most `maxPart`.
 *
 * @example
 * partRanges(10, 4); // [[0, 4], [4, 7], [7, 10]]
 */
export function partRanges(bytes: number, maxPart: number): [number, number][] {
  if (!Number.isInteger(bytes) || bytes < 0) throw new Error(`invalid bytes: ${bytes}`);
  if (!Number.isInteger(maxPart) || maxPart < 1) throw new Error(`invalid maxPart: ${maxPart}`);
  const count = Math.max(1, Math.ceil(bytes / maxPart));
  const base = Math.floor(bytes / count);
  const extra = bytes % count;
  const ranges: [number, number][] = [];
  let start = 0;
  for (let index = 0; index < count; index++) {
    const end = start + base + (index < extra ? 1 : 0);
    ranges.push([start, end]);
    start = end;
  }
  return ranges;
}

/**
 * The script prepended to DuckDB's worker: it answers a fetch of a split wasm file with its parts, concatenated
 * as a stream. `parts` maps a wasm file name to its number of parts.
 *
 * @example
 * workerShim({"duckdb-eh.wasm": 2}); // "/* split-wasm … *\/(() => { … })();\n"
 */
export function workerShim(parts: Record<string, number>): string {
  return `/* split-wasm (scripts/split-wasm.ts): DuckDB's wasm ships in parts of at most 25 MiB; join them. */
(() => {
  const parts = ${JSON.stringify(parts)};
  const fetchFile = self.fetch.bind(self);
  self.fetch = (input, init) => {
    const href = typeof input === "string" ? input : input instanceof URL ? input.href : input.url;
    const url = new URL(href, self.location.href);
    const name = url.pathname.slice(url.pathname.lastIndexOf("/") + 1);
    const count = parts[name];
    if (!count) return fetchFile(input, init);
    const requests = Array.from({length: count}, (_, index) =>
      fetchFile(new URL(name.replace(/\\.wasm$/, "." + (index + 1) + ".wasm"), url).href, {credentials: "same-origin"})
    );
    return Promise.all(requests).then((responses) => {
      const failed = responses.find((response) => !response.ok);
      if (failed) return failed;
      let next = 0;
      let reader = null;
      const body = new ReadableStream({
        async pull(controller) {
          for (;;) {
            if (!reader) {
              if (next === responses.length) return controller.close();
              reader = responses[next++].body.getReader();
            }
            const {done, value} = await reader.read();
            if (!done) return controller.enqueue(value);
            reader = null;
          }
        }
      });
      return new Response(body, {status: 200, headers: {"Content-Type": "application/wasm"}});
    });
  };
})();
`;
}

async function findDuckdbDirs(outputDir: string): Promise<string[]> {
  const scope = join(outputDir, "_npm", "@duckdb");
  const entries = await readdir(scope).catch(() => [] as string[]);
  return entries
    .filter((entry) => entry.startsWith("duckdb-wasm@"))
    .sort()
    .map((entry) => join(scope, entry, "dist"));
}

async function splitFile(path: string, bytes: number): Promise<{name: string; bytes: number}[]> {
  const name = path.slice(path.lastIndexOf("/") + 1);
  const dir = path.slice(0, path.lastIndexOf("/"));
  const handle = await open(path, "r");
  const parts: {name: string; bytes: number}[] = [];
  try {
    for (const [index, [start, end]] of partRanges(bytes, PART_TARGET_BYTES).entries()) {
      const buffer = Buffer.alloc(end - start);
      await handle.read(buffer, 0, buffer.length, start);
      const part = partName(name, index + 1);
      await writeFile(join(dir, part), buffer);
      parts.push({name: part, bytes: buffer.length});
    }
  } finally {
    await handle.close();
  }
  await rm(path);
  return parts;
}

/**
 * Splits every DuckDB-WASM `.wasm` file in `outputDir` larger than {@link MAX_FILE_BYTES} and patches the workers
 * that load them. Deterministic (fixed part sizes and names), so reproducible builds stay byte-identical. Running
 * it twice is harmless: a split file no longer exists and a patched worker is not patched again.
 *
 * @example
 * await splitLargeWasm("dist"); // [{file: "_npm/@duckdb/duckdb-wasm@1.29.0/dist/duckdb-eh.wasm", bytes: 35659694, parts: [...]}, ...]
 */
export async function splitLargeWasm(outputDir: string): Promise<SplitFile[]> {
  const split: SplitFile[] = [];
  for (const dir of await findDuckdbDirs(outputDir)) {
    const names = (await readdir(dir)).sort();
    const counts: Record<string, number> = {};
    for (const name of names.filter((entry) => entry.endsWith(".wasm") && !/\.\d+\.wasm$/.test(entry))) {
      const path = join(dir, name);
      const {size} = await stat(path);
      if (size <= MAX_FILE_BYTES) continue;
      const parts = await splitFile(path, size);
      counts[name] = parts.length;
      const relDir = dir.slice(outputDir.length + 1);
      split.push({
        file: `${relDir}/${name}`,
        bytes: size,
        parts: parts.map((part) => ({file: `${relDir}/${part.name}`, bytes: part.bytes}))
      });
    }
    if (Object.keys(counts).length === 0) continue;
    const shim = workerShim(counts);
    for (const worker of names.filter((entry) => /^duckdb-browser-.*\.worker.*\.js$/.test(entry))) {
      const path = join(dir, worker);
      const source = await readFile(path, "utf-8");
      if (source.includes("/* split-wasm")) continue;
      // Keep a leading "use strict" directive first, so that the worker stays in strict mode.
      const directive = /^(["'])use strict\1;/.exec(source)?.[0] ?? "";
      await writeFile(path, directive + "\n" + shim + source.slice(directive.length));
    }
  }
  return split;
}
