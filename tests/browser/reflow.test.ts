/**
 * WCAG 1.4.10 reflow and 1.4.4 resize text: every page at 320 CSS px wide, and at 200% zoom of a 1280×800 window
 * (a 640×400 CSS px viewport at device scale 2), reads without scrolling the page sideways. Wide content (a data
 * table) may scroll inside its own box only if that box can take keyboard focus and has a name, so a keyboard user
 * can scroll it and a screen-reader user knows what it is. No text may be clipped by its box or drawn over other
 * text. Full-page screenshots go to tests/screenshots/reflow-*.png for a person to look at.
 */
import {mkdir} from "node:fs/promises";
import {join} from "node:path";
import {afterAll, beforeAll, describe, expect, test} from "vitest";
import {serveStatic, type StaticServer} from "../../scripts/static-server.js";
import {launchBrowser, type Browser} from "../support/browser.js";
import {requireSite, SITES, type Site} from "../support/site.js";
import {visitPage} from "../support/visit.js";

const screenshotDir = join(import.meta.dirname, "..", "screenshots");

/** The two layouts WCAG asks for, as Chromium emulates them. */
const LAYOUTS = [
  {name: "320px", viewport: {width: 320, height: 640}, deviceScaleFactor: 1},
  {name: "zoom200", viewport: {width: 640, height: 400}, deviceScaleFactor: 2}
] as const;

/**
 * Chart labels that still collide in these layouts (value labels, and on /published an axis label against a value
 * label), to be fixed in each chart: they need the chart's own layout (fewer labels, or labels moved apart). Listed so that any new collision fails; the figures are all in the
 * chart's data table.
 */
const KNOWN_LABEL_OVERLAPS: Record<string, string[]> = {
  "320px /demand": ['text "10%" over text "10%"', 'text "9%" over text "10%"', 'text "10%" over text "9%"'],
  "320px /capacity": ['text "0 of 210" over text "2 of 198"'],
  "320px /spend": [
    'text "£972,753" over text "£968,653"',
    'text "All Lots +18%" over text "Lot 4 +18%"',
    'text "Lot 4 +18%" over text "Lot 2 +17%"'
  ],
  "320px /published": [
    'text "0% spot" over text "0% spot"',
    'text "Lewisham Council" over text "205"',
    'text "2021-22" over text "2019-20"',
    'text "SEL CCG" over text "73% spot"'
  ],
  "320px /report": ['text "6.8%" over text "6.7%"'],
  "zoom200 /demand": ['text "Lag-adjusted (5 months): 58%" over text "Same year: 56%"'],
  "zoom200 /spend": ['text "All Lots +18%" over text "Lot 4 +18%"', 'text "Lot 4 +18%" over text "Lot 2 +17%"'],
  "zoom200 /published": ['text "SEL CCG" over text "73% spot"']
};

interface ReflowReport {
  pageWidth: number;
  viewportWidth: number;
  /** Boxes that scroll sideways but cannot be focused or have no name. */
  unlabelledScrollers: string[];
  /** Elements sticking out past the window's right edge, outside any scrolling box. */
  offscreen: string[];
  /** Boxes that hide part of their text (overflow hidden or clip). */
  clipped: string[];
  /** Pairs of text runs drawn over each other (page text, chart titles, axis labels). */
  overlaps: string[];
  /** Pairs of a chart's own value labels drawn over each other. */
  labelOverlaps: string[];
}

const servers = new Map<Site["name"], StaticServer>();
const browsers = new Map<string, Browser>();

beforeAll(async () => {
  for (const site of SITES) {
    requireSite(site);
    servers.set(site.name, await serveStatic(site.dir));
  }
  await mkdir(screenshotDir, {recursive: true});
  for (const layout of LAYOUTS) {
    browsers.set(
      layout.name,
      await launchBrowser({viewport: layout.viewport, deviceScaleFactor: layout.deviceScaleFactor})
    );
  }
});

afterAll(async () => {
  for (const browser of browsers.values()) await browser.close();
  for (const server of servers.values()) await server.close();
});

