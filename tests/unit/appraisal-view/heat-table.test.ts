import {fileURLToPath} from "node:url";
import {describe, expect, test} from "vitest";
import {loadPublished} from "../../../loaders/published/index.js";
import {rankOptions} from "../../../src/components/appraisal/index.js";
import {appraisalMatrixTable} from "../../../src/components/appraisal-view/matrix.js";
import {clampShade, heatTable, linearShade} from "../../../src/components/published/heat-table.js";
import {allocationHeatTable} from "../../../src/components/published/lot1-table.js";
import {createDocument, expectSnapshot} from "../../support/snapshot.js";

const published = loadPublished(fileURLToPath(new URL("../../../data/published", import.meta.url)));

describe("heatTable", () => {
  test("puts text in every cell, shades as a second cue, and labels headers", async () => {
    const table = heatTable({
      caption: "Scores",
      corner: "Option",
      columnGroups: [{label: "Group A", span: 2}],
      columns: [{label: "1"}, {label: "2", title: "Test 2"}],
      rows: [
        {
          header: "Option 1",
          subheader: "£1,000 a year",
          cells: [
            {text: "Yes", shade: 1},
            {text: "No", shade: 0}
          ]
        },
        {
          header: "Total",
          summary: true,
          cells: [
            {text: "1", shade: 0.5},
            {text: "blank", shade: null, missing: true}
          ]
        }
      ],
      key: [{text: "Yes", shade: 1, description: "strong"}],
      note: "Source: test",
      document: createDocument()
    });
    expect(table.querySelector("caption")?.textContent).toBe("Scores");
    expect(table.querySelector("th[scope=colgroup]")?.getAttribute("colspan")).toBe("2");
    expect([...table.querySelectorAll("tbody th")].map((th) => th.getAttribute("scope"))).toEqual(["row", "row"]);
    const cells = [...table.querySelectorAll("tbody td")];
    expect(cells.map((td) => td.textContent)).toEqual(["Yes", "No", "1", "blank"]);
    expect(cells[0].getAttribute("style")).toContain("--heat: 1");
    // summary rows are not shaded; missing cells are marked
    expect(cells[2].classList.contains("pub-heat-shaded")).toBe(false);
    expect(cells[3].classList.contains("pub-heat-missing")).toBe(true);
    expect(table.querySelector("[role=region]")?.getAttribute("tabindex")).toBe("0");
    await expectSnapshot(table, "heat-table.html");
  });

  test("rejects rows and groups that do not fit the columns", () => {
    const base = {caption: "c", corner: "x", columns: [{label: "1"}], document: createDocument()};
    expect(() => heatTable({...base, rows: [{header: "r", cells: []}]})).toThrow(
      'invalid row "r": 0 cells for 1 columns'
    );
    expect(() => heatTable({...base, rows: [], columnGroups: [{label: "g", span: 2}]})).toThrow("invalid columnGroups");
  });

  test("computes shades", () => {
    expect(linearShade(5, 10)).toBe(0.5);
    expect(linearShade(null, 10)).toBeNull();
    expect(linearShade(3, 0)).toBe(0);
    expect(clampShade(1.7)).toBe(1);
    expect(clampShade(-1)).toBe(0);
    expect(() => clampShade(Number.NaN)).toThrow("invalid shade: NaN");
  });
});

describe("the Staffordshire tables", () => {
  test("the evaluation matrix says Yes, Partially or No in all 90 cells, with points and the document's outcome", async () => {
    const {appraisal, options} = published.staffordshire;
    const table = appraisalMatrixTable(appraisal, {
      caption: "Evaluation matrix",
      ranking: rankOptions(appraisal),
      documentOutcome: new Map(options.map((option) => [option.id, option.documentOutcome])),
      document: createDocument()
    });
    const rows = [...table.querySelectorAll("tbody tr")];
    expect(rows).toHaveLength(6);
    const texts = rows.map((row) => [...row.querySelectorAll("td")].map((td) => td.textContent));
    for (const cells of texts) {
      expect(cells.slice(0, 15).every((text) => ["Yes", "Partially", "No"].includes(text ?? ""))).toBe(true);
    }
    // option 3 (row 3): Y Y Y Y P Y Y Y P P Y Y Y Y P → 13 points; marked "Preferred option"
    expect(texts[2].slice(0, 5)).toEqual(["Yes", "Yes", "Yes", "Yes", "Partially"]);
    expect(texts[2].slice(15)).toEqual(["13", "Preferred option"]);
    expect(texts[5].slice(15)).toEqual(["12.5", "Preferred option"]);
    expect(texts[0].slice(15)).toEqual(["11", "blank"]);
    await expectSnapshot(table, "appraisal-matrix.html");
  });

  test("the Lot 1 allocation table keeps blanks as blanks and adds computed totals £81,830 and 53 CYP", async () => {
    const {lot1, lot1Allocations} = published.staffordshire;
    const table = allocationHeatTable(
      lot1Allocations,
      {
        areas: lot1.areas,
        allocatedCyp: lot1.overall.allocatedCyp,
        allocatedGbp: Math.round(lot1.overall.allocatedGbpReconstructed)
      },
      {caption: "Lot 1", note: "note", document: createDocument()}
    );
    const row = (label: string) =>
      [...table.querySelectorAll("tbody tr")]
        .find((tr) => tr.querySelector("th")?.textContent?.startsWith(label))
        ?.querySelectorAll("td");
    // Action for Child: North 8 / £18,729, South and East blank, West 0 / £0, total £18,729 (seed line 34)
    expect([...(row("Action for Child") ?? [])].map((td) => td.textContent)).toEqual([
      "8",
      "£18,729",
      "blank",
      "blank",
      "blank",
      "blank",
      "0",
      "£0",
      "£18,729"
    ]);
    const computed = [...(row("Sum of provider rows") ?? [])].map((td) => td.textContent);
    // hand sums: CYP 10 / 13 / 17 / 13 = 53; £ 21,225 / 18,580 / 24,387 / 17,638 = 81,830
    expect(computed).toEqual(["10", "£21,225", "13", "£18,580", "17", "£24,387", "13", "£17,638", "£81,830 · 53 CYP"]);
    expect(table.textContent).not.toContain("NaN");
    await expectSnapshot(table, "lot1-allocations-table.html");
  });
});
