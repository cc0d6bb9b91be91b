/**
 * The built site must work offline and never send a reader's browser to a third party: no CDN, no fonts, no
 * analytics. This scans every file in dist/ for URLs a browser would load; the page tests check the requests
 * actually made.
 */
import {readFile, readdir, stat} from "node:fs/promises";
import {join} from "node:path";
import {expect, test} from "vitest";
import {distDir} from "../support/site.js";

/** Patterns by which HTML, CSS or JavaScript makes a browser fetch a URL. */
const LOADING_PATTERNS = [
  /\b(?:src|srcset|poster|data)\s*=\s*["']?\s*(?:https?:)?\/\/[^"'\s>]+/gi,
  /<link\b[^>]*\bhref\s*=\s*["']?(?:https?:)?\/\/[^"'\s>]+/gi,
  /@import\s+(?:url\()?\s*["']?(?:https?:)?\/\/[^"')\s]+/gi,
  /url\(\s*["']?(?:https?:)?\/\/[^"')\s]+/gi,
  /\bimport\s*\(\s*["'`](?:https?:)?\/\/[^"'`]+/gi,
  /\bfrom\s*["'](?:https?:)?\/\/[^"']+/gi,
  /\bfetch\(\s*["'`]https?:\/\/[^"'`]+/gi
];

/** In HTML and CSS, any mention of a font or package CDN is a request waiting to happen. */
const CDN_HOSTS = /fonts\.(?:googleapis|gstatic)\.com|cdn\.jsdelivr\.net|unpkg\.com|cdnjs\.cloudflare\.com/gi;

async function textFiles(dir: string): Promise<string[]> {
  const files = (await readdir(dir, {recursive: true})).map((file) => join(dir, file));
  const texts: string[] = [];
  for (const file of files) {
    if (!/\.(html|js|css|json|csv|svg|txt)$/.test(file)) continue;
    if ((await stat(file)).isFile()) texts.push(file);
  }
  return texts;
}

test("no file in dist/ makes the browser load a URL from another host", async () => {
  const offending: string[] = [];
  for (const file of await textFiles(distDir)) {
    const text = await readFile(file, "utf-8");
    const patterns = /\.(html|css)$/.test(file) ? [...LOADING_PATTERNS, CDN_HOSTS] : LOADING_PATTERNS;
    for (const pattern of patterns) {
      for (const match of text.matchAll(pattern)) offending.push(`${file.slice(distDir.length + 1)}: ${match[0]}`);
    }
  }
  expect(offending).toEqual([]);
});
