import {ASSUMPTIONS} from "./assumptions.js";
import {dayOf} from "./dates.js";
import {hashSeed, mulberry32} from "./prng.js";
import type {LotCode} from "./reference-tables.js";

/** A period in which a provider takes packages on one Lot in some areas. */
export interface LotService {
  lot: LotCode;
  areas: readonly string[];
  /** First and last day (inclusive) of the service. */
  fromDay: number;
  toDay: number;
  /** Hourly rate at 2024-25 prices. */
  rate: number;
}

/** A provider of the demo county. */
export interface Provider {
  id: string;
  name: string;
  onFramework: boolean;
  joinedDate: string;
  kind: "framework" | "spot" | "in_house";
  services: LotService[];
  /** Relative share of call-offs among eligible providers. */
  weight: number;
}

const FAR_FUTURE = dayOf("2099-12-31");
const ALL_AREAS = ["NORTH", "SOUTH", "EAST", "WEST"] as const;

/** Names are invented; any likeness to a real business is accidental. */
const ORIGINAL_NAMES = [
  "Brightwater Care",
  "Hollybank Support Services",
  "Kingfisher Homecare",
  "Meadowsweet Children's Care",
  "Larkspur Community Support",
  "Three Rivers Care Partnership",
  "Foxglove Family Support",
  "Harbour Lights Care",
  "Cedar Grove Homecare",
  "Bluebell Care Agency",
  "Northgate Complex Care",
  "Rowan Tree Support",
  "Silverbirch Sitting Service",
  "Westfield Care Services",
  "Amberleigh Homecare",
  "Poppyfields Care"
];
const JOINER_NAMES = [
  "Stepping Stones Lifeskills",
  "Pathways Personal Assistants",
  "Compass Youth Support",
  "Horizon Independence Services",
  "Oakleaf Mentoring",
  "Springboard Young People",
  "Lighthouse Lifeskills",
  "Evergreen Personal Support",
  "Riverside Youth Care",
  "Summit Independence",
  "Willowbrook Support",
  "Keystone Peer Support"
];
/** [STAFFS-LOT] Lot 1 allocation table: double districts with a non-zero allocation for each joining provider. */
const JOINER_AREAS: readonly (readonly string[])[] = [
  ["NORTH"],
  ["SOUTH", "EAST"],
  ["SOUTH", "EAST"],
  ["SOUTH", "WEST"],
  ["WEST"],
  ["SOUTH", "EAST"],
  ["EAST", "WEST"],
  ["NORTH", "WEST"],
  ["EAST"],
  ["SOUTH", "WEST"],
  ["SOUTH", "WEST"],
  ["SOUTH", "EAST"]
];
/** Statutory Lots and double districts of the 16 original framework providers (ASSUMPTION). */
const ORIGINAL_COVER: readonly {lots: LotCode[]; areas: readonly string[]}[] = [
  {lots: ["LOT2", "LOT3"], areas: ["NORTH", "SOUTH"]},
  {lots: ["LOT2"], areas: ["EAST", "WEST"]},
  {lots: ["LOT2"], areas: ["NORTH"]},
  {lots: ["LOT2", "LOT4"], areas: ["SOUTH", "EAST"]},
  {lots: ["LOT3"], areas: ["NORTH", "WEST"]},
  {lots: ["LOT2"], areas: ["SOUTH", "EAST", "WEST"]},
  {lots: ["LOT2", "LOT3"], areas: ALL_AREAS},
  {lots: ["LOT2", "LOT4"], areas: ["NORTH", "EAST"]},
  {lots: ["LOT2"], areas: ["SOUTH", "WEST"]},
  {lots: ["LOT2", "LOT3"], areas: ["EAST"]},
  {lots: ["LOT4"], areas: ALL_AREAS},
  {lots: ["LOT2"], areas: ["NORTH", "SOUTH"]},
  {lots: ["LOT3"], areas: ["SOUTH", "EAST", "WEST"]},
  {lots: ["LOT2", "LOT4"], areas: ["WEST"]},
  {lots: ["LOT2"], areas: ["NORTH", "EAST", "WEST"]},
  {lots: ["LOT2", "LOT3"], areas: ["SOUTH"]}
];
/** Indexes (into the original 16) of the two providers that kept Lot 1 in April 2022 ([STAFFS-LOT]). */
export const LOT1_COLLAPSE_PROVIDERS = [2, 5] as const;

/**
 * Build the provider list: 16 original framework providers (7 of which delivered Lot 1 before April 2022, 2 after),
 * 12 Lot 1 joiners from November 2023 (with the Staffordshire Lot 1 rates), spot-purchase agencies and the council's
 * in-house team. Deterministic in the seed (rates vary by provider).
 * @example
 * buildProviders(1).filter((p) => p.onFramework).length; // 28
 */
