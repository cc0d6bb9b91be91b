/**
 * `npm run check:public-seeds -- [--seeds 1,2,3 | --from 1 --count 20] [--referrals 300]`: generates a small random
 * county per seed (loaders/demo), runs the public build on it and scans the output, so a maintainer can try
 * disclosure control on many small datasets, where small counts are everywhere. Each seed is a full build (about
 * 1–2 minutes). Exits 1 if any build fails or any scan finds something; prints one line per seed.
 */
import {join} from "node:path";
import {fileURLToPath} from "node:url";
import {parseArgs} from "node:util";
import {generateDemoCounty} from "../loaders/demo/generate.js";
import {repoRoot} from "../loaders/paths.js";
import {describeFinding, type OutputScan} from "../loaders/public/scan-output.js";
import {buildPublic} from "./build-public.js";

/** Where a seed's data and site go. */
export function seedDirs(seed: number, referrals: number): {dataDir: string; outputDir: string} {
  const base = join(repoRoot, ".tmp", "public-seeds", `seed-${seed}-referrals-${referrals}`);
  return {dataDir: join(base, "data"), outputDir: join(base, "dist")};
}

/**
 * Generates the county of `seed` with `referrals` referrals, builds its public site quietly and scans it.
 *
 * @example
 * const {findings} = await checkSeed(7, 300); // [] when the build is safe to publish
 */
export async function checkSeed(seed: number, referrals: number): Promise<OutputScan> {
  const {dataDir, outputDir} = seedDirs(seed, referrals);
  await generateDemoCounty({outDir: dataDir, seed, referrals});
  return buildPublic({dataDir, outputDir, stdio: "ignore"});
}

function seedList(values: {seeds?: string; from?: string; count?: string}): number[] {
  const seeds = values.seeds
    ? values.seeds.split(",").map(Number)
    : Array.from({length: Number(values.count ?? "5")}, (_, i) => Number(values.from ?? "1") + i);
  for (const seed of seeds) if (!Number.isInteger(seed)) throw new Error(`invalid seed: ${String(seed)}`);
  if (seeds.length === 0) throw new Error("invalid --count: no seed to check");
  return seeds;
}

async function main(): Promise<void> {
  const {values} = parseArgs({
    options: {
      seeds: {type: "string"},
      from: {type: "string"},
      count: {type: "string"},
      referrals: {type: "string", default: "300"}
    }
  });
  const referrals = Number(values.referrals);
  if (!Number.isInteger(referrals) || referrals < 1) throw new Error(`invalid --referrals: ${values.referrals}`);
  let failed = 0;
  for (const seed of seedList(values)) {
    try {
      const scan = await checkSeed(seed, referrals);
      console.log(`seed ${seed}: ${scan.dataFiles.length} data files, ${scan.findings.length} findings`);
      for (const finding of scan.findings) console.log(`  ${describeFinding(finding)}`);
      if (scan.findings.length > 0) failed++;
    } catch (error) {
      failed++;
      console.log(`seed ${seed}: build failed: ${error instanceof Error ? error.message : String(error)}`);
    }
  }
  if (failed > 0) throw new Error(`${failed} seeds failed`);
}

if (process.argv[1] === fileURLToPath(import.meta.url)) {
  main().catch((error: unknown) => {
    console.error(error instanceof Error ? error.message : error);
    process.exitCode = 1;
  });
}
