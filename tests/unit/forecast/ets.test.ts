import {describe, expect, it} from "vitest";
import {estimationPlan, etsSigma2, forecast} from "../../../src/components/forecast/index.js";

const Z95 = 1.959963984540054; // qnorm(0.975)
const Z80 = 1.2815515655446004; // qnorm(0.9)

/**
 * Independent formulation: Holt's component (recurrence) form with β* = β/α (Hyndman et al. 2008 §2.3;
 * FPP3 §8.2), damped as in Gardner & McKenzie (1985):
 *   l_t = α y_t + (1 - α)(l_{t-1} + φ b_{t-1});  b_t = β*(l_t - l_{t-1}) + (1 - β*) φ b_{t-1}.
 */
function holtComponentForm(y: number[], alpha: number, beta: number, phi: number, l0: number, b0: number) {
  const betaStar = beta / alpha;
  let l = l0;
  let b = b0;
  const fitted: number[] = [];
  for (const v of y) {
    fitted.push(l + phi * b);
    const lNew = alpha * v + (1 - alpha) * (l + phi * b);
    b = betaStar * (lNew - l) + (1 - betaStar) * phi * b;
    l = lNew;
  }
  return {fitted, l, b};
}

describe("ses with given parameters", () => {
  // Hand: y = [3, 5, 4], α = 0.3, l0 = 3 (state at t = 0)
  //   t1: ŷ = 3, e = 0, l = 3;  t2: ŷ = 3, e = 2, l = 3.6;  t3: ŷ = 3.6, e = 0.4, l = 3.72
  //   SSE = 4.16; n = 3 ≤ 2 + 4 → R's HoltWintersZZ path: sigma² = SSE/n = 1.386667
  //   v_1 = σ², v_2 = σ²(1 + α²) = 1.386667 × 1.09
  it("matches the hand recursion", () => {
    const r = forecast([3, 5, 4], {method: "ses", horizon: 2, params: {alpha: 0.3, l0: 3}});
    expect(r.fitted).toEqual([3, 3, 3.6]);
    expect(r.mean[0]).toBeCloseTo(3.72, 12);
    expect(r.mean[1]).toBeCloseTo(3.72, 12);
    expect(r.sigma2).toBeCloseTo(4.16 / 3, 12);
    expect(r.upper[95][0]).toBeCloseTo(3.72 + Z95 * Math.sqrt(4.16 / 3), 12);
    expect(r.lower[80][1]).toBeCloseTo(3.72 - Z80 * Math.sqrt((4.16 / 3) * 1.09), 12);
    expect(r.params).toEqual({alpha: 0.3, l0: 3});
  });
  it("uses SSE/(n - 2) on series long enough for R's ets (n > 6)", () => {
    // y = [3, 5, 4, 4, 6, 5, 7], α = 0.5, l0 = 3. Hand recursion:
    //   ŷ: 3, 3, 4, 4, 4, 5, 5   e: 0, 2, 0, 0, 2, 0, 2  → SSE = 12, l7 = 6
    //   R ets: sigma2 = SSE/(n - np) with np = 2 (alpha, l) → 12/5 = 2.4
    const r = forecast([3, 5, 4, 4, 6, 5, 7], {method: "ses", horizon: 1, params: {alpha: 0.5, l0: 3}});
    expect(r.fitted).toEqual([3, 3, 4, 4, 4, 5, 5]);
    expect(r.mean[0]).toBe(6);
    expect(r.sigma2).toBeCloseTo(2.4, 12);
  });
});

