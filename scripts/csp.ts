/**
 * The site's Content Security Policy. Framework pages run two inline scripts each (the page's module and the
 * sidebar's), so the policy lists their SHA-256 hashes rather than allowing inline script; DuckDB-WASM needs
 * `'wasm-unsafe-eval'` to compile WebAssembly and starts its worker from a `blob:` URL.
 *
 * The build writes the policy three ways, all from the same directives: `_headers` (Netlify, Cloudflare Pages and
 * similar hosts), `web.config` (IIS), and a `<meta http-equiv>` in every page, for hosts that send no headers.
 */
import {createHash} from "node:crypto";
import {readFile, readdir, writeFile} from "node:fs/promises";
import {join} from "node:path";

/** CSP hashes of htl's attribute placeholders `::0` … `::31`. */
export const HTL_PLACEHOLDER_HASHES = Array.from(
  {length: 32},
  (_, index) => `'sha256-${createHash("sha256").update(`::${index}`).digest("base64")}'`
);

export interface PolicyOptions {
  /** `'sha256-…'` sources for the site's inline scripts. */
  scriptHashes: readonly string[];
  /** Allow WebAssembly compilation (DuckDB-WASM). */
  wasm?: boolean;
  /** Include directives that only work as an HTTP header (`frame-ancestors`). */
  header?: boolean;
}

/**
 * The policy as one header value.
 *
 * @example
 * contentSecurityPolicy({scriptHashes: ["'sha256-abc='"]});
 */
export function contentSecurityPolicy({scriptHashes, wasm = true, header = true}: PolicyOptions): string {
  const directives: [string, string[]][] = [
    ["default-src", ["'self'"]],
    ["script-src", ["'self'", ...(wasm ? ["'wasm-unsafe-eval'"] : []), ...scriptHashes]],
    // Observable Inputs build controls with htl, whose templates carry placeholder handlers (oninput="::3") until
    // it attaches the real listener as a property. Only those placeholders, which are not even valid JavaScript,
    // are allowed, by hash.
    ["script-src-attr", ["'unsafe-hashes'", ...HTL_PLACEHOLDER_HASHES]],
    ["worker-src", ["'self'", "blob:"]],
    ["connect-src", ["'self'"]],
    ["img-src", ["'self'", "data:", "blob:"]],
    // Plot and Framework set inline style attributes and <style> elements.
    ["style-src", ["'self'", "'unsafe-inline'"]],
    ["font-src", ["'self'"]],
    ["object-src", ["'none'"]],
    ["base-uri", ["'self'"]],
    ["form-action", ["'self'"]],
    ...(header ? ([["frame-ancestors", ["'none'"]]] as [string, string[]][]) : [])
  ];
  return directives.map(([name, sources]) => `${name} ${sources.join(" ")}`).join("; ");
}

const INLINE_SCRIPT = /<script(?:\s+type="module")?>([\s\S]*?)<\/script>/g;

/**
 * CSP hash sources of every inline script in an HTML page.
 *
 * @example
 * inlineScriptHashes("<script>alert(1)</script>"); // ["'sha256-bhHHL3z2vDgxUt0W3dWQOrprscmda2Y5pLsLg4GF+pI='"]
 */
export function inlineScriptHashes(html: string): string[] {
  return [...html.matchAll(INLINE_SCRIPT)].map(
    ([, body]) => `'sha256-${createHash("sha256").update(body, "utf-8").digest("base64")}'`
  );
}

function webConfig(policy: string): string {
  return `<?xml version="1.0" encoding="UTF-8"?>
<configuration>
  <system.webServer>
    <staticContent>
      <remove fileExtension=".wasm" />
      <mimeMap fileExtension=".wasm" mimeType="application/wasm" />
      <remove fileExtension=".arrow" />
      <mimeMap fileExtension=".arrow" mimeType="application/vnd.apache.arrow.file" />
    </staticContent>
    <httpProtocol>
      <customHeaders>
        <add name="Content-Security-Policy" value="${policy}" />
        <add name="X-Content-Type-Options" value="nosniff" />
        <add name="Referrer-Policy" value="no-referrer" />
      </customHeaders>
    </httpProtocol>
  </system.webServer>
</configuration>
`;
}

/** Reads the policy a build wrote into `_headers`, e.g. for a test server. */
export async function readHeaderPolicy(outputDir: string): Promise<string> {
  const text = await readFile(join(outputDir, "_headers"), "utf-8");
  const match = /Content-Security-Policy: (.+)/.exec(text);
  if (!match) throw new Error(`no Content-Security-Policy in ${join(outputDir, "_headers")}`);
  return match[1];
}

/**
 * Hashes every page's inline scripts, then writes one site-wide policy into `_headers`, `web.config` and a
 * `<meta http-equiv="Content-Security-Policy">` at the top of every page's `<head>`.
 */
export async function applyContentSecurityPolicy(outputDir: string): Promise<string> {
  const pages = (await readdir(outputDir, {recursive: true})).filter((file) => file.endsWith(".html")).sort();
  const hashes = new Set<string>();
  const html = new Map<string, string>();
  for (const page of pages) {
    const text = await readFile(join(outputDir, page), "utf-8");
    html.set(page, text);
    for (const hash of inlineScriptHashes(text)) hashes.add(hash);
  }
  const scriptHashes = [...hashes].sort();
  const meta = contentSecurityPolicy({scriptHashes, header: false});
  for (const [page, text] of html) {
    const withMeta = text.replace(
      '<meta charset="utf-8">',
      `<meta charset="utf-8">\n<meta http-equiv="Content-Security-Policy" content="${meta}">`
    );
    if (withMeta === text) throw new Error(`no <meta charset> to place the policy after: ${page}`);
    await writeFile(join(outputDir, page), withMeta);
  }
  const policy = contentSecurityPolicy({scriptHashes});
  const headers = [
    "/*",
    `  Content-Security-Policy: ${policy}`,
    "  X-Content-Type-Options: nosniff",
    "  Referrer-Policy: no-referrer",
    ""
  ].join("\n");
  await writeFile(join(outputDir, "_headers"), headers);
  await writeFile(join(outputDir, "web.config"), webConfig(policy));
  return policy;
}
