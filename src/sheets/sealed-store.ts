/**
 * Where the records of a stage live until it is decided (core/scoring/sealed.ts says what is sealed and how it is
 * written): in the document's properties, which no cell, note, named range or formula of the spreadsheet can
 * reach. The workbook's properties are read once when it is opened (DocumentState), so reading the sealed store
 * costs no call of its own; sealing is one setProperties call, publishing one Score log write then one
 * deleteProperty per sealed part.
 */
import type { LogEntry } from '../core/scoring/log';
import {
  SEALED_PREFIX,
  type SealedSubmission,
  type SubmissionSummary,
  mergeRecords,
  planSeal,
  readSealed,
  sealedForStage,
  storedBytes,
  summariseScorecards,
  STORE_FULL_MESSAGE,
} from '../core/scoring/sealed';
import { UserError } from '../core/errors';
import { type ScoreLog, appendToScoreLog, readScoreLog } from './score-log';
import type { Workbook } from './workbook';

/** The published Score log and the sealed submissions, read together: what every decision reads. */
export interface Records {
  readonly log: ScoreLog;
  readonly sealed: readonly SealedSubmission[];
  /** Published rows, then the sealed ones not yet published (each submission once). */
  readonly entries: readonly LogEntry[];
  /** Sealed submissions already published (an interrupted publish): removed by the next write. */
  readonly stale: readonly SealedSubmission[];
}

export function readRecords(workbook: Workbook): Records {
  const log = readScoreLog(workbook);
  const sealed = readSealed(workbook.state.raw(SEALED_PREFIX));
  const { entries, stale } = mergeRecords(log.entries, sealed);
  return { log, sealed: sealed.filter((s) => !stale.includes(s)), entries, stale };
}

/** The quota error Apps Script throws when a write would take the store past 500 KB. */
function isQuotaError(error: unknown): boolean {
  return error instanceof Error && /property storage quota/i.test(error.message);
}

/**
 * Seals new rows (scorecards, vetoes): checked against the per-scorecard and per-store ceilings first, then
 * written in one call; a refusal throws a UserError and writes nothing.
 */
export function sealRows(workbook: Workbook, records: Records, rows: readonly LogEntry[]): void {
  if (rows.length === 0) return;
  removeStale(workbook, records);
  const current = storedBytes(workbook.state.raw(''));
  const values = planSeal(rows, current);
  try {
    workbook.state.writeRaw(values);
  } catch (error) {
    if (isQuotaError(error)) throw new UserError('unavailable', STORE_FULL_MESSAGE);
    throw error;
  }
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
  appendToScoreLog(records.log, [...publishing.flatMap((s) => s.rows), ...rows]);
  workbook.state.deleteRaw([...records.stale, ...publishing].flatMap((s) => s.keys));
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
