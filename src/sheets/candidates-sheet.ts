/**
 * The Candidates sheet: one row per candidate, columns found by header. Setup adds missing columns at the end,
 * restores dropdowns and formulas, and gives every named row a stable ID.
 */
import { startOfDay } from '../core/time-zone';
import {
  CANDIDATE_COLUMNS,
  CANDIDATE_STATUSES,
  type Candidate,
  type CandidateColumnKey,
  assignIds,
  parseEmails,
  stageAverageHeader,
  stageResultHeader,
  stageScheduledHeader,
  stageScriptHeader,
  text,
} from '../core/candidates';
import { isBlank } from '../core/cells';
import { normaliseEmail } from '../core/people';
import { type Process, findStage } from '../core/process';
import { type ColumnSpec, cellName, columnLetter, fitWidth, restoredHeaderColumn } from '../core/table';
import { COLOURS, SHEET_NAMES, type SetupContext, lastGridRow, repaired, setWidths } from './context';
import { UserError } from '../core/errors';
import {
  type CandidateFormulaColumns,
  type ServiceLevelTable,
  daysInStageFormula,
  nextStepDueFormula,
  overdueFormula,
  repairRowFormulas,
} from './formulas';
import type { Workbook } from './workbook';
import {
  type SheetTable,
  duplicateHeaderProblems,
  mergedHeaderProblems,
  readSheetValues,
  tableFromValues,
} from './table';

type Sheet = GoogleAppsScript.Spreadsheet.Sheet;

export type CandidatesKey =
  | CandidateColumnKey
  | 'daysInStage'
  | `average:${string}`
  | `result:${string}`
  | `script:${string}`
  | `scheduled:${string}`;

const IDENTIFYING = ['ID', 'Name'];

export function candidateColumns(process: Process): ColumnSpec<CandidatesKey>[] {
  const columns: ColumnSpec<CandidatesKey>[] = [...CANDIDATE_COLUMNS];
  columns.splice(columns.findIndex((c) => c.key === 'overdue') + 1, 0, {
    key: 'daysInStage',
    header: 'Days in stage',
  });
  for (const stage of process.stages) {
    columns.push({ key: `scheduled:${stage.id}`, header: stageScheduledHeader(stage) });
    columns.push({ key: `average:${stage.id}`, header: stageAverageHeader(stage) });
    columns.push({ key: `result:${stage.id}`, header: stageResultHeader(stage) });
  }
  for (const stage of process.stages)
    columns.push({ key: `script:${stage.id}`, header: stageScriptHeader(stage) });
  return columns;
}

export interface CandidatesState {
  readonly sheet: Sheet | undefined;
  readonly table: SheetTable<CandidatesKey> | undefined;
  readonly problems: string[];
}

export function inspectCandidates(workbook: Workbook, process: Process): CandidatesState {
  const sheet = workbook.find('candidates');
  if (!sheet) return { sheet, table: undefined, problems: [] };
  const table = tableFromValues(sheet, readSheetValues(sheet), candidateColumns(process), IDENTIFYING);
  if (!table) {
    return {
      sheet,
      table,
      problems: [
        `Sheet "${sheet.getName()}": no header row with "ID" and "Name" in the top rows. Put the headers back (Edit ▸ Undo) so Scorecard can tell which column is which.`,
      ],
    };
  }
  return {
    sheet,
    table,
    problems: [
      ...duplicateHeaderProblems(sheet.getName(), table),
      ...mergedHeaderProblems(sheet, table.headerRow),
    ],
  };
}

export interface CandidatesLayout {
  readonly sheet: Sheet;
  readonly headerRow: number;
  readonly firstRow: number;
  /** The sheet's last row, empty or not: formulas, validation and colouring reach it. */
  readonly lastGridRow: number;
  readonly columns: Readonly<Record<CandidatesKey, number>>;
}

