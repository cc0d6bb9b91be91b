import {existsSync} from "node:fs";
import {join} from "node:path";
import {describe, expect, it} from "vitest";
import {checkEes, checkTimePeriod, loadEesFile, parseDfeCell, sen2Series} from "../../../loaders/dfe/index.js";
import {REPO_ROOT} from "./helpers.js";

const SEN2 = join(REPO_ROOT, "../shared/data/sen2_mi_2014_2022.csv");
const haveSen2 = existsSync(SEN2);
if (!haveSen2) console.log(`skipping real SEN2 tests: ${SEN2} not found (CI provides ../shared/data beside the repo)`);

const ees = (text: string) => checkEes(new TextEncoder().encode(text), "t.csv");
const HEAD =
  "time_period,time_identifier,geographic_level,country_code,country_name,region_code,region_name,new_la_code,old_la_code,la_name,requests\n";

describe("EES cells and periods", () => {
  it("keeps GSS symbols as typed missing values, never 0", () => {
    expect(parseDfeCell("c")).toEqual({
      kind: "missing",
      symbol: "c",
      reason: "confidential (suppressed to protect individuals)"
    });
    expect(parseDfeCell("low")).toMatchObject({kind: "missing", symbol: "low"});
    expect(parseDfeCell(":")).toMatchObject({kind: "missing", symbol: ":"});
    expect(parseDfeCell(" 5.7762")).toEqual({kind: "value", value: 5.7762});
    expect(parseDfeCell("0")).toEqual({kind: "value", value: 0});
    expect(parseDfeCell("1,234")).toBeNull();
  });

  it.each([
    ["2022", "Calendar year", {year: 2022}],
    ["202122", "Financial year", {year: 2021}],
    ["199900", "Academic year", {year: 1999}],
    ["202425", "Financial year Q2", {year: 2024}]
  ])("time_period %s with %s is valid", (period, identifier, expected) => {
    expect(checkTimePeriod(period, identifier)).toEqual(expected);
  });

  it.each([
    ["202120", "Academic year"],
    ["2021", "Financial year"],
    ["202122", "Calendar year"],
    ["2022", "Fiscal year"]
  ])("time_period %s with %s is an error", (period, identifier) => {
    expect(checkTimePeriod(period, identifier)).toHaveProperty("error");
  });
});

describe("checkEes on small files", () => {
  it("reports bad period, unknown level, bad value and missing LA code with row and column", () => {
    const result = ees(
      HEAD +
        "2022,Calendar year,National,E92000001,England,,,,,,100\n" +
        "202120,Academic year,National,E92000001,England,,,,,,100\n" +
        "2022,Calendar year,County,E92000001,England,,,,,,100\n" +
        "2022,Calendar year,Local authority,E92000001,England,E12000003,Yorkshire and The Humber,E08000034,382,Kirklees,1,234\n" +
        '2022,Calendar year,Local authority,E92000001,England,E12000003,Yorkshire and The Humber,E08000034,382,Kirklees,"1,234"\n' +
        "2022,Calendar year,Local authority,E92000001,England,E12000003,Yorkshire and The Humber,,,Kirklees,c\n"
    );
    expect(result.issues.map((i) => `${i.row}|${i.column}|${i.rule}`)).toEqual([
      "3|time_period|time-period",
      "4|geographic_level|geographic-level",
      "5|null|field-count",
      "6|requests|ees-value",
      "7|new_la_code|geography"
    ]);
    expect(result.issues[3].message).toBe('invalid value "1,234": remove the thousands separator');
    expect(result.report).toEqual({file: "t.csv", rowsRead: 6, rowsAccepted: 1, rowsRejected: 5});
  });

  it("a header-only file has 0 data rows", () => {
    expect(ees(HEAD).issues).toMatchObject([
      {rule: "empty-file", message: expect.stringContaining("0 data rows") as unknown}
    ]);
  });
});

describe.skipIf(!haveSen2)("real DfE SEN2 file (sen2_mi_2014_2022.csv)", () => {
  it("loads without error and extracts real series", async () => {
    const result = await loadEesFile(SEN2);
    expect(result.issues.filter((i) => i.severity === "error")).toEqual([]);
    // 1457 lines = header + 1456 rows: 9 national, 81 regional, 1366 LA (counted with python csv)
    expect(result.report).toEqual({file: "sen2_mi_2014_2022.csv", rowsRead: 1456, rowsAccepted: 1456, rowsRejected: 0});
    expect(result.indicators).toContain("inreq_ehc");
    expect(result.filters).toEqual([]);

    const national = sen2Series(result.rows, {column: "inreq_ehc", geographicLevel: "National"});
    expect(national).toHaveLength(1);
    expect(national[0].code).toBe("E92000001");
    expect(national[0].points.map((p) => p.year)).toEqual([2014, 2015, 2016, 2017, 2018, 2019, 2020, 2021, 2022]);
    // file: 2014 and 2015 England inreq_ehc are "z"; 2022 = 114482; 2021 = 93302
    expect(national[0].points[0]).toEqual({
      kind: "missing",
      symbol: "z",
      reason: "not applicable",
      year: 2014,
      timePeriod: "2014"
    });
    expect(national[0].points[8]).toEqual({kind: "value", value: 114482, year: 2022, timePeriod: "2022"});
    expect(national[0].points[7]).toMatchObject({kind: "value", value: 93302});

    const las = sen2Series(result.rows, {column: "assessments", geographicLevel: "Local authority"});
    expect(las).toHaveLength(157); // distinct new_la_code values at LA level (python csv)
    const kirklees = las.find((s) => s.code === "E08000034");
    expect(kirklees?.name).toBe("Kirklees");
    // file line 2: Kirklees 2014 assessments "z"; line for 2022: assessments 435
    expect(kirklees?.points[0]).toMatchObject({year: 2014, kind: "missing", symbol: "z"});
    expect(kirklees?.points.at(-1)).toMatchObject({year: 2022, kind: "value", value: 435});

    const london = sen2Series(result.rows, {column: "inreq_ehc", geographicLevel: "Regional"}).find(
      (s) => s.code === "E12000007"
    );
    expect(london?.points.at(-1)).toMatchObject({year: 2022, value: 16934}); // London 2022 inreq_ehc

    // file line 1398: Norfolk 2022 inc_exc_20week_rate "x" (not available), kept as missing, not 0
    const norfolk = sen2Series(result.rows, {column: "inc_exc_20week_rate", geographicLevel: "Local authority"}).find(
      (s) => s.code === "E10000020"
    );
    expect(norfolk?.points.at(-1)).toEqual({
      kind: "missing",
      symbol: "x",
      reason: "not available",
      year: 2022,
      timePeriod: "2022"
    });
    // file line 2: Kirklees 2014 inc_exc_20week_rate "85.700000000000"
    const kirkleesRate = sen2Series(result.rows, {
      column: "inc_exc_20week_rate",
      geographicLevel: "Local authority"
    }).find((s) => s.code === "E08000034");
    expect(kirkleesRate?.points[0]).toMatchObject({kind: "value", value: 85.7});
  });
});
