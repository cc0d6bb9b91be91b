/**
 * WCAG 2.1.1 keyboard, 2.1.2 no keyboard trap, 2.4.1 bypass blocks, 2.4.7 focus visible, 2.4.11 focus not obscured
 * and 1.4.11 non-text contrast of the focus indicator, on every page, with the Tab key alone:
 *
 * - a sweep presses Tab from the top of the page until focus comes back to the first control, opening every closed
 *   data table (`<details>`) with Enter on the way; every control the page shows (links, buttons, inputs, selects,
 *   summaries, scroll regions, anything with a tabindex or a click handler) must have been reached, and each focused
 *   control must look different from its unfocused self, with an indicator of at least 3:1 against what surrounds it;
 * - each filter is then changed by keyboard (arrow keys on selects, radios and sliders, Space on checkboxes) and the
 *   page must change (its charts, tables or text); the skip link, the sidebar toggle and a CSV download are used by
 *   keyboard too.
 */
import {readFile} from "node:fs/promises";
import type {Page} from "playwright-core";
import {afterAll, beforeAll, describe, expect, test} from "vitest";
import {serveStatic, type StaticServer} from "../../scripts/static-server.js";
import {launchBrowser, type Browser} from "../support/browser.js";
import {blend, contrastRatio, effectiveBackground, type Rgb} from "../support/contrast.js";
import {requireSite, SITES, type Site} from "../support/site.js";
import {visitPage} from "../support/visit.js";

type Rgba = [number, number, number, number];

/** What a control looks like, as the page computes it. */
interface Paint {
  outlineStyle: string;
  outlineWidth: number;
  outlineOffset: number;
  outlineColour: Rgba | null;
  boxShadow: string;
  shadowColour: Rgba | null;
  borderColours: (Rgba | null)[];
  borderWidths: number[];
  background: Rgba | null;
  textDecoration: string;
  /** Backgrounds of the element and its ancestors, innermost first (what an inset indicator sits on). */
  inside: Rgba[];
  /** Backgrounds of its ancestors only (what an outline drawn outside it sits on). */
  outside: Rgba[];
}

interface FocusStep {
  index: number;
  label: string;
  closedSummary: boolean;
  paint: Paint;
  obscured: boolean;
}

interface Probe {
  seen: Element[];
  /** Per control in `seen`: the element that shows its focus (itself, or a visible label). */
  targets: Element[];
  label(element: Element): string;
  paint(element: Element): Paint;
  obscured(element: Element): boolean;
  target(element: Element): Element;
  required(): Element[];
  snapshot(element: Element): string;
}

declare global {
  interface Window {
    __kbd: Probe;
  }
}

/**
 * Installed before any page script: records every element given a click-like listener (a control a mouse user can
 * use, so a keyboard user must reach it), and helpers the steps below call. Plot's tooltips listen for pointer
 * events on charts; their keyboard alternative is the data table after each chart, reached like any control.
 */
