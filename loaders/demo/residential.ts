import {ASSUMPTIONS} from "./assumptions.js";
import {dayOf, isoOf} from "./dates.js";
import {binomial, hashSeed, mulberry32} from "./prng.js";

/**
 * Rows of residential_nights.csv: one per unit per night from the first day of the data to the extract date.
 * Beds used ~ Binomial(beds, p) with p = mean occupancy x weekday factor (x Covid factor in April-June 2020),
 * so occupancy sits around 65% against the 85% contracted target ([NORTHANTS]).
 * @example
 * residentialNightRows(1).length; // 2 units x nights from 2019-04-01 to 2025-11-30
 */
export function residentialNightRows(seed: number): string[][] {
  const {residential, time} = ASSUMPTIONS;
  const rng = mulberry32(hashSeed(seed, 0x0b3d));
  const first = dayOf(time.firstDay);
  const last = dayOf(time.extractDate);
  const covidFrom = dayOf("2020-04-01");
  const covidTo = dayOf("2020-06-30");
  const rows: string[][] = [];
  for (const unit of residential.units) {
    for (let day = first; day <= last; day++) {
      // 1970-01-01 was a Thursday; weekdayFactor is indexed Monday = 0.
      const weekday = (day + 3) % 7;
      let p = residential.meanOccupancy * residential.weekdayFactor[weekday];
      if (day >= covidFrom && day <= covidTo) p *= residential.covidFactor;
      rows.push([unit.unitId, isoOf(day), String(binomial(rng, unit.beds, Math.min(1, p)))]);
    }
  }
  return rows;
}
