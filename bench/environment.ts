/** The machine the figures come from: CPU, memory, load, Node and Chromium versions, date. */
import {execFileSync} from "node:child_process";
import {cpus, loadavg, totalmem} from "node:os";

export interface Environment {
  date: string;
  cpu: string;
  cores: number;
  memoryGiB: number;
  node: string;
  chromium: string;
  loadAverageStart: number[];
  loadAverageEnd?: number[];
  lscpu: string;
}

/** Describes this machine; `chromium` is the version the benchmark's browser reports. */
export function describeEnvironment(chromium: string): Environment {
  let lscpu = "";
  try {
    lscpu = execFileSync("lscpu", {encoding: "utf-8"})
      .split("\n")
      .filter((line) =>
        /^(Architecture|Model name|CPU\(s\)|Thread|Core|Socket|L2|L3|Hypervisor|CPU max MHz)/.test(line)
      )
      .map((line) => line.replace(/\s+/g, " ").trim())
      .join("; ");
  } catch {
    lscpu = "lscpu not available";
  }
  return {
    date: new Date().toISOString(),
    cpu: cpus()[0]?.model ?? "unknown",
    cores: cpus().length,
    memoryGiB: Math.round((totalmem() / 2 ** 30) * 10) / 10,
    node: process.version,
    chromium,
    loadAverageStart: loadavg().map((v) => Math.round(v * 100) / 100),
    lscpu
  };
}
