/**
 * Where the records of a stage live until it is decided (core/scoring/sealed.ts says what is sealed and how it is
 * written): in the document's properties, which no cell, note, named range or formula of the spreadsheet can
 * reach. The workbook's properties are read once when it is opened (DocumentState), so reading the sealed store
 * costs no call of its own; sealing is one setProperties call, publishing one Score log write then one
 * deleteProperty per sealed part.
 */
import { type LogEntry, forStage } from '../core/scoring/log';
import {
  type Mac,
  type ReadRow,
  type Untrusted,
  checkRows,
  digestText,
  signRow,
} from '../core/scoring/signature';
import {
  RESERVED_BYTES,
  SEALED_PREFIX,
  type SealedSubmission,
  type SubmissionSummary,
  mergeRecords,
  checkSealed,
  encodeSubmission,
  planSeal,
  readSealed,
  sealedForStage,
  storedBytes,
  summariseScorecards,
  STORE_FULL_MESSAGE,
} from '../core/scoring/sealed';
import { UserError, isUserError } from '../core/errors';
import { LOOKS_MAY_USE_BYTES, PANEL_SEEN_STORE_FULL_MESSAGE, lookIsSealed } from '../core/scoring/seen';
import { type ScoreLog, appendToScoreLog, readScoreLog, rowText } from './score-log';
import { DIGEST_PROPERTY, existingMac, macForWrite, storedDigest } from './signing';
import type { Workbook } from './workbook';

/** The published Score log and the sealed submissions, read together: what every decision reads. */
export interface Records {
  readonly log: ScoreLog;
  readonly sealed: readonly SealedSubmission[];
  /** Published rows, then the sealed ones not yet published (each submission once). */
  readonly entries: readonly LogEntry[];
  /** Sealed submissions already published (an interrupted publish): removed by the next write. */
  readonly stale: readonly SealedSubmission[];
  /** Records whose signature does not match (edited, added or copied by hand): counted nowhere. */
  readonly untrusted: readonly Untrusted[];
}

/**
 * The record, checked: only rows and sealed submissions whose signatures match are in `entries`. When the
 * digest Scorecard wrote last still matches, that one HMAC checks everything; otherwise each record is checked.
 */
export function readRecords(workbook: Workbook): Records {
  const log = readScoreLog(workbook);
  const raw = workbook.state.raw(SEALED_PREFIX);
  const mac = existingMac(workbook);
  const digest = storedDigest(workbook);
  const intact = mac !== null && digest !== '' && mac(digestText(log.rows, raw)) === digest;
  const checked = intact ? { trusted: [...log.entries], untrusted: [] } : checkRows(log.rows, mac);
  const sealed = checkSealed(raw, intact ? null : (mac ?? (() => '')));
  const untrusted = [...checked.untrusted, ...sealed.untrusted];
  const { entries, stale } = mergeRecords(checked.trusted, sealed.sealed);
  return { log, sealed: sealed.sealed.filter((s) => !stale.includes(s)), entries, stale, untrusted };
}

/**
 * After one of Scorecard's writes, the digest of the record as it now stands — only when everything read before
 * the write verified (a record with an untrusted row keeps the old digest, so the row stays checked and shown).
 */
function digestAfter(
  records: Records,
  mac: Mac,
  logRows: readonly ReadRow[],
  sealed: Readonly<Record<string, string>>,
): Record<string, string> {
  if (records.untrusted.length > 0) return {};
  return { [DIGEST_PROPERTY]: mac(digestText(logRows, sealed)) };
}

/** The quota error Apps Script throws when a write would take the store past 500 KB. */
function isQuotaError(error: unknown): boolean {
  return error instanceof Error && /property storage quota/i.test(error.message);
}

/**
 * Seals new rows (scorecards, vetoes): checked against the per-scorecard and per-store ceilings first, then
 * written in one call; a refusal throws a UserError and writes nothing.
 */
export function sealRows(
  workbook: Workbook,
  records: Records,
  rows: readonly LogEntry[],
  reserve = RESERVED_BYTES,
): void {
  if (rows.length === 0) return;
  removeStale(workbook, records);
  const current = storedBytes(workbook.state.raw(''));
  const { mac, newKey } = macForWrite(workbook);
  const sealedValues = planSeal(rows, current, mac, reserve);
  // The new sealed values, a new key if the workbook had none, and the digest: one setProperties call.
  const sealedAfter = { ...workbook.state.raw(SEALED_PREFIX), ...sealedValues };
  const values = { ...sealedValues, ...newKey, ...digestAfter(records, mac, records.log.rows, sealedAfter) };
  try {
    workbook.state.writeRaw(values);
  } catch (error) {
    if (isQuotaError(error)) throw new UserError('unavailable', STORE_FULL_MESSAGE);
    throw error;
  }
}

/**
 * Writes new records: `sealed` rows into the store (one setProperties call), then `logged` rows appended to the
 * Score log (one write; appending after sealing keeps the digest whole). First looks at the panel (`looks`,
 * core/scoring/seen.ts) go with the one or the other by their stage, before the scores are shown; a write of
 * looks alone may use part of the store's reserve, and a store too full even for that refuses the look in words
 * rather than show the scores unrecorded.
 */
