import {mkdir, mkdtemp, readFile, readdir, rm, writeFile} from "node:fs/promises";
import {tmpdir} from "node:os";
import {join} from "node:path";
import {runInNewContext} from "node:vm";
import {describe, expect, test} from "vitest";
import {MAX_FILE_BYTES, partName, partRanges, splitLargeWasm, workerShim} from "../../../scripts/split-wasm.js";

describe("splitting DuckDB's wasm under the host file-size limit", () => {
  test("part names and ranges", () => {
    expect(partName("duckdb-eh.wasm", 2)).toBe("duckdb-eh.2.wasm");
    // hand calculation: 10 bytes in parts of at most 4 → 3 parts of 4, 3, 3
    expect(partRanges(10, 4)).toEqual([
      [0, 4],
      [4, 7],
      [7, 10]
    ]);
    // duckdb-eh.wasm, 35,659,694 bytes, in parts of at most 20 MiB → 2 parts of 17,829,847
    expect(partRanges(35_659_694, 20 * 2 ** 20)).toEqual([
      [0, 17_829_847],
      [17_829_847, 35_659_694]
    ]);
    expect(() => partName("x.js", 1)).toThrow("invalid wasm name: x.js");
  });

  test("splits only files over the limit, keeps the bytes, and patches the workers once", async () => {
    const dir = await mkdtemp(join(tmpdir(), "split-wasm-test-"));
    try {
      const dist = join(dir, "_npm", "@duckdb", "duckdb-wasm@1.29.0", "dist");
      await mkdir(dist, {recursive: true});
      const big = Buffer.alloc(MAX_FILE_BYTES + 10);
      for (let i = 0; i < big.length; i += 4096) big[i] = (i / 4096) % 251;
      await writeFile(join(dist, "duckdb-eh.wasm"), big);
      await writeFile(join(dist, "duckdb-small.wasm"), Buffer.from([0, 97, 115, 109]));
      await writeFile(join(dist, "duckdb-browser-eh.worker.abc123.js"), '"use strict";var duckdb=1;');
      const split = await splitLargeWasm(dir);
      expect(split.map((s) => [s.file, s.parts.length])).toEqual([
        ["_npm/@duckdb/duckdb-wasm@1.29.0/dist/duckdb-eh.wasm", 2]
      ]);
      expect((await readdir(dist)).sort()).toEqual([
        "duckdb-browser-eh.worker.abc123.js",
        "duckdb-eh.1.wasm",
        "duckdb-eh.2.wasm",
        "duckdb-small.wasm"
      ]);
      const joined = Buffer.concat([
        await readFile(join(dist, "duckdb-eh.1.wasm")),
        await readFile(join(dist, "duckdb-eh.2.wasm"))
      ]);
      expect(joined.equals(big)).toBe(true);
      const worker = await readFile(join(dist, "duckdb-browser-eh.worker.abc123.js"), "utf-8");
      expect(worker.startsWith('"use strict";\n/* split-wasm')).toBe(true);
      expect(worker).toContain('{"duckdb-eh.wasm":2}');
      expect(worker.endsWith("var duckdb=1;")).toBe(true);
      expect(await splitLargeWasm(dir)).toEqual([]); // a second run changes nothing
      expect(await readFile(join(dist, "duckdb-browser-eh.worker.abc123.js"), "utf-8")).toBe(worker);
    } finally {
      await rm(dir, {recursive: true, force: true});
    }
  });

  test("the worker shim is plain script that joins the parts", async () => {
    // Run the shim against a fake worker scope whose fetch serves two parts; the joined body must be both parts.
    const served: Record<string, ArrayBuffer> = {
      "http://h/d/x.1.wasm": new Uint8Array([1, 2]).buffer,
      "http://h/d/x.2.wasm": new Uint8Array([3]).buffer
    };
    const scope = {
      location: {href: "blob:http://h/uuid"},
      fetch: (input: string) =>
        Promise.resolve(served[input] ? new Response(served[input]) : new Response("other", {status: 200}))
    };
    runInNewContext(workerShim({"x.wasm": 2}), {self: scope, URL, Response, ReadableStream});
    const response = await scope.fetch("http://h/d/x.wasm");
    expect(response.headers.get("content-type")).toBe("application/wasm");
    expect([...new Uint8Array(await response.arrayBuffer())]).toEqual([1, 2, 3]);
    expect(await (await scope.fetch("http://h/d/y.js")).text()).toBe("other");
  });
});
