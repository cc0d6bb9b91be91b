/**
 * The public build on small random counties (issue 6: "randomised small datasets"), where counts of 1 to 5 are
 * everywhere: two seeds, each a full build (about 1–2 minutes), must build and pass the scan. More seeds:
 * `npm run check:public-seeds -- --from 1 --count 20`.
 */
import {describe, expect, test} from "vitest";
import {checkSeed} from "../../../scripts/check-public-seeds.js";

describe.each([
  {seed: 3, referrals: 250},
  {seed: 41, referrals: 400}
])("the public build of random county $seed ($referrals referrals)", ({seed, referrals}) => {
  test("builds and passes the scan", async () => {
    const scan = await checkSeed(seed, referrals);
    expect(scan.findings).toEqual([]);
    expect(scan.dataFiles.length).toBe(2);
    expect(scan.pages).toBe(4);
  }, 900_000);
});
