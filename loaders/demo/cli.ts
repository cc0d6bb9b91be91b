import {parseArgs} from "node:util";
import {generateDemoCounty} from "./generate.js";

/**
 * `npm run demo-data -- [--out data/demo] [--seed N] [--referrals N]`: write the demo county CSVs.
 * Prints one JSON summary line (rows per file, spend) to stdout.
 */
async function main(): Promise<void> {
  const {values} = parseArgs({
    options: {
      out: {type: "string", default: "data/demo"},
      seed: {type: "string"},
      referrals: {type: "string"}
    }
  });
  const seed = values.seed === undefined ? undefined : Number(values.seed);
  if (seed !== undefined && !Number.isInteger(seed)) throw new Error(`invalid seed: ${values.seed}`);
  const referrals = values.referrals === undefined ? undefined : Number(values.referrals.replace(/_/g, ""));
  if (referrals !== undefined && (!Number.isInteger(referrals) || referrals < 1)) {
    throw new Error(`invalid referrals: ${values.referrals}`);
  }
  const summary = await generateDemoCounty({outDir: values.out, seed, referrals});
  process.stdout.write(
    JSON.stringify({out: values.out, seed: summary.seed, scale: summary.scale, rows: summary.rows}) + "\n"
  );
}

main().catch((error: unknown) => {
  process.stderr.write(`demo-data: ${error instanceof Error ? error.message : String(error)}\n`);
  process.exit(1);
});
