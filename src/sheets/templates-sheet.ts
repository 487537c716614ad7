/**
 * The Templates sheet: the team's own wording of the interview documents. Read in one call; columns are found
 * by header (users may move them); every problem is reported with its cell ("Templates!E12: …").
 */
import type { Process } from '../core/process';
import { cellName, mapHeaders, quoteSheetName } from '../core/table';
import {
  TEMPLATE_HEADERS,
  type TemplateColumn,
  type TemplateRow,
  checkTemplates,
} from '../core/templates/template';
import { SHEET_NAMES } from './context';
import { type CellProblem, UserError } from '../core/errors';
import type { Workbook } from './workbook';
import { findHeaderRow, readSheetValues } from './table';

/** Longest list of problems shown in one message. */
const MAX_LISTED = 25;

export type TemplateCheck =
  | { readonly ok: true; readonly templates: TemplateRow[]; readonly rowCount: number }
  | { readonly ok: false; readonly problems: CellProblem[] };

/**
 * Reads and checks the Templates sheet against the known processes. Throws a UserError when the sheet or
 * one of its columns is missing (Set up workbook restores them); returns the problems of the rows otherwise.
 */
export function checkTemplatesSheet(workbook: Workbook, processes: readonly Process[]): TemplateCheck {
  const sheet = workbook.require('templates', SHEET_NAMES.templates);
  const name = sheet.getName();
  const values = readSheetValues(sheet);
  const headerRow = findHeaderRow(values, TEMPLATE_HEADERS);
  const layout =
    headerRow === undefined
      ? undefined
      : mapHeaders(
          values[headerRow - 1],
          TEMPLATE_HEADERS.map((h) => ({ key: h, header: h })),
        );
  if (headerRow === undefined || !layout || layout.missing.length > 0) {
    const missing = layout ? layout.missing : [...TEMPLATE_HEADERS];
    throw new UserError(
      'needs-repair',
      `Sheet "${name}" is missing the column${missing.length > 1 ? 's' : ''} ${missing.map((h) => `"${h}"`).join(', ')} in its header row. ` +
        'Run Extensions ▸ Scorecard ▸ Set up workbook to restore the headers (your rows are kept).',
    );
  }
  if (layout.duplicates.length > 0) {
    throw new UserError(
      'invalid-sheet',
      `Sheet "${name}" has duplicated headers; rename or remove one of each so Scorecard knows which column to use.`,
      layout.duplicates.map(
        (d) => `"${d.header}" in ${d.columns.map((c) => cellName(c, headerRow)).join(' and ')}`,
      ),
    );
  }
  const columns = TEMPLATE_HEADERS.map((h) => layout.columns[h]);
  const rows = values.slice(headerRow).map((row) => columns.map((c) => row[c]));
  const result = checkTemplates(rows, processes, headerRow + 1);
  if (result.ok) return { ok: true, templates: result.templates, rowCount: result.templates.length };
  const cell = (row: number, column: TemplateColumn) =>
    `${quoteSheetName(name)}!${cellName(layout.columns[column], row)}`;
  return {
    ok: false,
    problems: result.problems.map((p) => ({ cell: cell(p.row, p.column), message: p.message })),
  };
}

/** The checked template rows, or a UserError listing every problem with its cell (nothing is generated). */
export function readTemplates(workbook: Workbook, processes: readonly Process[]): TemplateRow[] {
  const check = checkTemplatesSheet(workbook, processes);
  if (!check.ok) {
    throw new UserError(
      'invalid-sheet',
      'No document was created: the Templates sheet has problems. Fix them (Check templates lists them again), then try again.',
      check.problems.length > MAX_LISTED
        ? [...check.problems.slice(0, MAX_LISTED), `… and ${check.problems.length - MAX_LISTED} more`]
        : check.problems,
    );
  }
  return check.templates;
}
