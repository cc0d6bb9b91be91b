/**
 * `npm run build:public`: the site for the council's website and scrutiny committees (issue 6). It builds, with
 * scripts/build.ts and so with the same validation, loader runs, reproducible times, `lang`, CSP and split wasm, a
 * generated Framework root that holds only the public pages (loaders/public/site.ts), with `PUBLIC_BUILD=1` so every
 * loader must pass disclosure control (loaders/emit.ts) and one ledger file shared by all loaders. Then it scans
 * every file of the output (loaders/public/scan-output.ts) and exits 1, naming file, column and row, on any count of
 * 1 to 5, any number no declaration accounts for, any file it cannot scan and any broken link.
 *
 * Output: `OUTPUT_DIR` (default `dist/`, emptied first). Data: `DATA_DIR` (default the demo county).
 */
import {spawn} from "node:child_process";
import {createHash} from "node:crypto";
import {rm} from "node:fs/promises";
import {dirname, join, resolve, sep} from "node:path";
import {fileURLToPath} from "node:url";
import config from "../observablehq.config.js";
import {describeFinding, scanOutput, type OutputScan} from "../loaders/public/scan-output.js";
import {writePublicRoot} from "../loaders/public/site.js";

const root = join(dirname(fileURLToPath(import.meta.url)), "..");
const tsx = join(root, "node_modules", ".bin", "tsx");

/** Options of a public build (defaults from the environment). */
export interface PublicBuildOptions {
  /** Output folder (default `OUTPUT_DIR`, else `dist`), relative to the repository root. */
  outputDir?: string;
  /** Data folder (default `DATA_DIR`, else the demo county). */
  dataDir?: string;
  /** Where the build's output goes (default: inherited, so the build log is printed). */
  stdio?: "inherit" | "ignore";
}

/**
 * Builds the public site and scans it. Resolves with the scan (whose `findings` must be empty to publish); rejects
 * if the build itself fails (a loader without disclosure metadata, a refused count, a data error).
 *
 * @example
 * const {findings} = await buildPublic({outputDir: ".tmp/public-dist", dataDir: ".tmp/seed-7"});
 */
export async function buildPublic(options: PublicBuildOptions = {}): Promise<OutputScan> {
  const outputDir = resolve(root, options.outputDir ?? process.env.OUTPUT_DIR ?? "dist");
  if (outputDir === root || root.startsWith(`${outputDir}${sep}`)) throw new Error(`invalid OUTPUT_DIR: ${outputDir}`);
  // one generated root per output folder, so builds into different folders can run side by side
  const work = join(root, ".tmp", "public-build", createHash("sha256").update(outputDir).digest("hex").slice(0, 12));
  const {srcDir, configFile} = await writePublicRoot(work, outputDir, config);
  await rm(outputDir, {recursive: true, force: true});
  const env: NodeJS.ProcessEnv = {
    ...process.env,
    PUBLIC_BUILD: "1",
    FRAMEWORK_ROOT: srcDir,
    OUTPUT_DIR: outputDir,
    DISCLOSURE_LEDGER: join(work, "ledger.json"),
    ...(options.dataDir === undefined ? {} : {DATA_DIR: resolve(root, options.dataDir)})
  };
  const code = await new Promise<number | null>((resolvePromise, reject) => {
    const child = spawn(tsx, [join(root, "scripts", "build.ts"), "--config", configFile], {
      cwd: root,
      env,
      stdio: ["ignore", options.stdio ?? "inherit", "inherit"]
    });
    child.on("error", reject);
    child.on("close", resolvePromise);
  });
  if (code !== 0) throw new Error(`public build failed (exit ${code})`);
  return scanOutput(outputDir);
}

async function main(): Promise<void> {
  const scan = await buildPublic();
  console.log(`scan: ${scan.pages} pages, ${scan.dataFiles.length} data files (${scan.dataFiles.join(", ")})`);
  if (scan.findings.length > 0) {
    for (const finding of scan.findings) console.error(describeFinding(finding));
    throw new Error(`the public build must not be published: ${scan.findings.length} findings`);
  }
  console.log("scan: no unsuppressed count, undeclared number, unscannable file or broken link");
}

if (process.argv[1] === fileURLToPath(import.meta.url)) {
  main().catch((error: unknown) => {
    console.error(error instanceof Error ? error.message : error);
    process.exitCode = 1; // not process.exit(): it would drop stderr still queued for a pipe
  });
}