/** Creates or repairs the sheet's header, dropdowns and formatting; returns where each column is. */
export function writeCandidatesStructure(ctx: SetupContext, state: CandidatesState): CandidatesLayout {
  const specs = candidateColumns(ctx.process);
  let sheet = state.sheet;
  const created = !sheet;
  let headerRow = 1;
  let header: unknown[];
  let columns: Record<CandidatesKey, number>;
  if (!sheet) {
    if (!ctx.firstRun)
      ctx.repairs.push(
        `Recreated the missing "${SHEET_NAMES.candidates}" sheet (empty: the candidates it held were deleted with it).`,
      );
    sheet = ctx.workbook.create('candidates', SHEET_NAMES.candidates, 1);
    header = specs.map((s) => s.header);
    columns = Object.fromEntries(specs.map((s, i) => [s.key, i])) as Record<CandidatesKey, number>;
  } else {
    const table = state.table!;
    headerRow = table.headerRow;
    header = [...table.header];
    // The columns the header mapping found; a restored header's column is added at the end.
    columns = { ...table.layout.columns };
    while (header.length > 0 && isBlank(header[header.length - 1])) header.pop();
    for (const key of table.layout.missing) {
      const spec = specs.find((s) => s.key === key)!;
      // A cleared header goes back over its own column; a header that was never there is added at the end.
      const at = restoredHeaderColumn(header, specs, key);
      if (at !== undefined) {
        header[at] = spec.header;
        columns[key] = at;
        repaired(
          ctx,
          `Restored the header "${spec.header}" on "${sheet.getName()}" (${cellName(at, headerRow)}).`,
        );
      } else {
        header.push(spec.header);
        columns[key] = header.length - 1;
        repaired(
          ctx,
          `Added the missing column "${spec.header}" to "${sheet.getName()}" (${cellName(header.length - 1, headerRow)}).`,
        );
      }
    }
  }
  if (header.length > sheet.getMaxColumns())
    sheet.insertColumnsAfter(sheet.getMaxColumns(), header.length - sheet.getMaxColumns());
  if (created || state.table!.layout.missing.length > 0)
    sheet.getRange(headerRow, 1, 1, header.length).setValues([header]);
  const layout: CandidatesLayout = {
    sheet,
    headerRow,
    firstRow: headerRow + 1,
    lastGridRow: lastGridRow(sheet),
    columns,
  };

  repairCandidateValidations(ctx, layout, created);
  if (created) formatCandidates(ctx, layout, header.map(String));
  return layout;
}

function repairCandidateValidations(ctx: SetupContext, layout: CandidatesLayout, created: boolean): void {
  const { sheet, columns, firstRow } = layout;
  const rows = layout.lastGridRow - firstRow + 1;
  const stageNames = ctx.process.stages.map((s) => s.name);
  const rules: [CandidatesKey, string[], string][] = [
    ['stage', stageNames, 'Pick the stage the candidate is in now.'],
    ['status', [...CANDIDATE_STATUSES], 'Active candidates count towards overdue next steps.'],
  ];
  for (const [key, values, help] of rules) {
    const range = sheet.getRange(firstRow, columns[key] + 1, rows, 1);
    if (!created) {
      const current = range.getCell(1, 1).getDataValidation();
      const same =
        current !== null &&
        String(current.getCriteriaType()) === 'VALUE_IN_LIST' &&
        JSON.stringify(current.getCriteriaValues()[0]) === JSON.stringify(values);
      if (same) continue;
      repaired(
        ctx,
        `Restored the ${key} dropdown on "${sheet.getName()}" column ${columnLetter(columns[key])}.`,
      );
    }
    range.setDataValidation(
      ctx.workbook.app
        .newDataValidation()
        .requireValueInList(values, true)
        .setAllowInvalid(true)
        .setHelpText(help)
        .build(),
    );
  }
  repairScheduledColumns(ctx, layout, created);
}

/** How a scheduled interview shows: the day and the time, on the spreadsheet's clock (cells are in its zone). */
export const SCHEDULED_FORMAT = 'yyyy-mm-dd hh:mm';
export const SCHEDULED_HELP =
  "The date and time of this interview, in the spreadsheet's time zone (File ▸ Settings), e.g. 2026-12-03 14:30. Leave blank while it is not scheduled.";

/**
 * Each "<Stage> scheduled" column accepts a date (a time is part of it) and shows the date and time. A typed
 * value that is not a date is kept with Sheets' invalid-data mark; the reminders say what is wrong with it.
 */
