/**
 * `npm run backtest -- <EES csv> <column> [--from YEAR] [--to YEAR] [--horizon H]`: rolling-origin
 * backtest of every forecast method on all local-authority series of one column; prints the summary
 * as JSON (relative MASE, sMAPE, 80%/95% coverage pooled over all origins, counts, per horizon).
 * `npm run backtest -- <EES csv> --markdown docs/forecast-accuracy.md [column …]` writes the accuracy
 * report for the given columns (default `inreq_ehc new_all_ehc`).
 *
 * @example
 * // npm run backtest -- ../shared/data/sen2_mi_2014_2022.csv inreq_ehc
 */
import {writeFile} from "node:fs/promises";
import {resolve} from "node:path";
import {backtestColumn} from "../backtest/run.js";
import {renderMarkdown} from "../backtest/markdown.js";
import {repoRoot} from "../paths.js";

async function main(argv: string[]): Promise<number> {
  const positional: string[] = [];
  const flags: Record<string, string> = {};
  for (let i = 0; i < argv.length; i++) {
    if (argv[i].startsWith("--")) {
      flags[argv[i].slice(2)] = argv[i + 1] ?? "";
      i += 1;
    } else positional.push(argv[i]);
  }
  const [file, ...columns] = positional;
  if (file === undefined) {
    console.error(
      "usage: backtest <EES csv> <column> [--from YEAR] [--to YEAR] [--horizon H] | --markdown <out> [column …]"
    );
    return 2;
  }
  const number = (name: string): number | undefined => {
    if (flags[name] === undefined) return undefined;
    const v = Number(flags[name]);
    if (!Number.isInteger(v)) throw new Error(`invalid ${name}: ${flags[name]}`);
    return v;
  };
  const options = {from: number("from"), to: number("to"), horizon: number("horizon")};
  const path = resolve(repoRoot, file);
  if (flags.markdown !== undefined) {
    const list = columns.length > 0 ? columns : ["inreq_ehc", "new_all_ehc"];
    const reports = [];
    for (const column of list) reports.push(await backtestColumn(path, column, options));
    await writeFile(resolve(repoRoot, flags.markdown), renderMarkdown(reports));
    console.error(`wrote ${flags.markdown}`);
    return 0;
  }
  if (columns.length !== 1) {
    console.error("usage: backtest <EES csv> <column>");
    return 2;
  }
  const report = await backtestColumn(path, columns[0], options);
  console.log(JSON.stringify(report, (_, v: unknown) => (typeof v === "number" && !Number.isFinite(v) ? null : v), 2));
  return 0;
}

main(process.argv.slice(2)).then(
  (code) => process.exit(code),
  (error: unknown) => {
    console.error(error instanceof Error ? error.message : String(error));
    process.exit(1);
  }
);