function installProbe(): void {
  const clickTargets = new Set<Element>();
  const prototype = EventTarget.prototype;
  const add = Reflect.get(prototype, "addEventListener");
  prototype.addEventListener = function (this: EventTarget, ...args: Parameters<EventTarget["addEventListener"]>) {
    if (/^(click|dblclick|mousedown|mouseup)$/.test(args[0]) && this instanceof Element) clickTargets.add(this);
    return Reflect.apply(add, this, args);
  };
  const context = new OffscreenCanvas(1, 1).getContext("2d", {willReadFrequently: true})!;
  // Any CSS colour (rgb, color-mix's color(srgb …), oklch …) as 0–255 sRGB and 0–1 alpha, as the browser paints it.
  const toRgba = (css: string | null | undefined): Rgba | null => {
    if (!css || !CSS.supports("color", css)) return null;
    context.clearRect(0, 0, 1, 1);
    context.fillStyle = css;
    context.fillRect(0, 0, 1, 1);
    const [r, g, b, a] = context.getImageData(0, 0, 1, 1).data;
    return [r, g, b, a / 255];
  };
  const backgrounds = (element: Element | null): Rgba[] => {
    const colours: Rgba[] = [];
    for (let node = element; node; node = node.parentElement) {
      const colour = toRgba(getComputedStyle(node).backgroundColor);
      if (colour && colour[3] > 0) colours.push(colour);
      if (colour && colour[3] === 1) break;
    }
    return colours;
  };
  const px = (text: string) => parseFloat(text) || 0;
  const sides = ["Top", "Right", "Bottom", "Left"] as const;
  const focusable =
    'a[href], area[href], button, input:not([type="hidden"]), select, textarea, summary, iframe, [tabindex], [contenteditable]:not([contenteditable="false"])';
  const probe: Probe = {
    seen: [],
    targets: [],
    label(element) {
      const name =
        element.getAttribute("aria-label") ??
        (element as HTMLInputElement).labels?.[0]?.textContent ??
        element.textContent ??
        "";
      const id = element.id ? `#${element.id}` : "";
      const type = element.getAttribute("type") ? `[type=${element.getAttribute("type")}]` : "";
      return `${element.tagName.toLowerCase()}${id}${type} "${name.trim().replace(/\s+/g, " ").slice(0, 60)}"`;
    },
    paint(element) {
      const style = getComputedStyle(element);
      const shadow = /(rgba?\([^)]*\)|color\([^)]*\)|oklch\([^)]*\)|oklab\([^)]*\)|#[0-9a-f]{3,8})/i.exec(
        style.boxShadow
      );
      return {
        outlineStyle: style.outlineStyle,
        outlineWidth: px(style.outlineWidth),
        outlineOffset: px(style.outlineOffset),
        outlineColour: toRgba(style.outlineColor),
        boxShadow: style.boxShadow,
        shadowColour: shadow ? toRgba(shadow[1]) : null,
        borderColours: sides.map((side) => toRgba(style.getPropertyValue(`border-${side.toLowerCase()}-color`))),
        borderWidths: sides.map((side) => px(style.getPropertyValue(`border-${side.toLowerCase()}-width`))),
        background: toRgba(style.backgroundColor),
        textDecoration: style.textDecorationLine,
        inside: backgrounds(element),
        outside: backgrounds(element.parentElement)
      };
    },
    obscured(element) {
      // WCAG 2.4.11: the focused control must not be entirely hidden by other content (the sidebar, a sticky cell).
      // Points across the part of its box inside the window; one that hits the control is enough.
      return ![...element.getClientRects()].some((box) => {
        const [left, right] = [Math.max(box.left, 0), Math.min(box.right, innerWidth)];
        const [top, bottom] = [Math.max(box.top, 0), Math.min(box.bottom, innerHeight)];
        if (right <= left || bottom <= top) return false;
        const xs = [left + 1, (left + right) / 2, right - 1];
        const ys = [top + 1, (top + bottom) / 2, bottom - 1];
        return xs.some((x) =>
          ys.some((y) => {
            const hit = document.elementFromPoint(x, y);
            return hit !== null && (element.contains(hit) || hit.contains(element));
          })
        );
      });
    },
    target(element) {
      // A checkbox hidden under other content is still operable through a visible label, which then shows focus.
      if (!probe.obscured(element)) return element;
      const labels = [...((element as HTMLInputElement).labels ?? [])];
      return labels.find((label) => label.getClientRects().length > 0 && !probe.obscured(label)) ?? element;
    },
    required() {
      const candidates = new Set([...document.querySelectorAll(focusable), ...clickTargets]);
      return [...candidates].filter((element) => {
        if (!element.isConnected || element.closest("[inert]") || element.matches(":disabled")) return false;
        if (element.getAttribute("tabindex") === "-1" && !clickTargets.has(element)) return false;
        if (!element.checkVisibility({visibilityProperty: true})) return false;
        const box = element.getBoundingClientRect();
        return box.width > 0 && box.height > 0;
      });
    },
    snapshot(element) {
      // The page as a reader sees it, less the control's own form (whose echo of its value proves nothing).
      const main = document.querySelector("#observablehq-main")!.cloneNode(true) as Element;
      const form = element.closest("form");
      const index = form ? [...document.querySelectorAll("form")].indexOf(form) : -1;
      if (index >= 0) main.querySelectorAll("form")[index]?.remove();
      return `${location.search}\n${main.innerHTML}`;
    }
  };
  Object.defineProperty(window, "__kbd", {value: probe});
}

const servers = new Map<Site["name"], StaticServer>();
let browser: Browser;

beforeAll(async () => {
  for (const site of SITES) {
    requireSite(site);
    servers.set(site.name, await serveStatic(site.dir));
  }
  browser = await launchBrowser();
  await browser.context.addInitScript(installProbe);
});

afterAll(async () => {
  await browser?.close();
  for (const server of servers.values()) await server.close();
});

const alphaBlend = (colour: Rgba, background: Rgb): Rgb =>
  blend([colour[0], colour[1], colour[2]], colour[3], background);
