/**
 * The scan of a built site (loaders/public/scan-output.ts): each reader on hand-made files, then the public build of
 * the demo county (no finding) and, as the negative control, the internal build (small counts everywhere).
 * `npm test` builds both (`dist/`, and `dist-public/` with `npm run build:public`) before vitest runs.
 */
import {existsSync} from "node:fs";
import {readdir} from "node:fs/promises";
import {join} from "node:path";
import {tableFromArrays, tableToIPC} from "apache-arrow";
import {describe, expect, test} from "vitest";
import {repoRoot} from "../../../loaders/paths.js";
import {findBrokenLinks} from "../../../loaders/public/links.js";
import {scanArrowBytes, scanCsvText, scanJsonText, scanOutput} from "../../../loaders/public/scan-output.js";

const internalDist = join(repoRoot, process.env.OUTPUT_DIR ?? "dist");
const publicDist = join(repoRoot, process.env.PUBLIC_OUTPUT_DIR ?? "dist-public");

function requireBuilt(dir: string, command: string): void {
  if (!existsSync(join(dir, "index.html"))) throw new Error(`no built site in ${dir}: run ${command} first`);
}

describe("the readers", () => {
  test("JSON: a declared count of 3 and an undeclared 2 are found; c, 0, 6, declared other and labels are not", () => {
    const text = JSON.stringify({
      rows: [
        {lot: "2", n: 3, m: "c", months: 4, k: 0},
        {n: 6, extra: 2}
      ],
      $disclosure: {counts: ["n", "m"], other: ["months"]}
    });
    expect(scanJsonText("x.json", text)).toEqual([
      {file: "x.json", column: "n", location: "$.rows[0]", value: 3, problem: "unsuppressed count of 3 children"},
      {
        file: "x.json",
        column: "extra",
        location: "$.rows[1]",
        value: 2,
        problem: "number 2 in a column no disclosure declaration names (treated as a count)"
      }
    ]);
  });

  test("JSON without a declaration: every number above 0 and below 6 is a finding", () => {
    expect(scanJsonText("x.json", '{"a":[1,9],"b":{"c":5.5}}').map((f) => [f.column, f.location, f.value])).toEqual([
      ["a", "$.a[0]", 1],
      ["c", "$.b", 5.5]
    ]);
  });

  test("Arrow: reads the declaration from the schema metadata; without it every number counts", () => {
    const table = tableFromArrays({lot: ["A", "B"], n: Float64Array.from([12, 2]), months: Int32Array.from([4, 12])});
    expect(scanArrowBytes("x.arrow", tableToIPC(table)).map((f) => [f.column, f.location, f.value])).toEqual([
      ["n", "row 2", 2],
      ["months", "row 1", 4]
    ]);
    table.schema.metadata.set("$disclosure", JSON.stringify({counts: ["n"], other: ["months"]}));
    expect(scanArrowBytes("x.arrow", tableToIPC(table)).map((f) => [f.column, f.location, f.value])).toEqual([
      ["n", "row 2", 2]
    ]);
  });

  test("CSV: every numeric cell is treated as a count, rows numbered as file lines", () => {
    expect(scanCsvText("x.csv", "lot,n\nA,12\nB,4\nC,c\n").map((f) => [f.column, f.location, f.value])).toEqual([
      ["n", "row 3", 4]
    ]);
  });

  test("links: a link to a page or file not in the site is broken; external links and anchors are not", () => {
    const html =
      '<a href="./report">r</a><a href="./demand">d</a><a href="#top">t</a><a href="https://example.org/">e</a>' +
      '<a href="./">home</a><script>registerFile("data/x.json", {"path":"./_file/data/x.1.json"});</script>';
    expect(findBrokenLinks("methodology.html", html, new Set(["report.html", "index.html"]))).toEqual([
      "./_file/data/x.1.json",
      "./demand"
    ]);
  });
});

describe("the public build of the demo county", () => {
  test("has only the public pages, and the scan finds nothing", async () => {
    requireBuilt(publicDist, "OUTPUT_DIR=dist-public npm run build:public");
    const pages = (await readdir(publicDist)).filter((f) => f.endsWith(".html")).sort();
    expect(pages).toEqual(["accessibility.html", "index.html", "methodology.html", "report.html"]);
    const scan = await scanOutput(publicDist);
    expect(scan.findings).toEqual([]);
    expect(scan.pages).toBe(4);
    expect(scan.dataFiles.map((f) => f.replace(/\.[0-9a-f]{8}\./, "."))).toEqual([
      "_file/data/meta.json",
      "_file/data/report.json"
    ]);
  });
});

describe("negative control: the internal build", () => {
  test("the same scan finds unsuppressed small counts in its data", async () => {
    requireBuilt(internalDist, "npm run build");
    const {findings} = await scanOutput(internalDist);
    const files = new Set(findings.map((f) => f.file.replace(/\.[0-9a-f]{8}\./, ".")));
    // Arrow files carry no declaration in the internal build, and hold counts of 1 to 5 (e.g. a Lot's month)
    expect(files.has("_file/data/lot-usage.arrow")).toBe(true);
    expect(files.has("_file/data/published.json")).toBe(true);
    expect(findings.filter((f) => f.value !== undefined && f.value >= 1 && f.value <= 5).length).toBeGreaterThan(100);
  });
});
