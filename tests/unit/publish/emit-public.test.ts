/**
 * Public-mode emit (loaders/public/emit-public.ts, loaders/emit.ts): a loader without disclosure metadata is
 * refused, Arrow rows are suppressed (null + `_status`), JSON with a small count is refused, the declaration travels
 * in the artifact, and one ledger keeps a figure the same in JSON and Arrow.
 */
import {spawnSync} from "node:child_process";
import {mkdtempSync} from "node:fs";
import {tmpdir} from "node:os";
import {join} from "node:path";
import {tableFromIPC} from "apache-arrow";
import {describe, expect, test} from "vitest";
import {applyToRows, DISCLOSURE_KEY, SuppressionLedger} from "../../../loaders/disclosure/index.js";
import {repoRoot} from "../../../loaders/paths.js";
import {declarationOfTable, publicArrow, publicJson} from "../../../loaders/public/emit-public.js";
import {loadLedger, saveLedger} from "../../../loaders/public/ledger-file.js";

const byLot = {table: {dimensions: ["lot_code"], measures: ["n"]}};

function arrowRows(bytes: Uint8Array) {
  return tableFromIPC(bytes)
    .toArray()
    .map((row: {toJSON(): Record<string, unknown>}) => row.toJSON());
}

describe("publicArrow", () => {
  test("suppresses: a 3 and its cheapest partner become null with status c; the total is kept", () => {
    // A = 3 is primary (1–5); the relation A + B + C = 55 needs a second hidden cell: the smallest, B = 12.
    const bytes = publicArrow(
      [
        {lot_code: "A", n: 3},
        {lot_code: "B", n: 12},
        {lot_code: "C", n: 40}
      ],
      byLot,
      new SuppressionLedger(),
      "test"
    );
    expect(arrowRows(bytes)).toEqual([
      {lot_code: "A", n: null, n_status: "c"},
      {lot_code: "B", n: null, n_status: "c"},
      {lot_code: "C", n: 40, n_status: null},
      {lot_code: "Total", n: 55, n_status: null}
    ]);
    expect(JSON.parse(tableFromIPC(bytes).schema.metadata.get(DISCLOSURE_KEY)!)).toEqual({
      counts: ["n"],
      derived: [],
      spend: [],
      other: []
    });
  });

  test("refuses a numeric column the declaration does not name", () => {
    const rows = [{lot_code: "A", n: 30, capacity: 4}];
    expect(() => publicArrow(rows, byLot, new SuppressionLedger(), "src/data/x.arrow.ts")).toThrow(
      "invalid disclosure declaration of src/data/x.arrow.ts: numeric column capacity is not declared"
    );
    const declared = publicArrow(rows, {...byLot, other: ["capacity"]}, new SuppressionLedger(), "x");
    expect(arrowRows(declared)[0]).toEqual({lot_code: "A", n: 30, n_status: null, capacity: 4});
  });

  test("declares spend, derived and cumulative columns by their kind", () => {
    expect(
      declarationOfTable({
        table: {
          dimensions: ["month"],
          measures: ["n", {name: "spend_gbp", kind: "spend", contributors: "k", largest: "l"}],
          cumulative: [{measure: "n_ytd", of: "n", along: "month"}],
          derived: [{name: "cost_per_child", type: "per-child", amount: "spend_gbp", children: "n"}]
        },
        other: ["budget_gbp"]
      })
    ).toEqual({
      counts: ["n", "n_ytd"],
      derived: ["cost_per_child"],
      spend: ["spend_gbp"],
      other: ["budget_gbp"]
    });
  });
});

describe("publicJson", () => {
  test("embeds the declaration when every count is safe", () => {
    const text = publicJson({rows: [{lot: "2", n: 12, months: 4}]}, {counts: ["n"], other: ["months"]}, "x");
    expect(JSON.parse(text)).toEqual({
      rows: [{lot: "2", n: 12, months: 4}],
      [DISCLOSURE_KEY]: {counts: ["n"], other: ["months"]}
    });
  });

  test("refuses a declared count of 1 to 5, naming loader, column and place", () => {
    expect(() => publicJson({rows: [{n: 12}, {n: 3}]}, {counts: ["n"]}, "src/data/x.json.ts")).toThrow(
      "unsuppressed count of 1 to 5 in src/data/x.json.ts:\n  column n, $.rows[1]: 3 (a count of children)"
    );
  });

  test("refuses an undeclared number of 1 to 5 (treated as a count), but not c or zero", () => {
    expect(() => publicJson({rows: [{n: "c", k: 0, m: 5}]}, {counts: ["n"]}, "x")).toThrow(
      "column m, $.rows[0]: 5 (an undeclared number, treated as a count)"
    );
  });

  test("refuses a value that is not an object", () => {
    expect(() => publicJson([{n: 12}], {counts: ["n"]}, "x")).toThrow("the JSON value must be an object");
  });
});

