import {describe, expect, it} from "vitest";
import {estimationPlan, forecast, type ForecastParams} from "../../../src/components/forecast/index.js";
import {expectClose, loadReference} from "./reference.js";

interface Output {
  fitted: number[];
  mean: number[];
  lower: Record<string, number[]>;
  upper: Record<string, number[]>;
  sigma2: number;
}
interface Case {
  name: string;
  y: number[];
  method: "ses" | "holt" | "damped";
  horizon: number;
  params: ForecastParams;
  r: Output & {initstate?: number[]; r_unpatched?: Output};
  note: string;
}
interface Estimated {
  name: string;
  y: number[];
  method: "ses" | "holt" | "damped";
  route: "ets" | "HoltWintersZZ";
  par: Record<string, number>;
  sse: number;
}
interface EtsReference {
  cases: Case[];
  useInitialValues: Record<
    string,
    {ets_sigma2: number; use_initial_values_sigma2: number; sse: number; n: number; npar: number}
  >;
  estimated: Estimated[];
}

// tests/fixtures/reference/ets.json, written by ets.R (R 4.2.2, forecast 8.20; commands in README.md).
const ref = loadReference<EtsReference>("ets.json");

function expectMatches(c: Case, expected: Output): void {
  const r = forecast(c.y, {method: c.method, horizon: c.horizon, params: c.params});
  expectClose(r.fitted, expected.fitted, `${c.name} fitted`);
  expectClose(r.mean, expected.mean, `${c.name} mean`);
  for (const level of [80, 95]) {
    expectClose(r.lower[level], expected.lower[level], `${c.name} lower ${level}`);
    expectClose(r.upper[level], expected.upper[level], `${c.name} upper ${level}`);
  }
  expectClose([r.sigma2], [expected.sigma2], `${c.name} sigma2`);
}

describe("ses / holt / damped against R forecast 8.20, every parameter and initial state given", () => {
  // R: forecast:::pegelsresid.C(y, 1, c(l0, b0), "A", trend, "N", damped, alpha, beta, NULL, phi, 3)
  // (the C recursion ets() runs), wrapped in an "ets" object whose sigma2 follows R's rule for the
  // length (SSE/(n - length(par)) when n > npars + 4, else SSE/n as HoltWintersZZ), then
  // forecast(model, h = 4, level = c(80, 95)) -> class1(): mean and both interval levels.
  const cases = ref.cases.filter((c) => c.name.endsWith("/all-given"));
  it("covers 6 series (3 to 20 points) × 3 methods", () => expect(cases.length).toBe(18));
  it.each(cases)("$name", (c) => expectMatches(c, c.r));
});

describe("initial states not given: l0 = y[0], b0 = y[1] - y[0] before the first observation", () => {
  // R: ets(y, model, alpha, beta = beta/alpha, phi) on n <= npars + 4 -> HoltWintersZZ, whose states
  // start at exactly these values and whose `beta` is Holt's beta* (so R is given beta/alpha).
  // fitted, mean and sigma2 (= SSE/n) are R's own. R's forecast.ets then builds the interval
  // variance from par["beta"] = beta*, as if it were the ETS beta; the fixture's `r` sets
  // par["beta"] to the ETS beta first (the model R fitted), `r_unpatched` keeps R's output.
  const cases = ref.cases.filter((c) => c.name.endsWith("/states-not-given"));
  it("covers short series (3–8 points)", () => expect(cases.length).toBe(13));
  it.each(cases)("$name", (c) => {
    expect(c.params.l0).toBeUndefined();
    // jsonlite writes a length-1 vector (ses: l only) as a scalar
    const initstate = ([] as number[]).concat(c.r.initstate!);
    expect(initstate[0]).toBe(c.y[0]);
    if (c.method !== "ses") expect(initstate[1]).toBe(c.y[1] - c.y[0]);
    expectMatches(c, c.r);
  });
  it("R's unpatched intervals differ only for trend models (beta* read as the ETS beta)", () => {
    for (const c of cases) {
      const raw = c.r.r_unpatched!;
      expectClose(raw.mean, c.r.mean, `${c.name} unpatched mean`);
      // h = 1 always agrees (variance sigma2); from h = 2 the c_j differ because beta* != beta here.
      expect(Math.abs(raw.upper[95][0] - c.r.upper[95][0]), c.name).toBeLessThan(1e-9);
      const later = Math.abs(raw.upper[95][3] - c.r.upper[95][3]);
      if (c.method === "ses") expect(later, c.name).toBeLessThan(1e-9);
      else expect(later, c.name).toBeGreaterThan(1e-3);
    }
  });
});

