/**
 * Sizes as Apps Script's property store counts them (UTF-8 bytes), and its limits: at most 9 KB in one value and
 * 500 KB in a store, keys included (https://developers.google.com/apps-script/guides/services/quotas).
 */

/** A part of a long value: under the 9 KB a value may hold, with room to spare. */
export const PART_BYTES = 8_000;
/** The 500 KB of one property store. */
export const STORE_BYTES = 500 * 1024;

/** UTF-8 length of a string, without TextEncoder (not in every Apps Script runtime). */
export function utf8Bytes(text: string): number {
  let n = 0;
  for (const ch of text) {
    const cp = ch.codePointAt(0)!;
    n += cp < 0x80 ? 1 : cp < 0x800 ? 2 : cp < 0x10000 ? 3 : 4;
  }
  return n;
}

/** Splits text into parts of at most `max` UTF-8 bytes, never inside a character. */
export function splitUtf8(text: string, max: number): string[] {
  const parts: string[] = [];
  let part = '';
  let bytes = 0;
  for (const ch of text) {
    const size = utf8Bytes(ch);
    if (bytes + size > max) {
      parts.push(part);
      part = '';
      bytes = 0;
    }
    part += ch;
    bytes += size;
  }
  parts.push(part);
  return parts;
}