describe("one ledger across JSON and Arrow", () => {
  // Lot × area; Lot totals A 20, B 12, C 9, total 41 (hand sums of the rows).
  const lotArea = [
    {lot_code: "A", area: "N", n: 10},
    {lot_code: "A", area: "S", n: 10},
    {lot_code: "B", area: "N", n: 11},
    {lot_code: "B", area: "S", n: 1},
    {lot_code: "C", area: "N", n: 0},
    {lot_code: "C", area: "S", n: 9}
  ];
  const spec = {dimensions: ["lot_code", "area"], measures: ["n"]};
  const margins = (rows: Record<string, unknown>[]) => rows.filter((r) => r.area === "Total").map((r) => r.n);

  test("a figure the Arrow file published is published in the JSON too, which hides other cells instead", async () => {
    const file = join(mkdtempSync(join(tmpdir(), "ledger-")), "ledger.json");
    const byLotRows = [
      {lot_code: "A", n: 20},
      {lot_code: "B", n: 12},
      {lot_code: "C", n: 9}
    ];
    const first = await loadLedger(file);
    const arrow = arrowRows(publicArrow(byLotRows, byLot, first, "a.arrow"));
    await saveLedger(file, first);
    expect(arrow.map((r) => r.n)).toEqual([20, 12, 9, 41]);

    // Alone, the Lot × area table would hide Lot B's and Lot C's totals (its cheapest protection of B × S = 1) …
    expect(margins(applyToRows(lotArea, spec).rows)).toEqual([20, "c", "c", 41]);
    // … with the release's ledger it keeps them, as the Arrow file shows them, and still hides B × S.
    const second = await loadLedger(file);
    const published = applyToRows(lotArea, spec, {ledger: second}).rows;
    const json = JSON.parse(publicJson({rows: published}, {counts: ["n"]}, "b.json")) as {
      rows: Record<string, unknown>[];
    };
    expect(margins(json.rows)).toEqual([20, 12, 9, 41]);
    expect(json.rows.find((r) => r.lot_code === "B" && r.area === "S")?.n).toBe("c");
  });

  test("a figure the Arrow file hid is hidden in the JSON too", async () => {
    const file = join(mkdtempSync(join(tmpdir(), "ledger-")), "ledger.json");
    const ledger = await loadLedger(file);
    const rows = [
      {lot_code: "A", n: 3},
      {lot_code: "B", n: 12},
      {lot_code: "C", n: 40}
    ];
    publicArrow(rows, byLot, ledger, "a.arrow");
    await saveLedger(file, ledger);
    const interior = [
      {lot_code: "A", area: "N", n: 0},
      {lot_code: "A", area: "S", n: 3},
      {lot_code: "B", area: "N", n: 6},
      {lot_code: "B", area: "S", n: 6},
      {lot_code: "C", area: "N", n: 20},
      {lot_code: "C", area: "S", n: 20}
    ];
    const published = applyToRows(interior, spec, {ledger: await loadLedger(file)}).rows;
    expect(margins(published)).toEqual(["c", "c", 40, 55]);
  });
});

describe("loaders/emit.ts in the public build", () => {
  const fixture = join(import.meta.dirname, "fixtures", "undeclared.arrow.ts");
  const run = (env: Record<string, string>) =>
    spawnSync(join(repoRoot, "node_modules", ".bin", "tsx"), [fixture], {
      cwd: repoRoot,
      env: {...process.env, PUBLIC_BUILD: "", DATA_DIR: "", ...env}
    });

  test("refuses a loader that declares no disclosure metadata, and emits it in the internal build", () => {
    const refused = run({PUBLIC_BUILD: "1"});
    expect(refused.status).toBe(1);
    expect(refused.stdout.length).toBe(0);
    expect(refused.stderr.toString()).toContain(
      "public build refused tests/unit/publish/fixtures/undeclared.arrow.ts: it declares no disclosure metadata"
    );
    const internal = run({});
    expect(internal.status).toBe(0);
    expect(tableFromIPC(new Uint8Array(internal.stdout)).numRows).toBeGreaterThan(0);
  }, 60_000);
});
