/**
 * The key and the digest of the tamper-evident record (core/scoring/signature.ts says what is signed). The key is
 * random, made once (at set-up, or at the first write of a workbook that lacks one) and kept in the document's
 * properties, which no cell, formula or named range can read. Each HMAC is one Utilities call.
 */
import { type Mac, hexOfBytes } from '../core/scoring/signature';
import type { Workbook } from './workbook';

export const KEY_PROPERTY = 'scorecard.signingKey';
/** The HMAC of the whole record as Scorecard last wrote it (one HMAC checks everything when it matches). */
export const DIGEST_PROPERTY = 'scorecard.recordsDigest';

function stored(workbook: Workbook, key: string): string | undefined {
  return workbook.state.raw(key)[key];
}

/** The workbook's signing function, or null when it has no key yet (then nothing in it verifies). */
export function existingMac(workbook: Workbook): Mac | null {
  const key = stored(workbook, KEY_PROPERTY);
  return key ? macOf(workbook, key) : null;
}

function macOf(workbook: Workbook, key: string): Mac {
  return (value) => hexOfBytes(workbook.signing.hmac(value, key));
}

/**
 * The signing function for a write, and the property to write with it when the key is new (the caller puts it
 * in the same setProperties call as what it writes, or calls writeRaw with it).
 */
export function macForWrite(workbook: Workbook): { mac: Mac; newKey: Record<string, string> } {
  const key = stored(workbook, KEY_PROPERTY);
  if (key) return { mac: macOf(workbook, key), newKey: {} };
  const made = workbook.signing.newKey();
  return { mac: macOf(workbook, made), newKey: { [KEY_PROPERTY]: made } };
}

/** The digest the record was last written with ("" when none). */
export function storedDigest(workbook: Workbook): string {
  return stored(workbook, DIGEST_PROPERTY) ?? '';
}
