/**
 * What the built sites contain: their sidebar pages and every HTML page in `dist/` (the internal build) and
 * `dist-public/` (the public build).
 */
import {existsSync} from "node:fs";
import {readdir} from "node:fs/promises";
import {join, relative} from "node:path";
import {PUBLIC_SIDEBAR} from "../../loaders/public/site.js";
import config from "../../observablehq.config.js";
import {PAGES, PUBLIC_PAGES, type PageSpec} from "../browser/pages.js";

interface ConfigPage {
  path?: string;
  pages?: ConfigPage[];
}

export const distDir = join(import.meta.dirname, "..", "..", process.env.OUTPUT_DIR ?? "dist");

/** Page paths listed in the sidebar, e.g. `/` and `/demand`. */
export function sidebarPaths(): string[] {
  const flatten = (pages: ConfigPage[]): string[] =>
    pages.flatMap((page) => [...(page.path ? [page.path] : []), ...flatten(page.pages ?? [])]);
  return flatten(config.pages);
}

/** Converts a built HTML file to the page path Framework links to: `index.html` → `/`, `demand.html` → `/demand`. */
export function pathOfHtmlFile(file: string): string {
  const path = `/${file.replace(/\\/g, "/").replace(/\.html$/, "")}`;
  return path === "/index" ? "/" : path.replace(/\/index$/, "/");
}

/** Every page `dist/` contains, as page paths. */
export async function builtPaths(dir = distDir): Promise<string[]> {
  const files = (await readdir(dir, {recursive: true})).filter((file) => file.endsWith(".html"));
  return files
    .map((file) => pathOfHtmlFile(relative(dir, join(dir, file))))
    .filter((path) => !path.startsWith("/_"))
    .sort();
}

/** The public build's output: `npm test` runs `OUTPUT_DIR=dist-public npm run build:public` before vitest. */
export const publicDistDir = join(import.meta.dirname, "..", "..", process.env.PUBLIC_OUTPUT_DIR ?? "dist-public");

/** A built site the browser tests run against. */
export interface Site {
  name: "internal" | "public";
  dir: string;
  pages: readonly PageSpec[];
  /** Page paths its sidebar lists. */
  sidebar: string[];
  /** The command that builds it, for the error message when it is missing. */
  command: string;
}

/**
 * The internal and the public build (`TEST_SITES=public` runs one of them). Every browser test that checks all
 * pages runs on both, because the public site is what the council's website serves.
 */
export const SITES: Site[] = (
  [
    {name: "internal", dir: distDir, pages: PAGES, sidebar: sidebarPaths(), command: "npm run build"},
    {
      name: "public",
      dir: publicDistDir,
      pages: PUBLIC_PAGES,
      sidebar: PUBLIC_SIDEBAR.flatMap((section) => section.pages.map((page) => page.path)),
      command: "OUTPUT_DIR=dist-public npm run build:public"
    }
  ] satisfies Site[]
).filter((site) => !process.env.TEST_SITES || process.env.TEST_SITES.split(",").includes(site.name));

/** Throws, naming the command, if the site has not been built. */
export function requireSite(site: Site): void {
  if (!existsSync(join(site.dir, "index.html")))
    throw new Error(`no built site in ${site.dir}: run ${site.command} first`);
}
