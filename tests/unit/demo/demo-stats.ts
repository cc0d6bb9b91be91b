import {readFileSync} from "node:fs";
import {join} from "node:path";

/** Parse a simple CSV (no quoted commas in the demo data except descriptions, handled) into objects. */
export function readCsv(path: string): Record<string, string>[] {
  const text = readFileSync(path, "utf8");
  const lines = text.split("\n").filter((l) => l.length > 0);
  const header = splitLine(lines[0]);
  return lines.slice(1).map((line) => {
    const cells = splitLine(line);
    return Object.fromEntries(header.map((h, i) => [h, cells[i] ?? ""]));
  });
}

function splitLine(line: string): string[] {
  const out: string[] = [];
  let cur = "";
  let quoted = false;
  for (let i = 0; i < line.length; i++) {
    const c = line[i];
    if (quoted) {
      if (c === '"' && line[i + 1] === '"') {
        cur += '"';
        i++;
      } else if (c === '"') quoted = false;
      else cur += c;
    } else if (c === '"') quoted = true;
    else if (c === ",") {
      out.push(cur);
      cur = "";
    } else cur += c;
  }
  out.push(cur);
  return out;
}

const DAY = 86_400_000;
/** Day number of an ISO date. */
export const day = (iso: string): number => Date.parse(iso + "T00:00:00Z") / DAY;
/** First day of the month `months` after a `YYYY-MM` birth month. */
export const monthPlus = (ym: string, months: number): number => {
  const y = Number(ym.slice(0, 4));
  const m = Number(ym.slice(5, 7)) - 1 + months;
  return Date.UTC(y + Math.floor(m / 12), m % 12, 1) / DAY;
};
/** Financial year label of an ISO date. */
export const fyOf = (iso: string): string => {
  const y = Number(iso.slice(0, 4));
  const start = Number(iso.slice(5, 7)) >= 4 ? y : y - 1;
  return `${start}-${String((start + 1) % 100).padStart(2, "0")}`;
};

/** Headline figures of a generated demo folder, computed independently of the generator. */
export function demoStats(dir: string) {
  const t = (n: string) => readCsv(join(dir, `${n}.csv`));
  const children = t("children");
  const referrals = t("referrals");
  const packages = t("packages");
  const providers = t("providers");
  const meta = Object.fromEntries(t("meta").map((r) => [r.key, r.value]));
  const extract = day(meta.extract_date);
  const birth = new Map(children.map((c) => [c.child_id, c.birth_month]));
  const under18 = (c: Record<string, string>) => monthPlus(c.birth_month, 216) > extract;
  const activeAt = (p: Record<string, string>, d: number) =>
    day(p.start_date) <= d && (p.end_date === "" || day(p.end_date) >= d);
  const active = packages.filter((p) => activeAt(p, extract));
  const distinct = (rows: Record<string, string>[]) => new Set(rows.map((r) => r.child_id)).size;
  const supported = [...new Set(active.map((p) => p.child_id))];
  const turning18 = supported.filter((id) => monthPlus(birth.get(id)!, 216) <= extract + 3 * 365.25).length;
  const referralsByFy = (lot?: string) => {
    const m: Record<string, number> = {};
    for (const r of referrals)
      if (!lot || r.lot_code === lot) m[fyOf(r.received_date)] = (m[fyOf(r.received_date)] ?? 0) + 1;
    return m;
  };
  const spend = (fy: string, filter: (p: Record<string, string>) => boolean) => {
    const [a, b] = [day(`${fy.slice(0, 4)}-04-01`), Math.min(day(`${Number(fy.slice(0, 4)) + 1}-03-31`), extract)];
    let s = 0;
    for (const p of packages) {
      if (!filter(p)) continue;
      const from = Math.max(a, day(p.start_date));
      const to = Math.min(b, p.end_date === "" ? extract : day(p.end_date));
      if (to >= from) s += ((to - from + 1) / 7) * Number(p.hours_per_week) * Number(p.hourly_rate);
    }
    return s;
  };
  const lot1In2223 = packages.filter(
    (p) =>
      p.lot_code === "LOT1" &&
      day(p.start_date) <= day("2023-03-31") &&
      (p.end_date === "" || day(p.end_date) >= day("2022-04-01"))
  );
  const nights = t("residential_nights");
  const beds = Object.fromEntries(t("residential_units").map((u) => [u.unit_id, Number(u.beds)]));
  const occupancy: Record<string, number> = {};
  const used: Record<string, [number, number]> = {};
  for (const n of nights) {
    const k = fyOf(n.date);
    used[k] ??= [0, 0];
    used[k][0] += Number(n.nights_used);
    used[k][1] += beds[n.unit_id];
  }
  for (const [k, [u, b]] of Object.entries(used)) occupancy[k] = u / b;
  const agency = (p: Record<string, string>) => p.lot_code !== "LOT1" && p.route !== "direct_payment";
  return {
    children: children.length,
    ehcp: children.filter((c) => c.has_ehcp === "true").length,
    socialCareUnder18: children.filter((c) => c.eligibility_route === "social_care_assessed" && under18(c)).length,
    supportedNow: supported.length,
    dpNow: distinct(active.filter((p) => p.route === "direct_payment")),
    agencyNow: distinct(active.filter(agency)),
    lot1Now: distinct(active.filter((p) => p.lot_code === "LOT1")),
    turning18Share: turning18 / supported.length,
    frameworkProviders: providers.filter((p) => p.on_framework === "true").length,
    lot1Joiners: providers.filter((p) => p.joined_date.startsWith("2023-11") && p.lots.split(";").includes("LOT1"))
      .length,
    referralsByFy: referralsByFy(),
    lot1ReferralsByFy: referralsByFy("LOT1"),
    lot1Supported2223: distinct(lot1In2223),
    agencySpend: Object.fromEntries(
      ["2019-20", "2021-22", "2022-23", "2023-24", "2024-25"].map((fy) => [fy, Math.round(spend(fy, agency))])
    ),
    lot1Spend: Object.fromEntries(
      ["2019-20", "2022-23", "2024-25"].map((fy) => [fy, Math.round(spend(fy, (p) => p.lot_code === "LOT1"))])
    ),
    dpSpend2425: Math.round(spend("2024-25", (p) => p.route === "direct_payment")),
    spotShareByFy: Object.fromEntries(
      ["2019-20", "2021-22", "2022-23", "2024-25"].map((fy) => {
        const placed = packages.filter((p) => agency(p) && fyOf(p.start_date) === fy);
        return [fy, Math.round((100 * placed.filter((p) => p.route === "spot_purchase").length) / placed.length)];
      })
    ),
    healthShare: packages.filter((p) => p.funder === "health").length / packages.length,
    outcomes: referrals.reduce<Record<string, number>>((m, r) => ((m[r.outcome] = (m[r.outcome] ?? 0) + 1), m), {}),
    occupancy
  };
}

if (process.argv[2]) console.log(JSON.stringify(demoStats(process.argv[2]), null, 1));
