/**
 * A small static file server for the built site, as a real static host would serve it: correct MIME types
 * (`application/wasm` for DuckDB), optional gzip/brotli compression and optional response headers (a CSP).
 * Used by the browser tests, the screenshots, `npm start` and the benchmark.
 */
import {createReadStream} from "node:fs";
import {stat} from "node:fs/promises";
import {createServer, type IncomingMessage, type Server, type ServerResponse} from "node:http";
import type {AddressInfo} from "node:net";
import {extname, join, normalize, resolve, sep} from "node:path";
import {constants, createBrotliCompress, createGzip} from "node:zlib";

export const MIME_TYPES: Record<string, string> = {
  ".html": "text/html; charset=utf-8",
  ".js": "text/javascript; charset=utf-8",
  ".mjs": "text/javascript; charset=utf-8",
  ".css": "text/css; charset=utf-8",
  ".json": "application/json; charset=utf-8",
  ".csv": "text/csv; charset=utf-8",
  ".txt": "text/plain; charset=utf-8",
  ".svg": "image/svg+xml",
  ".png": "image/png",
  ".ico": "image/x-icon",
  ".wasm": "application/wasm",
  ".arrow": "application/vnd.apache.arrow.file",
  ".parquet": "application/vnd.apache.parquet",
  ".pdf": "application/pdf",
  ".woff2": "font/woff2"
};

const COMPRESSIBLE = new Set([".html", ".js", ".mjs", ".css", ".json", ".csv", ".txt", ".svg", ".wasm", ".arrow"]);

export interface StaticServerOptions {
  /** Compress responses the client accepts (brotli first, then gzip), as most static hosts do. */
  compress?: boolean;
  /** Extra headers sent with every response, e.g. `Content-Security-Policy`. */
  headers?: Record<string, string>;
  /** Port to listen on; 0 picks a free one. */
  port?: number;
  host?: string;
}

export interface StaticServer {
  url: string;
  server: Server;
  close(): Promise<void>;
}

async function resolveFile(rootDir: string, urlPath: string): Promise<string | null> {
  const decoded = decodeURIComponent(urlPath.split("?")[0]);
  const candidate = normalize(join(rootDir, decoded));
  if (candidate !== rootDir && !candidate.startsWith(rootDir + sep)) return null;
  for (const path of [candidate, join(candidate, "index.html"), `${candidate}.html`]) {
    const info = await stat(path).catch(() => null);
    if (info?.isFile()) return path;
  }
  return null;
}

function send(request: IncomingMessage, response: ServerResponse, path: string, status: number, compress: boolean) {
  const ext = extname(path);
  response.statusCode = status;
  response.setHeader("Content-Type", MIME_TYPES[ext] ?? "application/octet-stream");
  response.setHeader("Cache-Control", "no-cache");
  const accept = String(request.headers["accept-encoding"] ?? "");
  const source = createReadStream(path);
  if (compress && COMPRESSIBLE.has(ext) && /\bbr\b/.test(accept)) {
    response.setHeader("Content-Encoding", "br");
    response.setHeader("Vary", "Accept-Encoding");
    source.pipe(createBrotliCompress({params: {[constants.BROTLI_PARAM_QUALITY]: 5}})).pipe(response);
  } else if (compress && COMPRESSIBLE.has(ext) && /\bgzip\b/.test(accept)) {
    response.setHeader("Content-Encoding", "gzip");
    response.setHeader("Vary", "Accept-Encoding");
    source.pipe(createGzip()).pipe(response);
  } else {
    source.pipe(response);
  }
}

/** Serves `dir` on localhost until `close()` is called. */
export async function serveStatic(dir: string, options: StaticServerOptions = {}): Promise<StaticServer> {
  const rootDir = resolve(dir);
  const {compress = false, headers = {}, port = 0, host = "127.0.0.1"} = options;
  const server = createServer((request, response) => {
    for (const [name, value] of Object.entries(headers)) response.setHeader(name, value);
    if (request.method !== "GET" && request.method !== "HEAD") {
      response.statusCode = 405;
      response.end();
      return;
    }
    resolveFile(rootDir, request.url ?? "/")
      .then(async (path) => {
        if (path) return send(request, response, path, 200, compress);
        const notFound = await resolveFile(rootDir, "/404.html");
        if (notFound) return send(request, response, notFound, 404, compress);
        response.statusCode = 404;
        response.end("not found");
      })
      .catch(() => {
        response.statusCode = 500;
        response.end();
      });
  });
  await new Promise<void>((resolveListen) => server.listen(port, host, resolveListen));
  const {port: actualPort} = server.address() as AddressInfo;
  return {
    url: `http://${host}:${actualPort}`,
    server,
    close: () => new Promise<void>((resolveClose) => server.close(() => resolveClose()))
  };
}
