/**
 * Serves a folder with `scripts/static-server.ts` (compression on, as a static host would) and records every
 * response: path, start and end time (epoch ms, comparable with the page's `performance.timeOrigin` on the same
 * machine), encoded body bytes written to the socket and content encoding. Requests made by DuckDB's worker are
 * invisible to the page's Resource Timing, so the server's record is the one that counts everything.
 */
import type {IncomingMessage, ServerResponse} from "node:http";
import {performance} from "node:perf_hooks";
import {serveStatic, type StaticServer, type StaticServerOptions} from "../scripts/static-server.js";

/** One response as the server sent it. */
export interface TrafficEntry {
  path: string;
  status: number;
  /** Epoch milliseconds. */
  start: number;
  end: number;
  /** Body bytes after compression, as sent on the wire (headers excluded). */
  bytes: number;
  encoding: string;
}

export interface RecordingServer extends StaticServer {
  /** Responses finished since the last `reset()`. */
  entries(): TrafficEntry[];
  /** Requests started but not finished. */
  inFlight(): number;
  reset(): void;
}

const now = (): number => performance.timeOrigin + performance.now();

/**
 * Starts a recording static server on a free port.
 *
 * @example
 * const server = await serveRecording("dist"); await fetch(server.url); server.entries(); // [{path: "/", ...}]
 */
export async function serveRecording(dir: string, options: StaticServerOptions = {}): Promise<RecordingServer> {
  const base = await serveStatic(dir, {compress: true, ...options});
  let entries: TrafficEntry[] = [];
  let open = 0;
  base.server.prependListener("request", (request: IncomingMessage, response: ServerResponse) => {
    const start = now();
    let bytes = 0;
    open++;
    const write = response.write.bind(response) as (...args: unknown[]) => boolean;
    const end = response.end.bind(response) as (...args: unknown[]) => ServerResponse;
    const count = (chunk: unknown): void => {
      if (typeof chunk === "string") bytes += Buffer.byteLength(chunk);
      else if (chunk instanceof Uint8Array) bytes += chunk.byteLength;
    };
    response.write = ((chunk: unknown, ...rest: unknown[]) => {
      count(chunk);
      return write(chunk, ...rest);
    }) as typeof response.write;
    response.end = ((chunk?: unknown, ...rest: unknown[]) => {
      if (typeof chunk !== "function") count(chunk);
      return end(chunk, ...rest);
    }) as typeof response.end;
    response.on("close", () => {
      open--;
      entries.push({
        path: (request.url ?? "/").split("?")[0],
        status: response.statusCode,
        start,
        end: now(),
        bytes,
        encoding: String(response.getHeader("Content-Encoding") ?? "identity")
      });
    });
  });
  return {
    ...base,
    entries: () => [...entries],
    inFlight: () => open,
    reset: () => {
      entries = [];
    }
  };
}

/**
 * Waits until the server has had no request in flight for `quietMs` (every fetch of a page, its workers included,
 * has finished), or until `timeoutMs`.
 */
export async function waitForQuiet(server: RecordingServer, quietMs = 500, timeoutMs = 60_000): Promise<void> {
  const deadline = now() + timeoutMs;
  let quietSince = now();
  while (now() < deadline) {
    const last = Math.max(0, ...server.entries().map((entry) => entry.end));
    if (server.inFlight() > 0) quietSince = now();
    else quietSince = Math.max(quietSince, last);
    if (server.inFlight() === 0 && now() - quietSince >= quietMs) return;
    await new Promise((resolve) => setTimeout(resolve, 50));
  }
}
