import {ASSUMPTIONS} from "./assumptions.js";
import {childAttributes, childId, type ChildAttributes, type ChildPopulation} from "./children.js";
import {money} from "./csv-writer.js";
import {
  birthdayDay,
  dayOf,
  financialYearBounds,
  financialYearOfDay,
  firstDayOfMonth,
  isoOf,
  monthIndexOf,
  monthIndexOfDay
} from "./dates.js";
import {hashSeed, largestRemainder, mulberry32, triangular, uniformInt, weightedIndex, type Random} from "./prng.js";
import {LOT1_COLLAPSE_PROVIDERS, type Provider} from "./providers.js";
import {AREA_CODES, LOT_CODES, type LotCode} from "./reference-tables.js";
import type {ReferralPlan} from "./referral-plan.js";

/** Where simulated rows go (CSV writers in the CLI, arrays in tests). */
export interface SimulationSinks {
  referral(fields: string[]): Promise<void> | undefined;
  package(fields: string[]): Promise<void> | undefined;
}

/** Aggregates collected while streaming, for capacity, budgets and the summary. */
export interface SimulationTotals {
  /** Spend in pounds by `${financialYear}|${lot}|${route}`. */
  spend: Map<string, number>;
  /** Packages active in a month by provider x Lot x area x month (flat index, see {@link occupancyIndex}). */
  occupiedPlaces: Int32Array;
  occupiedHours: Float64Array;
  referrals: number;
  packages: number;
}

/** Everything the simulation needs. */
export interface SimulationInput {
  seed: number;
  scale: number;
  plan: ReferralPlan;
  population: ChildPopulation;
  providers: readonly Provider[];
}

type Route = "framework" | "spot_purchase" | "direct_payment" | "in_house";
type Outcome = "placed" | "declined" | "withdrawn" | "waiting";

const {time, framework, durations, hoursPerWeek, rates, delays} = ASSUMPTIONS;
const EXTRACT_DAY = dayOf(time.extractDate);
const FIRST_DAY = dayOf(time.firstDay);
const FIRST_MONTH = monthIndexOf(time.firstDay.slice(0, 7));
const EXTRACT_MONTH = monthIndexOfDay(EXTRACT_DAY);
/** ASSUMPTION: 18 months of warm-up so the opening caseload in April 2019 is realistic (packages only). */
const WARM_UP_MONTHS = 18;
const NEVER = 2_000_000_000;
const LOT1_MOVED = dayOf(framework.lot1MovedIntoFramework);
const LOT1_JOIN = dayOf(framework.lot1JoinersDate);
const ONLINE_FORM = dayOf(framework.onlineFormFrom);
const COLLAPSE_FY = ASSUMPTIONS.lot1Collapse.financialYear;
const [COLLAPSE_START, COLLAPSE_END] = financialYearBounds(COLLAPSE_FY);
const GROUP_AGENCY = 0;
const GROUP_LOT1 = 1;
const GROUP_DP = 2;

/**
 * Flat index of a provider x Lot x area x month cell in {@link SimulationTotals}.
 * @example
 * occupancyIndex(0, 0, 0, 0) === 0; // true
 */
export function occupancyIndex(provider: number, lot: number, area: number, monthOffset: number): number {
  const months = EXTRACT_MONTH - FIRST_MONTH + 1;
  return ((provider * LOT_CODES.length + lot) * AREA_CODES.length + area) * months + monthOffset;
}

function quarterHours(x: number): number {
  return Math.max(0.25, Math.round(x * 4) / 4);
}

function deflator(day: number): number {
  const fyStart = Number(financialYearOfDay(day).slice(0, 4));
  return Math.pow(1 + rates.annualUplift, fyStart - 2024);
}

function gapOf(day: number): number {
  const fy = financialYearOfDay(day);
  return ASSUMPTIONS.capacityGap[fy] ?? ASSUMPTIONS.capacityGap["2019-20"];
}

function ageYearsAt(child: ChildAttributes, day: number): number {
  return (day - firstDayOfMonth(child.birthMonth)) / 365.25;
}

/**
 * Simulate referrals and packages month by month, streaming rows to the sinks. Referrals received before April 2019
 * are a warm-up: not written, but their packages still running in April 2019 are (as legacy packages without a
 * referral_id).
 * @example
 * const totals = await simulateReferralsAndPackages(input, sinks); totals.referrals === input.plan.total;
 */