const same = (a: unknown, b: unknown) => JSON.stringify(a) === JSON.stringify(b);
const rgbOf = (colours: Rgba[]) => effectiveBackground(colours.map(([r, g, b, a]) => [[r, g, b], a] as const));

/**
 * Why a control's focus is not visible enough, or null if it is: the focused look must differ from the unfocused one
 * by an outline, a shadow, a border or a background, and that indicator must have 3:1 against the colour beside it.
 */
export function focusProblem(focused: Paint, unfocused: Paint): string | null {
  const outside = rgbOf(focused.outside);
  const inside = rgbOf(focused.inside);
  const ratios: string[] = [];
  const judge = (kind: string, colour: Rgba | null, against: Rgb): boolean => {
    if (!colour) return false;
    const ratio = contrastRatio(alphaBlend(colour, against), against);
    ratios.push(`${kind} ${ratio.toFixed(2)}:1`);
    return ratio >= 3;
  };
  const outlineChanged =
    focused.outlineStyle !== "none" &&
    focused.outlineWidth >= 1 &&
    !same(
      [focused.outlineStyle, focused.outlineWidth, focused.outlineColour],
      [unfocused.outlineStyle, unfocused.outlineWidth, unfocused.outlineColour]
    );
  if (outlineChanged && judge("outline", focused.outlineColour, focused.outlineOffset >= 0 ? outside : inside)) {
    return null;
  }
  if (focused.boxShadow !== "none" && focused.boxShadow !== unfocused.boxShadow) {
    if (judge("shadow", focused.shadowColour, outside)) return null;
  }
  for (let side = 0; side < 4; side++) {
    if (focused.borderWidths[side] >= 1 && !same(focused.borderColours[side], unfocused.borderColours[side])) {
      if (judge("border", focused.borderColours[side], outside)) return null;
    }
  }
  if (!same(focused.background, unfocused.background) && focused.background && unfocused.background) {
    if (judge("background", focused.background, alphaBlend(unfocused.background, outside))) return null;
  }
  return ratios.length === 0 ? "looks the same focused and unfocused" : `indicator too faint (${ratios.join(", ")})`;
}

describe("the focus judge", () => {
  const white: Rgba = [255, 255, 255, 1];
  const plain: Paint = {
    outlineStyle: "none",
    outlineWidth: 0,
    outlineOffset: 0,
    outlineColour: [0, 0, 0, 1],
    boxShadow: "none",
    shadowColour: null,
    borderColours: [null, null, null, null],
    borderWidths: [0, 0, 0, 0],
    background: [0, 0, 0, 0],
    textDecoration: "none",
    inside: [white],
    outside: [white]
  };
  const ring = (colour: Rgba): Paint => ({...plain, outlineStyle: "solid", outlineWidth: 3, outlineColour: colour});

  test("passes the theme's focus ring and fails a missing or faint one", () => {
    // #3b5fc0 on white: (1.05) / (0.1292 + 0.05) = 5.86:1 (tests/support/contrast.ts); #aaaaaa on white: 2.32:1.
    expect(focusProblem(ring([59, 95, 192, 1]), plain)).toBeNull();
    expect(focusProblem(plain, plain)).toBe("looks the same focused and unfocused");
    expect(focusProblem(ring([170, 170, 170, 1]), plain)).toBe("indicator too faint (outline 2.32:1)");
    // The same ring focused and unfocused is no indicator at all.
    expect(focusProblem(ring([59, 95, 192, 1]), ring([59, 95, 192, 1]))).toBe("looks the same focused and unfocused");
  });
});

interface Sweep {
  steps: FocusStep[];
  /** Focus problems, one line per control. */
  problems: string[];
  /** Controls the page shows that Tab never reached. */
  unreached: string[];
  /** Set when Tab never came back to the first control. */
  trapped: string | null;
}

