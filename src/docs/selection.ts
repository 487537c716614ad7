/**
 * Which candidates the user selected: rows on the Candidates sheet, or on a scorecard sheet (where the ID column
 * identifies the candidate). One range, several ranges, or a whole (filtered) block; calls are per range, never
 * per row (except rows hidden by a filter, checked only when the sheet has a filter).
 */
import type { Candidate } from '../core/candidates';
import { text } from '../core/candidates';
import type { Process } from '../core/process';
import type { ColumnSpec } from '../core/table';
import { type CandidatesLayout } from '../sheets/candidates-sheet';
import { UserError } from '../core/errors';
import type { Workbook } from '../sheets/workbook';
import { readSheetValues, tableFromValues } from '../sheets/table';

type Spreadsheet = GoogleAppsScript.Spreadsheet.Spreadsheet;
type Sheet = GoogleAppsScript.Spreadsheet.Sheet;

export interface CandidatesRead {
  readonly layout: CandidatesLayout;
  readonly rows: readonly (readonly unknown[])[];
  readonly candidates: readonly Candidate[];
}

/** The columns a scorecard sheet identifies its candidates by. */
const ID_AND_NAME: readonly ColumnSpec<'id' | 'name'>[] = [
  { key: 'id', header: 'ID' },
  { key: 'name', header: 'Name' },
];

const HOW_TO_SELECT =
  'Select one or more candidate rows on the Candidates sheet (or on a scorecard sheet), then choose the menu item again.';

/** Sheet rows covered by the selection, in order, without repeats (rows hidden by a filter are left out). */
function selectedRows(spreadsheet: Spreadsheet, sheet: Sheet): number[] {
  const list = spreadsheet.getActiveRangeList();
  const ranges = list ? list.getRanges() : [];
  if (ranges.length === 0) throw new UserError('invalid-selection', `Nothing is selected. ${HOW_TO_SELECT}`);
  const rows = new Set<number>();
  for (const range of ranges) {
    const first = range.getRow();
    const count = range.getNumRows();
    for (let r = first; r < first + count; r++) rows.add(r);
  }
  const sorted = [...rows].sort((a, b) => a - b);
  // A whole filtered block includes the rows the filter hides; those are not meant.
  const filter = typeof sheet.getFilter === 'function' ? sheet.getFilter() : null;
  return filter ? sorted.filter((r) => !sheet.isRowHiddenByFilter(r)) : sorted;
}

function isBlankRow(row: readonly unknown[] | undefined): boolean {
  return !row || row.every((v) => text(v) === '');
}

function rowList(rows: readonly number[]): string {
  const shown = rows.slice(0, 10).join(', ');
  return rows.length > 10 ? `${shown} and ${rows.length - 10} more` : shown;
}

/**
 * The selected candidates, in sheet order. Throws a UserError with a specific message (nothing selected,
 * only the header, rows without a name or ID, another sheet) so that nothing is created.
 */
export function selectedCandidates(
  spreadsheet: Spreadsheet,
  workbook: Workbook,
  process: Process,
  read: CandidatesRead,
): Candidate[] {
  const sheet = spreadsheet.getActiveSheet();
  const sheetId = sheet.getSheetId();
  const byId = new Map(read.candidates.map((c) => [c.id, c]));

  if (sheetId === read.layout.sheet.getSheetId()) {
    const { firstRow } = read.layout;
    const rows = selectedRows(spreadsheet, sheet);
    const data = rows.filter((r) => r >= firstRow);
    if (data.length === 0) {
      throw new UserError('invalid-selection', `Only the header row is selected. ${HOW_TO_SELECT}`);
    }
    const nameless: number[] = [];
    const noId: number[] = [];
    const chosen: Candidate[] = [];
    for (const r of data) {
      const row = read.rows[r - firstRow];
      if (isBlankRow(row)) continue;
      const name = text(row[read.layout.columns.name]);
      const id = text(row[read.layout.columns.id]);
      if (name === '') nameless.push(r);
      else if (id === '') noId.push(r);
      else chosen.push(byId.get(id) ?? notFound(id));
    }
    return check(chosen, nameless, noId, sheet.getName());
  }

  const stage = process.stages.find((s) => workbook.state.sheetId(`stage.${s.id}`) === sheetId);
  if (!stage) {
    throw new UserError(
      'invalid-selection',
      `"${sheet.getName()}" is not a candidate list. ${HOW_TO_SELECT}`,
    );
  }
  const values = readSheetValues(sheet);
  const table = tableFromValues(sheet, values, ID_AND_NAME, ['ID', 'Name']);
  if (table === undefined) {
    throw new UserError(
      'invalid-selection',
      `Sheet "${sheet.getName()}" has no "ID" column header. Run Set up workbook to repair it, or select rows on the Candidates sheet.`,
    );
  }
  const { headerRow } = table;
  const { id: idColumn, name: nameColumn } = table.layout.columns;
  const rows = selectedRows(spreadsheet, sheet).filter((r) => r > headerRow);
  if (rows.length === 0)
    throw new UserError('invalid-selection', `Only header rows are selected. ${HOW_TO_SELECT}`);
  const nameless: number[] = [];
  const noId: number[] = [];
  const chosen: Candidate[] = [];
  for (const r of rows) {
    const row = values[r - 1];
    if (isBlankRow(row)) continue;
    const id = text(row[idColumn]);
    if (id === '') {
      if (text(row[nameColumn]) === '') nameless.push(r);
      else noId.push(r);
      continue;
    }
    const candidate = byId.get(id);
    if (!candidate) {
      throw new UserError(
        'invalid-selection',
        `Row ${r} of "${sheet.getName()}" has the ID ${id}, which is not on the Candidates sheet. Nothing was created.`,
      );
    }
    if (candidate.name === '') nameless.push(r);
    else chosen.push(candidate);
  }
  return check(chosen, nameless, noId, sheet.getName());
}

function notFound(id: string): never {
  throw new UserError(
    'invalid-selection',
    `The candidate ${id} could not be read from the Candidates sheet. Nothing was created.`,
  );
}

function check(chosen: Candidate[], nameless: number[], noId: number[], sheetName: string): Candidate[] {
  const problems = [
    ...(nameless.length > 0 ? [`row${nameless.length > 1 ? 's' : ''} ${rowList(nameless)}: no name`] : []),
    ...(noId.length > 0
      ? [
          `row${noId.length > 1 ? 's' : ''} ${rowList(noId)}: no ID yet (run Set up workbook to give every named row an ID)`,
        ]
      : []),
  ];
  if (problems.length > 0) {
    throw new UserError(
      'invalid-selection',
      `Some selected rows of "${sheetName}" cannot get a document, so nothing was created:`,
      problems,
    );
  }
  if (chosen.length === 0)
    throw new UserError('invalid-selection', `The selected rows are empty. ${HOW_TO_SELECT}`);
  const seen = new Set<string>();
  return chosen.filter((c) => !seen.has(c.id) && seen.add(c.id));
}
