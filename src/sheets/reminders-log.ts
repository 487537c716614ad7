/**
 * The visible "Reminders" sheet: one line per run and one per recipient (sent, not sent and why), so the team
 * can see what Scorecard emailed and the trigger's owner sees what did not go out. Created on the first run;
 * each run appends its lines in one write. The cells are plain text, so nothing a user typed becomes a formula.
 */
import { COLOURS, setWidths } from './context';
import type { Workbook } from './workbook';

export const REMINDERS_SHEET_NAME = 'Reminders';
export const REMINDERS_LOG_HEADERS = ['When', 'To', 'Items', 'Result', 'Details'] as const;

export type ReminderLogRow = readonly [
  when: string,
  to: string,
  items: number | '',
  result: string,
  details: string,
];

/** Appends the run's lines below the last one (creating the sheet on the first run). */
export function appendRemindersLog(workbook: Workbook, rows: readonly ReminderLogRow[]): void {
  if (rows.length === 0) return;
  let sheet = workbook.find('reminders');
  if (!sheet) {
    sheet = workbook.create('reminders', REMINDERS_SHEET_NAME);
    workbook.state.save();
    sheet.getRange(1, 1, 1, REMINDERS_LOG_HEADERS.length).setValues([[...REMINDERS_LOG_HEADERS]]);
    sheet.setFrozenRows(1);
    sheet.getRange(1, 1, 1, REMINDERS_LOG_HEADERS.length).setFontWeight('bold').setBackground(COLOURS.header);
    setWidths(sheet, [150, 220, 60, 90, 640]);
  }
  const first = Math.max(sheet.getLastRow(), 1) + 1;
  const missing = first + rows.length - 1 - sheet.getMaxRows();
  if (missing > 0) sheet.insertRowsAfter(sheet.getMaxRows(), missing);
  const range = sheet.getRange(first, 1, rows.length, REMINDERS_LOG_HEADERS.length);
  range.setNumberFormat('@');
  range.setValues(rows.map((r) => [...r]));
}
