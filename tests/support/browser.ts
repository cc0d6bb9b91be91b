/**
 * Headless Chromium for the browser tests, screenshots, PDF export and benchmark: Debian's /usr/bin/chromium
 * driven by playwright-core, with a fresh profile and every background service off, so the only requests a page
 * makes are its own.
 */
import {mkdtemp, rm} from "node:fs/promises";
import {tmpdir} from "node:os";
import {join} from "node:path";
import {chromium, type BrowserContext, type BrowserContextOptions} from "playwright-core";

export const CHROMIUM_PATH = process.env.CHROMIUM_PATH ?? "/usr/bin/chromium";

export const CHROMIUM_ARGS = [
  "--no-sandbox",
  "--disable-gpu",
  "--disable-quic",
  "--no-first-run",
  "--disable-background-networking",
  "--disable-component-update",
  "--disable-sync"
];

export interface Browser {
  context: BrowserContext;
  close(): Promise<void>;
}

/** Launches Chromium with a new, empty user-data directory that is deleted on close. */
export async function launchBrowser(options: BrowserContextOptions = {}): Promise<Browser> {
  const userDataDir = await mkdtemp(join(tmpdir(), "send-chromium-"));
  const context = await chromium.launchPersistentContext(userDataDir, {
    executablePath: CHROMIUM_PATH,
    headless: true,
    args: CHROMIUM_ARGS,
    viewport: {width: 1280, height: 900},
    locale: "en-GB",
    timezoneId: "Europe/London",
    ...options
  });
  return {
    context,
    async close() {
      await context.close();
      await rm(userDataDir, {recursive: true, force: true});
    }
  };
}
