/**
 * What every setup and repair step shares: the workbook, the process and rubric it runs, the time, and the
 * report the user is shown at the end ("Repaired: …").
 */
import type { Process, Stage } from '../core/process';
import type { AppliedRubric } from '../core/rubric';
import type { Workbook } from './workbook';

export interface SetupContext {
  readonly workbook: Workbook;
  readonly process: Process;
  readonly rubric: AppliedRubric;
  readonly now: Date;
  /** Set on the very first run: nothing to report as "repaired". */
  readonly firstRun: boolean;
  /** One line per thing that was repaired, in the user's words. */
  readonly repairs: string[];
  /** Apply rubric changes: the key-risk row is rewritten from the rubric instead of kept as the user left it. */
  readonly rewriteKeyRisk?: boolean;
}

export const SHEET_NAMES = {
  about: 'About',
  candidates: 'Candidates',
  rubric: 'Rubric',
  templates: 'Templates',
  pipeline: 'Pipeline',
  log: 'Score log',
} as const;

export function stageSheetName(process: Process, stage: Stage): string {
  return `S${process.stages.indexOf(stage) + 1} ${stage.name}`.slice(0, 90);
}

export function repaired(ctx: SetupContext, line: string): void {
  if (!ctx.firstRun) ctx.repairs.push(line);
}

export const COLOURS = {
  pass: '#ceead6',
  fail: '#fad2cf',
  pending: '#feefc3',
  header: '#e8f0fe',
  keyRisk: '#fce8e6',
} as const;

/**
 * Sets column widths (pixels, one per column from column A; null leaves a column as it is), one call per run of
 * equal widths.
 */
export function setWidths(
  sheet: GoogleAppsScript.Spreadsheet.Sheet,
  widths: readonly (number | null)[],
): void {
  for (let i = 0; i < widths.length;) {
    let j = i + 1;
    while (j < widths.length && widths[j] === widths[i]) j++;
    const width = widths[i];
    if (width !== null) sheet.setColumnWidths(i + 1, j - i, width);
    i = j;
  }
}

/**
 * The sheet's last row, empty or not (getMaxRows, not getLastRow): the formulas, validation and colouring of a table
 * reach it, so rows a user types below the last candidate are covered.
 */
export function lastGridRow(sheet: GoogleAppsScript.Spreadsheet.Sheet): number {
  return sheet.getMaxRows();
}
