/**
 * Public-mode outputs of loaders/emit.ts: JSON and Arrow that carry their disclosure declaration and have passed
 * disclosure control. Pure functions (rows in, text or bytes out), so they are unit-tested without a build.
 */
import {Float64, Table, Utf8, tableToIPC, vectorFromArray, type Vector} from "apache-arrow";
import {
  applyToRows,
  DISCLOSURE_KEY,
  findUnsafeInColumns,
  findUnsafeInJson,
  parseDeclaration,
  type DeclaredFinding,
  type DisclosureDeclaration,
  type RowsSpec,
  type SuppressionLedger
} from "../disclosure/index.js";

/** True in the public build: `scripts/build-public.ts` sets `PUBLIC_BUILD=1` for every loader. */
export function isPublicBuild(env: NodeJS.ProcessEnv = process.env): boolean {
  return env.PUBLIC_BUILD === "1";
}

/** The disclosure metadata of an Arrow loader: how to suppress its rows, and its numbers not about children. */
export interface ArrowDisclosure {
  /** The `applyToRows` spec: dimensions, count and spend measures, derived columns, cumulative series. */
  table: RowsSpec;
  /** Numeric columns that are not about children (years, budgets, capacities). Any other number is refused. */
  other?: readonly string[];
}

/** Suffix of the status column that carries each suppressed value's GSS symbol in Arrow (`c`, `z`). */
export const STATUS_SUFFIX = "_status";

/**
 * The declaration an Arrow loader's table spec implies: count and spend measures, cumulative series (of the kind of
 * the measure they accumulate), derived columns, and the declared other numbers.
 *
 * @example
 * declarationOfTable({table: {dimensions: ["lot_code"], measures: ["referrals"]}}); // {counts: ["referrals"], ...}
 */
export function declarationOfTable(disclosure: ArrowDisclosure): DisclosureDeclaration {
  const measures = disclosure.table.measures.map((m) => (typeof m === "string" ? {name: m, kind: "count"} : m));
  const kindOf = new Map(measures.map((m) => [m.name, m.kind ?? "count"]));
  for (const c of disclosure.table.cumulative ?? []) kindOf.set(c.measure, kindOf.get(c.of) ?? "count");
  const names = (kind: string) => [...kindOf].filter(([, k]) => k === kind).map(([name]) => name);
  return parseDeclaration(
    {
      counts: names("count"),
      derived: (disclosure.table.derived ?? []).map((d) => d.name),
      spend: names("spend"),
      other: [...(disclosure.other ?? [])]
    },
    "the table spec"
  );
}

function describeFindings(where: string, findings: readonly DeclaredFinding[]): string {
  const lines = findings
    .slice(0, 10)
    .map(
      (f) =>
        `  column ${f.column}, ${f.location}: ${f.value} (${f.columnClass === "count" ? "a count of children" : "an undeclared number, treated as a count"})`
    );
  const more = findings.length > 10 ? [`  … and ${findings.length - 10} more`] : [];
  return [`unsuppressed count of 1 to 5 in ${where}:`, ...lines, ...more].join("\n");
}

/**
 * The public JSON text of a loader's value: refused if any declared count (or undeclared number) is 1 to 5, which
 * means the aggregate did not apply disclosure control; otherwise the value with its declaration under
 * `$disclosure`, formatted as emitJson formats it. The value must be an object (so the key cannot collide with data).
 *
 * @example
 * publicJson({rows: [{n: 12}]}, {counts: ["n"]}, "src/data/x.json.ts");
 * // '{\n "rows": [\n  {\n   "n": 12\n  }\n ],\n "$disclosure": {\n  "counts": [\n   "n"\n  ]\n }\n}\n'
 */
export function publicJson(value: unknown, declaration: DisclosureDeclaration, where: string): string {
  const checked = parseDeclaration(declaration, where);
  if (value === null || typeof value !== "object" || Array.isArray(value)) {
    throw new Error(`invalid public output of ${where}: the JSON value must be an object to carry ${DISCLOSURE_KEY}`);
  }
  if (Object.hasOwn(value, DISCLOSURE_KEY))
    throw new Error(`invalid public output of ${where}: ${DISCLOSURE_KEY} is reserved`);
  const findings = findUnsafeInJson(value, checked);
  if (findings.length > 0) throw new Error(describeFindings(where, findings));
  return `${JSON.stringify({...value, [DISCLOSURE_KEY]: checked}, null, 1)}\n`;
}

type PublishedValue = string | number | null;

/**
 * The public Arrow IPC stream of a loader's rows: disclosure control applied with `applyToRows` and the release's
 * ledger (so a cell hidden in another artifact is hidden here too), each suppressed figure as null with its symbol
 * in a `<column>_status` column, and the declaration in the schema metadata under `$disclosure`. Refused if a
 * numeric column is neither a measure, a derived column nor declared `other`.
 *
 * @example
 * publicArrow([{lot_code: "A", n: 3}, {lot_code: "B", n: 12}, {lot_code: "C", n: 40}],
 *   {table: {dimensions: ["lot_code"], measures: ["n"]}}, ledger, "src/data/x.arrow.ts");
 * // n: [null, null, 40, 55], n_status: ["c", "c", null, null]
 */
export function publicArrow(
  rows: readonly Readonly<Record<string, unknown>>[],
  disclosure: ArrowDisclosure,
  ledger: SuppressionLedger,
  where: string
): Uint8Array {
  const declaration = declarationOfTable(disclosure);
  const dimensions = new Set(disclosure.table.dimensions.map((d) => (typeof d === "string" ? d : d.name)));
  const suppressible = new Set([...declaration.counts, ...(declaration.derived ?? []), ...(declaration.spend ?? [])]);
  const published = applyToRows(rows, disclosure.table, {ledger}).rows;
  const names: string[] = [];
  for (const row of published) for (const name of Object.keys(row)) if (!names.includes(name)) names.push(name);
  const vectors: Record<string, Vector> = {};
  const checked: {name: string; values: PublishedValue[]}[] = [];
  for (const name of names) {
    const values = published.map((row): PublishedValue => row[name] ?? null);
    if (suppressible.has(name)) {
      const numbers = values.map((v) => (typeof v === "number" ? v : null));
      vectors[name] = vectorFromArray(numbers, new Float64());
      vectors[`${name}${STATUS_SUFFIX}`] = vectorFromArray(
        values.map((v) => (typeof v === "string" ? v : null)),
        new Utf8()
      );
      checked.push({name, values: numbers});
    } else if (!dimensions.has(name) && values.some((v) => typeof v === "number")) {
      if (!declaration.other?.includes(name)) {
        throw new Error(`invalid disclosure declaration of ${where}: numeric column ${name} is not declared`);
      }
      if (values.some((v) => typeof v === "string")) throw new Error(`invalid column ${name} in ${where}: mixed types`);
      vectors[name] = vectorFromArray(values as (number | null)[], new Float64());
      checked.push({name, values});
    } else {
      vectors[name] = vectorFromArray(
        values.map((v) => (v === null ? null : String(v))),
        new Utf8()
      );
    }
  }
  const findings = findUnsafeInColumns(checked, declaration);
  if (findings.length > 0) throw new Error(describeFindings(where, findings));
  const table = new Table(vectors);
  table.schema.metadata.set(DISCLOSURE_KEY, JSON.stringify(declaration));
  return tableToIPC(table, "stream");
}
