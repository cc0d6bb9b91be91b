import {readFile} from "node:fs/promises";
import {join} from "node:path";
import {describe, expect, it} from "vitest";
import {dictionaryRow, dictionarySection} from "../../../loaders/schema/dictionary.js";
import {SCHEMA} from "../../../loaders/schema/tables.js";
import {REPO_ROOT} from "./helpers.js";

describe("docs/data-dictionary.md matches the schema", () => {
  it("lists every file and every column with its type, required flag and foreign key", async () => {
    const doc = await readFile(join(REPO_ROOT, "docs/data-dictionary.md"), "utf8");
    for (const spec of SCHEMA) {
      const start = doc.indexOf(`### \`${spec.file}\``);
      expect(start, `${spec.file} has no section`).toBeGreaterThanOrEqual(0);
      const end = doc.indexOf("\n### ", start + 1);
      const section = doc.slice(start, end < 0 ? undefined : end);
      for (const col of spec.columns) expect(section, `${spec.file} ${col.name}`).toContain(dictionaryRow(col));
      expect(section.trim().startsWith(dictionarySection(spec).split("\n| column")[0].trim())).toBe(true);
      // no column in the doc that the schema does not have
      const documented = [...section.matchAll(/^\| `([a-z_]+)` \|/gm)].map((m) => m[1]);
      expect(documented).toEqual(spec.columns.map((c) => c.name));
    }
  });

  it("renders a column row", () => {
    expect(
      dictionaryRow({name: "lot_code", type: {kind: "code"}, required: true, meaning: "Lot", references: "lots"})
    ).toBe("| `lot_code` | code | required | `lots.csv` | Lot |");
  });
});
