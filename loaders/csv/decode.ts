/**
 * Strict UTF-8 decoding for CSV files.
 *
 * Policy (documented in docs/data-dictionary.md): a file must be UTF-8. A byte that is not valid UTF-8
 * (typically `£` saved by Excel as Windows-1252 byte 0xA3) is NOT silently replaced by U+FFFD: it is
 * decoded as a private-use marker character U+F700 + byte, so the validator can find the exact row and
 * column and report `invalid UTF-8 (looks like Windows-1252): save the file as UTF-8`.
 * Reference: the UTF-8 well-formed byte sequences table, Unicode Standard §3.9, Table 3-7.
 */

const MARKER_BASE = 0xf700;
const strictDecoder = new TextDecoder("utf-8", {fatal: true, ignoreBOM: true});

/** Result of {@link decodeUtf8}: the text (BOM removed) and whether any invalid byte was marked. */
export interface DecodedText {
  text: string;
  hadBom: boolean;
  invalidByteCount: number;
}

/** Length of the well-formed UTF-8 sequence starting at `i`, or 0 if the byte at `i` starts none. */
function sequenceLength(bytes: Uint8Array, i: number): number {
  const b = bytes[i];
  if (b < 0x80) return 1;
  const cont = (k: number, lo = 0x80, hi = 0xbf): boolean =>
    i + k < bytes.length && bytes[i + k] >= lo && bytes[i + k] <= hi;
  if (b >= 0xc2 && b <= 0xdf) return cont(1) ? 2 : 0;
  if (b === 0xe0) return cont(1, 0xa0) && cont(2) ? 3 : 0;
  if ((b >= 0xe1 && b <= 0xec) || b === 0xee || b === 0xef) return cont(1) && cont(2) ? 3 : 0;
  if (b === 0xed) return cont(1, 0x80, 0x9f) && cont(2) ? 3 : 0;
  if (b === 0xf0) return cont(1, 0x90) && cont(2) && cont(3) ? 4 : 0;
  if (b >= 0xf1 && b <= 0xf3) return cont(1) && cont(2) && cont(3) ? 4 : 0;
  if (b === 0xf4) return cont(1, 0x80, 0x8f) && cont(2) && cont(3) ? 4 : 0;
  return 0;
}

/**
 * Decode bytes as UTF-8, removing a byte-order mark and marking every invalid byte (never U+FFFD).
 *
 * @example
 * decodeUtf8(new Uint8Array([0xa3, 0x35])).invalidByteCount; // 1 (Windows-1252 "£5")
 */
export function decodeUtf8(bytes: Uint8Array): DecodedText {
  const hadBom = bytes.length >= 3 && bytes[0] === 0xef && bytes[1] === 0xbb && bytes[2] === 0xbf;
  const body = hadBom ? bytes.subarray(3) : bytes;
  try {
    return {text: strictDecoder.decode(body), hadBom, invalidByteCount: 0};
  } catch {
    // slow path only for files that are not valid UTF-8
  }
  const parts: string[] = [];
  let runStart = 0;
  let invalid = 0;
  let i = 0;
  while (i < body.length) {
    const n = sequenceLength(body, i);
    if (n > 0) {
      i += n;
      continue;
    }
    if (i > runStart) parts.push(strictDecoder.decode(body.subarray(runStart, i)));
    parts.push(String.fromCharCode(MARKER_BASE + body[i]));
    invalid += 1;
    i += 1;
    runStart = i;
  }
  if (runStart < body.length) parts.push(strictDecoder.decode(body.subarray(runStart)));
  return {text: parts.join(""), hadBom, invalidByteCount: invalid};
}

/**
 * The first invalid byte marked in a decoded string, or null.
 *
 * @example
 * firstInvalidByte(decodeUtf8(new Uint8Array([0x41, 0xa3])).text); // 0xa3
 */
export function firstInvalidByte(s: string): number | null {
  for (let i = 0; i < s.length; i++) {
    const c = s.charCodeAt(i);
    if (c >= MARKER_BASE + 0x80 && c <= MARKER_BASE + 0xff) return c - MARKER_BASE;
  }
  return null;
}

/**
 * The message for an invalid byte: names the byte and, where it is a Windows-1252 character, that character.
 *
 * @example
 * invalidByteMessage(0xa3); // 'invalid UTF-8 (looks like Windows-1252): byte 0xA3 is "£" in Windows-1252; save the file as UTF-8'
 */
export function invalidByteMessage(byte: number): string {
  const hex = `0x${byte.toString(16).toUpperCase().padStart(2, "0")}`;
  const cp1252 = new TextDecoder("windows-1252").decode(new Uint8Array([byte]));
  return `invalid UTF-8 (looks like Windows-1252): byte ${hex} is "${cp1252}" in Windows-1252; save the file as UTF-8`;
}
