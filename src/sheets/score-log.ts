/**
 * The Score log: the hidden, append-only record of every scorecard, reconciliation, decision and veto.
 * One read of the whole log per action; one batched write of the new rows. Nothing is ever overwritten.
 */
import { isBlank, isDate, parseNumber } from '../core/cells';
import { LOG_KINDS, type LogEntry, type LogKind } from '../core/scoring/log';
import { normaliseEmail } from '../core/people';
import { type ColumnSpec, mapHeaders } from '../core/table';
import { SHEET_NAMES } from './context';
import { UserError } from '../core/errors';
import type { Workbook } from './workbook';
import { LOG_HEADERS } from './support-sheets';

type Sheet = GoogleAppsScript.Spreadsheet.Sheet;
type LogKey =
  | 'timestamp'
  | 'submissionId'
  | 'version'
  | 'candidateId'
  | 'stageId'
  | 'interviewer'
  | 'kind'
  | 'category'
  | 'score'
  | 'note';

const KEYS: readonly LogKey[] = [
  'timestamp',
  'submissionId',
  'version',
  'candidateId',
  'stageId',
  'interviewer',
  'kind',
  'category',
  'score',
  'note',
];
const LOG_COLUMNS: readonly ColumnSpec<LogKey>[] = KEYS.map((key, i) => ({ key, header: LOG_HEADERS[i] }));

export interface ScoreLog {
  readonly sheet: Sheet;
  readonly entries: readonly LogEntry[];
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
  for (let i = 1; i < values.length; i++) {
    const row = values[i];
    const kind = String(row[c.kind]).trim() as LogKind;
    if (!LOG_KINDS.includes(kind)) continue;
    const stamp = row[c.timestamp];
    entries.push({
      timestamp: isDate(stamp) ? stamp.toISOString() : String(stamp),
      submissionId: String(row[c.submissionId]),
      version: parseNumber(row[c.version]) ?? 0,
      candidateId: String(row[c.candidateId]).trim(),
      stageId: String(row[c.stageId]).trim(),
      interviewer: normaliseEmail(String(row[c.interviewer])),
      kind,
      category: String(row[c.category]).trim(),
      score: isBlank(row[c.score]) ? null : (parseNumber(row[c.score]) ?? null),
      note: String(row[c.note] ?? ''),
    });
  }
  return { sheet, entries, columns: c, width: values[0].length, lastUsedRow: values.length };
}

/** Appends rows after the last one in one write; the cells are plain text so a note "=1+1" stays text. */
export function appendToScoreLog(log: ScoreLog, rows: readonly LogEntry[]): void {
  if (rows.length === 0) return;
  const { sheet, columns, width } = log;
  const first = log.lastUsedRow + 1;
  const missing = first + rows.length - 1 - sheet.getMaxRows();
  if (missing > 0) sheet.insertRowsAfter(sheet.getMaxRows(), missing);
  const values = rows.map((entry) => {
    const row: (string | number)[] = new Array<string>(width).fill('');
    for (const key of KEYS) {
      const value = entry[key];
      row[columns[key]] = value === null ? '' : value;
    }
    return row;
  });
  const range = sheet.getRange(first, 1, rows.length, width);
  range.setNumberFormat('@');
  range.setValues(values);
}
