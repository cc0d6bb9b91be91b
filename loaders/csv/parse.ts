/**
 * RFC 4180 CSV record reader that keeps line numbers.
 *
 * Row-number convention (documented in docs/data-dictionary.md): a record's `line` is the 1-based line of
 * the file on which the record STARTS, so the header is row 1 and, in a file without embedded newlines,
 * the first data row is row 2. A quoted field may contain commas, `""` (an escaped quote) and newlines;
 * lines end with LF or CRLF. Completely empty lines are skipped (not counted as rows).
 * Reference: RFC 4180 §2, "Definition of the CSV Format".
 */

/** One record: the line it starts on, its fields, and a syntax problem if any. */
export interface CsvRecord {
  line: number;
  fields: string[];
  /** Set when the record is malformed (stray or unterminated quote); the fields are a best effort. */
  syntaxError?: string;
}

const QUOTE = 34;
const COMMA = 44;
const LF = 10;
const CR = 13;

/**
 * Iterate over the records of CSV text (BOM already removed), lazily, in O(length) time.
 *
 * @example
 * [...readCsvRecords('a,b\n1,"x,\ny"\n')].map((r) => [r.line, r.fields]); // [[1, ["a","b"]], [2, ["1","x,\ny"]]]
 */
export function* readCsvRecords(text: string): Generator<CsvRecord> {
  const n = text.length;
  let i = 0;
  let line = 1;
  while (i < n) {
    const startLine = line;
    const fields: string[] = [];
    let syntaxError: string | undefined;
    // empty line: skip it
    if (text.charCodeAt(i) === LF || (text.charCodeAt(i) === CR && text.charCodeAt(i + 1) === LF)) {
      i += text.charCodeAt(i) === CR ? 2 : 1;
      line += 1;
      continue;
    }
    for (;;) {
      let value: string;
      if (text.charCodeAt(i) === QUOTE) {
        // quoted field
        let j = i + 1;
        const pieces: string[] = [];
        let closed = false;
        while (j < n) {
          const q = text.indexOf('"', j);
          if (q < 0) break;
          pieces.push(text.slice(j, q));
          if (text.charCodeAt(q + 1) === QUOTE) {
            pieces.push('"');
            j = q + 2;
          } else {
            j = q + 1;
            closed = true;
            break;
          }
        }
        if (!closed) {
          pieces.push(text.slice(j));
          j = n;
          syntaxError ??= "unterminated quoted field";
        }
        value = pieces.join("");
        for (const p of pieces) for (let k = 0; k < p.length; k++) if (p.charCodeAt(k) === LF) line += 1;
        // after the closing quote only a delimiter or end of line may follow
        let k = j;
        while (k < n && text.charCodeAt(k) !== COMMA && text.charCodeAt(k) !== LF && text.charCodeAt(k) !== CR) k++;
        if (k > j) {
          syntaxError ??= "text after a closing quote (a quote inside a field must be doubled)";
          value += text.slice(j, k);
        }
        i = k;
      } else {
        let k = i;
        while (k < n) {
          const c = text.charCodeAt(k);
          if (c === COMMA || c === LF || c === CR) break;
          if (c === QUOTE)
            syntaxError ??= "quote inside an unquoted field (quote the whole field and double the quote)";
          k++;
        }
        value = text.slice(i, k);
        i = k;
      }
      fields.push(value);
      if (i >= n) break;
      const c = text.charCodeAt(i);
      if (c === COMMA) {
        i += 1;
        if (i >= n) {
          fields.push("");
          break;
        }
        continue;
      }
      // end of record: LF, CRLF or a lone CR
      i += c === CR && text.charCodeAt(i + 1) === LF ? 2 : 1;
      line += 1;
      break;
    }
    yield syntaxError === undefined ? {line: startLine, fields} : {line: startLine, fields, syntaxError};
  }
}
