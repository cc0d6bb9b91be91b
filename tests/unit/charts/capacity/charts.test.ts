import {describe, expect, test} from "vitest";
import {
  capacityDemandChart,
  capacityDemandTitle,
  summariseCapacityDemand,
  type CapacityDemandPoint
} from "../../../../src/components/charts/capacity/capacity-demand.js";
import {
  summariseWaitingList,
  waitingListChart,
  waitingListTitle,
  type WaitingPoint
} from "../../../../src/components/charts/capacity/waiting-list.js";
import {
  isNotPickedUp,
  notPickedUpChart,
  notPickedUpTitle,
  summariseNotPickedUp,
  type OutcomeCapacityRow
} from "../../../../src/components/charts/capacity/not-picked-up.js";
import {
  providerSpareChart,
  providerSpareTitle,
  summariseProviderSpare,
  type ProviderSpareRow
} from "../../../../src/components/charts/capacity/provider-spare.js";
import {
  occupancyChart,
  occupancyTitle,
  summariseOccupancy,
  type OccupancyWeek
} from "../../../../src/components/charts/capacity/occupancy.js";
import {
  hoursCommissionedChart,
  hoursCommissionedTitle,
  summariseHoursCommissioned,
  type HoursRow
} from "../../../../src/components/charts/capacity/hours-commissioned.js";
import {createDocument, expectSnapshot} from "../../../support/snapshot.js";

const svgOf = (figure: Element) => figure.querySelector("svg[aria-label]");

describe("capacityDemandChart", () => {
  const rows: CapacityDemandPoint[] = [
    {month: "2022-03", lot_code: "LOT1", offered_hours: 100, held_hours: 80, waiting: 2, demand_hours: 90},
    {month: "2022-04", lot_code: "LOT1", offered_hours: 0, held_hours: 0, waiting: 6, demand_hours: 30},
    {month: "2022-05", lot_code: "LOT1", offered_hours: 20, held_hours: 20, waiting: 5, demand_hours: 45},
    {month: "2022-03", lot_code: "LOT2", offered_hours: 200, held_hours: 150, waiting: 1, demand_hours: 160},
    {month: "2022-04", lot_code: "LOT2", offered_hours: 200, held_hours: 190, waiting: 3, demand_hours: 220},
    {month: "2022-05", lot_code: "LOT2", offered_hours: 210, held_hours: 150, waiting: 0, demand_hours: 150}
  ];

  test("summarises the latest month and counts the Lot-months short of capacity", () => {
    // May 2022: offered 20 + 210 = 230, demand 45 + 150 = 195 → 85%; short: LOT1 Apr, LOT1 May, LOT2 Apr = 3 of 6
    expect(summariseCapacityDemand(rows)).toBe(
      "In May 2022 providers offered 230 hours a week against demand of 195 (85%); demand was above the hours offered in 3 of 6 Lot-months, most often in Lot 1 (2)."
    );
    expect(capacityDemandTitle(rows)).toBe(
      "Demand exceeded the hours providers offered in 2 months, from April 2022 to May 2022"
    );
    expect(capacityDemandTitle(rows.filter((row) => row.demand_hours <= row.offered_hours))).toBe(
      "Providers offered enough hours to meet demand in every month"
    );
    expect(summariseCapacityDemand([])).toBe("No capacity or demand is recorded for this selection.");
  });

  test("draws one panel per Lot with direct labels, and a snapshot", async () => {
    const figure = capacityDemandChart(rows, {width: 640, document: createDocument()});
    expect(figure.querySelector("h2")?.textContent).toBe(capacityDemandTitle(rows));
    expect(svgOf(figure)?.getAttribute("aria-description")).toBe(summariseCapacityDemand(rows));
    expect([...figure.querySelectorAll("text")].map((t) => t.textContent)).toEqual(
      expect.arrayContaining(["Lot 1", "Lot 2", "Offered", "Demand"])
    );
    await expectSnapshot(figure, "capacity-demand.svg");
  });
});

