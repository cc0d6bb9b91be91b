import {mkdtempSync, cpSync, readFileSync, writeFileSync} from "node:fs";
import {tmpdir} from "node:os";
import {join} from "node:path";
import {fileURLToPath} from "node:url";
import {describe, expect, it} from "vitest";
import {loadPublished, parseFacts, parseLot1Allocations, parseTable} from "../../../loaders/published/index.js";

const dataDir = fileURLToPath(new URL("../../../data/published", import.meta.url));

describe("loadPublished", () => {
  it("loads everything and every derived figure agrees with its printed total", () => {
    const published = loadPublished(dataDir);
    expect(published.checks.filter((c) => !c.agrees)).toEqual([]);
    expect(published.checks.length).toBeGreaterThanOrEqual(45);
  });

  it("gives every row a source document and table", () => {
    const published = loadPublished(dataDir);
    const sources = [
      ...published.lewisham.ehcp,
      ...published.lewisham.cypByLot,
      ...published.lewisham.spend,
      ...published.staffordshire.lot1Allocations,
      ...published.staffordshire.options,
      ...published.northamptonshire.turning18,
      ...published.northamptonshire.facts
    ].map((row) => row.source);
    for (const source of sources) {
      expect(source.document).toMatch(/\.txt$/);
      expect(source.table.length).toBeGreaterThan(5);
    }
  });

  it("names the file when one is missing", () => {
    const dir = mkdtempSync(join(tmpdir(), "published-"));
    expect(() => loadPublished(dir)).toThrow(/cannot read lewisham\/ehcp\.csv/);
  });

  it("names file, row and column for a bad cell in a copied data set", () => {
    const dir = mkdtempSync(join(tmpdir(), "published-"));
    cpSync(dataDir, dir, {recursive: true});
    const file = join(dir, "lewisham", "ehcp.csv");
    writeFileSync(file, readFileSync(file, "utf8").replace(",416,", ",4l6,"));
    expect(() => loadPublished(dir)).toThrow('invalid number in lewisham/ehcp.csv row 2 column value: "4l6"');
  });
});

describe("table validation", () => {
  it("rejects a missing column", () => {
    expect(() => parseTable("a,b\n1,2\n", "x.csv", ["a", "c"])).toThrow("missing column in x.csv: c");
  });

  it("rejects a value where the status says blank", () => {
    const header =
      "row_label,row_type,area,cyp,cyp_as_printed,cyp_status,amount_gbp,amount_as_printed,amount_status,source_document,source_table\n";
    const text = `${header}HBBA,provider,North,2,2,blank,2496,"£2,496",value,d.txt,t\n`;
    expect(() => parseLot1Allocations(text, "lot1.csv")).toThrow(
      'cell must be empty when cyp_status is blank in lot1.csv row 2 column cyp: "2"'
    );
  });

  it("rejects an unknown status and a duplicate fact id", () => {
    const header = "fact_id,measure,value,unit,period,value_as_printed,status,note,source_document,source_section\n";
    expect(() => parseFacts(`${header}a,m,1,u,,1,zero,,d.txt,s\n`, "f.csv")).toThrow(
      'invalid value in f.csv row 2 column status: "zero" (expected value, blank, not_applicable)'
    );
    expect(() => parseFacts(`${header}a,m,1,u,,1,value,,d.txt,s\na,m,2,u,,2,value,,d.txt,s\n`, "f.csv")).toThrow(
      "duplicate fact_id in f.csv: a"
    );
  });
});
