import {fileURLToPath} from "node:url";
import {describe, expect, it} from "vitest";
import {formatGrowth, growth, loadPublished} from "../../../loaders/published/index.js";

const published = loadPublished(fileURLToPath(new URL("../../../data/published", import.meta.url)));
const {lewisham} = published;

describe("Lewisham Personalised Care and Support Framework", () => {
  it("holds the EHC needs assessment table (para 4.8) as printed", () => {
    const series = (indicator: string) => lewisham.ehcp.filter((r) => r.indicator === indicator).map((r) => r.value);
    expect(series("Requests for EHC Needs Assessments")).toEqual([416, 419, 486, 592]);
    expect(series("Number of new EHC Plans agreed to issue")).toEqual([292, 266, 430, 393]);
    expect(lewisham.ehcp.map((r) => r.year).slice(0, 4)).toEqual(["2018-19", "2019-20", "2020-21", "2021-22"]);
  });

  it("computes +42% since 2018-19 and +22% on the previous year for requests", () => {
    // hand: 592 / 416 = 1.42307…; 592 / 486 = 1.21810…
    expect(lewisham.requestGrowth.sinceFirst).toBeCloseTo(0.423077, 6);
    expect(lewisham.requestGrowth.onPreviousYear).toBeCloseTo(0.218107, 6);
    expect(formatGrowth(lewisham.requestGrowth.sinceFirst, {since: "2018-19"})).toBe("+42% since 2018-19");
    expect(formatGrowth(lewisham.requestGrowth.onPreviousYear, {previousYear: true})).toBe("+22% on the previous year");
  });

  it("records that the report's own '20% over the previous year' does not match its table", () => {
    const claim = lewisham.facts.find((f) => f.id === "claimed_ehcp_request_growth_previous_year");
    expect(claim?.value).toBe(20);
    expect(Math.round(lewisham.requestGrowth.onPreviousYear * 100)).not.toBe(claim?.value);
    const since = lewisham.facts.find((f) => f.id === "claimed_ehcp_request_growth_since_2018");
    expect(Math.round(lewisham.requestGrowth.sinceFirst * 100)).toBe(since?.value);
  });

  it("formats falls and zero growth", () => {
    // hand: 393 / 430 − 1 = −0.0860… → −9%
    expect(formatGrowth(growth(430, 393), {previousYear: true})).toBe("\u22129% on the previous year");
    expect(formatGrowth(0, {since: "2018-19"})).toBe("0% since 2018-19");
    expect(() => growth(0, 1)).toThrow("invalid from: 0");
  });

  it("holds CYP per Lot for the Council and the CCG (paras 4.10-4.11)", () => {
    const cyp = (commissioner: string, year: string, category: string) =>
      lewisham.cypByLot.find((r) => r.commissioner === commissioner && r.year === year && r.category === category)?.cyp;
    expect(cyp("Lewisham Council", "2021-22", "Lot C")).toBe(178);
    expect(cyp("Lewisham Council", "2021-22", "Spot Purchase")).toBe(26);
    expect(cyp("Lewisham Council", "2021-22", "Total")).toBe(205);
    expect(cyp("SEL CCG", "2019-20", "Lot B")).toBe(19);
    expect(cyp("SEL CCG", "2019-20", "Total")).toBe(28);
  });

  it("derives framework versus spot-purchase shares (para 5.5)", () => {
    const share = (commissioner: string, year: string) =>
      lewisham.spendShares.find((s) => s.commissioner === commissioner && s.year === year);
    // hand: 374,000 / 1,073,000 = 0.34856
    expect(share("Lewisham Council", "2021-22")?.spotShare).toBeCloseTo(0.34856, 5);
    expect(share("Lewisham Council", "2019-20")?.spotShare).toBe(0);
    // hand: 1,839,000 / 2,510,000 = 0.73267; 2,062,000 / 2,824,000 = 0.73017; 1,838,000 / 2,691,000 = 0.68302
    expect(share("SEL CCG", "2019-20")?.spotShare).toBeCloseTo(0.73267, 5);
    expect(share("SEL CCG", "2020-21")?.spotShare).toBeCloseTo(0.73017, 5);
    expect(share("SEL CCG", "2021-22")?.spotShare).toBeCloseTo(0.68302, 5);
    expect(share("SEL CCG", "2021-22")?.frameworkGbp).toBe(853000);
  });

  it("holds the Lots A-D by staff type", () => {
    expect(lewisham.lots.map((l) => [l.lot, l.staffType])).toEqual([
      ["A", "Children's Nurses"],
      ["B", "Carers"],
      ["C", "Support Workers"],
      ["D", "Outreach and support workers"]
    ]);
  });
});