describe("waitingListChart", () => {
  const rows: WaitingPoint[] = [
    {month: "2023-01", wait_band: "Under 4 weeks", waiting: 4},
    {month: "2023-01", wait_band: "Over 26 weeks", waiting: 1},
    {month: "2023-02", wait_band: "4 to 13 weeks", waiting: 6},
    {month: "2023-02", wait_band: "13 to 26 weeks", waiting: 3},
    {month: "2023-03", wait_band: "Under 4 weeks", waiting: 2},
    {month: "2023-03", wait_band: "13 to 26 weeks", waiting: 1}
  ];

  test("summarises the peak and the latest month's long waits", () => {
    // totals: Jan 5 (long 1), Feb 9 (long 3), Mar 3 (long 1)
    expect(summariseWaitingList(rows)).toBe(
      "The waiting list peaked at 9 referrals at the end of February 2023; at the end of March 2023, 3 referrals were waiting, 1 of them for more than 13 weeks."
    );
    expect(waitingListTitle(rows)).toBe(
      "The waiting list peaked at 9 in February 2023; long waits peaked at 3 in February 2023"
    );
    expect(summariseWaitingList([])).toBe("No referral was waiting at any month end in this selection.");
  });

  test("stacks every band in every month and matches its snapshot", async () => {
    const figure = waitingListChart(rows, {width: 640, document: createDocument()});
    expect(figure.querySelectorAll("g[data-mark='area'] path").length).toBe(4);
    await expectSnapshot(figure, "waiting-list.svg");
  });
});

describe("notPickedUpChart", () => {
  const rows: OutcomeCapacityRow[] = [
    {financial_year: "2021-22", outcome: "placed", framework_capacity: "spare", referrals: 40},
    {financial_year: "2021-22", outcome: "withdrawn", framework_capacity: "spare", referrals: 5},
    {financial_year: "2021-22", outcome: "declined", framework_capacity: "none", referrals: 5},
    {financial_year: "2022-23", outcome: "placed", framework_capacity: "none", referrals: 10},
    {financial_year: "2022-23", outcome: "withdrawn", framework_capacity: "none", referrals: 20},
    {financial_year: "2022-23", outcome: "waiting", framework_capacity: "none", referrals: 10}
  ];

  test("counts only unplaced referrals received with no spare framework place", () => {
    expect(isNotPickedUp(rows[1])).toBe(false);
    expect(isNotPickedUp(rows[2])).toBe(true);
    expect(isNotPickedUp(rows[3])).toBe(false);
    // 5 + 20 + 10 = 35 of 90; 2022-23: 30 of 40 = 75%
    expect(summariseNotPickedUp(rows)).toBe(
      "35 of 90 referrals (39%) were not picked up: declined, withdrawn or still waiting when the framework had no spare place; the most were in 2022-23 (30, 75% of that year's referrals)."
    );
    expect(notPickedUpTitle(rows)).toBe(
      "75% of referrals in 2022-23 were not picked up for lack of framework capacity"
    );
    expect(notPickedUpTitle(rows.slice(0, 2))).toBe("Every referral arrived when the framework had a spare place");
  });

  test("matches its snapshot", async () => {
    const figure = notPickedUpChart(rows, {width: 640, document: createDocument()});
    expect([...figure.querySelectorAll("text")].map((t) => t.textContent)).toContain("30 of 40");
    await expectSnapshot(figure, "not-picked-up.svg");
  });
});

describe("providerSpareChart", () => {
  const rows: ProviderSpareRow[] = [
    {month: "2025-11", provider_name: "Oak Care", provider_type: "framework", spare_hours: 20, spare_places: 2},
    {month: "2025-11", provider_name: "Oak Care", provider_type: "framework", spare_hours: 10, spare_places: 1},
    {month: "2025-11", provider_name: "Elm Support", provider_type: "spot_purchase", spare_hours: 10, spare_places: 0},
    {month: "2025-11", provider_name: "Ash Team", provider_type: "in_house", spare_hours: 0, spare_places: 0}
  ];

  test("summarises who holds spare capacity", () => {
    // Oak 30 h (3 places), Elm 10 h; total 40 h, Oak 75%
    expect(summariseProviderSpare(rows)).toBe(
      "In November 2025, 2 of 3 providers held spare capacity, 40 hours a week (3 places) in all; Oak Care held the most, 30 hours (75%)."
    );
    expect(providerSpareTitle(rows)).toBe("Oak Care holds the most spare capacity: 30 of 40 spare hours a week");
    expect(providerSpareTitle(rows.slice(3))).toBe("No provider held spare capacity");
  });

  test("matches its snapshot", async () => {
    const figure = providerSpareChart(rows, {width: 640, document: createDocument()});
    expect([...figure.querySelectorAll("text")].map((t) => t.textContent)).toContain("30 h, 3 pl.");
    await expectSnapshot(figure, "provider-spare.svg");
  });

  test("on a narrow screen, names the providers above their bars instead of clipping them", async () => {
    const figure = providerSpareChart(rows, {width: 320, document: createDocument()});
    expect(figure.querySelector("g[data-mark='y-axis tick label']")).toBeNull();
    expect([...figure.querySelectorAll("text")].map((t) => t.textContent)).toEqual(
      expect.arrayContaining(["Oak Care", "Elm Support", "Ash Team"])
    );
    await expectSnapshot(figure, "provider-spare-320.svg");
  });
});