describe("holt (ETS(A,A,N)) with given parameters", () => {
  // Hand: y = [10, 12, 13], α = 0.5, β = 0.1, l0 = 10, b0 = 2
  //   t1: ŷ = 12, e = -2, l = 11, b = 1.8
  //   t2: ŷ = 12.8, e = -0.8, l = 12.4, b = 1.72
  //   t3: ŷ = 14.12, e = -1.12, l = 13.56, b = 1.608
  //   mean: 15.168, 16.776; SSE = 4 + 0.64 + 1.2544 = 5.8944; n = 3 → σ² = SSE/3 = 1.9648
  //   v_2 = σ²(1 + (α + β)²) = 1.9648 × 1.36 (Hyndman et al. 2008, Table 6.1, class 1)
  it("matches the hand recursion", () => {
    const r = forecast([10, 12, 13], {method: "holt", horizon: 2, params: {alpha: 0.5, beta: 0.1, l0: 10, b0: 2}});
    expect(r.fitted[0]).toBeCloseTo(12, 12);
    expect(r.fitted[1]).toBeCloseTo(12.8, 12);
    expect(r.fitted[2]).toBeCloseTo(14.12, 12);
    expect(r.mean[0]).toBeCloseTo(15.168, 12);
    expect(r.mean[1]).toBeCloseTo(16.776, 12);
    expect(r.sigma2).toBeCloseTo(1.9648, 12);
    expect(r.lower[95][1]).toBeCloseTo(16.776 - Z95 * Math.sqrt(1.9648 * 1.36), 12);
    expect(r.upper[80][0]).toBeCloseTo(15.168 + Z80 * Math.sqrt(1.9648), 12);
  });
  it("defaults l0 = y[0], b0 = y[1] - y[0] as states before the first observation", () => {
    const a = forecast([10, 12, 13], {method: "holt", horizon: 2, params: {alpha: 0.5, beta: 0.1}});
    expect(a.params.l0).toBe(10);
    expect(a.params.b0).toBe(2);
    expect(a.fitted[0]).toBe(12); // l0 + b0 = y[1]
    expect(a.mean[0]).toBeCloseTo(15.168, 12);
  });
  it("agrees with Holt's component form (β* = β/α) on a longer series", () => {
    const y = [52, 55, 61, 60, 66, 71, 70, 78, 83, 81, 88, 95];
    const p = {alpha: 0.62, beta: 0.17, l0: 49, b0: 3.5};
    const r = forecast(y, {method: "holt", horizon: 3, params: p});
    const ref = holtComponentForm(y, p.alpha, p.beta, 1, p.l0, p.b0);
    ref.fitted.forEach((f, i) => expect(r.fitted[i]).toBeCloseTo(f, 10));
    [1, 2, 3].forEach((h) => expect(r.mean[h - 1]).toBeCloseTo(ref.l + h * ref.b, 10));
    // n = 12 > 4 + 4: R ets path, sigma2 = SSE/(n - 4) (R/ets.R: np <- length(model$par))
    const sse = y.reduce((s, v, i) => s + (v - ref.fitted[i]) ** 2, 0);
    expect(r.sigma2).toBeCloseTo(sse / 8, 10);
    // v_3 = σ²(1 + (α + β)² + (α + 2β)²)
    const v3 = (sse / 8) * (1 + (0.62 + 0.17) ** 2 + (0.62 + 0.34) ** 2);
    expect(r.upper[95][2]).toBeCloseTo(ref.l + 3 * ref.b + Z95 * Math.sqrt(v3), 10);
  });
});

describe("damped (ETS(A,Ad,N)) with given parameters", () => {
  // Hand: y = [10, 12, 13], α = 0.5, β = 0.1, φ = 0.9, l0 = 10, b0 = 2
  //   t1: ŷ = 10 + 0.9·2 = 11.8, e = -1.8, l = 11.8 - 0.9 = 10.9, b = 1.8 - 0.18 = 1.62
  //   t2: ŷ = 10.9 + 1.458 = 12.358, e = -0.358, l = 12.179, b = 1.458 - 0.0358 = 1.4222
  //   t3: ŷ = 12.179 + 1.27998 = 13.45898, e = -0.45898, l = 13.22949, b = 1.27998 - 0.045898 = 1.234082
  //   mean_1 = 13.22949 + 0.9·1.234082 = 14.3401638; mean_2 = 13.22949 + 1.71·1.234082 = 15.33977022
  //   SSE = 3.24 + 0.128164 + 0.2106626404 = 3.5788266404; σ² = SSE/3 = 1.1929422135
  //   c_1 = α + βφ = 0.59 → v_2 = σ²(1 + 0.3481)
  it("matches the hand recursion", () => {
    const r = forecast([10, 12, 13], {
      method: "damped",
      horizon: 2,
      params: {alpha: 0.5, beta: 0.1, phi: 0.9, l0: 10, b0: 2}
    });
    expect(r.fitted[0]).toBeCloseTo(11.8, 12);
    expect(r.fitted[1]).toBeCloseTo(12.358, 12);
    expect(r.fitted[2]).toBeCloseTo(13.45898, 12);
    expect(r.mean[0]).toBeCloseTo(14.3401638, 10);
    expect(r.mean[1]).toBeCloseTo(15.33977022, 10);
    expect(r.sigma2).toBeCloseTo(1.1929422134666, 10);
    expect(r.upper[95][1]).toBeCloseTo(15.33977022 + Z95 * Math.sqrt(1.1929422134666 * 1.3481), 9);
    expect(r.lower[95][0]).toBeCloseTo(12.199454, 5);
  });
  it("agrees with the damped component form and the closed-form c_j on a longer series", () => {
    const y = [20, 24, 27, 31, 33, 36, 37, 40, 41, 43, 44];
    const p = {alpha: 0.7, beta: 0.2, phi: 0.85, l0: 17, b0: 4};
    const r = forecast(y, {method: "damped", horizon: 4, levels: [90], params: p});
    const ref = holtComponentForm(y, p.alpha, p.beta, p.phi, p.l0, p.b0);
    ref.fitted.forEach((f, i) => expect(r.fitted[i]).toBeCloseTo(f, 10));
    let damp = 0;
    for (let h = 1; h <= 4; h++) {
      damp += p.phi ** h;
      expect(r.mean[h - 1]).toBeCloseTo(ref.l + damp * ref.b, 10);
    }
    // n = 11 > 5 + 4 → sigma2 = SSE/(n - 5); c_j = α + βφ(1 - φ^j)/(1 - φ) (Hyndman et al. 2008, Table 6.1)
    const sse = y.reduce((s, v, i) => s + (v - ref.fitted[i]) ** 2, 0);
    expect(r.sigma2).toBeCloseTo(sse / 6, 10);
    const c = (j: number) => p.alpha + (p.beta * p.phi * (1 - p.phi ** j)) / (1 - p.phi);
    const v4 = (sse / 6) * (1 + c(1) ** 2 + c(2) ** 2 + c(3) ** 2);
    const z90 = 1.6448536269514722; // qnorm(0.95)
    expect(r.upper[90][3] - r.mean[3]).toBeCloseTo(z90 * Math.sqrt(v4), 10);
  });
});