export async function simulateReferralsAndPackages(
  input: SimulationInput,
  sinks: SimulationSinks
): Promise<SimulationTotals> {
  const {seed, scale, plan, population: pop, providers} = input;
  const rng = mulberry32(hashSeed(seed, 0x51a7));
  const busy = [new Int32Array(pop.size), new Int32Array(pop.size), new Int32Array(pop.size)];
  for (const b of busy) b.fill(-1);
  const months = EXTRACT_MONTH - FIRST_MONTH + 1;
  const totals: SimulationTotals = {
    spend: new Map(),
    occupiedPlaces: new Int32Array(providers.length * LOT_CODES.length * AREA_CODES.length * months),
    occupiedHours: new Float64Array(providers.length * LOT_CODES.length * AREA_CODES.length * months),
    referrals: 0,
    packages: 0
  };
  const lot1Providers = providers.map((p, i) => ({p, i})).filter(({p}) => p.services.some((s) => s.lot === "LOT1"));
  const collapseA = LOT1_COLLAPSE_PROVIDERS[0];
  const collapseB = LOT1_COLLAPSE_PROVIDERS[1];

  // Collapse-year Lot 1 outcomes, decided up front so the year holds exactly the seed's numbers.
  const collapseCount = countLot1InYear(plan, COLLAPSE_FY);
  const collapseOutcomes = planCollapseOutcomes(collapseCount, rng);
  let collapseSeen = 0;
  const collapseProviderAQuota = Math.round((collapseOutcomes.filter((o) => o === "placed").length * 8) / 9);
  let collapsePlacedSoFar = 0;

  const pickChild = (
    poolStart: number,
    poolSize: number,
    group: number,
    day: number,
    minAge: number,
    maxAge: number,
    olderWeight: number,
    areaFilter?: (areaIndex: number) => boolean
  ): ChildAttributes => {
    let fallback: ChildAttributes | undefined;
    for (let attempt = 0; attempt < 4000; attempt++) {
      const index = poolStart + Math.floor(rng() * poolSize);
      const child = childAttributes(pop, index);
      const age = ageYearsAt(child, day);
      if (age < minAge || age >= maxAge) continue;
      if (age >= 14 && rng() > olderWeight) continue;
      if (areaFilter && !areaFilter(child.areaIndex) && attempt < 3000) continue;
      fallback = child;
      if (busy[group][index] < day || attempt >= 2000) return child;
    }
    if (fallback) return fallback;
    throw new Error(`no child aged ${minAge}-${maxAge} in pool at ${isoOf(day)}`);
  };

  const recordPackage = async (pkg: {
    child: ChildAttributes;
    referralId: string;
    lot: LotCode;
    providerIndex: number;
    areaIndex: number;
    route: Route;
    funder: string;
    start: number;
    end: number;
    hours: number;
    rate: number;
  }): Promise<void> => {
    const lastServiceDay = Math.min(pkg.end, EXTRACT_DAY);
    if (lastServiceDay < FIRST_DAY) return; // ended during the warm-up: not in the extract
    totals.packages++;
    const packageId = "PK" + String(totals.packages).padStart(7, "0");
    await sinks.package([
      packageId,
      childId(pop, pkg.child.index),
      pkg.referralId,
      pkg.lot,
      pkg.providerIndex >= 0 ? providers[pkg.providerIndex].id : "",
      AREA_CODES[pkg.areaIndex],
      pkg.route,
      pkg.funder,
      isoOf(pkg.start),
      pkg.end > EXTRACT_DAY ? "" : isoOf(pkg.end),
      pkg.hours.toFixed(2),
      money(pkg.rate)
    ]);
    // Spend by financial year: hours a week x weeks active x hourly rate.
    for (let day = Math.max(pkg.start, FIRST_DAY); day <= lastServiceDay;) {
      const fy = financialYearOfDay(day);
      const fyEnd = financialYearBounds(fy)[1];
      const until = Math.min(fyEnd, lastServiceDay);
      const key = `${fy}|${pkg.lot}|${pkg.route}`;
      totals.spend.set(key, (totals.spend.get(key) ?? 0) + ((until - day + 1) / 7) * pkg.hours * pkg.rate);
      day = until + 1;
    }
    if (pkg.providerIndex >= 0) {
      const lotIndex = LOT_CODES.indexOf(pkg.lot);
      const from = Math.max(monthIndexOfDay(pkg.start), FIRST_MONTH);
      const to = monthIndexOfDay(lastServiceDay);
      for (let m = from; m <= to; m++) {
        const k = occupancyIndex(pkg.providerIndex, lotIndex, pkg.areaIndex, m - FIRST_MONTH);
        totals.occupiedPlaces[k]++;
        totals.occupiedHours[k] += pkg.hours;
      }
    }
  };

  // Providers able to take a package, cached by Lot x area x kind x day (windows change on whole days).
  const candidateCache = new Map<string, {candidates: number[]; weights: number[]}>();
  const chooseProvider = (lot: LotCode, areaIndex: number, day: number, kind: Provider["kind"]): number => {
    const key = `${lot}|${areaIndex}|${kind}|${day}`;
    let entry = candidateCache.get(key);
    if (!entry) {
      const area = AREA_CODES[areaIndex];
      entry = {candidates: [], weights: []};
      providers.forEach((p, i) => {
        if (p.kind !== kind) return;
        if (p.services.some((s) => s.lot === lot && s.areas.includes(area) && s.fromDay <= day && day <= s.toDay)) {
          entry!.candidates.push(i);
          entry!.weights.push(p.weight);
        }
      });
      candidateCache.set(key, entry);
    }
    return entry.candidates.length === 0 ? -1 : entry.candidates[weightedIndex(rng, entry.weights)];
  };

  const rateOf = (providerIndex: number, lot: LotCode, day: number): number => {
    const service = providers[providerIndex].services.find((s) => s.lot === lot);
    return (service ? service.rate : rates[lot]) * deflator(day);
  };

  const capAt18 = (child: ChildAttributes, end: number): number => Math.min(end, birthdayDay(child.birthMonth, 18) - 1);

  const directPayment = async (child: ChildAttributes, start: number, end: number, referralId: string) => {
    const lot: LotCode = rng() < ASSUMPTIONS.directPayments.lot3Share ? "LOT3" : "LOT2";
    const [lo, mode, hi] = hoursPerWeek.directPayment;
    const rate = (rates.directPaymentMin + rng() * (rates.directPaymentMax - rates.directPaymentMin)) * deflator(start);
    const cappedEnd = capAt18(child, end);
    if (cappedEnd < start) return;
    busy[GROUP_DP][child.index] = cappedEnd > EXTRACT_DAY ? NEVER : cappedEnd;
    await recordPackage({
      child,
      referralId,
      lot,
      providerIndex: -1,
      areaIndex: child.areaIndex,
      route: "direct_payment",
      funder: "council",
      start,
      end: cappedEnd,
      hours: quarterHours(triangular(rng, lo, mode, hi)),
      rate
    });
  };

  const weeks = (spec: readonly number[]) => Math.round(triangular(rng, spec[0], spec[1], spec[2]) * 7);

  const statutoryReferral = async (lot: LotCode, day: number, referralId: string, writeRow: boolean) => {
    const child = pickChild(
      pop.socialCare.start,
      pop.socialCare.size,
      GROUP_AGENCY,
      day,
      3,
      17.5,
      ASSUMPTIONS.ages.statutoryOlderWeight
    );
    const gap = gapOf(day);
    const {declined, withdrawnBase, withdrawnPerGap} = ASSUMPTIONS.statutoryOutcomes;
    const u = rng();
    let outcome: Outcome =
      u < declined ? "declined" : u < declined + withdrawnBase + withdrawnPerGap * gap ? "withdrawn" : "placed";
    const extra = gap * delays.extraDaysPerGap * rng();
    let decision = day + uniformInt(rng, delays.decisionDays[0], delays.decisionDays[1]);
    if (outcome === "withdrawn") decision += Math.round(extra) + uniformInt(rng, 14, 60);
    const start = decision + uniformInt(rng, delays.startDays[0], delays.startDays[1]) + Math.round(extra);
    const turns18 = birthdayDay(child.birthMonth, 18);
    if (outcome === "placed" && start >= turns18) {
      outcome = "withdrawn"; // transferred to adult services before a package could start
      decision = Math.min(decision, turns18 - 1);
    }
    if (decision > EXTRACT_DAY || (outcome === "placed" && start > EXTRACT_DAY)) outcome = "waiting";
    const source =
      rng() < (lot === "LOT4" ? ASSUMPTIONS.sources.lot4Professional : ASSUMPTIONS.sources.statutoryProfessional)
        ? "professional"
        : "panel";
    if (writeRow) {
      await sinks.referral([
        referralId,
        childId(pop, child.index),
        isoOf(day),
        lot,
        AREA_CODES[child.areaIndex],
        source,
        outcome,
        outcome === "waiting" ? "" : isoOf(decision),
        outcome === "placed" ? isoOf(start) : ""
      ]);
    }
    if (outcome !== "placed") {
      busy[GROUP_AGENCY][child.index] = outcome === "waiting" ? NEVER : decision;
      return;
    }
    // Route: spot purchase grows with the framework capacity gap; a few packages go to the in-house team.
    const startGap = gapOf(start);
    const spotShare = ASSUMPTIONS.spotShare.base + ASSUMPTIONS.spotShare.slope * startGap;
    const r = rng();
    let route: Route =
      r < spotShare
        ? "spot_purchase"
        : lot !== "LOT3" && r < spotShare + ASSUMPTIONS.inHouseShare
          ? "in_house"
          : "framework";
    let providerIndex = chooseProvider(
      lot,
      child.areaIndex,
      start,
      route === "framework" ? "framework" : route === "in_house" ? "in_house" : "spot"
    );
    if (providerIndex < 0) {
      route = "spot_purchase";
      providerIndex = chooseProvider(lot, child.areaIndex, start, "spot");
    }
    const rate = route === "in_house" ? rates.inHouse * deflator(start) : rateOf(providerIndex, lot, start);
    const {healthLot4, healthLot2, joint} = ASSUMPTIONS.funders;
    const f = rng();
    const health = lot === "LOT4" ? healthLot4 : lot === "LOT2" ? healthLot2 : 0;
    const funder = f < health ? "health" : f < health + (lot === "LOT3" ? 0 : joint) ? "joint" : "council";
    const length =
      rng() < durations.statutoryShortShare
        ? weeks(durations.statutoryShortWeeks)
        : weeks(durations.statutoryLongWeeks);
    const end = capAt18(child, start + length - 1);
    const [lo, mode, hi] = hoursPerWeek[lot];
    busy[GROUP_AGENCY][child.index] = end > EXTRACT_DAY ? NEVER : end;
    await recordPackage({
      child,
      referralId: writeRow ? referralId : "",
      lot,
      providerIndex,
      areaIndex: child.areaIndex,
      route,
      funder,
      start,
      end,
      hours: quarterHours(triangular(rng, lo, mode, hi)),
      rate
    });
    // Mixed packages: many agency-supported families also hold a direct payment ([LEWISHAM] 5.3).
    if (rng() < ASSUMPTIONS.directPayments.companionShare && busy[GROUP_DP][child.index] < start) {
      const dpStart = start + uniformInt(rng, 0, 56);
      if (dpStart <= EXTRACT_DAY && dpStart < end)
        await directPayment(child, dpStart, end + uniformInt(rng, 0, 90), "");
    }
  };

  const lot1Referral = async (day: number, referralId: string, writeRow: boolean) => {
    const inCollapse = day >= COLLAPSE_START && day <= COLLAPSE_END;
    let planned: Outcome | undefined;
    let wantProviderA = false;
    if (inCollapse && writeRow) {
      planned = collapseOutcomes[collapseSeen++];
      if (planned === "placed") wantProviderA = collapsePlacedSoFar++ < collapseProviderAQuota;
    }
    const fromSocialCare = rng() < (inCollapse ? 0.4 : 0.2);
    const pool = fromSocialCare ? pop.socialCare : pop.openAccess;
    const areaFilter = planned === "placed" ? (a: number) => (AREA_CODES[a] === "NORTH") === wantProviderA : undefined;
    const child = pickChild(pool.start, pool.size, GROUP_LOT1, day, 11, 17.5, 1, areaFilter);
    let outcome: Outcome;
    let decision: number;
    let start = NEVER;
    const {lot1Outcomes} = ASSUMPTIONS;
    if (planned) {
      outcome = planned;
      if (outcome === "placed") {
        decision = day + uniformInt(rng, 14, 35);
        start = Math.min(decision + uniformInt(rng, 7, 21), COLLAPSE_END);
      } else if (outcome === "declined") decision = day + uniformInt(rng, 14, 60);
      else decision = day + uniformInt(rng, 90, 420); // long waits, then families gave up
    } else {
      const u = rng();
      outcome =
        u < lot1Outcomes.declined
          ? "declined"
          : u < lot1Outcomes.declined + lot1Outcomes.withdrawn
            ? "withdrawn"
            : "placed";
      decision = day + uniformInt(rng, 7, 35);
      if (outcome === "withdrawn") decision += uniformInt(rng, 14, 60);
      start = decision + uniformInt(rng, 7, 28);
      if (day >= LOT1_MOVED && day < LOT1_JOIN) {
        // Re-opened May 2023, but providers only took packages once the joiners arrived in November 2023.
        start = Math.max(start, LOT1_JOIN + uniformInt(rng, 0, 200));
        decision = Math.max(decision, start - uniformInt(rng, 7, 21));
      }
      if (outcome === "placed" && day < LOT1_MOVED && start >= LOT1_MOVED) {
        outcome = "withdrawn"; // the Moving Forward programme closed when Lot 1 moved into the framework
        decision = Math.max(day, LOT1_MOVED - 1);
      }
    }
    const turns18 = birthdayDay(child.birthMonth, 18);
    if (outcome === "placed" && start >= turns18) {
      outcome = "withdrawn";
      decision = Math.max(day, Math.min(decision, turns18 - 1));
    }
    if (decision > EXTRACT_DAY || (outcome === "placed" && start > EXTRACT_DAY)) outcome = "waiting";
    let providerIndex = -1;
    if (outcome === "placed") {
      if (planned === "placed") providerIndex = wantProviderA ? collapseA : collapseB;
      else providerIndex = chooseProvider("LOT1", child.areaIndex, start, "framework");
      if (providerIndex < 0) {
        const active = lot1Providers.filter(({p}) =>
          p.services.some((s) => s.lot === "LOT1" && s.fromDay <= start && start <= s.toDay)
        );
        providerIndex = active.length > 0 ? active[Math.floor(rng() * active.length)].i : -1;
      }
      if (providerIndex < 0) outcome = "withdrawn";
    }
    const source =
      day < ONLINE_FORM
        ? "professional"
        : rng() < ASSUMPTIONS.sources.lot1OnlineFormShare
          ? "online_form"
          : "professional";
    if (writeRow) {
      await sinks.referral([
        referralId,
        childId(pop, child.index),
        isoOf(day),
        "LOT1",
        AREA_CODES[child.areaIndex],
        source,
        outcome,
        outcome === "waiting" ? "" : isoOf(decision),
        outcome === "placed" ? isoOf(start) : ""
      ]);
    }
    if (outcome !== "placed") {
      busy[GROUP_LOT1][child.index] = outcome === "waiting" ? NEVER : decision;
      // [STAFFS-LOT] families left waiting "eventually required increased support": a direct payment.
      if (
        planned === "withdrawn" &&
        child.eligibility === "social_care_assessed" &&
        busy[GROUP_DP][child.index] < decision
      ) {
        await directPayment(child, decision, decision + weeks(durations.directPaymentWeeks), "");
      }
      return;
    }
    let end = capAt18(
      child,
      start + weeks(start < LOT1_MOVED ? durations.lot1WeeksBefore2022 : durations.lot1Weeks) - 1
    );
    if (start < LOT1_MOVED) end = Math.min(end, LOT1_MOVED - 1);
    busy[GROUP_LOT1][child.index] = end > EXTRACT_DAY ? NEVER : end;
    const [lo, mode, hi] = hoursPerWeek.LOT1;
    await recordPackage({
      child,
      referralId: writeRow ? referralId : "",
      lot: "LOT1",
      providerIndex,
      areaIndex: child.areaIndex,
      route: "framework",
      funder: "council",
      start,
      end,
      hours: quarterHours(triangular(rng, lo, mode, hi)),
      rate: rateOf(providerIndex, "LOT1", start)
    });
  };

  const standaloneDirectPayment = async (day: number) => {
    const child = pickChild(
      pop.socialCare.start,
      pop.socialCare.size,
      GROUP_DP,
      day,
      3,
      17.5,
      ASSUMPTIONS.ages.statutoryOlderWeight
    );
    if (busy[GROUP_DP][child.index] >= day) return;
    await directPayment(child, day, day + weeks(durations.directPaymentWeeks), "");
  };

  // Direct-payment-only starts per month, growing with statutory demand.
  const statutoryByFy = new Map<string, number>();
  for (const lot of ["LOT2", "LOT3", "LOT4"]) {
    for (const [fy, n] of Object.entries(ASSUMPTIONS.referralsPerYear[lot]))
      statutoryByFy.set(fy, (statutoryByFy.get(fy) ?? 0) + n);
  }
  const baseStatutory = statutoryByFy.get("2019-20") ?? 1;
  const dpStartsPerMonth = (month: number): number => {
    const fy = financialYearOfDay(firstDayOfMonth(month));
    const monthsInFy =
      fy === financialYearOfDay(EXTRACT_DAY) ? EXTRACT_MONTH - monthIndexOf(`${fy.slice(0, 4)}-04`) + 1 : 12;
    const index = (statutoryByFy.get(fy) ?? baseStatutory) / baseStatutory / (monthsInFy / 12);
    return (ASSUMPTIONS.directPayments.standaloneStartsPerYear * index * scale) / 12;
  };

  let dpCarry = 0;
  for (let month = FIRST_MONTH - WARM_UP_MONTHS; month <= EXTRACT_MONTH; month++) {
    const monthStart = firstDayOfMonth(month);
    const monthEnd = Math.min(firstDayOfMonth(month + 1) - 1, EXTRACT_DAY);
    const warmUp = month < FIRST_MONTH;
    const arrivals: {day: number; lotIndex: number}[] = [];
    for (let lotIndex = 0; lotIndex < LOT_CODES.length; lotIndex++) {
      let count: number;
      if (warmUp) {
        const quota = ASSUMPTIONS.referralsPerYear[LOT_CODES[lotIndex]]["2019-20"];
        count = Math.round((quota * scale * ASSUMPTIONS.monthWeights[month % 12] * 0.95) / 12);
      } else count = plan.counts[lotIndex][month - FIRST_MONTH];
      for (let k = 0; k < count; k++) arrivals.push({day: uniformInt(rng, monthStart, monthEnd), lotIndex});
    }
    arrivals.sort((a, b) => a.day - b.day || a.lotIndex - b.lotIndex);
    for (const arrival of arrivals) {
      const lot = LOT_CODES[arrival.lotIndex];
      let referralId = "";
      if (!warmUp) {
        totals.referrals++;
        referralId = "R" + String(totals.referrals).padStart(7, "0");
      }
      if (lot === "LOT1") await lot1Referral(arrival.day, referralId, !warmUp);
      else await statutoryReferral(lot, arrival.day, referralId, !warmUp);
    }
    dpCarry += dpStartsPerMonth(Math.max(month, FIRST_MONTH));
    const dpCount = Math.floor(dpCarry);
    dpCarry -= dpCount;
    for (let k = 0; k < dpCount; k++) await standaloneDirectPayment(uniformInt(rng, monthStart, monthEnd));
  }
  return totals;
}