/** Presses Tab from the top of the page until focus returns to the first control it reached. */
async function sweep(page: Page): Promise<Sweep> {
  const steps: FocusStep[] = [];
  let trapped: string | null = null;
  let repeats = 0;
  for (let presses = 0; ; presses++) {
    if (presses > 800) {
      trapped = `focus never returned to the top after ${presses} presses of Tab`;
      break;
    }
    await page.keyboard.press("Tab");
    const step = await page.evaluate(() => {
      const probe = window.__kbd;
      const element = document.activeElement;
      if (!element || element === document.body || element === document.documentElement) return null;
      let index = probe.seen.indexOf(element);
      if (index < 0) index = probe.seen.push(element) - 1;
      const details = element.parentElement;
      const target = (probe.targets[index] = probe.target(element));
      return {
        index,
        label: probe.label(element) + (target === element ? "" : ` (shown on ${probe.label(target)})`),
        closedSummary: element.tagName === "SUMMARY" && details instanceof HTMLDetailsElement && !details.open,
        paint: probe.paint(target),
        obscured: probe.obscured(target)
      };
    });
    if (step === null) continue; // focus left the document after the last control: the next Tab wraps around
    if (steps.length > 0 && step.index === 0) break;
    if (steps.length > 0 && steps.at(-1)!.index === step.index) {
      if (++repeats > 2) {
        trapped = `Tab stays on ${step.label}`;
        break;
      }
      continue;
    }
    repeats = 0;
    if (step.index < steps.length && step.index !== steps.length) {
      trapped = `Tab went back to ${step.label} before reaching the end`;
      break;
    }
    steps.push(step);
    if (step.closedSummary) {
      // A data table opens with Enter; what it holds (the table's scroll region, the CSV link) comes next.
      await page.keyboard.press("Enter");
      const open = await page.evaluate(() => (document.activeElement?.parentElement as HTMLDetailsElement).open);
      if (!open) trapped = `Enter did not open ${step.label}`;
    }
  }
  await page.evaluate(() => (document.activeElement as HTMLElement | null)?.blur());
  const unfocused = await page.evaluate(() => window.__kbd.targets.map((element) => window.__kbd.paint(element)));
  const problems = steps.flatMap((step) => {
    const problem = focusProblem(step.paint, unfocused[step.index]);
    return [
      ...(problem ? [`${step.label}: ${problem}`] : []),
      ...(step.obscured ? [`${step.label}: hidden by other content when focused`] : [])
    ];
  });
  const unreached = await page.evaluate(() => {
    const probe = window.__kbd;
    const seen = new Set(probe.seen);
    const reached = (element: Element): boolean => {
      if (seen.has(element)) return true;
      // One Tab stop per radio group; the arrow keys move within it.
      if (element instanceof HTMLInputElement && element.type === "radio" && element.name) {
        return probe.seen.some((other) => other instanceof HTMLInputElement && other.name === element.name);
      }
      // A label acts through its control, a click handler inside a control through that control.
      if (element instanceof HTMLLabelElement && element.control) return seen.has(element.control);
      return probe.seen.some((other) => other.contains(element));
    };
    return probe
      .required()
      .filter((element) => !reached(element))
      .map((element) => probe.label(element));
  });
  return {steps, problems, unreached, trapped};
}

async function openPage(site: Site, path: string, minCharts: number, colorScheme: "light" | "dark"): Promise<Page> {
  const visit = await visitPage(browser.context, `${servers.get(site.name)!.url}${path}`, {minCharts, colorScheme});
  expect(visit.errorCells).toEqual([]);
  return visit.page;
}

/** Waits until the page (less the control's own form) differs from `before`; false if it never does. */
async function pageChanged(page: Page, index: number, before: string): Promise<boolean> {
  return page
    .waitForFunction(([i, text]) => window.__kbd.snapshot(window.__kbd.seen[i]) !== text, [index, before] as const, {
      timeout: 30_000
    })
    .then(() => true)
    .catch(() => false);
}

