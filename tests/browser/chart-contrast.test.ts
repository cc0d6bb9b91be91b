/**
 * WCAG 1.4.11 non-text contrast, which axe does not check: every chart's series marks and axes keep at least 3:1
 * against the background they are drawn on, in the light and the dark theme. A mark passes when its fill or its
 * stroke does (a pale band with a strong outline is fine). Grid lines and hidden tooltips are decoration.
 */
import {afterAll, beforeAll, describe, expect, test} from "vitest";
import {serveStatic, type StaticServer} from "../../scripts/static-server.js";
import {launchBrowser, type Browser} from "../support/browser.js";
import {blend, contrastRatio, type Rgb} from "../support/contrast.js";
import {distDir} from "../support/site.js";
import {visitPage} from "../support/visit.js";
import {PAGES} from "./pages.js";

interface Paint {
  mark: string;
  tag: string;
  background: Rgb;
  fill: [Rgb, number] | null;
  stroke: [Rgb, number] | null;
  /** For a label drawn on a bar: the bar's fill, which is then the label's background. */
  under: [Rgb, number] | null;
}

const DECORATIVE_MARKS = /(^|-)grid$|^frame$|^tip$/;

let server: StaticServer;
let browser: Browser;

beforeAll(async () => {
  server = await serveStatic(distDir);
  browser = await launchBrowser();
});

afterAll(async () => {
  await browser?.close();
  await server?.close();
});

function ratioOf(paint: [Rgb, number] | null, background: Rgb): number {
  return paint === null ? 0 : contrastRatio(blend(paint[0], paint[1], background), background);
}

describe.each(["light", "dark"] as const)("%s theme", (colorScheme) => {
  test.each(PAGES.filter((page) => page.minCharts > 0))(
    "page $path: chart marks and axes have 3:1 contrast",
    async ({path, minCharts}) => {
      const visit = await visitPage(browser.context, `${server.url}${path}`, {minCharts, colorScheme});
      const paints = await visit.page.evaluate((decorative) => {
        // Computed colours come as rgb()/rgba(), or as color(srgb r g b / a) with 0–1 channels (from color-mix).
        const parse = (color: string): [number, number, number, number] | null => {
          const srgb = /color\(srgb ([^)]+)\)/.exec(color);
          if (srgb) {
            const parts = srgb[1].split(/[ /]+/).filter(Boolean).map(Number);
            return [parts[0] * 255, parts[1] * 255, parts[2] * 255, parts.length > 3 ? parts[3] : 1];
          }
          const match = /rgba?\(([^)]+)\)/.exec(color);
          if (!match) return null;
          const parts = match[1]
            .split(/[ ,/]+/)
            .filter(Boolean)
            .map(Number);
          return [parts[0], parts[1], parts[2], parts.length > 3 ? parts[3] : 1];
        };
        const backgroundOf = (element: Element): [number, number, number] => {
          for (let node: Element | null = element; node; node = node.parentElement) {
            const color = parse(getComputedStyle(node).backgroundColor);
            if (color && color[3] > 0.5) return [color[0], color[1], color[2]];
          }
          return [255, 255, 255];
        };
        const opacityOf = (element: Element): number => {
          let opacity = 1;
          for (let node: Element | null = element; node; node = node.parentElement) {
            opacity *= Number(getComputedStyle(node).opacity || 1);
          }
          return opacity;
        };
        const results: {
          mark: string;
          tag: string;
          background: number[];
          fill: unknown;
          stroke: unknown;
          under: unknown;
        }[] = [];
        for (const svg of document.querySelectorAll('svg[role="img"]')) {
          const background = backgroundOf(svg);
          const bars = [...svg.querySelectorAll("rect")].flatMap((rect) => {
            const fill = parse(getComputedStyle(rect).fill);
            if (!fill || fill[3] === 0 || rect.closest("[data-mark]")?.getAttribute("data-mark")?.match(decorative)) {
              return [];
            }
            return [{box: rect.getBoundingClientRect(), fill: [fill.slice(0, 3), fill[3] * opacityOf(rect)]}];
          });
          for (const element of svg.querySelectorAll("rect, path, circle, line, polyline, polygon, ellipse, text")) {
            const group = element.closest("[data-mark]");
            const mark = group?.getAttribute("data-mark") ?? "";
            if (new RegExp(decorative).test(mark)) continue;
            const box = (element as SVGGraphicsElement).getBBox();
            if (box.width === 0 && box.height === 0) continue;
            const style = getComputedStyle(element);
            if (style.visibility === "hidden" || style.display === "none") continue;
            const opacity = opacityOf(element);
            const fill = parse(style.fill);
            let under: unknown = null;
            if (element.tagName === "text") {
              const box = element.getBoundingClientRect();
              const [x, y] = [box.x + box.width / 2, box.y + box.height / 2];
              const bar = bars.findLast(({box: b}) => x >= b.left && x <= b.right && y >= b.top && y <= b.bottom);
              under = bar?.fill ?? null;
            }
            const stroke = style.strokeWidth !== "0px" ? parse(style.stroke) : null;
            results.push({
              mark,
              tag: `${element.tagName} in "${svg.getAttribute("aria-label") ?? ""}": ${element.outerHTML.slice(0, 60)}`,
              background,
              fill: fill && fill[3] > 0 ? [fill.slice(0, 3), fill[3] * Number(style.fillOpacity) * opacity] : null,
              stroke:
                stroke && stroke[3] > 0
                  ? [stroke.slice(0, 3), stroke[3] * Number(style.strokeOpacity) * opacity]
                  : null,
              under
            });
          }
        }
        return results;
      }, DECORATIVE_MARKS.source);
      await visit.page.close();
      expect(paints.length).toBeGreaterThan(0);
      // A label on a bar is text on that bar: it needs WCAG's 4.5:1 against the bar (SC 1.4.3).
      const failures = (paints as unknown as Paint[])
        .map((paint) => {
          const background = paint.under ? blend(paint.under[0], paint.under[1], paint.background) : paint.background;
          const ratio = Math.max(ratioOf(paint.fill, background), ratioOf(paint.stroke, background));
          return {paint: {...paint, background}, ratio, minimum: paint.under ? 4.5 : 3};
        })
        .filter(({ratio, minimum}) => ratio < minimum)
        .map(
          ({paint, ratio}) =>
            `${paint.mark || "(unnamed)"} ${paint.tag}: ${ratio.toFixed(2)}:1 on rgb(${paint.background.join(",")})`
        );
      expect([...new Set(failures)]).toEqual([]);
    }
  );
});
