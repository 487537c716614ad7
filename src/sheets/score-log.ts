/**
 * The Score log: the hidden, append-only record of every scorecard, reconciliation, decision and veto.
 * One read of the whole log per action; one batched write of the new rows. Nothing is ever overwritten.
 */
import { isBlank } from '../core/cells';
import { LOG_FIELDS, type LogEntry, logEntryFromCells } from '../core/scoring/log';
import { type Mac, type ReadRow, canonicalRow, signRow } from '../core/scoring/signature';
import { type ColumnSpec, mapHeaders } from '../core/table';
import { SHEET_NAMES } from './context';
import { UserError } from '../core/errors';
import type { Workbook } from './workbook';
import { LOG_HEADERS } from './support-sheets';

type Sheet = GoogleAppsScript.Spreadsheet.Sheet;
type LogKey = keyof LogEntry | 'signature';

const KEYS: readonly LogKey[] = [...LOG_FIELDS, 'signature'];
const LOG_COLUMNS: readonly ColumnSpec<LogKey>[] = KEYS.map((key, i) => ({ key, header: LOG_HEADERS[i] }));

export interface ScoreLog {
  readonly sheet: Sheet;
  /** What the rows say, unchecked (readRecords in sealed-store.ts keeps only those whose signature matches). */
  readonly entries: readonly LogEntry[];
  /** Every non-blank row with its number and signature, for the check. */
  readonly rows: readonly ReadRow[];
  /** 0-based column of each field, found by header. */
  readonly columns: Readonly<Record<LogKey, number>>;
  readonly width: number;
  /** The last row that holds anything (1 = the header only): new rows go below it. */
  readonly lastUsedRow: number;
}

export function readScoreLog(workbook: Workbook): ScoreLog {
  const sheet = workbook.require('log', SHEET_NAMES.log);
  const values = sheet.getDataRange().getValues();
  const layout = mapHeaders(values[0] ?? [], LOG_COLUMNS);
  if (layout.missing.length > 0 || layout.duplicates.length > 0) {
    throw new UserError(
      'needs-repair',
      `The "${sheet.getName()}" sheet's headers were changed. Run Set up workbook to repair them.`,
    );
  }
  const c = layout.columns;
  const entries: LogEntry[] = [];
  const rows: ReadRow[] = [];
  for (let i = 1; i < values.length; i++) {
    const row = values[i];
    if (row.every(isBlank)) continue;
    const signature = String(row[c.signature] ?? '').trim();
    const where = {
      row: i + 1,
      signature,
      candidateId: String(row[c.candidateId]).trim(),
      stageId: String(row[c.stageId]).trim(),
    };
    const entry = logEntryFromCells(row, c);
    if (!entry) {
      // Not a row Scorecard wrote: never counted, and shown as untrusted.
      rows.push({ ...where, entry: null, text: JSON.stringify(row.map(String)) });
      continue;
    }
    entries.push(entry);
    rows.push({ ...where, entry, text: rowText(entry, signature) });
  }
  return { sheet, entries, rows, columns: c, width: values[0].length, lastUsedRow: values.length };
}

/** What the digest covers of one row Scorecard wrote: its fields and its signature. */
export function rowText(entry: LogEntry, signature: string): string {
  return `${canonicalRow(entry)}\t${signature}`;
}

/**
 * Appends rows after the last one in one write, each signed (one HMAC per row); the cells are plain text so a
 * note "=1+1" stays text. Returns the rows as a later read will see them (for the digest).
 */
export function appendToScoreLog(log: ScoreLog, rows: readonly LogEntry[], mac: Mac): ReadRow[] {
  if (rows.length === 0) return [];
  const { sheet, columns, width } = log;
  const first = log.lastUsedRow + 1;
  const missing = first + rows.length - 1 - sheet.getMaxRows();
  if (missing > 0) sheet.insertRowsAfter(sheet.getMaxRows(), missing);
  const written: ReadRow[] = [];
  const values = rows.map((entry, i) => {
    const row: (string | number)[] = new Array<string>(width).fill('');
    for (const key of LOG_FIELDS) {
      const value = entry[key];
      row[columns[key]] = value === null ? '' : value;
    }
    const signature = signRow(mac, entry);
    row[columns.signature] = signature;
    const { candidateId, stageId } = entry;
    written.push({ row: first + i, entry, signature, candidateId, stageId, text: rowText(entry, signature) });
    return row;
  });
  const range = sheet.getRange(first, 1, rows.length, width);
  range.setNumberFormat('@');
  range.setValues(values);
  return written;
}
