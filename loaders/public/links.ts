/**
 * Broken links in a built page: every `href`, `src` and Framework file registration that points inside the site
 * must name a file of the site. In the public build this proves the sidebar, the pager and the pages' own links
 * never point at an internal page that was left out.
 */
import {posix} from "node:path";

const ATTRIBUTE = /\s(?:href|src)="([^"]*)"/g;
const REGISTERED = /"path":"(\.\/[^"]+)"/g;
const EXTERNAL = /^(?:[a-z][a-z0-9+.-]*:|\/\/|#)/i;

/**
 * The site-relative targets of `html` (the page at `file`, relative to the output folder) that are not in `files`.
 * A link to a folder means its `index.html`; a link without an extension means the `.html` page.
 *
 * @example
 * findBrokenLinks("report.html", '<a href="./demand">', new Set(["report.html"])); // ["./demand"]
 */
export function findBrokenLinks(file: string, html: string, files: ReadonlySet<string>): string[] {
  const broken = new Set<string>();
  const base = posix.dirname(file);
  const targets = [...html.matchAll(ATTRIBUTE), ...html.matchAll(REGISTERED)].map((m) => m[1].replace(/&amp;/g, "&"));
  for (const target of targets) {
    if (target === "" || EXTERNAL.test(target)) continue;
    const path = decodeURI(target.replace(/[?#].*$/, ""));
    const joined = posix.normalize(path.startsWith("/") ? path.slice(1) : posix.join(base, path));
    const resolved = joined === "." || joined.endsWith("/") ? posix.join(joined, "index.html") : joined;
    const candidates = [resolved, `${resolved}.html`, posix.join(resolved, "index.html")];
    if (!candidates.some((c) => files.has(c))) broken.add(target);
  }
  return [...broken].sort();
}
