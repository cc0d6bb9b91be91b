/**
 * One headless Chromium for the whole benchmark (Debian's, with the flags of tests/support/browser.ts), and a new
 * incognito context per measured run, so that every run starts with an empty cache.
 */
import {chromium, type Browser, type BrowserContext, type CDPSession, type Page} from "playwright-core";
import {CHROMIUM_ARGS, CHROMIUM_PATH} from "../tests/support/browser.js";

export async function launchBenchBrowser(): Promise<Browser> {
  return chromium.launch({executablePath: CHROMIUM_PATH, headless: true, args: CHROMIUM_ARGS});
}

/** A fresh context (cold HTTP cache, no storage) with the viewport and locale the browser tests use. */
export async function coldContext(browser: Browser): Promise<BrowserContext> {
  return browser.newContext({viewport: {width: 1280, height: 900}, locale: "en-GB", timezoneId: "Europe/London"});
}

/** Self time per function from a CDP CPU profile, largest first. */
export interface ProfileHotspot {
  function: string;
  url: string;
  selfMs: number;
}

interface CpuProfile {
  nodes: {id: number; callFrame: {functionName: string; url: string; lineNumber: number}; hitCount?: number}[];
  startTime: number;
  endTime: number;
  samples?: number[];
}

/**
 * The `limit` functions with the most self time in a CPU profile (self time = samples × mean sampling interval).
 *
 * @example
 * hotspots(profile, 5); // [{function: "(program)", url: "", selfMs: 312.5}, ...]
 */
export function hotspots(profile: CpuProfile, limit = 12): ProfileHotspot[] {
  const totalHits = profile.nodes.reduce((sum, node) => sum + (node.hitCount ?? 0), 0);
  const msPerHit = totalHits > 0 ? (profile.endTime - profile.startTime) / 1000 / totalHits : 0;
  const byKey = new Map<string, ProfileHotspot>();
  for (const node of profile.nodes) {
    const name = node.callFrame.functionName || "(anonymous)";
    const url = node.callFrame.url.replace(/^https?:\/\/[^/]+/, "");
    const key = `${name} ${url}:${node.callFrame.lineNumber}`;
    const entry = byKey.get(key) ?? {function: name, url: `${url}:${node.callFrame.lineNumber}`, selfMs: 0};
    entry.selfMs += (node.hitCount ?? 0) * msPerHit;
    byKey.set(key, entry);
  }
  return [...byKey.values()]
    .map((entry) => ({...entry, selfMs: Math.round(entry.selfMs * 10) / 10}))
    .sort((a, b) => b.selfMs - a.selfMs || (a.function < b.function ? -1 : 1))
    .slice(0, limit);
}

/** Starts the V8 sampling profiler on a page; call the returned function to stop it and get the profile. */
export async function startProfiler(page: Page): Promise<() => Promise<CpuProfile>> {
  const session: CDPSession = await page.context().newCDPSession(page);
  await session.send("Profiler.enable");
  await session.send("Profiler.setSamplingInterval", {interval: 200});
  await session.send("Profiler.start");
  return async () => {
    const {profile} = (await session.send("Profiler.stop")) as unknown as {profile: CpuProfile};
    await session.detach();
    return profile;
  };
}