function repairScheduledColumns(ctx: SetupContext, layout: CandidatesLayout, created: boolean): void {
  const { sheet, columns, firstRow } = layout;
  const rows = layout.lastGridRow - firstRow + 1;
  for (const stage of ctx.process.stages) {
    const column = columns[`scheduled:${stage.id}`];
    const range = sheet.getRange(firstRow, column + 1, rows, 1);
    if (!created) {
      const current = range.getCell(1, 1).getDataValidation();
      if (current !== null && String(current.getCriteriaType()) === 'DATE_IS_VALID_DATE') continue;
      repaired(
        ctx,
        `Restored the date-and-time check on "${sheet.getName()}" column ${columnLetter(column)} (${stageScheduledHeader(stage)}).`,
      );
    }
    range
      .setNumberFormat(SCHEDULED_FORMAT)
      .setDataValidation(
        ctx.workbook.app
          .newDataValidation()
          .requireDate()
          .setAllowInvalid(true)
          .setHelpText(SCHEDULED_HELP)
          .build(),
      );
  }
}

/** Widths that show every header, stage name and status on one line (dropdowns need room for their chevron). */
function candidateWidths(process: Process, header: readonly string[], columns: CandidatesLayout['columns']) {
  const widths = header.map((h) => fitWidth(h));
  const dropdown = 22;
  widths[columns.stage] = fitWidth('Stage', { values: process.stages.map((s) => s.name), extra: dropdown });
  widths[columns.status] = fitWidth('Status', { values: [...CANDIDATE_STATUSES], extra: dropdown });
  widths[columns.role] = fitWidth('Role', { values: [process.role] });
  widths[columns.hiringManager] = Math.max(widths[columns.hiringManager], 180);
  widths[columns.name] = Math.max(widths[columns.name], 180);
  widths[columns.email] = Math.max(widths[columns.email], 200);
  widths[columns.panel] = Math.max(widths[columns.panel], 220);
  for (const key of ['appliedOn', 'inStageSince', 'nextStepDue'] as const)
    widths[columns[key]] = fitWidth(header[columns[key]], { values: ['2026-12-31'] });
  for (const stage of process.stages) {
    const column = columns[`scheduled:${stage.id}`];
    widths[column] = fitWidth(header[column], { values: ['2026-12-31 23:59'] });
  }
  return widths;
}

function formatCandidates(ctx: SetupContext, layout: CandidatesLayout, header: readonly string[]): void {
  const { sheet, headerRow, firstRow, columns } = layout;
  const width = header.length;
  const rows = layout.lastGridRow - firstRow + 1;
  sheet.setFrozenRows(headerRow);
  sheet.setFrozenColumns(2);
  sheet.getRange(headerRow, 1, 1, width).setFontWeight('bold').setBackground(COLOURS.header).setWrap(true);
  // What users type into these stays text, even if it starts with "=", "+", "-" or "@".
  for (const key of ['name', 'email', 'role', 'hiringManager', 'panel'] as const) {
    sheet.getRange(firstRow, columns[key] + 1, rows, 1).setNumberFormat('@');
  }
  for (const key of ['appliedOn', 'inStageSince', 'nextStepDue'] as const) {
    sheet.getRange(firstRow, columns[key] + 1, rows, 1).setNumberFormat('yyyy-mm-dd');
  }
  for (const key of Object.keys(columns) as CandidatesKey[]) {
    if (key.startsWith('average:'))
      // Right-aligned like the numbers, also while a row's average is marked partial (text).
      sheet
        .getRange(firstRow, columns[key] + 1, rows, 1)
        .setNumberFormat('0.00')
        .setHorizontalAlignment('right');
  }
  setWidths(sheet, candidateWidths(ctx.process, header, columns));
  // Where the due dates come from, on the headers whose cells stay blank until a stage has a service level.
  const { texts } = ctx.workbook.presets();
  const notes = header.map(() => '');
  notes[columns.nextStepDue] = texts.nextStepDueNote;
  notes[columns.overdue] = texts.overdueNote;
  sheet.getRange(headerRow, 1, 1, width).setNotes([notes]);
}

