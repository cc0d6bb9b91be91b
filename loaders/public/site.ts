/**
 * The public site: which pages it holds, and the Framework root and config it is built from. Framework builds every
 * page under its root whatever the sidebar says, so the public build does not filter `src/`: it builds a generated
 * root that holds only the public pages, the components, the style sheet and the data loaders those pages attach.
 */
import {existsSync} from "node:fs";
import {copyFile, cp, mkdir, readFile, rm, symlink, writeFile} from "node:fs/promises";
import {dirname, join, relative, resolve} from "node:path";
import {repoRoot} from "../paths.js";

/** A page of the public site. */
export interface PublicPage {
  /** Page path as Framework links to it (`/` is the home page). */
  path: string;
  /** Sidebar name. */
  name: string;
  /** Markdown source, relative to the repository root. */
  source: string;
}

/** The public home page (the sidebar title links to it). */
export const PUBLIC_HOME: PublicPage = {path: "/", name: "Scrutiny publications", source: "loaders/public/index.md"};

/**
 * The public pages: the Scrutiny section, whose only data (report.json, meta.json) passes disclosure control in
 * its loaders. The dashboards and notebooks publish aggregates at full detail, and the published-figures page
 * republishes other councils' tables with counts of 1 to 5 children, so none of them is public.
 */
export const PUBLIC_PAGES: readonly PublicPage[] = [
  {path: "/report", name: "Scrutiny report", source: "src/report.md"},
  {path: "/methodology", name: "Methodology", source: "src/methodology.md"},
  {path: "/accessibility", name: "Accessibility statement", source: "src/accessibility.md"}
];

/** The sidebar of the public site. */
export const PUBLIC_SIDEBAR = [
  {name: "Scrutiny", open: true, pages: PUBLIC_PAGES.map(({name, path}) => ({name, path}))}
] as const;

const ATTACHMENT = /FileAttachment\(\s*["'`]([^"'`]+)["'`]\s*\)/g;

/**
 * The files a page attaches (`FileAttachment("data/report.json")` → `data/report.json`).
 *
 * @example
 * attachedFiles('const r = await FileAttachment("data/report.json").json();'); // ["data/report.json"]
 */
export function attachedFiles(markdown: string): string[] {
  return [...new Set([...markdown.matchAll(ATTACHMENT)].map((m) => m[1].replace(/^\.\//, "")))].sort();
}

/** Where a generated root is. */
export interface PublicRoot {
  /** The Framework root (pages, components, data loaders). */
  srcDir: string;
  /** The generated `observablehq.config.js`. */
  configFile: string;
  /** Attached files copied with their loaders, e.g. `data/report.json`. */
  attachments: string[];
}

const RELATIVE_IMPORT = /(\bfrom\s+|\bimport\s*\(\s*|\bimport\s+)(["'])(\.\.?\/[^"']+)\2/g;

/**
 * A data loader's source with its relative imports rewritten for another folder, so that a copy of
 * `src/data/report.json.ts` in the generated root still imports the repository's `loaders/`.
 *
 * @example
 * rebaseImports('import {emitJson} from "../../loaders/emit.js";', "/repo/src/data", "/repo/.tmp/p/src/data");
 * // 'import {emitJson} from "../../../../loaders/emit.js";'
 */
export function rebaseImports(source: string, fromDir: string, toDir: string): string {
  return source.replace(RELATIVE_IMPORT, (_, keyword: string, quote: string, specifier: string) => {
    let rebased = relative(toDir, resolve(fromDir, specifier)).replace(/\\/g, "/");
    if (!rebased.startsWith(".")) rebased = `./${rebased}`;
    return `${keyword}${quote}${rebased}${quote}`;
  });
}

function pageFile(path: string): string {
  return path === "/" ? "index.md" : `${path.slice(1)}.md`;
}

/**
 * Writes a Framework root of the public pages under `dir` (emptied first) and its config, building into
 * `outputDir`. The base config (observablehq.config.ts) supplies everything but the root, output and sidebar. The
 * vendored npm cache is linked, not copied. Throws if a page attaches a file that has no file or loader in `src/`.
 *
 * @example
 * const {configFile, srcDir} = await writePublicRoot(".tmp/public-build/x", "/abs/dist", baseConfig);
 */
export async function writePublicRoot(
  dir: string,
  outputDir: string,
  baseConfig: Readonly<Record<string, unknown>>
): Promise<PublicRoot> {
  const src = join(repoRoot, "src");
  const srcDir = join(dir, "src");
  await rm(dir, {recursive: true, force: true});
  await mkdir(srcDir, {recursive: true});
  const attachments = new Set<string>();
  for (const page of [PUBLIC_HOME, ...PUBLIC_PAGES]) {
    const text = await readFile(join(repoRoot, page.source), "utf-8");
    await writeFile(join(srcDir, pageFile(page.path)), text);
    for (const file of attachedFiles(text)) attachments.add(file);
  }
  for (const file of [...attachments].sort()) {
    const candidates = [file, `${file}.ts`, `${file}.js`].filter((name) => existsSync(join(src, name)));
    if (candidates.length === 0) throw new Error(`public page attaches ${file}, which has no file or loader in src/`);
    await mkdir(dirname(join(srcDir, file)), {recursive: true});
    for (const name of candidates) {
      const text = await readFile(join(src, name), "utf-8");
      await writeFile(join(srcDir, name), rebaseImports(text, dirname(join(src, name)), dirname(join(srcDir, name))));
    }
  }
  await cp(join(src, "components"), join(srcDir, "components"), {recursive: true});
  await copyFile(join(src, "style.css"), join(srcDir, "style.css"));
  const cache = join(srcDir, ".observablehq", "cache");
  await mkdir(cache, {recursive: true});
  await symlink(join(src, ".observablehq", "cache", "_npm"), join(cache, "_npm"), "dir");
  const config = {...baseConfig, root: srcDir, output: outputDir, pages: PUBLIC_SIDEBAR, search: false};
  const configFile = join(dir, "observablehq.config.js");
  await writeFile(
    configFile,
    `// Generated by scripts/build-public.ts from observablehq.config.ts: the public pages only.\nexport default ${JSON.stringify(config, null, 2)};\n`
  );
  return {srcDir, configFile, attachments: [...attachments].sort()};
}