export function buildProviders(seed: number): Provider[] {
  const {framework, rates} = ASSUMPTIONS;
  const rng = mulberry32(hashSeed(seed, 0xbeef));
  const frameworkStart = dayOf(framework.startDate);
  const lot1Moved = dayOf(framework.lot1MovedIntoFramework);
  const joinDay = dayOf(framework.lot1JoinersDate);
  const spread = () => (rng() * 2 - 1) * rates.providerSpread;
  const statutoryRate = (lot: LotCode) => Math.round((rates[lot] + spread()) * 100) / 100;
  const providers: Provider[] = [];

  ORIGINAL_NAMES.forEach((name, i) => {
    const cover = ORIGINAL_COVER[i];
    const services: LotService[] = cover.lots.map((lot) => ({
      lot,
      areas: cover.areas,
      fromDay: frameworkStart,
      toDay: FAR_FUTURE,
      rate: statutoryRate(lot)
    }));
    if (i < framework.lot1ProvidersBefore2022) {
      const keeps = (LOT1_COLLAPSE_PROVIDERS as readonly number[]).includes(i);
      const lot1Areas =
        i === LOT1_COLLAPSE_PROVIDERS[0]
          ? ["NORTH"]
          : i === LOT1_COLLAPSE_PROVIDERS[1]
            ? ["SOUTH", "EAST", "WEST"]
            : cover.areas;
      services.unshift({
        lot: "LOT1",
        areas: lot1Areas,
        fromDay: frameworkStart,
        toDay: keeps ? FAR_FUTURE : lot1Moved - 1,
        rate: statutoryRate("LOT1")
      });
    }
    providers.push({
      id: `P${String(i + 1).padStart(3, "0")}`,
      name,
      onFramework: true,
      joinedDate: framework.startDate,
      kind: "framework",
      services,
      weight: 0.6 + rng()
    });
  });

  JOINER_NAMES.forEach((name, j) => {
    const services: LotService[] = [
      {lot: "LOT1", areas: JOINER_AREAS[j], fromDay: joinDay, toDay: FAR_FUTURE, rate: rates.lot1Joiners[j]}
    ];
    // ASSUMPTION: a third of the joiners also took statutory Lot 2 work, easing the capacity gap.
    if (j % 3 === 1)
      services.push({
        lot: "LOT2",
        areas: JOINER_AREAS[j],
        fromDay: joinDay,
        toDay: FAR_FUTURE,
        rate: statutoryRate("LOT2")
      });
    providers.push({
      id: `P${String(ORIGINAL_NAMES.length + j + 1).padStart(3, "0")}`,
      name,
      onFramework: true,
      joinedDate: framework.lot1JoinersDate,
      kind: "framework",
      services,
      weight: 0.6 + rng()
    });
  });

  const spotNames = [
    "Apex Care Solutions",
    "Premier Home Support",
    "Crestview Nursing Agency",
    "Ashdown Care Staffing"
  ];
  spotNames.slice(0, framework.spotProviders).forEach((name, k) => {
    providers.push({
      id: `S${String(k + 1).padStart(3, "0")}`,
      name,
      onFramework: false,
      joinedDate: "",
      kind: "spot",
      services: (["LOT2", "LOT3", "LOT4"] as LotCode[]).map((lot) => ({
        lot,
        areas: ALL_AREAS,
        fromDay: frameworkStart,
        toDay: FAR_FUTURE,
        rate: Math.round(rates[lot] * (1 + rates.spotPremium) * 100) / 100
      })),
      weight: 0.6 + rng()
    });
  });

  providers.push({
    id: "H001",
    name: "Demo County In-house Support Team",
    onFramework: false,
    joinedDate: "",
    kind: "in_house",
    services: (["LOT2", "LOT4"] as LotCode[]).map((lot) => ({
      lot,
      areas: ALL_AREAS,
      fromDay: frameworkStart,
      toDay: FAR_FUTURE,
      rate: rates.inHouse
    })),
    weight: 1
  });
  return providers;
}

/**
 * Row of providers.csv for a provider: lots and areas are every Lot and area it served in the data.
 * @example
 * providerRow(buildProviders(1)[0])[0]; // "P001"
 */
export function providerRow(p: Provider): string[] {
  const lots = [...new Set(p.services.map((s) => s.lot))].sort();
  const areas = ["NORTH", "SOUTH", "EAST", "WEST"].filter((a) => p.services.some((s) => s.areas.includes(a)));
  return [p.id, p.name, String(p.onFramework), p.joinedDate, "", lots.join(";"), areas.join(";")];
}
