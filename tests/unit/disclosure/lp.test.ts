import {describe, expect, it} from "vitest";
import {variableBounds, type LinearEquation} from "../../../loaders/disclosure/lp.js";
import {mulberry32} from "../../../loaders/demo/prng.js";

const eq = (pairs: [number, number][], rhs: number): LinearEquation => ({coefficients: new Map(pairs), rhs});

describe("LP bounds", () => {
  it("solves a hand example: x0 + x1 = 7, x0 + x2 = 4", () => {
    // hand calculation: x0 ≤ 4 from the second equation, x0 = 0 is feasible (x1 = 7, x2 = 4)
    const [b0, b1] = variableBounds(
      [
        eq(
          [
            [0, 1],
            [1, 1]
          ],
          7
        ),
        eq(
          [
            [0, 1],
            [2, 1]
          ],
          4
        )
      ],
      3,
      [0, 1]
    );
    expect([b0.min, b0.max]).toEqual([0, 4]);
    expect([b1.min, b1.max]).toEqual([3, 7]);
  });
  it("finds the 2 × 2 block disclosure: a + b = 3, c + d = 2, a + c = 3, b + d = 2 gives a ∈ [1, 3]", () => {
    // hand calculation: d = a − 1 ≥ 0 so a ≥ 1; b = 3 − a ≥ 0 so a ≤ 3
    const [a] = variableBounds(
      [
        eq(
          [
            [0, 1],
            [1, 1]
          ],
          3
        ),
        eq(
          [
            [2, 1],
            [3, 1]
          ],
          2
        ),
        eq(
          [
            [0, 1],
            [2, 1]
          ],
          3
        ),
        eq(
          [
            [1, 1],
            [3, 1]
          ],
          2
        )
      ],
      4,
      [0]
    );
    expect([a.min, a.max]).toEqual([1, 3]);
    expect(a.minIntegral && a.maxIntegral).toBe(true);
  });
  it("reports an unbounded maximum and refuses infeasible constraints", () => {
    const [x] = variableBounds(
      [
        eq(
          [
            [0, 1],
            [1, -1]
          ],
          2
        )
      ],
      2,
      [0]
    ); // x0 − x1 = 2
    expect([x.min, x.max]).toEqual([2, Infinity]);
    expect(() => variableBounds([eq([[0, 1]], -1)], 1, [0])).toThrow("infeasible");
  });
  it("handles a redundant equation (a total stated twice)", () => {
    const [x] = variableBounds(
      [
        eq(
          [
            [0, 1],
            [1, 1]
          ],
          5
        ),
        eq(
          [
            [0, 2],
            [1, 2]
          ],
          10
        )
      ],
      2,
      [0]
    );
    expect([x.min, x.max]).toEqual([0, 5]);
  });
  it("agrees with brute-force integer enumeration on 300 random small systems", () => {
    // independent check: enumerate every integer point of {0..8}^4 satisfying the equations (the truth is in
    // {0..2}^4 and the last equation fixes the sum, so no variable can exceed 8)
    const rng = mulberry32(2024);
    let compared = 0;
    for (let trial = 0; trial < 300; trial++) {
      const truth = Array.from({length: 4}, () => Math.floor(rng() * 3));
      const equations: LinearEquation[] = [];
      for (let e = 0; e < 2; e++) {
        const pairs: [number, number][] = [];
        for (let j = 0; j < 4; j++) if (rng() < 0.6) pairs.push([j, rng() < 0.8 ? 1 : -1]);
        if (pairs.length === 0) continue;
        equations.push(
          eq(
            pairs,
            pairs.reduce((s, [j, a]) => s + a * truth[j], 0)
          )
        );
      }
      // keep every variable bounded by adding their sum
      equations.push(
        eq(
          [
            [0, 1],
            [1, 1],
            [2, 1],
            [3, 1]
          ],
          truth.reduce((s, x) => s + x, 0)
        )
      );
      const bounds = variableBounds(equations, 4, [0, 1, 2, 3]);
      const lo = [Infinity, Infinity, Infinity, Infinity];
      const hi = [-Infinity, -Infinity, -Infinity, -Infinity];
      for (let n = 0; n < 9 ** 4; n++) {
        const x = [n % 9, Math.floor(n / 9) % 9, Math.floor(n / 81) % 9, Math.floor(n / 729)];
        if (!equations.every((q) => [...q.coefficients].reduce((s, [j, a]) => s + a * x[j], 0) === q.rhs)) continue;
        x.forEach((v, j) => {
          lo[j] = Math.min(lo[j], v);
          hi[j] = Math.max(hi[j], v);
        });
      }
      bounds.forEach((b, j) => {
        // the LP bound is never tighter than the integer bound; when its vertex is integral they are equal
        expect(Math.ceil(b.min - 1e-9)).toBeLessThanOrEqual(lo[j]);
        expect(Math.floor(b.max + 1e-9)).toBeGreaterThanOrEqual(hi[j]);
        if (b.minIntegral) expect(Math.round(b.min)).toBe(lo[j]);
        if (b.maxIntegral) expect(Math.round(b.max)).toBe(hi[j]);
        compared++;
      });
    }
    expect(compared).toBe(1200);
  });
});