/**
 * The computed columns of the sheet's own: one ARRAYFORMULA each in the first data row. (The per-stage average
 * and result columns read the scorecard sheets; set-up wires those.)
 */
export function candidateFormulas(
  layout: CandidatesLayout,
  serviceLevels: ServiceLevelTable,
): [CandidatesKey, string][] {
  const { columns, firstRow } = layout;
  const last = layout.lastGridRow;
  const c: CandidateFormulaColumns = {
    id: columns.id,
    stage: columns.stage,
    status: columns.status,
    inStageSince: columns.inStageSince,
    nextStepDue: columns.nextStepDue,
  };
  return [
    ['nextStepDue', nextStepDueFormula(c, firstRow, last, serviceLevels)],
    ['overdue', overdueFormula(c, firstRow, last)],
    ['daysInStage', daysInStageFormula(c, firstRow, last)],
  ];
}

export function repairCandidateFormulas(
  ctx: SetupContext,
  layout: CandidatesLayout,
  formulas: [CandidatesKey, string][],
  created: boolean,
): void {
  const specs = candidateColumns(ctx.process);
  const placed = formulas.map(([key, formula]) => ({
    column: layout.columns[key],
    header: specs.find((s) => s.key === key)?.header ?? key,
    formula,
  }));
  repairRowFormulas(ctx, layout.sheet, layout.firstRow, placed, created);
}

export function colourCandidateResults(ctx: SetupContext, layout: CandidatesLayout, created: boolean): void {
  const { sheet, columns, firstRow } = layout;
  const existing = created ? [] : sheet.getConditionalFormatRules();
  const wanted = ctx.process.stages.length * 2 + 1;
  if (!created && existing.length >= wanted) return;
  if (!created) repaired(ctx, `Restored the pass/fail and overdue colouring on "${sheet.getName()}".`);
  const rows = layout.lastGridRow - firstRow + 1;
  const rules: GoogleAppsScript.Spreadsheet.ConditionalFormatRule[] = [];
  for (const stage of ctx.process.stages) {
    const column = columns[`result:${stage.id}`];
    const range = sheet.getRange(firstRow, column + 1, rows, 1);
    const cell = `$${columnLetter(column)}${firstRow}`;
    rules.push(
      ctx.workbook.app
        .newConditionalFormatRule()
        .whenFormulaSatisfied(`=${cell}=TRUE`)
        .setBackground(COLOURS.pass)
        .setRanges([range])
        .build(),
    );
    rules.push(
      ctx.workbook.app
        .newConditionalFormatRule()
        .whenFormulaSatisfied(`=${cell}=FALSE`)
        .setBackground(COLOURS.fail)
        .setRanges([range])
        .build(),
    );
  }
  const overdue = sheet.getRange(firstRow, columns.overdue + 1, rows, 1);
  rules.push(
    ctx.workbook.app
      .newConditionalFormatRule()
      .whenFormulaSatisfied(`=$${columnLetter(columns.overdue)}${firstRow}=TRUE`)
      .setBackground(COLOURS.fail)
      .setRanges([overdue])
      .build(),
  );
  sheet.setConditionalFormatRules([...existing, ...rules]);
}

/**
 * Gives every row that has a name but no ID a new one, and fills the defaults a new candidate needs (the
 * process's role, first stage, status, dates) where the user left them blank. One read has already happened; each changed column is one write.
 */
