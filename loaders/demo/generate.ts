import {mkdirSync} from "node:fs";
import {join} from "node:path";
import {ASSUMPTIONS} from "./assumptions.js";
import {childAttributes, childId, childPopulation, indexOfIdNumber} from "./children.js";
import {CsvWriter, money} from "./csv-writer.js";
import {dayOf, financialYearOfMonth, monthIndexOf, monthIndexOfDay, monthLabel} from "./dates.js";
import {ehcpActivityRows} from "./ehcp-activity.js";
import {hashSeed, mulberry32} from "./prng.js";
import {buildProviders, providerRow, type Provider} from "./providers.js";
import {AREA_CODES, LOT_CODES, areaRows, lotRows, metaRows, unitRows} from "./reference-tables.js";
import {planReferrals, referralScale} from "./referral-plan.js";
import {residentialNightRows} from "./residential.js";
import {occupancyIndex, simulateReferralsAndPackages, type SimulationTotals} from "./simulate.js";

/** Column headers of every file, exactly as in docs/data-dictionary.md. */
export const HEADERS = {
  lots: ["lot_code", "lot_name", "framework_code", "framework_name", "statutory", "description"],
  areas: ["area_code", "area_name", "area_type", "parent_area_code"],
  providers: ["provider_id", "provider_name", "on_framework", "joined_date", "left_date", "lots", "areas"],
  provider_capacity: ["provider_id", "lot_code", "area_code", "month", "hours_per_week", "places"],
  children: ["child_id", "birth_month", "area_code", "primary_need", "has_ehcp", "eligibility_route"],
  referrals: [
    "referral_id",
    "child_id",
    "received_date",
    "lot_code",
    "area_code",
    "source",
    "outcome",
    "decision_date",
    "package_start_date"
  ],
  packages: [
    "package_id",
    "child_id",
    "referral_id",
    "lot_code",
    "provider_id",
    "area_code",
    "route",
    "funder",
    "start_date",
    "end_date",
    "hours_per_week",
    "hourly_rate"
  ],
  budgets: ["financial_year", "lot_code", "budget_gbp"],
  ehcp_activity: ["month", "area_code", "requests_received", "assessments_completed", "plans_issued"],
  residential_units: ["unit_id", "unit_name", "area_code", "beds", "occupancy_target_pct"],
  residential_nights: ["unit_id", "date", "nights_used"],
  meta: ["key", "value"]
} as const;

/** Options of {@link generateDemoCounty}. */
export interface GenerateOptions {
  outDir: string;
  seed?: number;
  /** Exact number of referral rows; omitted = the calibrated demo county (1,813). */
  referrals?: number;
}

/** What was written. */
export interface GenerateSummary {
  seed: number;
  scale: number;
  rows: Record<string, number>;
  /** Spend in pounds by `${financialYear}|${lot}|${route}`. */
  spend: Record<string, number>;
}

async function writeAll(path: string, header: readonly string[], rows: readonly string[][]): Promise<number> {
  const writer = new CsvWriter(path, header);
  for (const row of rows) await writer.row(row);
  await writer.close();
  return writer.rows;
}

/**
 * Generate the demo county into `outDir`: twelve CSV files following docs/data-dictionary.md, deterministic in
 * the seed, streamed so that tens of millions of referrals fit in memory.
 * @example
 * await generateDemoCounty({outDir: "data/demo"}); // writes data/demo/*.csv
 */