function countLot1InYear(plan: ReferralPlan, fy: string): number {
  const [from, to] = financialYearBounds(fy);
  let n = 0;
  for (let m = monthIndexOfDay(from); m <= monthIndexOfDay(to); m++) n += plan.counts[0][m - plan.firstMonth] ?? 0;
  return n;
}

/**
 * Outcomes of the collapse-year Lot 1 referrals in received order: the seed's split scaled to the planned count,
 * with the placed ones among the first 60% of the year so their packages start within it.
 */
function planCollapseOutcomes(count: number, rng: Random): Outcome[] {
  const {placed, withdrawn, declined, waiting} = ASSUMPTIONS.lot1Collapse;
  const [nPlaced, nWithdrawn, nDeclined, nWaiting] = largestRemainder(count, [placed, withdrawn, declined, waiting]);
  const outcomes = new Array<Outcome>(count);
  const earlySlots = Array.from({length: Math.max(nPlaced, Math.floor(count * 0.6))}, (_, i) => i);
  shuffle(earlySlots, rng);
  const placedSlots = new Set(earlySlots.slice(0, nPlaced));
  const rest: Outcome[] = [
    ...new Array<Outcome>(nWithdrawn).fill("withdrawn"),
    ...new Array<Outcome>(nDeclined).fill("declined"),
    ...new Array<Outcome>(nWaiting).fill("waiting")
  ];
  shuffle(rest, rng);
  let r = 0;
  for (let i = 0; i < count; i++) outcomes[i] = placedSlots.has(i) ? "placed" : rest[r++];
  return outcomes;
}

function shuffle<T>(items: T[], rng: Random): void {
  for (let i = items.length - 1; i > 0; i--) {
    const j = Math.floor(rng() * (i + 1));
    [items[i], items[j]] = [items[j], items[i]];
  }
}