export function writeRecords(
  workbook: Workbook,
  records: Records,
  rows: {
    readonly sealed?: readonly LogEntry[];
    readonly logged?: readonly LogEntry[];
    readonly looks?: readonly LogEntry[];
  },
): void {
  const looks = rows.looks ?? [];
  const sealedLooks = looks.filter((e) => lookIsSealed(forStage(records.entries, e.candidateId, e.stageId)));
  const sealed = [...(rows.sealed ?? []), ...sealedLooks];
  const logged = [...(rows.logged ?? []), ...looks.filter((e) => !sealedLooks.includes(e))];
  const onlyLooks = (rows.sealed ?? []).length === 0;
  try {
    sealRows(workbook, records, sealed, onlyLooks ? RESERVED_BYTES - LOOKS_MAY_USE_BYTES : RESERVED_BYTES);
  } catch (error) {
    if (onlyLooks && isUserError(error, 'unavailable'))
      throw new UserError('unavailable', PANEL_SEEN_STORE_FULL_MESSAGE);
    throw error;
  }
  if (logged.length > 0) appendRecords(workbook, records, logged);
}

/**
 * A decision: the stage's sealed submissions and the decision's own rows are appended to the Score log in one
 * write, and only then removed from the store (an interruption in between leaves them in both, and readRecords
 * counts them once).
 */
export function publishStage(
  workbook: Workbook,
  records: Records,
  candidateId: string,
  stageId: string,
  rows: readonly LogEntry[],
): void {
  const publishing = sealedForStage(records.sealed, candidateId, stageId);
  appendRecords(workbook, records, [...publishing.flatMap((s) => s.rows), ...rows], () =>
    workbook.state.deleteRaw([...records.stale, ...publishing].flatMap((s) => s.keys)),
  );
}

/**
 * Appends signed rows to the Score log, runs `then` (the store's clean-up after a publish), and writes the new
 * digest (and the key, for a workbook that had none) in one setProperties call.
 */
export function appendRecords(
  workbook: Workbook,
  records: Records,
  rows: readonly LogEntry[],
  then: () => void = () => undefined,
): void {
  const { mac, newKey } = macForWrite(workbook);
  if (Object.keys(newKey).length > 0) workbook.state.writeRaw(newKey);
  const written = appendToScoreLog(records.log, rows, mac);
  then();
  const after = [...records.log.rows, ...written];
  workbook.state.writeRaw(digestAfter(records, mac, after, workbook.state.raw(SEALED_PREFIX)));
}

function removeStale(workbook: Workbook, records: Records): void {
  if (records.stale.length > 0) workbook.state.deleteRaw(records.stale.flatMap((s) => s.keys));
}

/**
 * The scorecards waiting sealed, without their scores or notes (who submitted for which candidate and stage,
 * and when): what the reminders need to know, and nothing more.
 */
export function listSealedSubmissions(workbook: Workbook): SubmissionSummary[] {
  return summariseScorecards(readSealed(workbook.state.raw(SEALED_PREFIX)));
}

/**
 * Set-up for the tamper-evident record: a workbook without a signing key gets one, and what it already holds —
 * Score log rows without a signature and sealed submissions without one, written before Scorecard signed its
 * records — is signed now (one write of the Signature column, one setProperties call with the key, the sealed
 * submissions and the digest). From then on a row changed or added by hand no longer verifies. Returns a line
 * for set-up's report, or null when the workbook already had a key.
 */
export function adoptRecords(workbook: Workbook): string | null {
  if (existingMac(workbook) !== null) return null;
  const { mac, newKey } = macForWrite(workbook);
  const log = readScoreLog(workbook);
  const rows = log.rows.map((r) =>
    r.entry !== null && r.signature === '' ? { ...r, signature: signRow(mac, r.entry) } : r,
  );
  const signed = rows.filter((r, i) => r !== log.rows[i]);
  if (signed.length > 0) {
    // One write over the block of rows read (blank rows in between keep a blank signature).
    const first = log.rows[0].row;
    const height = log.rows[log.rows.length - 1].row - first + 1;
    const byRow = new Map(rows.map((r) => [r.row, r.signature]));
    const column = Array.from({ length: height }, (_, i) => [byRow.get(first + i) ?? '']);
    const range = log.sheet.getRange(first, log.columns.signature + 1, height, 1);
    range.setNumberFormat('@');
    range.setValues(column);
  }
  const raw = workbook.state.raw(SEALED_PREFIX);
  const resealed: Record<string, string> = {};
  for (const s of readSealed(raw)) Object.assign(resealed, encodeSubmission(s.rows, mac));
  const sealedAfter = { ...raw, ...resealed };
  const texts = rows.map((r) => ({ text: r.entry ? rowText(r.entry, r.signature) : r.text }));
  workbook.state.writeRaw({ ...newKey, ...resealed, [DIGEST_PROPERTY]: mac(digestText(texts, sealedAfter)) });
  return signed.length + Object.keys(resealed).length > 0
    ? `Signed the ${signed.length} Score log row(s) and sealed scorecards already recorded: from now on a row changed or added by hand is shown and not counted.`
    : null;
}
