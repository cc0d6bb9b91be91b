/**
 * Every number the demo-county generator uses, in one place.
 *
 * Seed documents (in /work/shared/seeds/):
 * - [STAFFS-OPT]  staffordshire-community-support-options.txt (Aug 2024 options appraisal)
 * - [STAFFS-LOT]  staffordshire-lot-details.txt (Appendix 3, Lot details and Lot 1 allocations table)
 * - [LEWISHAM]    lewisham-personalised-care-framework.txt (Mayor and Cabinet, 6 July 2022)
 * - [NORTHANTS]   northamptonshire-short-breaks-model.txt (Health Scrutiny, 12 Sept 2023)
 * - [OLA]         other-local-authority-findings.txt
 * - [DFE-EHC]     DfE "Education, health and care plans" 2024/25, national, EHC plans by primary need
 * - [DFE-SEN]     DfE "Special educational needs in England" 2023/24, pupils on SEN support by primary need
 * Values marked ASSUMPTION are not in any seed; they are the generator author's judgement.
 *
 * @example
 * import {ASSUMPTIONS} from "./assumptions.js";
 * ASSUMPTIONS.population.children; // 17000
 */
export const ASSUMPTIONS = {
  /** Dataset identity, written to meta.csv. */
  meta: {
    councilName: "Demo County Council",
    datasetName: "Demo County children's community support (synthetic)",
    defaultSeed: 20251130
  },

  time: {
    /** The date the extract was "taken": fixed so that output never depends on the wall clock. */
    extractDate: "2025-11-30",
    /** First financial year in the data (2019-20 starts 1 April 2019). ASSUMPTION: six full years. */
    firstDay: "2019-04-01",
    /** The EHCP pipeline is simulated from here so that 2019-20 already has lagged completions. */
    ehcpWarmUpMonth: "2018-10"
  },

  population: {
    /** [STAFFS-OPT] "around 17,000 Children and Young people with SEND". */
    children: 17000,
    /** [STAFFS-OPT] "Approximately 6,000 of these children are known to us through the ... EHCP process". */
    withEhcp: 6000,
    /** [STAFFS-OPT] "approximately 550 ... assessed as being eligible for Social Care support" (under 18 today). */
    socialCareEligibleUnder18: 550,
    /**
     * Children who used open-access Lot 1 without a social-care assessment ([STAFFS-OPT]: "no social work
     * assessment is currently required"). ASSUMPTION: pool of 1,100 (ages 11-24 today).
     */
    openAccessPool: 1100,
    /** Oldest age (years, at the extract date) kept on the register: SEND duties run to 25 [LEWISHAM 3.5]. */
    maxAgeYears: 25,
    /** ASSUMPTION: relative weight of ages at the extract date in the register (fewer under-4s and over-18s). */
    ageWeights: {under4: 0.35, school: 1, over18: 0.45},
    /** ASSUMPTION: share of children by double district (county population split). */
    areaShares: {NORTH: 0.27, SOUTH: 0.26, EAST: 0.24, WEST: 0.23} as Record<string, number>,
    /** ASSUMPTION: EHCP rate among social-care-eligible and open-access children (rest solved to hit 6,000). */
    ehcpRateSocialCare: 0.8,
    ehcpRateOpenAccess: 0.45
  },

  /** Primary need distributions (percent). */
  needs: {
    /** [DFE-EHC] national EHC plans 2024/25: ASD 31.5, SLCN 21.3, SEMH 20.7, MLD 10.6, ... (unknown -> NSA). */
    ehcp: {
      ASD: 31.5,
      SLCN: 21.3,
      SEMH: 20.7,
      MLD: 10.6,
      PD: 3.9,
      SLD: 3.9,
      SPLD: 2.4,
      HI: 1.4,
      PMLD: 1.3,
      OTH: 1.2,
      VI: 0.8,
      NSA: 0.8,
      MSI: 0.3
    } as Record<string, number>,
    /** [DFE-SEN] pupils on SEN support 2023/24 (approx.): SLCN most common, then SEMH, MLD, SPLD, ASD. */
    senSupport: {
      SLCN: 24.9,
      SEMH: 21.5,
      MLD: 16.0,
      SPLD: 13.0,
      ASD: 8.5,
      NSA: 6.6,
      OTH: 3.9,
      PD: 2.4,
      HI: 1.6,
      VI: 0.8,
      SLD: 0.5,
      MSI: 0.2,
      PMLD: 0.1
    } as Record<string, number>,
    /**
     * ASSUMPTION: children-with-disabilities teams mostly support autism, learning disability, physical and
     * complex health needs ([STAFFS-OPT] background; [NORTHANTS] units for ASC/LD and complex health).
     * Multipliers applied to the EHC-plan distribution for the social-care-eligible pool.
     */
    socialCareMultiplier: {
      ASD: 1.4,
      SLD: 3,
      PMLD: 4,
      PD: 2,
      MSI: 2,
      SEMH: 0.4,
      MLD: 0.5,
      SPLD: 0.1,
      SLCN: 0.6
    } as Record<string, number>
  },

  framework: {
    code: "CCS",
    name: "Children's Community Support Framework",
    /** ASSUMPTION: framework let on 1 October 2017 (contracts extended to 30 Sept 2025 [STAFFS-OPT]). */
    startDate: "2017-10-01",
    /** [STAFFS-OPT] "28 providers are currently on the childrens community support framework". */
    providers: 28,
    /** [STAFFS-LOT] "A total of 12 providers now support Lot 1 ... since November 2023 (when the new providers joined)". */
    lot1JoinersDate: "2023-11-01",
    lot1Joiners: 12,
    /** [STAFFS-LOT] "Only 2 providers remained on the framework for Lot 1" from April 2022. */
    lot1ProvidersDuringCollapse: 2,
    /** ASSUMPTION: 7 of the original 16 providers delivered Lot 1 before it moved into the framework (April 2022). */
    lot1ProvidersBefore2022: 7,
    lot1MovedIntoFramework: "2022-04-01",
    /** [STAFFS-LOT] relaunch to district teams and families in April 2024; online form from May 2024. */
    lot1Relaunch: "2024-04-01",
    onlineFormFrom: "2024-05-01",
    /** [STAFFS-LOT] "post reopening May 2023": Lot 1 referrals accepted again from May 2023. */
    lot1Reopened: "2023-05-01",
    /** ASSUMPTION: spot-purchase-only agencies ([LEWISHAM] 1.4 spot purchases "with other agencies outside"). */
    spotProviders: 4
  },

  /**
   * Referrals received per financial year (county scale, all double districts).
   * Lot 1: [STAFFS-LOT] 67 referrals in 2022-23; typical pre-2022 years served 80-110 CYP (referrals lower because
   * support ran across years). Lots 2-4: ASSUMPTION sized to sustain about 163 agency packages [STAFFS-OPT].
   * Totals: 2019-20 210 -> 2023-24 298 = +41.9% and 2022-23 -> 2023-24 = +21.6% ([LEWISHAM] 4.8: "42% increase in
   * requests since 2018 and 20% increase over the previous year"). 2025-26 is April-November only.
   */
  referralsPerYear: {
    LOT1: {"2019-20": 60, "2020-21": 45, "2021-22": 62, "2022-23": 67, "2023-24": 58, "2024-25": 120, "2025-26": 80},
    LOT2: {
      "2019-20": 95,
      "2020-21": 97,
      "2021-22": 106,
      "2022-23": 112,
      "2023-24": 150,
      "2024-25": 158,
      "2025-26": 111
    },
    LOT3: {"2019-20": 35, "2020-21": 36, "2021-22": 39, "2022-23": 41, "2023-24": 55, "2024-25": 58, "2025-26": 41},
    LOT4: {"2019-20": 20, "2020-21": 20, "2021-22": 23, "2022-23": 24, "2023-24": 35, "2024-25": 38, "2025-26": 27}
  } as Record<string, Record<string, number>>,

  /** ASSUMPTION: referrals by calendar month (Jan..Dec), fewer in August and December. */
  monthWeights: [1.05, 1.05, 1.1, 0.95, 1.05, 1.0, 0.75, 1.1, 1.1, 1.05, 1.0, 0.8],

  /**
   * [STAFFS-LOT] Lot 1 in 2022-23: 67 referrals, only 9 supported, long waiting lists; "Many of the CYP waiting ...
   * eventually required increased support" (withdrawn). Outcome split of the other 58 is an ASSUMPTION.
   */
  lot1Collapse: {financialYear: "2022-23", placed: 9, withdrawn: 35, declined: 6, waiting: 17},

  /**
   * Framework capacity gap by financial year (share of statutory demand framework providers cannot take).
   * ASSUMPTION shaped on [LEWISHAM] 4.10/5.5 (spot purchase from 0 to 26 CYP and £374k in 2021-22) and
   * [STAFFS-OPT] "Capacity within providers is stretched"; eased by the November 2023 joiners.
   */
  capacityGap: {
    "2019-20": 0.04,
    "2020-21": 0.08,
    "2021-22": 0.3,
    "2022-23": 0.36,
    "2023-24": 0.26,
    "2024-25": 0.16,
    "2025-26": 0.14
  } as Record<string, number>,
  /** ASSUMPTION: share of statutory placements that go to spot purchase = base + slope x capacity gap. */
  spotShare: {base: 0.03, slope: 0.7},
  /** ASSUMPTION: share of statutory placements delivered by the council's own team ([STAFFS-OPT] option 2). */
  inHouseShare: 0.04,

  /** Statutory (Lots 2-4) referral outcomes. ASSUMPTION; waits lengthen with the capacity gap. */
  statutoryOutcomes: {declined: 0.1, withdrawnBase: 0.08, withdrawnPerGap: 0.3},
  /** Lot 1 outcomes outside the collapse year. ASSUMPTION. */
  lot1Outcomes: {declined: 0.05, withdrawn: 0.1},
  /** Days from referral to decision and from decision to package start: [min, max] plus extra days per unit gap. */
  delays: {decisionDays: [7, 42], startDays: [7, 35], extraDaysPerGap: 120},

  /** Package lengths in weeks (triangular min/mode/max). ASSUMPTION unless noted. */
  durations: {
    /** Short-term statutory packages (crisis, step-down). */
    statutoryShortShare: 0.35,
    statutoryShortWeeks: [6, 12, 26],
    statutoryLongWeeks: [26, 48, 120],
    /** [STAFFS-LOT] Lot 1 allocations are 6-month blocks (April-September 2024, "cost per 64hrs"). */
    lot1Weeks: [18, 24, 30],
    /** [STAFFS-LOT] the pre-2022 Moving Forward programme reached 80-110 CYP a year: longer support (ASSUMPTION). */
    lot1WeeksBefore2022: [26, 40, 52],
    directPaymentWeeks: [26, 110, 260]
  },

  /** Hours per week (triangular min/mode/max, quarter hours). */
  hoursPerWeek: {
    /** [STAFFS-LOT] Lot 1: 64 hours per CYP per 6 months = about 2.5 hours a week. */
    LOT1: [2, 2.5, 3.5],
    /** [STAFFS-OPT] 37,621 agency hours a year (£702k / £18.66) for about 163 CYP = 4.4 hours a week. */
    LOT2: [2, 3.5, 7.5],
    LOT3: [2, 3, 6],
    /** ASSUMPTION: complex and urgent care is heavier. */
    LOT4: [4, 7, 14],
    directPayment: [2, 4, 10]
  } as Record<string, [number, number, number]>,

  /** Hourly rates in pounds at 2024-25 prices. */
  rates: {
    /**
     * [STAFFS-LOT] Lot 1 allocations April-Sept 2024, £ / (CYP x 64 hours), one per joining provider:
     * 18,729/8, 4,800/3, 1,920/1, 2,752/2, 4,608/3, 1,434/1, 2,688/2, 2,496/2, 7,611/6, 2,304/2, 2,790/2, 2,580/2.
     */
    lot1Joiners: [36.58, 25.0, 30.0, 21.5, 24.0, 22.41, 21.0, 19.5, 19.82, 18.0, 21.8, 20.16],
    /** [STAFFS-OPT] £800k / (£702k / £18.66 an hour) = £21.26 an hour average agency rate. */
    LOT2: 21.26,
    /** ASSUMPTION: sitting is slightly cheaper; complex/urgent care dearer. */
    LOT3: 20.25,
    LOT4: 24.5,
    LOT1: 21.5,
    /** ASSUMPTION: provider-to-provider spread of framework rates (± pounds). */
    providerSpread: 1.5,
    /** ASSUMPTION (brief: 10-25%): spot purchase premium over the framework rate. */
    spotPremium: 0.18,
    /** ASSUMPTION: council in-house team cost per hour ([STAFFS-OPT] option 2 £650k for the same hours). */
    inHouse: 18.5,
    /** ASSUMPTION: direct payment rate for personal assistants (£12-£15). */
    directPaymentMin: 12.5,
    directPaymentMax: 14.75,
    /** ASSUMPTION: rates rise 5% a year (National Living Wage uplifts); earlier years are deflated. */
    annualUplift: 0.05
  },

  /** Direct payments. [STAFFS-OPT] "the majority (200) manage their own care via a Direct Payment". */
  directPayments: {
    /** ASSUMPTION: share of agency-supported CYP who also hold a direct payment (mixed packages [LEWISHAM] 5.3). */
    companionShare: 0.5,
    /** ASSUMPTION: direct-payment-only starts per year in 2019-20, growing with the statutory demand index. */
    standaloneStartsPerYear: 34,
    /** ASSUMPTION: share of direct payments on Lot 3 (sitting) rather than Lot 2. */
    lot3Share: 0.25
  },

  /** ASSUMPTION: funder of statutory agency packages ([LEWISHAM] 4.4 continuing care via the framework). */
  funders: {
    /** Share of Lot 4 / Lot 2 agency packages funded by health (continuing care). */
    healthLot4: 0.45,
    healthLot2: 0.12,
    joint: 0.07
  },

  /** ASSUMPTION: source of statutory referrals ([STAFFS-LOT] "All referrals ... through the Disability Resource Panel"). */
  sources: {lot4Professional: 0.3, statutoryProfessional: 0.04, lot1OnlineFormShare: 0.8},

  /** Ages (years) at referral. ASSUMPTION; tuned so that 21% of today's supported CYP turn 18 within 3 years. */
  ages: {statutory: [3, 17.5], lot1: [11, 17.5], directPayment: [3, 17.5], statutoryOlderWeight: 0.7},

  /** [STAFFS-OPT] "A fifth (21%) of the CYP currently accessing community support will turn 18 during the next 3 years". */
  turning18Within3Years: 0.21,

  /** EHCP pipeline ([LEWISHAM] 4.8 growth; SEN2 conversion rates). */
  ehcp: {
    /** ASSUMPTION sized for 6,000 plans: requests a year. Growth mirrors [LEWISHAM] 416 -> 592 (+42%, +22%). */
    requestsPerYear: {
      "2018-19": 1380,
      "2019-20": 1400,
      "2020-21": 1380,
      "2021-22": 1540,
      "2022-23": 1630,
      "2023-24": 1988,
      "2024-25": 2100,
      "2025-26": 2180
    } as Record<string, number>,
    /** Share of requests that are assessed (SEN2: roughly two thirds). */
    assessedShare: 0.66,
    /** Share of assessments that lead to a plan (SEN2: about 90%). */
    planShare: 0.9,
    /** Months from request to completed assessment, with weights (statutory 20-week timeline). */
    assessmentLagMonths: [2, 3, 4, 5, 6],
    assessmentLagWeights: [0.1, 0.3, 0.3, 0.2, 0.1],
    /** Months from request to plan issued (~20 weeks = 4.6 months). */
    planLagMonths: [4, 5, 6, 7, 8],
    planLagWeights: [0.35, 0.35, 0.15, 0.1, 0.05]
  },

  /**
   * Residential short-break units: [NORTHANTS] two units, "up to 8 children" and "up to 6", contracted at 85%
   * occupancy, operating "generally more around 60%-70%".
   */
  residential: {
    units: [
      {unitId: "RSB01", unitName: "Oak House", areaCode: "NORTH", beds: 8},
      {unitId: "RSB02", unitName: "Willow Lodge", areaCode: "SOUTH", beds: 6}
    ],
    occupancyTargetPct: 85,
    meanOccupancy: 0.655,
    /** ASSUMPTION: Friday and Saturday nights busier, Sunday-Tuesday quieter (parents "prefer the weekend"). */
    weekdayFactor: [0.9, 0.92, 0.94, 0.98, 1.12, 1.16, 0.98],
    /** ASSUMPTION: first Covid lockdown (April-June 2020) at 80% of normal use. */
    covidFactor: 0.8
  },

  /** Lot 1 2022-23 provider footprint [STAFFS-LOT]: one provider covered 3 regions and supported one CYP. */
  lot1CollapseCapacity: {
    providerA: {areas: ["NORTH"], places: 8},
    providerB: {areas: ["SOUTH", "EAST", "WEST"], places: 1}
  },

  /** Capacity headroom: spare places per provider cell = round(maxSpare x (1 - gap / 0.4)). ASSUMPTION. */
  capacity: {maxSparePlaces: 3},

  /** Budgets. [STAFFS-OPT] Lot 1 £150,000 a year; statutory Lots "Community Care = £800k" (2025 on: £800k-875k); earlier years ASSUMPTION (set a little off actual spend). */
  budgets: {
    lot1: 150000,
    statutoryTotal: {
      "2019-20": 470000,
      "2020-21": 490000,
      "2021-22": 500000,
      "2022-23": 560000,
      "2023-24": 640000,
      "2024-25": 800000,
      "2025-26": 837500
    } as Record<string, number>,
    /** ASSUMPTION: split of the statutory budget across Lots 2-4. */
    statutoryShares: {LOT2: 0.6, LOT3: 0.16, LOT4: 0.24} as Record<string, number>
  },

  /** [STAFFS-OPT] "total current average annual spend for Children's Community Care is approximately £0.82M". */
  communityCareSpendTarget: 820000
} as const;
