/**
 * Proves that the build is reproducible: builds the site a second time, from a cleared loader cache, into
 * another folder and compares every file's SHA-256 with `dist/`. Exits 1 and lists the files that differ.
 * Run by `npm test` after the main build.
 */
import {spawnSync} from "node:child_process";
import {createHash} from "node:crypto";
import {readFile, readdir, rm, stat} from "node:fs/promises";
import {dirname, join} from "node:path";
import {fileURLToPath} from "node:url";

const root = join(dirname(fileURLToPath(import.meta.url)), "..");

/** SHA-256 of every file below `dir`, keyed by relative path, in sorted order. */
export async function hashTree(dir: string): Promise<Map<string, string>> {
  const files = (await readdir(dir, {recursive: true})).sort();
  const hashes = new Map<string, string>();
  for (const file of files) {
    const path = join(dir, file);
    if (!(await stat(path)).isFile()) continue;
    hashes.set(
      file,
      createHash("sha256")
        .update(await readFile(path))
        .digest("hex")
    );
  }
  return hashes;
}

/** Paths whose content differs, or that exist in only one tree. */
export function diffTrees(a: Map<string, string>, b: Map<string, string>): string[] {
  const paths = new Set([...a.keys(), ...b.keys()]);
  return [...paths].filter((path) => a.get(path) !== b.get(path)).sort();
}

if (process.argv[1] === fileURLToPath(import.meta.url)) {
  const first = process.env.OUTPUT_DIR ?? "dist";
  const second = `${first}-reproducibility`;
  const build = spawnSync(join(root, "node_modules", ".bin", "tsx"), [join(root, "scripts", "build.ts")], {
    cwd: root,
    env: {...process.env, OUTPUT_DIR: second},
    stdio: ["ignore", "ignore", "inherit"]
  });
  if (build.status !== 0) {
    console.error(`second build failed (exit ${build.status})`);
    process.exit(1);
  }
  const [a, b] = [await hashTree(join(root, first)), await hashTree(join(root, second))];
  const differing = diffTrees(a, b);
  await rm(join(root, second), {recursive: true, force: true});
  if (differing.length > 0) {
    console.error(`build is not reproducible: ${differing.length} files differ between two builds:`);
    for (const path of differing) console.error(`  ${path}`);
    process.exit(1);
  }
  const digest = createHash("sha256")
    .update([...a].map(([path, hash]) => `${hash}  ${path}`).join("\n"))
    .digest("hex");
  console.log(`reproducible: two clean builds gave ${a.size} identical files (tree sha256 ${digest.slice(0, 16)})`);
}