/** Measures the laid-out page (runs in the browser). */
function measureReflow(): ReflowReport {
  const describe = (element: Element) => {
    const id = element.id ? `#${element.id}` : "";
    const classes =
      typeof element.className === "string" && element.className ? `.${element.className.split(/\s+/).join(".")}` : "";
    const text = (element.getAttribute("aria-label") ?? element.textContent ?? "").trim().replace(/\s+/g, " ");
    return `${element.tagName.toLowerCase()}${id}${classes} "${text.slice(0, 50)}"`;
  };
  const shown = (element: Element) => element.checkVisibility({visibilityProperty: true, opacityProperty: true});
  const all = [...document.querySelectorAll("body *")].filter(
    (element) => !element.closest("#observablehq-sidebar, .skip-link, script, style, title")
  );
  const scrollsSideways = (element: Element) => {
    const overflow = getComputedStyle(element).overflowX;
    return (overflow === "auto" || overflow === "scroll") && element.scrollWidth > element.clientWidth + 1;
  };
  const insideScroller = (element: Element) => {
    for (let node = element.parentElement; node && node !== document.body; node = node.parentElement) {
      if (["auto", "scroll", "hidden", "clip"].includes(getComputedStyle(node).overflowX)) return true;
    }
    return false;
  };
  const unlabelledScrollers = all
    .filter((element) => shown(element) && scrollsSideways(element))
    .filter((element) => {
      const focusable = (element as HTMLElement).tabIndex >= 0;
      const named = element.hasAttribute("aria-label") || element.hasAttribute("aria-labelledby");
      return !(focusable && named && element.getAttribute("role") === "region");
    })
    .map(describe);
  const offscreen = all
    .filter((element) => shown(element) && !insideScroller(element))
    .filter((element) => {
      const box = element.getBoundingClientRect();
      return box.width > 0 && box.right > innerWidth + 1;
    })
    .map(describe);
  // Text hidden by its own box: overflow hidden or clip with content larger than the box.
  const clipped = all
    .filter((element) => shown(element) && element.textContent?.trim())
    .filter((element) => {
      const style = getComputedStyle(element);
      const clipsX = ["hidden", "clip"].includes(style.overflowX) && element.scrollWidth > element.clientWidth + 1;
      const clipsY = ["hidden", "clip"].includes(style.overflowY) && element.scrollHeight > element.clientHeight + 1;
      const ellipsis = style.textOverflow === "ellipsis" && element.scrollWidth > element.clientWidth + 1;
      return clipsX || clipsY || ellipsis;
    })
    .map(describe);
  // Every run of text on the page (HTML and chart SVG), as boxes; two runs from different elements that share
  // more than a sliver of area overlap. A run of text inside a scrolled box only counts where it can be seen.
  const measured = new Set(all);
  const runs: {box: DOMRect; owner: Element}[] = [];
  const walker = document.createTreeWalker(document.body, NodeFilter.SHOW_TEXT);
  const range = document.createRange();
  for (let node = walker.nextNode(); node; node = walker.nextNode()) {
    const owner = node.parentElement;
    if (!owner || !node.textContent?.trim() || !measured.has(owner) || !shown(owner)) continue;
    // A turned label's box is much larger than its glyphs; plot() spaces turned axis labels itself.
    if (owner.closest('[transform*="rotate"]')) continue;
    range.selectNodeContents(node);
    for (const box of range.getClientRects()) if (box.width > 1 && box.height > 1) runs.push({box, owner});
  }
  runs.sort((a, b) => a.box.top - b.box.top);
  const overlaps: string[] = [];
  const labelOverlaps: string[] = [];
  for (let i = 0; i < runs.length; i++) {
    for (let j = i + 1; j < runs.length && runs[j].box.top < runs[i].box.bottom; j++) {
      const [a, b] = [runs[i], runs[j]];
      if (a.owner === b.owner || a.owner.contains(b.owner) || b.owner.contains(a.owner)) continue;
      const width = Math.min(a.box.right, b.box.right) - Math.max(a.box.left, b.box.left);
      const height = Math.min(a.box.bottom, b.box.bottom) - Math.max(a.box.top, b.box.top);
      // Line boxes of adjacent lines touch by a pixel or two; real overlaps cover a good part of a character.
      if (width > 3 && height > Math.min(a.box.height, b.box.height) / 3) {
        const dataLabel = (owner: Element) =>
          owner instanceof SVGElement && !/axis/.test(owner.closest("[data-mark]")?.getAttribute("data-mark") ?? "");
        (dataLabel(a.owner) && dataLabel(b.owner) ? labelOverlaps : overlaps).push(
          `${describe(a.owner)} over ${describe(b.owner)}`
        );
      }
    }
  }
  return {
    pageWidth: document.documentElement.scrollWidth,
    viewportWidth: innerWidth,
    unlabelledScrollers,
    offscreen,
    clipped,
    overlaps: [...new Set(overlaps)],
    labelOverlaps: [...new Set(labelOverlaps)]
  };
}

describe.each(SITES)("the $name site", (site) => {
  describe.each(LAYOUTS)("$name", ({name}) => {
    test.each(site.pages)(
      "page $path reflows with no sideways scrolling, clipped or overlapping text",
      async (spec) => {
        const visit = await visitPage(browsers.get(name)!.context, `${servers.get(site.name)!.url}${spec.path}`, {
          minCharts: spec.minCharts
        });
        const page = visit.page;
        // Open every data table, so the tables themselves are measured too.
        await page.evaluate(() => {
          for (const details of document.querySelectorAll<HTMLDetailsElement>("#observablehq-main details"))
            details.open = true;
        });
        const report = await page.evaluate(measureReflow);
        const file = spec.path === "/" ? "index" : spec.path.slice(1);
        await page.screenshot({
          path: join(screenshotDir, `reflow-${site.name}-${name}-${file}.png`),
          fullPage: true,
          timeout: 120_000
        });
        await page.close();
        expect(visit.errorCells).toEqual([]);
        expect(report.viewportWidth).toBe(name === "320px" ? 320 : 640);
        const known = KNOWN_LABEL_OVERLAPS[`${name} ${spec.path}`] ?? [];
        expect({
          ...report,
          pageWidth: report.pageWidth <= report.viewportWidth + 1,
          overlaps: report.overlaps.filter((overlap) => !known.includes(overlap)),
          labelOverlaps: report.labelOverlaps.filter((overlap) => !known.includes(overlap))
        }).toEqual({
          ...report,
          pageWidth: true,
          unlabelledScrollers: [],
          offscreen: [],
          clipped: [],
          overlaps: [],
          labelOverlaps: []
        });
      }
    );
  });
});
