import {describe, expect, it} from "vitest";
import {forecast} from "../../../src/components/forecast/index.js";

const Z95 = 1.959963984540054; // qnorm(0.975)

describe("theta (R forecast::thetaf, non-seasonal)", () => {
  // Hand: y = [3, 5, 4, 6], SES with α = 0.5, l0 = 3:
  //   ŷ: 3, 3, 4, 4; e: 0, 2, 0, 2; l4 = 5; SSE = 8; n = 4 ≤ 6 → σ² = SSE/n = 2
  //   OLS slope of y on 0..3: Sxy = 2.25 - 0.25 - 0.25 + 2.25 = 4, Sxx = 5 → 0.8; drift = 0.4
  //   weight (1 - (1 - α)^n)/α = (1 - 0.0625)/0.5 = 1.875
  //   mean_1 = 5 + 0.4·(0 + 1.875) = 5.75; mean_2 = 5 + 0.4·(1 + 1.875) = 6.15
  //   se_h = σ·sqrt(1 + (h - 1)α²): se_1 = sqrt 2, se_2 = sqrt 2.5
  it("matches the hand calculation", () => {
    const r = forecast([3, 5, 4, 6], {method: "theta", horizon: 2, params: {alpha: 0.5, l0: 3}});
    expect(r.mean[0]).toBeCloseTo(5.75, 12);
    expect(r.mean[1]).toBeCloseTo(6.15, 12);
    expect(r.params.drift).toBeCloseTo(0.4, 12);
    expect(r.sigma2).toBeCloseTo(2, 12);
    expect(r.lower[95][0]).toBeCloseTo(5.75 - Z95 * Math.SQRT2, 12); // 2.978192
    expect(r.upper[95][1]).toBeCloseTo(6.15 + Z95 * Math.sqrt(2.5), 12); // 9.248975
    expect(r.lower[95][0]).toBeCloseTo(2.978192, 6);
    expect(r.fitted).toEqual([3, 3, 4, 4]); // the SES fitted values, as thetaf returns them
  });
  it("equals SES + half the OLS slope drift on a longer series", () => {
    const y = [100, 104, 109, 113, 118, 121, 127, 130, 136, 139];
    const alpha = 0.35;
    const r = forecast(y, {method: "theta", horizon: 3, params: {alpha, l0: 98}});
    const ses = forecast(y, {method: "ses", horizon: 3, params: {alpha, l0: 98}});
    // slope of y on t: computed here independently by the textbook formula
    const n = y.length;
    const tbar = (n - 1) / 2;
    const ybar = y.reduce((a, b) => a + b, 0) / n;
    let sxy = 0;
    let sxx = 0;
    y.forEach((v, t) => {
      sxy += (t - tbar) * (v - ybar);
      sxx += (t - tbar) ** 2;
    });
    const b = sxy / sxx / 2;
    const w = (1 - (1 - alpha) ** n) / alpha;
    [0, 1, 2].forEach((i) => expect(r.mean[i]).toBeCloseTo(ses.mean[i] + b * (i + w), 10));
    // intervals from the SES model (n = 10 > 6: sigma2 = SSE/(n - 2), as R ets)
    expect(r.sigma2).toBe(ses.sigma2);
    [0, 1, 2].forEach((i) => expect(r.upper[95][i] - r.mean[i]).toBeCloseTo(ses.upper[95][i] - ses.mean[i], 10));
  });
});

describe("combination", () => {
  it("averages drift, damped and theta forecasts and their bounds", () => {
    const y = [20, 24, 27, 31, 33, 36, 37, 40];
    const opts = {horizon: 3, levels: [80, 95]};
    const c = forecast(y, {method: "combination", ...opts});
    const parts = (["drift", "damped", "theta"] as const).map((m) => forecast(y, {method: m, ...opts}));
    for (let i = 0; i < 3; i++) {
      expect(c.mean[i]).toBeCloseTo((parts[0].mean[i] + parts[1].mean[i] + parts[2].mean[i]) / 3, 12);
      expect(c.lower[95][i]).toBeCloseTo(
        (parts[0].lower[95][i] + parts[1].lower[95][i] + parts[2].lower[95][i]) / 3,
        12
      );
      expect(c.upper[80][i]).toBeCloseTo(
        (parts[0].upper[80][i] + parts[1].upper[80][i] + parts[2].upper[80][i]) / 3,
        12
      );
    }
    expect(c.params["damped.phi"]).toBe(parts[1].params.phi);
    expect(c.params["theta.drift"]).toBe(parts[2].params.drift);
    expect(c.sigma2).toBeNaN();
    // t = 0: drift has no fitted value, so the average is of damped and theta
    expect(c.fitted[0]).toBeCloseTo((parts[1].fitted[0] + parts[2].fitted[0]) / 2, 12);
  });
  it("works with n = 3 (hand: drift 14.5, damped 14.986, theta 13.3125)", () => {
    // y = [10, 12, 13]: drift b = 1.5 → 14.5.
    // damped defaults α = 0.5, β = 0.1, φ = 0.98, l0 = 10, b0 = 2:
    //   ŷ1 = 11.96, e = -1.96, l = 10.98, b = 1.764
    //   ŷ2 = 12.70872, e = -0.70872, l = 12.35436, b = 1.657848
    //   ŷ3 = 13.97905104, e = -0.97905104, l = 13.48952552, b = 1.526785936
    //   mean_1 = 13.48952552 + 0.98 × 1.526785936 = 14.985775737
    // theta with α = 0.5, l0 = 10: ŷ 10, 10, 11; l3 = 12; slope of [10, 12, 13] on 0..2 = 1.5 → drift 0.75;
    //   weight (1 - 0.125)/0.5 = 1.75 → 12 + 0.75·1.75 = 13.3125
    const r = forecast([10, 12, 13], {method: "combination", horizon: 1});
    const damped1 = 14.985775737;
    expect(r.mean[0]).toBeCloseTo((14.5 + damped1 + 13.3125) / 3, 8);
  });
});