export async function generateDemoCounty(options: GenerateOptions): Promise<GenerateSummary> {
  const seed = options.seed ?? ASSUMPTIONS.meta.defaultSeed;
  if (!Number.isInteger(seed)) throw new Error(`invalid seed: ${seed}`);
  mkdirSync(options.outDir, {recursive: true});
  const file = (name: string) => join(options.outDir, `${name}.csv`);
  const firstMonth = monthIndexOf(ASSUMPTIONS.time.firstDay.slice(0, 7));
  const extractDay = dayOf(ASSUMPTIONS.time.extractDate);
  const extractMonth = monthIndexOfDay(extractDay);
  const plan = planReferrals(firstMonth, extractMonth, options.referrals);
  const scale = referralScale(options.referrals);
  const population = childPopulation(seed, scale, extractMonth, AREA_CODES);
  const providers = buildProviders(seed);
  const rows: Record<string, number> = {};

  rows.lots = await writeAll(file("lots"), HEADERS.lots, lotRows());
  rows.areas = await writeAll(file("areas"), HEADERS.areas, areaRows());
  rows.providers = await writeAll(file("providers"), HEADERS.providers, providers.map(providerRow));
  rows.residential_units = await writeAll(file("residential_units"), HEADERS.residential_units, unitRows());
  rows.residential_nights = await writeAll(
    file("residential_nights"),
    HEADERS.residential_nights,
    residentialNightRows(seed)
  );
  rows.ehcp_activity = await writeAll(
    file("ehcp_activity"),
    HEADERS.ehcp_activity,
    ehcpActivityRows(seed, scale, AREA_CODES)
  );
  rows.meta = await writeAll(file("meta"), HEADERS.meta, metaRows(seed));

  const children = new CsvWriter(file("children"), HEADERS.children);
  for (let idNumber = 1; idNumber <= population.size; idNumber++) {
    const child = childAttributes(population, indexOfIdNumber(population, idNumber));
    await children.row([
      childId(population, child.index),
      monthLabel(child.birthMonth),
      AREA_CODES[child.areaIndex],
      child.need,
      String(child.hasEhcp),
      child.eligibility
    ]);
  }
  await children.close();
  rows.children = children.rows;

  const referrals = new CsvWriter(file("referrals"), HEADERS.referrals);
  const packages = new CsvWriter(file("packages"), HEADERS.packages);
  const totals = await simulateReferralsAndPackages(
    {seed, scale, plan, population, providers},
    {referral: (fields) => referrals.row(fields), package: (fields) => packages.row(fields)}
  );
  await referrals.close();
  await packages.close();
  rows.referrals = referrals.rows;
  rows.packages = packages.rows;

  rows.provider_capacity = await writeCapacity(
    file("provider_capacity"),
    providers,
    totals,
    seed,
    firstMonth,
    extractMonth
  );
  rows.budgets = await writeAll(file("budgets"), HEADERS.budgets, budgetRows(scale, firstMonth, extractMonth));
  return {
    seed,
    scale,
    rows,
    spend: Object.fromEntries([...totals.spend].sort(([a], [b]) => (a < b ? -1 : a > b ? 1 : 0)))
  };
}

/**
 * Rows of budgets.csv: Lot 1 £150,000 a year and the statutory budget split across Lots 2-4 ([STAFFS-OPT]).
 * Budgets cover commissioned care (framework, spot purchase, in-house); direct payments are budgeted elsewhere.
 * @example
 * budgetRows(1, monthIndexOf("2019-04"), monthIndexOf("2025-11"))[0]; // ["2019-20", "LOT1", "150000.00"]
 */
export function budgetRows(scale: number, firstMonth: number, lastMonth: number): string[][] {
  const {budgets} = ASSUMPTIONS;
  const years = [
    ...new Set(Array.from({length: lastMonth - firstMonth + 1}, (_, i) => financialYearOfMonth(firstMonth + i)))
  ];
  const rows: string[][] = [];
  for (const fy of years) {
    for (const lot of LOT_CODES) {
      const amount = lot === "LOT1" ? budgets.lot1 : (budgets.statutoryTotal[fy] ?? 0) * budgets.statutoryShares[lot];
      rows.push([fy, lot, money(Math.round(amount * scale))]);
    }
  }
  return rows;
}

async function writeCapacity(
  path: string,
  providers: readonly Provider[],
  totals: SimulationTotals,
  seed: number,
  firstMonth: number,
  lastMonth: number
): Promise<number> {
  const {framework, capacity, hoursPerWeek} = ASSUMPTIONS;
  const collapseFrom = monthIndexOf(framework.lot1MovedIntoFramework.slice(0, 7));
  const joinersFrom = monthIndexOf(framework.lot1JoinersDate.slice(0, 7));
  const writer = new CsvWriter(path, HEADERS.provider_capacity);
  for (let p = 0; p < providers.length; p++) {
    const provider = providers[p];
    for (const service of provider.services) {
      const lotIndex = LOT_CODES.indexOf(service.lot);
      const from = Math.max(firstMonth, monthIndexOfDay(service.fromDay));
      const to = Math.min(lastMonth, monthIndexOfDay(service.toDay));
      for (const area of AREA_CODES) {
        if (!service.areas.includes(area)) continue;
        const areaIndex = AREA_CODES.indexOf(area);
        for (let m = from; m <= to; m++) {
          const k = occupancyIndex(p, lotIndex, areaIndex, m - firstMonth);
          const places = totals.occupiedPlaces[k];
          if (provider.kind === "spot" && places === 0) continue;
          const gap = ASSUMPTIONS.capacityGap[financialYearOfMonth(m)] ?? 0;
          const u = mulberry32(hashSeed(seed, k + 1))();
          let spare = Math.round(capacity.maxSparePlaces * Math.max(0, 1 - gap / 0.4) * u);
          if (provider.kind === "spot") spare = 0;
          if (provider.kind === "in_house") spare = 1;
          if (service.lot === "LOT1" && m >= collapseFrom && m < joinersFrom) spare = 0; // [STAFFS-LOT] no capacity
          const hours = totals.occupiedHours[k] + spare * hoursPerWeek[service.lot][1];
          await writer.row([
            provider.id,
            service.lot,
            area,
            monthLabel(m),
            String(Math.ceil(hours - 1e-9)),
            String(places + spare)
          ]);
        }
      }
    }
  }
  await writer.close();
  return writer.rows;
}
