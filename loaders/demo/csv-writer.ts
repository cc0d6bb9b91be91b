import {createWriteStream, type WriteStream} from "node:fs";
import {once} from "node:events";

/**
 * Streaming CSV writer: buffers rows into ~1 MB chunks and waits for the stream to drain, so that writing
 * 10 million rows never holds more than one chunk in memory. Lines end in `\n`; fields are quoted only when
 * they contain a comma, quote or newline (RFC 4180).
 */
export class CsvWriter {
  private readonly stream: WriteStream;
  private buffer: string[] = [];
  private bufferedChars = 0;
  /** Number of data rows written (header excluded). */
  rows = 0;

  /**
   * Open `path` for writing and write the header row.
   * @example
   * const w = new CsvWriter("/tmp/x.csv", ["a", "b"]); await w.row(["1", "2"]); await w.close();
   */
  constructor(path: string, header: readonly string[]) {
    this.stream = createWriteStream(path, {encoding: "utf8"});
    this.buffer.push(header.map(csvField).join(",") + "\n");
  }

  /**
   * Append one row (already formatted strings). Returns a promise only when the buffer was flushed, so the
   * common path costs no promise allocation: `const p = w.row(r); if (p) await p;`.
   */
  row(fields: readonly string[]): Promise<void> | undefined {
    const line = fields.map(csvField).join(",") + "\n";
    this.buffer.push(line);
    this.bufferedChars += line.length;
    this.rows++;
    return this.bufferedChars > 4_000_000 ? this.flush() : undefined;
  }

  /** Write buffered rows to the stream, waiting for it to drain if needed. */
  async flush(): Promise<void> {
    if (this.buffer.length === 0) return;
    const chunk = this.buffer.join("");
    this.buffer = [];
    this.bufferedChars = 0;
    if (!this.stream.write(chunk)) await once(this.stream, "drain");
  }

  /** Flush and close the file. */
  async close(): Promise<void> {
    await this.flush();
    await new Promise<void>((resolve, reject) => {
      this.stream.end((error?: Error | null) => (error ? reject(error) : resolve()));
    });
  }
}

/**
 * Quote a CSV field only when needed (RFC 4180 section 2.6-2.7).
 * @example
 * csvField('a,"b"'); // '"a,""b"""'
 */
export function csvField(value: string): string {
  return /[",\n\r]/.test(value) ? `"${value.replace(/"/g, '""')}"` : value;
}

/**
 * Pounds to a plain decimal with two places (no £, no thousands separator).
 * @example
 * money(18729.5); // "18729.50"
 */
export function money(value: number): string {
  return (Math.round(value * 100) / 100).toFixed(2);
}
