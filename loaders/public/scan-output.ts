/**
 * The scan of a built site: every file the browser could receive is read, and every number of 1 to 5 that is a
 * count of children — or that no disclosure declaration accounts for — is a finding. JSON and Arrow carry their
 * declaration (`$disclosure`, loaders/disclosure/declaration.ts); CSV and files without one are treated
 * conservatively (every number is a count). A file the scan cannot read as data or code (Parquet, a database, a
 * spreadsheet…) is a finding too, because DuckDB-WASM or a reader could open it. The page markup is checked for
 * attachments and links that point at no file of the site.
 */
import {readFile, readdir} from "node:fs/promises";
import {extname, join, relative, sep} from "node:path";
import {tableFromIPC} from "apache-arrow";
import {readCsvRecords} from "../csv/parse.js";
import {
  DISCLOSURE_KEY,
  findUnsafeInColumns,
  findUnsafeInJson,
  parseDeclaration,
  type DeclaredFinding,
  type DisclosureDeclaration
} from "../disclosure/index.js";
import {findBrokenLinks} from "./links.js";

/** A problem in the output, naming the file (relative to the output folder) and, for data, the column and row. */
export interface OutputFinding {
  file: string;
  problem: string;
  column?: string;
  location?: string;
  value?: number;
}

/** The outcome of a scan. */
export interface OutputScan {
  /** Data files read (JSON, Arrow, CSV). */
  dataFiles: string[];
  /** Pages checked for broken links and attachments. */
  pages: number;
  findings: OutputFinding[];
}

/** Code and assets of the site: Framework's runtime, components, vendored libraries, DuckDB's wasm, SQL, headers. */
const CODE = new Set([".js", ".css", ".wasm", ".map", ".sql"]);
const HEADERS = new Set(["_headers", "web.config"]);

async function listFiles(dir: string): Promise<string[]> {
  const entries = await readdir(dir, {recursive: true, withFileTypes: true});
  return entries
    .filter((e) => e.isFile() || e.isSymbolicLink())
    .map((e) => relative(dir, join(e.parentPath, e.name)).split(sep).join("/"))
    .sort();
}

function fromDeclared(file: string, findings: readonly DeclaredFinding[]): OutputFinding[] {
  return findings.map((f) => ({
    file,
    column: f.column,
    location: f.location,
    value: f.value,
    problem:
      f.columnClass === "count"
        ? `unsuppressed count of ${f.value} children`
        : `number ${f.value} in a column no disclosure declaration names (treated as a count)`
  }));
}

/**
 * Scans one JSON file's text.
 *
 * @example
 * scanJsonText("x.json", '{"rows":[{"n":3}],"$disclosure":{"counts":["n"]}}');
 * // [{file: "x.json", column: "n", location: "$.rows[0]", value: 3, problem: "unsuppressed count of 3 children"}]
 */
export function scanJsonText(file: string, text: string): OutputFinding[] {
  const value = JSON.parse(text.replace(/^\uFEFF/, "")) as unknown;
  let declaration: DisclosureDeclaration | null = null;
  if (value !== null && typeof value === "object" && !Array.isArray(value) && Object.hasOwn(value, DISCLOSURE_KEY)) {
    declaration = parseDeclaration((value as Record<string, unknown>)[DISCLOSURE_KEY], file);
  }
  return fromDeclared(file, findUnsafeInJson(value, declaration));
}

/**
 * Scans one Arrow IPC file (stream or file format), reading the declaration from its schema metadata.
 *
 * @example
 * scanArrowBytes("x.arrow", tableToIPC(tableFromArrays({n: [12, 2]}))); // one finding: row 2, column n
 */
export function scanArrowBytes(file: string, bytes: Uint8Array): OutputFinding[] {
  const table = tableFromIPC(bytes);
  const metadata = table.schema.metadata.get(DISCLOSURE_KEY);
  const declaration = metadata === undefined ? null : parseDeclaration(JSON.parse(metadata) as unknown, file);
  const columns = table.schema.fields.map((field, i) => ({
    name: field.name,
    values: table.getChildAt(i)?.toArray() as ArrayLike<unknown>
  }));
  return fromDeclared(file, findUnsafeInColumns(columns, declaration));
}

/**
 * Scans one CSV file: it carries no declaration, so every numeric cell is treated as a count.
 *
 * @example
 * scanCsvText("x.csv", "lot,n\nA,3\n"); // one finding: row 2, column n
 */
export function scanCsvText(file: string, text: string): OutputFinding[] {
  const records = [...readCsvRecords(text.replace(/^\uFEFF/, ""))];
  if (records.length === 0) return [];
  const header = records[0].fields;
  const number = /^\s*-?\d+(\.\d+)?\s*$/;
  const columns = header.map((name, c) => ({
    name,
    values: records.slice(1).map((r) => (number.test(r.fields[c] ?? "") ? Number(r.fields[c]) : r.fields[c]))
  }));
  // rows are numbered as file lines (the header is row 1)
  return fromDeclared(
    file,
    findUnsafeInColumns(columns, null).map((f) => ({...f, location: `row ${Number(f.location.slice(4)) + 1}`}))
  );
}

/**
 * Scans every file of a built site. An empty `findings` means it may be published.
 *
 * @example
 * const {findings} = await scanOutput("dist");
 */
export async function scanOutput(dir: string): Promise<OutputScan> {
  const files = await listFiles(dir);
  const findings: OutputFinding[] = [];
  const dataFiles: string[] = [];
  let pages = 0;
  for (const file of files) {
    const path = join(dir, file);
    const name = file.split("/").pop()!;
    const ext = extname(name).toLowerCase();
    try {
      if (ext === ".json") {
        dataFiles.push(file);
        findings.push(...scanJsonText(file, await readFile(path, "utf-8")));
      } else if (ext === ".arrow") {
        dataFiles.push(file);
        findings.push(...scanArrowBytes(file, await readFile(path)));
      } else if (ext === ".csv") {
        dataFiles.push(file);
        findings.push(...scanCsvText(file, await readFile(path, "utf-8")));
      } else if (ext === ".html") {
        pages++;
        const html = await readFile(path, "utf-8");
        for (const link of findBrokenLinks(file, html, new Set(files))) {
          findings.push({file, problem: `links to ${link}, which is not in the site`});
        }
      } else if (!CODE.has(ext) && !HEADERS.has(name)) {
        findings.push({
          file,
          problem: `cannot be scanned (${ext || "no extension"}): remove it or teach the scan its format`
        });
      }
    } catch (error) {
      findings.push({file, problem: `cannot be read: ${error instanceof Error ? error.message : String(error)}`});
    }
  }
  return {dataFiles, pages, findings};
}

/**
 * One line per finding, for the build log.
 *
 * @example
 * describeFinding({file: "_file/data/x.json", column: "n", location: "$.rows[0]", value: 3, problem: "…"});
 * // "_file/data/x.json: column n, $.rows[0]: …"
 */
export function describeFinding(f: OutputFinding): string {
  const where = [f.column === undefined ? null : `column ${f.column}`, f.location ?? null].filter((x) => x !== null);
  return `${f.file}${where.length > 0 ? `: ${where.join(", ")}` : ""}: ${f.problem}`;
}
