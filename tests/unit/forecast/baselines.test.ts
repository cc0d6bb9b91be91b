import {describe, expect, it} from "vitest";
import {forecast} from "../../../src/components/forecast/index.js";

const Z80 = 1.2815515655446004; // qnorm(0.9)
const Z95 = 1.959963984540054; // qnorm(0.975)

describe("naive (R forecast::naive / rwf)", () => {
  // Hand: y = [1, 3, 2]; differences 2, -1; sigma² = (4 + 1)/2 = 2.5 (R: mse over the n - 1 residuals);
  // se_h = sqrt(2.5 h)
  it("forecasts the last value with sigma·sqrt(h) intervals", () => {
    const r = forecast([1, 3, 2], {method: "naive", horizon: 3});
    expect(r.mean).toEqual([2, 2, 2]);
    expect(r.sigma2).toBeCloseTo(2.5, 14);
    expect(r.lower[80][0]).toBeCloseTo(2 - Z80 * Math.sqrt(2.5), 12);
    expect(r.upper[95][2]).toBeCloseTo(2 + Z95 * Math.sqrt(7.5), 12);
    expect(r.lower[95][1]).toBeCloseTo(2 - Z95 * Math.sqrt(5), 12); // = -2.382613 (hand: 1.959964 × 2.236068)
    expect(r.fitted[0]).toBeNaN(); // R: NA
    expect(r.fitted.slice(1)).toEqual([1, 3]);
  });
});

describe("drift (R forecast::rwf(drift = TRUE))", () => {
  // Hand: y = [1, 2, 4]; d = [1, 2]; b = 1.5; residuals d - b = ±0.5; sigma² = 0.5/(2 - 1) = 0.5;
  // se(b)² = 0.5/2 = 0.25; se_h = sqrt(0.5 h + 0.25 h²) = sigma·sqrt(h(1 + h/(T - 1))) with T = 3 (FPP3 Table 5.2)
  it("extrapolates the mean difference with FPP3 intervals", () => {
    const r = forecast([1, 2, 4], {method: "drift", horizon: 2});
    expect(r.mean).toEqual([5.5, 7]);
    expect(r.params.drift).toBe(1.5);
    expect(r.sigma2).toBeCloseTo(0.5, 14);
    expect(r.upper[95][0]).toBeCloseTo(5.5 + Z95 * Math.sqrt(0.75), 12); // 5.5 + 1.959964 × 0.866025 = 7.197379
    expect(r.lower[80][1]).toBeCloseTo(7 - Z80 * Math.sqrt(2), 12); // sqrt(0.5·2 + 0.25·4) = sqrt 2
    expect(r.upper[95][0]).toBeCloseTo(7.197379, 6);
    expect(r.fitted[0]).toBeNaN();
    expect(r.fitted.slice(1)).toEqual([2.5, 3.5]);
  });
  it("uses n - 1 in the mse when the drift is exactly zero, as R's rwf does", () => {
    // y = [1, 2, 1]: d = [1, -1], b = 0; R: mse = Σres²/(n_res - (drift != 0)) = 2/2 = 1;
    // se(b)² = (2/1)/2 = 1 → se_1 = sqrt(1 + 1)
    const r = forecast([1, 2, 1], {method: "drift", horizon: 1, levels: [95]});
    expect(r.mean).toEqual([1]);
    expect(r.upper[95][0]).toBeCloseTo(1 + Z95 * Math.SQRT2, 12);
  });
  it("shrinks the drift towards a pooled growth rate when asked", () => {
    // b = 10; pooled drift = 0.05 × 120 = 6; weight 0.5 → 8
    const r = forecast([100, 110, 120], {method: "drift", horizon: 2, pooledGrowth: 0.05, shrinkage: 0.5});
    expect(r.params.drift).toBeCloseTo(8, 12);
    expect(r.mean).toEqual([128, 136]);
    const plain = forecast([100, 110, 120], {method: "drift", horizon: 2});
    expect(plain.mean).toEqual([130, 140]);
    // full weight on the pooled rate
    expect(forecast([100, 110, 120], {method: "drift", horizon: 1, pooledGrowth: 0.05, shrinkage: 1}).mean).toEqual([
      126
    ]);
  });
});
