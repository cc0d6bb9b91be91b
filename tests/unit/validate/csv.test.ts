import {describe, expect, it} from "vitest";
import {decodeUtf8, firstInvalidByte} from "../../../loaders/csv/decode.js";
import {readCsvRecords} from "../../../loaders/csv/parse.js";

const records = (text: string) => [...readCsvRecords(text)];

describe("readCsvRecords (RFC 4180)", () => {
  it("handles quotes, escaped quotes, embedded commas and newlines, and keeps start lines", () => {
    // RFC 4180 §2 rules 5-7: fields with commas, CRLF or quotes are quoted; a quote is doubled
    const text = 'a,b,c\r\n1,"x, y","say ""hi"""\r\n2,"two\r\nlines",z\r\n3,,\r\n';
    expect(records(text)).toEqual([
      {line: 1, fields: ["a", "b", "c"]},
      {line: 2, fields: ["1", "x, y", 'say "hi"']},
      {line: 3, fields: ["2", "two\r\nlines", "z"]},
      {line: 5, fields: ["3", "", ""]}
    ]);
  });

  it("accepts a last line without a newline and skips empty lines", () => {
    expect(records("a\n\n1\n2")).toEqual([
      {line: 1, fields: ["a"]},
      {line: 3, fields: ["1"]},
      {line: 4, fields: ["2"]}
    ]);
  });

  it("reports an unterminated quote and a stray quote", () => {
    expect(records('a,b\n1,"open\n')[1].syntaxError).toBe("unterminated quoted field");
    expect(records('a,b\n1,ab"c\n')[1].syntaxError).toContain("quote inside an unquoted field");
    expect(records('a,b\n1,"ab"c\n')[1]).toMatchObject({
      fields: ["1", "abc"],
      syntaxError: expect.stringContaining("closing quote") as unknown
    });
  });
});

describe("decodeUtf8", () => {
  it("removes a BOM and decodes valid UTF-8", () => {
    const bytes = new Uint8Array([0xef, 0xbb, 0xbf, 0x41, 0xc2, 0xa3]); // BOM, "A", "£" (U+00A3 = C2 A3)
    expect(decodeUtf8(bytes)).toEqual({text: "A£", hadBom: true, invalidByteCount: 0});
  });

  it("marks a Windows-1252 £ (0xA3) instead of producing U+FFFD", () => {
    const decoded = decodeUtf8(new Uint8Array([0x41, 0xa3, 0x35, 0xe2, 0x82, 0xac])); // "A", cp1252 £, "5", "€" in UTF-8
    expect(decoded.invalidByteCount).toBe(1);
    expect(decoded.text).not.toContain("\uFFFD");
    expect(firstInvalidByte(decoded.text)).toBe(0xa3);
    expect(decoded.text.endsWith("5€")).toBe(true);
  });

  it("rejects overlong and surrogate encodings (Unicode Table 3-7)", () => {
    expect(decodeUtf8(new Uint8Array([0xc0, 0xaf])).invalidByteCount).toBe(2); // overlong "/"
    expect(decodeUtf8(new Uint8Array([0xed, 0xa0, 0x80])).invalidByteCount).toBe(3); // U+D800
  });
});
