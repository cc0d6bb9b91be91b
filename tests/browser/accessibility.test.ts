/**
 * WCAG 2.2 AA, as far as a machine can check it: axe-core (the npm package, injected by playwright-core) finds no
 * violation on any page, in the light and the dark theme.
 */
import {readFile} from "node:fs/promises";
import {createRequire} from "node:module";
import {afterAll, beforeAll, describe, expect, test} from "vitest";
import {serveStatic, type StaticServer} from "../../scripts/static-server.js";
import {launchBrowser, type Browser} from "../support/browser.js";
import {requireSite, SITES} from "../support/site.js";
import {visitPage} from "../support/visit.js";

const AXE_TAGS = ["wcag2a", "wcag2aa", "wcag21a", "wcag21aa", "wcag22aa"];

interface AxeViolation {
  id: string;
  help: string;
  nodes: {target: string[]; failureSummary?: string}[];
}

let axeSource: string;

beforeAll(async () => {
  axeSource = await readFile(createRequire(import.meta.url).resolve("axe-core/axe.min.js"), "utf-8");
});

describe.each(SITES)("the $name site", (site) => {
  let server: StaticServer;
  let browser: Browser;

  beforeAll(async () => {
    requireSite(site);
    server = await serveStatic(site.dir);
    // The pages' own CSP would block the injected axe script; the CSP itself is tested in csp.test.ts.
    browser = await launchBrowser({bypassCSP: true});
  });

  afterAll(async () => {
    await browser?.close();
    await server?.close();
  });

  describe.each(["light", "dark"] as const)("%s theme", (colorScheme) => {
    test.each(site.pages)("page $path has no axe violations", async ({path, minCharts}) => {
      const visit = await visitPage(browser.context, `${server.url}${path}`, {minCharts, colorScheme});
      await visit.page.addScriptTag({content: axeSource});
      const violations = await visit.page.evaluate(async (tags) => {
        const axe = (
          window as unknown as {
            axe: {run: (context: Document, options: object) => Promise<{violations: AxeViolation[]}>};
          }
        ).axe;
        const result = await axe.run(document, {runOnly: {type: "tag", values: tags}, resultTypes: ["violations"]});
        return result.violations.map((violation) => ({
          id: violation.id,
          help: violation.help,
          nodes: violation.nodes.slice(0, 5).map((node) => `${node.target.join(" ")}: ${node.failureSummary ?? ""}`)
        }));
      }, AXE_TAGS);
      await visit.page.close();
      expect(violations).toEqual([]);
    });
  });
});