describe("occupancyChart", () => {
  const rows: OccupancyWeek[] = [
    {
      week_start: "2024-04-01",
      unit_name: "Oak House",
      bed_nights_used: 28,
      bed_nights_available: 56,
      occupancy: 0.5,
      target: 0.85
    },
    {
      week_start: "2024-04-08",
      unit_name: "Oak House",
      bed_nights_used: 49,
      bed_nights_available: 56,
      occupancy: 0.875,
      target: 0.85
    },
    {
      week_start: "2024-04-01",
      unit_name: "Willow Lodge",
      bed_nights_used: 21,
      bed_nights_available: 42,
      occupancy: 0.5,
      target: 0.85
    },
    {
      week_start: "2024-04-08",
      unit_name: "Willow Lodge",
      bed_nights_used: 42,
      bed_nights_available: 42,
      occupancy: 1,
      target: 0.85
    }
  ];

  test("summarises occupancy per unit against its target", () => {
    // Oak: 77/112 = 68.75% → 69%; Willow: 63/84 = 75%
    expect(summariseOccupancy(rows)).toBe(
      "From 1 April 2024 to the week of 8 April 2024, Oak House was 69% occupied against a target of 85%, reaching the target in 1 of 2 weeks; Willow Lodge was 75% occupied against a target of 85%, reaching the target in 1 of 2 weeks."
    );
    expect(occupancyTitle(rows)).toBe("Both units ran below target, at 69%–75% occupancy");
    expect(occupancyTitle(rows.filter((row) => row.occupancy > 0.85))).toBe(
      "Every unit met its occupancy target (88%–100%)"
    );
  });

  test("labels each unit and the target directly, and matches its snapshot", async () => {
    const figure = occupancyChart(rows, {width: 640, document: createDocument()});
    const labels = [...figure.querySelectorAll("text")].map((t) => t.textContent);
    expect(labels).toEqual(expect.arrayContaining(["Oak House", "Willow Lodge", "85% target"]));
    await expectSnapshot(figure, "residential-occupancy.svg");
  });
});

describe("hoursCommissionedChart", () => {
  const rows: HoursRow[] = [
    {month: "2024-04", lot_code: "LOT2", route: "framework", hours: 30},
    {month: "2024-05", lot_code: "LOT2", route: "framework", hours: 30},
    {month: "2024-05", lot_code: "LOT2", route: "direct_payment", hours: 10},
    {month: "2024-05", lot_code: "LOT3", route: "spot_purchase", hours: 20}
  ];

  test("summarises the latest month by route", () => {
    // April 30; May 60: framework 50%, spot 33%, direct payment 17%; +100%
    expect(summariseHoursCommissioned(rows)).toBe(
      "At the end of May 2024, 60 hours a week were commissioned (+100% on April 2024): Framework 50%, Spot purchase 33%, Direct payment 17%."
    );
    expect(hoursCommissionedTitle(rows)).toBe("Hours commissioned rose 100% between April 2024 and May 2024");
    expect(hoursCommissionedTitle([])).toBe("No hours commissioned in this selection");
  });

  test("matches its snapshot and does not mutate its input", async () => {
    const copy = structuredClone(rows);
    const figure = hoursCommissionedChart(rows, {width: 640, document: createDocument()});
    expect(rows).toEqual(copy);
    await expectSnapshot(figure, "hours-commissioned.svg");
  });
});