describe("sigma² convention (R ets vs HoltWintersZZ)", () => {
  it("switches at R's n > npars + 4 rule", () => {
    expect(etsSigma2(10, 6, "ses")).toBe(10 / 6); // 6 ≤ 6: SSE/n (HoltWintersZZ: mean(residuals^2))
    expect(etsSigma2(10, 7, "ses")).toBe(10 / 5); // 7 > 6: SSE/(n - 2)
    expect(etsSigma2(10, 8, "holt")).toBe(10 / 8);
    expect(etsSigma2(10, 9, "holt")).toBe(10 / 5);
    expect(etsSigma2(10, 9, "damped")).toBe(10 / 9);
    expect(etsSigma2(10, 10, "damped")).toBe(10 / 5);
  });
});

describe("estimation", () => {
  it("never estimates more than n > k + 4 allows", () => {
    expect(estimationPlan(3, "holt", {})).toEqual([]);
    expect(estimationPlan(6, "holt", {})).toEqual(["alpha"]);
    expect(estimationPlan(7, "holt", {})).toEqual(["alpha", "beta"]);
    expect(estimationPlan(9, "holt", {})).toEqual(["alpha", "beta", "l0", "b0"]);
    expect(estimationPlan(7, "damped", {})).toEqual(["alpha", "beta"]); // phi fixed at 0.98
    expect(estimationPlan(8, "damped", {})).toEqual(["alpha", "beta", "phi"]);
    expect(estimationPlan(10, "damped", {})).toEqual(["alpha", "beta", "phi", "l0", "b0"]);
    expect(estimationPlan(7, "ses", {})).toEqual(["alpha", "l0"]);
    expect(estimationPlan(5, "ses", {alpha: 0.3})).toEqual([]);
  });
  it("uses the documented defaults for n = 3", () => {
    const r = forecast([10, 12, 13], {method: "damped", horizon: 1});
    expect(r.params).toEqual({alpha: 0.5, beta: 0.1, phi: 0.98, l0: 10, b0: 2});
  });
  it("finds the SSE minimum over alpha (checked against a fine grid)", () => {
    const y = [30, 34, 31, 38, 36, 41];
    // n = 6: only alpha is estimated, l0 = y[0] (estimationPlan). Grid over [1e-4, 0.9999], step 1e-4.
    const sse = (a: number) => {
      let l = y[0];
      let s = 0;
      for (const v of y) {
        s += (v - l) ** 2;
        l += a * (v - l);
      }
      return s;
    };
    let gridBest = Infinity;
    for (let a = 1e-4; a <= 0.9999; a += 1e-4) gridBest = Math.min(gridBest, sse(a));
    const r = forecast(y, {method: "ses", horizon: 1});
    expect(sse(r.params.alpha)).toBeLessThanOrEqual(gridBest + 1e-9);
    expect(r.sigma2).toBeCloseTo(sse(r.params.alpha) / 6, 10);
  });
  it("keeps given parameters exactly while estimating the others", () => {
    const y = [52, 55, 61, 60, 66, 71, 70, 78, 83, 81, 88, 95];
    const r = forecast(y, {method: "damped", horizon: 2, params: {alpha: 0.4, phi: 0.9}});
    expect(r.params.alpha).toBe(0.4);
    expect(r.params.phi).toBe(0.9);
    expect(r.params.beta).toBeGreaterThanOrEqual(1e-4);
    expect(r.params.beta).toBeLessThanOrEqual(0.4);
  });
  it("beats random parameter sets on SSE for a fully estimated holt model", () => {
    const y = [52, 55, 61, 60, 66, 71, 70, 78, 83, 81, 88, 95];
    const r = forecast(y, {method: "holt", horizon: 1});
    const sseOf = (fitted: number[]) => y.reduce((s, v, i) => s + (v - fitted[i]) ** 2, 0);
    const best = sseOf(r.fitted);
    let seed = 12345;
    const rand = () => (seed = (seed * 1103515245 + 12345) % 2147483648) / 2147483648;
    for (let i = 0; i < 200; i++) {
      const alpha = 1e-4 + rand() * 0.9998;
      const beta = 1e-4 + rand() * (alpha - 1e-4);
      const l0 = 40 + rand() * 20;
      const b0 = rand() * 8;
      const ref = holtComponentForm(y, alpha, beta, 1, l0, b0);
      expect(best).toBeLessThanOrEqual(sseOf(ref.fitted) + 1e-9);
    }
  });
});