describe("R's own ets() fit with the smoothing parameters given (R estimates l0, b0)", () => {
  // R: fit <- ets(Nile[1:20], model, alpha, beta, phi); forecast(fit, h = 4, level = c(80, 95)).
  // The engine is given R's alpha/beta/phi and fit$initstate: no patch, R's sigma2 = SSE/(n - np),
  // np = length(fit$par) = 2, 4, 5.
  it.each(ref.cases.filter((c) => c.name.endsWith("/r-ets-fit")))("$name", (c) => expectMatches(c, c.r));

  it("ets(model = fit, use.initial.values = TRUE) counts one parameter more (documented, not followed)", () => {
    // R/ets.R: the use.initial.values branch sets np <- length(model$par) + 1 before
    // sigma2 <- SSE/(ny - np); ets() itself uses np <- length(model$par). The engine follows ets().
    for (const [kind, u] of Object.entries(ref.useInitialValues)) {
      expect(u.ets_sigma2, kind).toBeCloseTo(u.sse / (u.n - u.npar), 6);
      expect(u.use_initial_values_sigma2, kind).toBeCloseTo(u.sse / (u.n - u.npar - 1), 6);
    }
  });
});

describe("estimated parameters: what R picks and how the engine differs (README.md)", () => {
  const sseOf = (y: number[], fitted: number[]): number => y.reduce((s, v, i) => s + (v - fitted[i]) ** 2, 0);
  it("reaches an SSE no higher than R's wherever both estimate the same parameters", () => {
    // Same parameter set: R's ets route (n > npars + 4: alpha, beta, phi, l0, b0) vs the engine's
    // full plan, and R's HoltWintersZZ route (alpha, beta* with the simple states) vs the engine's
    // plan for holt at n = 7–8 and ses at n = 6. R minimises n·log(SSE) (its Gaussian likelihood for
    // additive errors), so the optimum is the same; R's Nelder–Mead stops earlier on Nile.
    // Left out: fits where R's HoltWintersZZ puts alpha at 1, outside ets()'s bound 0.9999 that the
    // engine keeps (demo_requests/ses: SSE 174808 at alpha = 1 vs 174825 at 0.9999).
    let compared = 0;
    for (const e of ref.estimated) {
      if (e.par.alpha > 0.9999) continue;
      const plan = estimationPlan(e.y.length, e.method, {});
      const sameSet =
        e.route === "ets" ? plan.includes("l0") : plan.length === (e.method === "ses" ? 1 : 2) && e.method !== "damped";
      if (!sameSet) continue;
      compared += 1;
      const r = forecast(e.y, {method: e.method, horizon: 1});
      expect(sseOf(e.y, r.fitted), e.name).toBeLessThanOrEqual(e.sse * (1 + 1e-6));
    }
    expect(compared).toBe(7);
  });
  it("fixes what the series cannot support where R's HoltWintersZZ still optimises", () => {
    // R (HoltWintersZZ) estimates alpha and beta* on any length and drops damping; the engine follows
    // the issue: n > (estimated) + 4, defaults alpha 0.5, beta 0.2·alpha, phi 0.98.
    const short5 = ref.estimated.find((e) => e.name === "short5/holt")!;
    expect(short5.route).toBe("HoltWintersZZ");
    expect(short5.par.alpha).toBeCloseTo(0.510527, 5);
    expect(short5.par.beta).toBe(1); // Holt's beta* at its upper bound: ETS beta = alpha
    const r = forecast(short5.y, {method: "holt", horizon: 1});
    expect(r.params).toEqual({alpha: 0.5, beta: 0.1, l0: 56, b0: 56});
  });
});
