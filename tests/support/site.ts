/** What the built site contains: its sidebar pages (from the config) and every HTML page in `dist/`. */
import {readdir} from "node:fs/promises";
import {join, relative} from "node:path";
import config from "../../observablehq.config.js";

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