describe("textbook check: FPP2 §7.1 (Hyndman & Athanasopoulos), ses(oildata, h = 5)", () => {
  // fpp2::oil, Saudi Arabia oil production (millions of tonnes), 1996–2013 (FPP2 Table 7.1).
  const oil = [
    445.36, 453.2, 454.41, 422.38, 456.04, 440.39, 425.19, 486.21, 500.43, 521.28, 508.95, 488.89, 509.87, 456.72,
    473.82, 525.95, 549.83, 542.34
  ];
  // R output printed in FPP2 §7.1 (forecast 8.x): alpha = 0.8339, l = 446.5868; accuracy() RMSE 28.12;
  //   2014: 542.6806  Lo80 504.4541  Hi80 580.9070  Lo95 484.2183  Hi95 601.1429
  //   2018: 542.6806  Lo80 468.3452  Hi80 617.0159  Lo95 428.9945  Hi95 656.3667
  // The published parameters are rounded to 4 decimals, which moves the forecast by ~1e-3.
  it("reproduces R's forecasts and intervals from the published parameters", () => {
    const r = forecast(oil, {method: "ses", horizon: 5, params: {alpha: 0.8339, l0: 446.5868}});
    expect(Math.abs(r.mean[0] - 542.6806)).toBeLessThan(2e-3);
    expect(Math.abs(r.lower[80][0] - 504.4541)).toBeLessThan(5e-3);
    expect(Math.abs(r.upper[95][0] - 601.1429)).toBeLessThan(5e-3);
    expect(Math.abs(r.lower[95][4] - 428.9945)).toBeLessThan(1e-2);
    expect(Math.abs(r.upper[80][4] - 617.0159)).toBeLessThan(1e-2);
    // RMSE = sqrt(SSE/n) = 28.12 (R accuracy()); the interval sigma is sqrt(SSE/(n - 2)) (R ets).
    const sse = r.fitted.reduce((s, f, i) => s + (oil[i] - f) ** 2, 0);
    expect(Math.sqrt(sse / 18)).toBeCloseTo(28.12, 2);
    expect(r.sigma2).toBeCloseTo(sse / 16, 10);
  });
  it("estimates alpha close to R's and at least as low an SSE", () => {
    const r = forecast(oil, {method: "ses", horizon: 1});
    expect(r.params.alpha).toBeCloseTo(0.8339, 3);
    expect(Math.abs(r.params.l0 - 446.5868)).toBeLessThan(0.05);
    const sse = (a: number, l0: number) => {
      let l = l0;
      let s = 0;
      for (const v of oil) {
        s += (v - l) ** 2;
        l += a * (v - l);
      }
      return s;
    };
    expect(sse(r.params.alpha, r.params.l0)).toBeLessThanOrEqual(sse(0.8339, 446.5868));
    expect(Math.abs(r.mean[0] - 542.6806)).toBeLessThan(5e-3);
  });
});
