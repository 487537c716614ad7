/**
 * The tamper-evident record. Every record Scorecard writes — each Score log row and each sealed submission — is
 * signed with an HMAC-SHA256 under a random key kept in the document's properties (never in a cell), and checked
 * when it is read: a row whose signature does not match what it holds (edited by hand), a row without one
 * (added by hand) and a signed row copied to another row are left out of everything Scorecard computes, and the
 * panel view and the debrief say which row in words.
 *
 * Checking every row costs one HMAC per row, so the whole record (log and sealed store) also has one digest,
 * written with each of Scorecard's own writes: when it matches, one HMAC checks everything; only when it does
 * not (a hand edit, or a write stopped half-way) is each row checked on its own. The pure part lives here; the
 * HMAC itself is Apps Script's (src/sheets/signing.ts).
 */
import { LOG_FIELDS, type LogEntry } from './log';

/** Signs a text: the HMAC-SHA256 of it under the document's key, as hex. */
export type Mac = (value: string) => string;

/** The hex form of an HMAC as Apps Script returns it (a Byte[] of signed bytes -128…127). */
export function hexOfBytes(bytes: readonly number[]): string {
  return bytes.map((b) => ((b + 256) % 256).toString(16).padStart(2, '0')).join('');
}

/** What a Score log row's signature covers: every field, in a fixed order. */
export function canonicalRow(e: LogEntry): string {
  return JSON.stringify(LOG_FIELDS.map((field) => e[field]));
}

export function signRow(mac: Mac, entry: LogEntry): string {
  return mac(canonicalRow(entry));
}

/** One row of the Score log as read: its row number, what it says (null when its kind is not one of ours), its signature. */
export interface ReadRow {
  readonly row: number;
  readonly entry: LogEntry | null;
  /** What the row's candidate and stage cells say (to show the row in that candidate's panel). */
  readonly candidateId: string;
  readonly stageId: string;
  readonly signature: string;
  /** The row's cells as text, for the digest. */
  readonly text: string;
}

/** A record that is not counted, and why, in words. */
export interface Untrusted {
  readonly candidateId: string;
  readonly stageId: string;
  readonly message: string;
}

export const untrustedRowMessage = (row: number): string =>
  `Row ${row} of the Score log was changed or added by hand and is not counted.`;

export const copiedRowMessage = (row: number, original: number): string =>
  `Row ${row} of the Score log is a copy of row ${original} and is not counted.`;

export const untrustedSealedMessage = (interviewer: string): string =>
  `A sealed record said to be from ${interviewer || 'an unknown account'} was changed outside Scorecard and is not counted.`;

/** The text the digest signs: every log row and every sealed property, in a fixed order. */
export function digestText(
  rows: readonly Pick<ReadRow, 'text'>[],
  sealed: Readonly<Record<string, string>>,
): string {
  const keys = Object.keys(sealed).sort();
  return JSON.stringify([rows.map((r) => r.text), keys.map((k) => [k, sealed[k]])]);
}

/**
 * The log rows that verify, and those that do not (each once, in row order). A signed row repeated further
 * down (copied by hand) counts only where it first appears.
 */
export function checkRows(
  rows: readonly ReadRow[],
  mac: Mac | null,
): { trusted: LogEntry[]; untrusted: Untrusted[] } {
  const trusted: LogEntry[] = [];
  const untrusted: Untrusted[] = [];
  const seen = new Map<string, number>();
  for (const r of rows) {
    const where = { candidateId: r.candidateId, stageId: r.stageId };
    const valid =
      mac !== null && r.entry !== null && r.signature !== '' && signRow(mac, r.entry) === r.signature;
    if (!valid) {
      untrusted.push({ ...where, message: untrustedRowMessage(r.row) });
      continue;
    }
    const first = seen.get(r.signature);
    if (first !== undefined) {
      untrusted.push({ ...where, message: copiedRowMessage(r.row, first) });
      continue;
    }
    seen.set(r.signature, r.row);
    trusted.push(r.entry as LogEntry);
  }
  return { trusted, untrusted };
}

/** The messages about one candidate's stage. */
export function untrustedFor(
  untrusted: readonly Untrusted[],
  candidateId: string,
  stageId: string,
): string[] {
  return untrusted
    .filter((u) => u.candidateId === candidateId && u.stageId === stageId)
    .map((u) => u.message);
}
