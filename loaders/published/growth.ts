/**
 * Proportional change from `from` to `to`: `to / from − 1` (0.42 means +42%).
 * @throws Error if `from` is not a positive finite number or `to` is not finite.
 * @example
 * growth(416, 592); // 0.4230…  (Lewisham EHC needs assessment requests, 2018-19 to 2021-22)
 */
export function growth(from: number, to: number): number {
  if (!(Number.isFinite(from) && from > 0)) throw new Error(`invalid from: ${from}`);
  if (!Number.isFinite(to)) throw new Error(`invalid to: ${to}`);
  return to / from - 1;
}

/** What a growth figure is measured against, for {@link formatGrowth}. */
export type GrowthBasis = {readonly since: string} | {readonly previousYear: true};

/**
 * Write a growth figure the way the seed documents state it: a signed whole percentage and its
 * basis, e.g. `+42% since 2018-19` or `+22% on the previous year`. Rounds half away from zero to a
 * whole percent (as council reports do); a fall uses the minus sign U+2212, as d3-format does.
 * @example
 * formatGrowth(growth(416, 592), {since: "2018-19"}); // "+42% since 2018-19"
 * formatGrowth(growth(486, 592), {previousYear: true}); // "+22% on the previous year"
 */
export function formatGrowth(value: number, basis: GrowthBasis): string {
  if (!Number.isFinite(value)) throw new Error(`invalid growth: ${value}`);
  const percent = Math.sign(value) * Math.round(Math.abs(value) * 100);
  const signed = percent > 0 ? `+${percent}%` : percent < 0 ? `\u2212${-percent}%` : "0%";
  return "since" in basis ? `${signed} since ${basis.since}` : `${signed} on the previous year`;
}