export function assignCandidateIds(
  ctx: { workbook: Workbook; process: Process; now: Date },
  layout: CandidatesLayout,
  rows: readonly (readonly unknown[])[],
): { assigned: number; ids: string[] } {
  const { sheet, columns, firstRow } = layout;
  const state = ctx.workbook.state;
  const { ids, nextCounter } = assignIds(
    rows.map((row) => ({ idCell: row[columns.id], nameCell: row[columns.name] })),
    state.nextCandidateNumber,
  );
  const allIds = rows.map((row, i) => ids[i] ?? text(row[columns.id])).filter(Boolean);
  const changed = ids.map((id, i) => (id ? i : -1)).filter((i) => i >= 0);
  if (changed.length === 0) return { assigned: 0, ids: allIds };
  const span = changed[changed.length - 1] + 1;
  // Midnight of today in the spreadsheet's time zone, where the cell shows it (never the script's zone).
  const today = startOfDay(ctx.now, ctx.workbook.spreadsheet.getSpreadsheetTimeZone());
  const column = (key: CandidatesKey, fill: unknown) =>
    rows.slice(0, span).map((row, i) => [ids[i] && isBlank(row[columns[key]]) ? fill : row[columns[key]]]);
  const writes: [CandidatesKey, unknown[][]][] = [
    ['id', rows.slice(0, span).map((row, i) => [ids[i] ?? row[columns.id]])],
    ['role', column('role', ctx.process.role)],
    ['stage', column('stage', ctx.process.stages[0].name)],
    ['status', column('status', 'Active')],
    ['appliedOn', column('appliedOn', today)],
    ['inStageSince', column('inStageSince', today)],
  ];
  for (const [key, values] of writes) {
    if (values.every((v, i) => v[0] === rows[i][columns[key]])) continue;
    sheet.getRange(firstRow, columns[key] + 1, span, 1).setValues(values);
  }
  state.nextCandidateNumber = nextCounter;
  return { assigned: changed.length, ids: allIds };
}

/** Reads the Candidates sheet in one call and parses every row that has an ID. */
export function readCandidates(
  workbook: Workbook,
  process: Process,
): { layout: CandidatesLayout; rows: unknown[][]; candidates: Candidate[] } {
  const sheet = workbook.require('candidates', SHEET_NAMES.candidates);
  const specs = candidateColumns(process);
  const table = tableFromValues(sheet, readSheetValues(sheet), specs, IDENTIFYING);
  if (!table) {
    throw new UserError(
      'needs-repair',
      `Sheet "${sheet.getName()}": no header row with "ID" and "Name" in the top rows. Run Set up workbook to repair it.`,
    );
  }
  const required: CandidatesKey[] = [
    'id',
    'name',
    'email',
    'role',
    'stage',
    'status',
    'hiringManager',
    'panel',
  ];
  const missing = table.layout.missing.filter((k) => required.includes(k));
  if (missing.length > 0 || table.layout.duplicates.length > 0) {
    throw new UserError(
      'needs-repair',
      `Sheet "${sheet.getName()}" needs repair: run Extensions ▸ Scorecard ▸ Set up workbook.`,
      [
        ...duplicateHeaderProblems(sheet.getName(), table),
        ...missing.map((k) => `the column "${specs.find((s) => s.key === k)?.header}" is missing`),
      ],
    );
  }
  const columns = table.layout.columns as Record<CandidatesKey, number>;
  const layout: CandidatesLayout = {
    sheet,
    headerRow: table.headerRow,
    firstRow: table.headerRow + 1,
    lastGridRow: lastGridRow(sheet),
    columns,
  };
  const rows = table.rows.map((r) => [...r]);
  const candidates = rows.flatMap((row, i): Candidate[] => {
    const id = text(row[columns.id]);
    if (!id) return [];
    const stageName = text(row[columns.stage]);
    return [
      {
        row: layout.firstRow + i,
        id,
        name: text(row[columns.name]),
        email: text(row[columns.email]),
        role: text(row[columns.role]),
        stageName,
        stageId: findStage(process, stageName)?.id ?? null,
        status: text(row[columns.status]),
        hiringManager: normaliseEmail(text(row[columns.hiringManager])),
        panel: parseEmails(row[columns.panel]),
      },
    ];
  });
  return { layout, rows, candidates };
}

/** Rows whose Stage is not a stage of the process: named by cell, so the user can fix them. */
export function unknownStageNotes(
  process: Process,
  layout: CandidatesLayout,
  rows: readonly (readonly unknown[])[],
): string[] {
  const names = process.stages.map((s) => s.name).join(', ');
  return rows.flatMap((row, i) => {
    const stage = text(row[layout.columns.stage]);
    if (!stage || !text(row[layout.columns.name]) || findStage(process, stage)) return [];
    return [
      `${layout.sheet.getName()}!${cellName(layout.columns.stage, layout.firstRow + i)}: "${stage}" is not a stage of this process (${names}).`,
    ];
  });
}
