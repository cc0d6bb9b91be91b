/** The build's one timestamp, so that every output that mentions a build date is reproducible. */
import {execFileSync} from "node:child_process";
import {repoRoot} from "./paths.js";

/**
 * Seconds since the epoch: `SOURCE_DATE_EPOCH` if set (the reproducible-builds.org convention), else the commit
 * time of HEAD, else a constant outside a git checkout.
 *
 * @example
 * new Date(buildEpoch() * 1000).toISOString();
 */
export function buildEpoch(env: NodeJS.ProcessEnv = process.env): number {
  const fromEnv = env.SOURCE_DATE_EPOCH;
  if (fromEnv !== undefined && fromEnv !== "") {
    const seconds = Number(fromEnv);
    if (!Number.isInteger(seconds) || seconds < 0) throw new Error(`invalid SOURCE_DATE_EPOCH: ${fromEnv}`);
    return seconds;
  }
  try {
    return Number(execFileSync("git", ["log", "-1", "--format=%ct"], {cwd: repoRoot, encoding: "utf-8"}).trim());
  } catch {
    return 1_735_689_600; // 2025-01-01T00:00:00Z
  }
}

/** The build date as an ISO date (`YYYY-MM-DD`). */
export function buildDate(env: NodeJS.ProcessEnv = process.env): string {
  return new Date(buildEpoch(env) * 1000).toISOString().slice(0, 10);
}
