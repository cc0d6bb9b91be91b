import {readdirSync} from "node:fs";
import {join} from "node:path";
import {describe, expect, it} from "vitest";
import {HEADERS} from "../../../loaders/demo/generate.js";
import {day, monthPlus, readCsv} from "./demo-stats.js";

const DIR = join(import.meta.dirname, "../../../data/demo");
const t = (name: string) => readCsv(join(DIR, `${name}.csv`));

describe("committed demo county is internally consistent", () => {
  const children = t("children");
  const referrals = t("referrals");
  const packages = t("packages");
  const providers = t("providers");
  const capacity = t("provider_capacity");
  const lots = new Set(t("lots").map((l) => l.lot_code));
  const areas = new Set(t("areas").map((a) => a.area_code));
  const childIds = new Set(children.map((c) => c.child_id));
  const referralIds = new Set(referrals.map((r) => r.referral_id));
  const providerIds = new Set(providers.map((p) => p.provider_id));

  it("writes exactly the data-dictionary files and headers", () => {
    expect(readdirSync(DIR).sort()).toEqual(
      Object.keys(HEADERS)
        .map((k) => `${k}.csv`)
        .sort()
    );
  });

  it("has unique ids and every foreign key in its parent file", () => {
    expect(childIds.size).toBe(children.length);
    expect(referralIds.size).toBe(referrals.length);
    expect(new Set(packages.map((p) => p.package_id)).size).toBe(packages.length);
    for (const r of referrals) {
      expect(childIds.has(r.child_id) && lots.has(r.lot_code) && areas.has(r.area_code)).toBe(true);
    }
    for (const p of packages) {
      expect(childIds.has(p.child_id) && lots.has(p.lot_code) && areas.has(p.area_code)).toBe(true);
      if (p.referral_id !== "") expect(referralIds.has(p.referral_id)).toBe(true);
      if (p.route === "direct_payment") expect(p.provider_id).toBe("");
      else expect(providerIds.has(p.provider_id)).toBe(true);
    }
    for (const c of capacity)
      expect(providerIds.has(c.provider_id) && lots.has(c.lot_code) && areas.has(c.area_code)).toBe(true);
  });

  it("gives every placed referral exactly one package starting on its package_start_date", () => {
    const byReferral = new Map(packages.filter((p) => p.referral_id !== "").map((p) => [p.referral_id, p]));
    for (const r of referrals) {
      if (r.outcome === "placed") expect(byReferral.get(r.referral_id)?.start_date).toBe(r.package_start_date);
      if (r.outcome === "waiting") expect(r.decision_date).toBe("");
      else expect(day(r.decision_date)).toBeGreaterThanOrEqual(day(r.received_date));
    }
  });

  it("never ends before it starts and never supports anyone aged 18 or over", () => {
    const birth = new Map(children.map((c) => [c.child_id, c.birth_month]));
    for (const p of packages) {
      if (p.end_date !== "") expect(day(p.end_date)).toBeGreaterThanOrEqual(day(p.start_date));
      const eighteenth = monthPlus(birth.get(p.child_id)!, 216);
      expect(day(p.start_date)).toBeLessThan(eighteenth);
      if (p.end_date !== "") expect(day(p.end_date)).toBeLessThan(eighteenth);
    }
  });

  it("has capacity at least equal to the packages a provider holds in a month", () => {
    const cap = new Map(
      capacity.map((c) => [`${c.provider_id}|${c.lot_code}|${c.area_code}|${c.month}`, Number(c.places)])
    );
    // hand check on the extract month: count active non-direct-payment packages per cell
    const active = new Map<string, number>();
    for (const p of packages) {
      if (p.route === "direct_payment") continue;
      if (day(p.start_date) <= day("2025-11-30") && (p.end_date === "" || day(p.end_date) >= day("2025-11-01"))) {
        const k = `${p.provider_id}|${p.lot_code}|${p.area_code}|2025-11`;
        active.set(k, (active.get(k) ?? 0) + 1);
      }
    }
    expect(active.size).toBeGreaterThan(10);
    for (const [k, n] of active) expect(cap.get(k) ?? 0).toBeGreaterThanOrEqual(n);
  });
});