describe.each(SITES)("the $name site", (site) => {
  describe.each(["light", "dark"] as const)("%s theme", (colorScheme) => {
    test.each(site.pages)(
      "page $path: Tab reaches every control, with a visible focus, and never traps",
      async ({path, minCharts}) => {
        const page = await openPage(site, path, minCharts, colorScheme);
        const result = await sweep(page);
        await page.close();
        // The first stop is the skip link (WCAG 2.4.1); then the sidebar, the page's controls and its tables.
        expect({
          trapped: result.trapped,
          first: result.steps[0]?.label,
          unreached: result.unreached,
          problems: result.problems
        }).toEqual({trapped: null, first: 'a "Skip to main content"', unreached: [], problems: []});
        // Every page has at least the skip link, the sidebar toggle, the title link and a link per sidebar page.
        expect(result.steps.length).toBeGreaterThanOrEqual(3 + site.sidebar.length);
      }
    );
  });

  describe("controls work from the keyboard", () => {
    test.each(site.pages)("page $path", async ({path, minCharts}) => {
      const page = await openPage(site, path, minCharts, "light");
      const {steps} = await sweep(page);
      const failures: string[] = [];

      // Skip link: Enter jumps to the main content, and the next Tab lands inside it.
      await page.evaluate(() => (window.__kbd.seen[0] as HTMLElement).focus());
      await page.keyboard.press("Enter");
      await page.keyboard.press("Tab");
      const afterSkip = await page.evaluate(() => ({
        hash: location.hash,
        inMain: document.querySelector("#observablehq-main")?.contains(document.activeElement) ?? false
      }));
      expect(afterSkip).toEqual({hash: "#observablehq-main", inMain: true});

      // The sidebar toggle (Framework's checkbox) hides and shows the sidebar with Space.
      const toggle = steps.find((step) => step.label.startsWith("input#observablehq-sidebar-toggle"));
      expect(toggle).toBeDefined();
      const sidebarShown = () =>
        page.evaluate(() => document.querySelector("#observablehq-sidebar")!.getBoundingClientRect().right > 0);
      await page.evaluate((i) => (window.__kbd.seen[i] as HTMLElement).focus(), toggle!.index);
      const states = [await sidebarShown()];
      for (let press = 0; press < 4; press++) {
        await page.keyboard.press("Space");
        await page.waitForTimeout(300); // the sidebar slides in 0.15 s
        states.push(await sidebarShown());
      }
      // Each press of Space hides or shows it.
      expect(states).toEqual([true, false, true, false, true]);

      // A CSV download works with Enter and holds the table it names (before any filter re-draws the tables).
      const csvLink = steps.find((step) => step.label.startsWith('a "Download this table as CSV'));
      if (csvLink) {
        await page.evaluate((i) => (window.__kbd.seen[i] as HTMLElement).focus(), csvLink.index);
        const [download] = await Promise.all([page.waitForEvent("download"), page.keyboard.press("Enter")]);
        const csv = await readFile(await download.path(), "utf-8");
        const rows = Number(/\((\d+) rows\)/.exec(csvLink.label)?.[1]);
        expect(download.suggestedFilename()).toMatch(/\.csv$/);
        expect(csv.startsWith("# ")).toBe(true);
        // The link's row count is the file's: comment lines, one header line, then one line per row.
        expect(csv.split("\n").filter((line) => line !== "" && !line.startsWith("#")).length).toBe(rows + 1);
      }
      // Every filter changes the page when used from the keyboard.
      for (const step of steps) {
        const kind = await page.evaluate((i) => {
          const element = window.__kbd.seen[i];
          // A control another filter re-drew is a new element; the sweep of a fresh page tests it. One another
          // input disabled (a filter that does not apply to the chosen series) cannot be used by anyone.
          if (element.id === "observablehq-sidebar-toggle" || !element.isConnected) return null;
          if (element.matches(":disabled")) return null;
          if (element instanceof HTMLSelectElement) return element.options.length > 1 ? "select" : null;
          if (element instanceof HTMLInputElement) {
            if (element.type === "range" || element.type === "number") {
              return Number(element.value) >= Number(element.max || Infinity) ? "decrease" : "increase";
            }
            if (["checkbox", "radio"].includes(element.type)) return element.type;
          }
          return null;
        }, step.index);
        if (kind === null) continue;
        const keys: Record<string, string> = {
          select: "ArrowDown",
          increase: "ArrowUp",
          decrease: "ArrowDown",
          checkbox: "Space",
          radio: "ArrowRight"
        };
        const value = () =>
          page.evaluate((i) => {
            const element = window.__kbd.seen[i] as HTMLInputElement;
            const group = element.type === "radio" ? element.form?.querySelector<HTMLInputElement>(":checked") : null;
            return group ? group.value : element.type === "checkbox" ? String(element.checked) : element.value;
          }, step.index);
        const before = await page.evaluate((i) => window.__kbd.snapshot(window.__kbd.seen[i]), step.index);
        const valueBefore = await value();
        if (kind === "select") {
          // At the last option ArrowDown does nothing; go up instead.
          const last = await page.evaluate(
            (i) =>
              (window.__kbd.seen[i] as HTMLSelectElement).selectedIndex ===
              (window.__kbd.seen[i] as HTMLSelectElement).options.length - 1,
            step.index
          );
          keys.select = last ? "ArrowUp" : "ArrowDown";
        }
        await page.evaluate((i) => (window.__kbd.seen[i] as HTMLElement).focus(), step.index);
        await page.keyboard.press(keys[kind]);
        const valueAfter = await value();
        if (valueAfter === valueBefore) failures.push(`${step.label}: ${keys[kind]} did not change its value`);
        else if (!(await pageChanged(page, step.index, before))) {
          failures.push(`${step.label}: ${keys[kind]} changed it to ${valueAfter} but the page did not change`);
        }
      }

      await page.close();
      expect(failures).toEqual([]);
    });
  });
});
