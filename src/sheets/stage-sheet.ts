/**
 * One scorecard sheet per stage: a key-risk checkbox row, a header row (ID, Name, one column per category,
 * Average, Passes, Reason) and one row per candidate. Scores typed by hand get pass status from the custom
 * functions without the sidebar.
 */
import { parseScoreCell } from '../core/cells';
import type { ScoringCategory, Stage } from '../core/process';
import { type ColumnSpec, cellName, columnLetter, fitWidth, restoredHeaderColumn } from '../core/table';
import { COLOURS, type SetupContext, lastGridRow, repaired, setWidths, stageSheetName } from './context';
import { UserError } from '../core/errors';
import {
  PARTIAL,
  averageFormula,
  passesFormula,
  reasonFormula,
  repairRowFormulas,
  type ScoreBlock,
} from './formulas';
import {
  type SheetTable,
  duplicateHeaderProblems,
  mergedHeaderProblems,
  readSheetValues,
  tableFromValues,
} from './table';

type Sheet = GoogleAppsScript.Spreadsheet.Sheet;

export const STAGE_HEADER_ROW = 2;
const IDENTIFYING = ['ID', 'Name'];
export const SCORE_HELP =
  'Scores are numbers from 1 (serious concern) to 5 (exceptional); see the Rubric sheet for what each means. Fractions such as 4.5 are fine for reconciled scores.';

export type StageColumnKey = 'id' | 'name' | 'average' | 'passes' | 'reason' | 'held' | `category:${string}`;

/** The column Scorecard writes: which scores the row holds, and how many scorecards wait for a decision. */
export const SCORES_HELD_HEADER = 'Scores held';

export function stageColumns(categories: readonly ScoringCategory[]): ColumnSpec<StageColumnKey>[] {
  return [
    { key: 'id', header: 'ID' },
    { key: 'name', header: 'Name' },
    ...categories.map((c) => ({ key: `category:${c.id}` as const, header: c.name })),
    { key: 'average', header: 'Average' },
    { key: 'passes', header: 'Passes' },
    { key: 'reason', header: 'Reason' },
    { key: 'held', header: SCORES_HELD_HEADER },
  ];
}

/** A stage sheet as read, with the problems that must stop setup before it writes anything. */
export interface StageSheetState {
  readonly stage: Stage;
  readonly sheet: Sheet | undefined;
  readonly table: SheetTable<StageColumnKey> | undefined;
  readonly problems: string[];
}

export function inspectStageSheet(ctx: SetupContext, stage: Stage): StageSheetState {
  const sheet = ctx.workbook.find(`stage.${stage.id}`);
  if (!sheet) return { stage, sheet, table: undefined, problems: [] };
  const specs = stageColumns(ctx.rubric.stages[stage.id] ?? stage.categories);
  const table = tableFromValues(sheet, readSheetValues(sheet), specs, IDENTIFYING);
  const name = sheet.getName();
  if (!table) {
    return {
      stage,
      sheet,
      table,
      problems: [
        `Sheet "${name}": the header row with "ID" and "Name" is missing from the top rows. Undo the change (Edit ▸ Undo) or rename the sheet and run Set up workbook to create a fresh one; no scores are touched.`,
      ],
    };
  }
  const problems = [...duplicateHeaderProblems(name, table), ...mergedHeaderProblems(sheet, table.headerRow)];
  if (table.headerRow < 2) {
    problems.push(
      `Sheet "${name}": the header row must have the key-risk row above it; insert a row above ${cellName(0, 1)}.`,
    );
  }
  const categoryColumns = Object.entries(table.layout.columns)
    .filter(([key]) => key.startsWith('category:'))
    .map(([, column]) => column as number)
    .sort((a, b) => a - b);
  if (
    categoryColumns.length > 1 &&
    categoryColumns[categoryColumns.length - 1] - categoryColumns[0] + 1 !== categoryColumns.length
  ) {
    problems.push(
      `Sheet "${name}": the category columns (${categoryColumns.map((c) => columnLetter(c)).join(', ')}) must stay side by side so one formula can score them; move them back together.`,
    );
  }
  return { stage, sheet, table, problems };
}

/** Where everything is once the sheet is repaired. */
export interface StageLayout {
  readonly sheet: Sheet;
  readonly stage: Stage;
  readonly headerRow: number;
  readonly firstRow: number;
  /** The sheet's last row, empty or not: formulas, validation and colouring reach it. */
  readonly lastGridRow: number;
  readonly columns: Readonly<Record<StageColumnKey, number>>;
  readonly categories: readonly ScoringCategory[];
  readonly block: ScoreBlock;
}

/** Formulas of a stage sheet that read another sheet (set-up wires them: the Name looked up on Candidates). */
export type CrossSheetFormulas = (layout: StageLayout) => readonly [StageColumnKey, string][];

/**
 * Creates or repairs the sheet's structure. IDs are synced separately (syncStageIds). A sheet made anew goes to
 * the tab position `index()` gives (right after the previous stage's sheet), asked only then.
 */
export function writeStageSheet(
  ctx: SetupContext,
  state: StageSheetState,
  index: () => number,
  crossSheet: CrossSheetFormulas,
): StageLayout {
  const { stage } = state;
  const categories = ctx.rubric.stages[stage.id] ?? stage.categories;
  const specs = stageColumns(categories);
  let sheet = state.sheet;
  let header: unknown[];
  let columns: Record<StageColumnKey, number>;
  let headerRow = STAGE_HEADER_ROW;
  const created = !sheet;
  if (!sheet) {
    if (!ctx.firstRun)
      ctx.repairs.push(`Recreated the missing scorecard sheet "${stageSheetName(ctx.process, stage)}".`);
    sheet = ctx.workbook.create(`stage.${stage.id}`, stageSheetName(ctx.process, stage), index());
    header = specs.map((s) => s.header);
    columns = Object.fromEntries(specs.map((s, i) => [s.key, i])) as Record<StageColumnKey, number>;
  } else {
    const table = state.table!;
    headerRow = table.headerRow;
    header = [...table.header];
    // The columns the header mapping found; a restored header's column is added as it is placed.
    columns = { ...table.layout.columns };
    // A cleared header goes back over its own column. Otherwise a missing category gets a column right after the
    // other categories, and other missing headers go at the end.
    for (const key of table.layout.missing) {
      const spec = specs.find((s) => s.key === key)!;
      const restored = restoredHeaderColumn(header, specs, key);
      if (restored !== undefined) {
        header[restored] = spec.header;
        columns[key] = restored;
        repaired(
          ctx,
          `Restored the header "${spec.header}" on "${sheet.getName()}" (${cellName(restored, headerRow)}).`,
        );
      } else if (key.startsWith('category:')) {
        const at = lastCategoryColumn(columns) + 1;
        sheet.insertColumnAfter(at);
        header.splice(at, 0, spec.header);
        for (const [other, column] of Object.entries(columns) as [StageColumnKey, number][])
          if (column >= at) columns[other] = column + 1;
        columns[key] = at;
        repaired(
          ctx,
          `Added the missing category column "${spec.header}" to "${sheet.getName()}" (${columnLetter(at)}${headerRow}).`,
        );
      } else {
        header.push(spec.header);
        columns[key] = header.length - 1;
        repaired(
          ctx,
          `Restored the header "${spec.header}" on "${sheet.getName()}" (${cellName(header.length - 1, headerRow)}).`,
        );
      }
    }
  }
  const width = Math.max(header.length, sheet.getMaxColumns());
  if (width > sheet.getMaxColumns())
    sheet.insertColumnsAfter(sheet.getMaxColumns(), width - sheet.getMaxColumns());
  if (created || (state.table && state.table.layout.missing.length > 0)) {
    sheet.getRange(headerRow, 1, 1, header.length).setValues([header]);
  }

  const layout = stageLayout(sheet, stage, headerRow, columns, categories);
  const last = layout.lastGridRow;

  if (created || ctx.rewriteKeyRisk || keyRiskRowChanged(layout)) {
    if (!created && !ctx.rewriteKeyRisk)
      repaired(
        ctx,
        `Reset the key-risk row on "${sheet.getName()}" (${keyRiskRange(layout).getA1Notation()}) to the applied rubric: it had been changed by hand. Key risks come from the Rubric sheet: change them there, then run Apply rubric changes.`,
      );
    writeKeyRiskRow(layout);
  }
  repairValidations(ctx, layout, created);
  repairFormulas(ctx, layout, crossSheet(layout), created);
  if (created) formatStageSheet(layout);
  applyStageColouring(ctx, layout, created);
  ctx.workbook.spreadsheet.setNamedRange(
    `Scorecard_${stage.id.replace(/-/g, '_')}`,
    sheet.getRange(headerRow, 1, last - headerRow + 1, header.length),
  );
  return layout;
}

/** The rightmost category column found so far, or the Name column when no category was found. */
function lastCategoryColumn(columns: Readonly<Partial<Record<StageColumnKey, number>>>): number {
  const found = Object.entries(columns)
    .filter(([key]) => key.startsWith('category:'))
    .map(([, c]) => c as number);
  return found.length > 0 ? Math.max(...found) : columns.name!;
}

const KEY_RISK_HINT = 'Ticked = key-risk category →';

function keyRiskRange(layout: StageLayout): GoogleAppsScript.Spreadsheet.Range {
  const { sheet, block, categories } = layout;
  return sheet.getRange(block.keyRiskRow, block.firstCategoryColumn + 1, 1, categories.length);
}

/** Whether the checkbox row shows something other than the applied rubric's key risks (one read). */
function keyRiskRowChanged(layout: StageLayout): boolean {
  const [shown] = keyRiskRange(layout).getValues();
  return layout.categories.some((c, i) => (shown[i] === true) !== c.keyRisk);
}

/**
 * The key-risk row shows the applied rubric: a ticked box marks a key-risk category. It is a display only: the
 * Passes and Reason formulas carry the rubric's flags themselves.
 */
export function writeKeyRiskRow(layout: StageLayout): void {
  const { sheet, block, categories } = layout;
  sheet.getRange(block.keyRiskRow, 1, 1, 2).setValues([['Key risk', KEY_RISK_HINT]]);
  sheet
    .getRange(block.keyRiskRow, block.firstCategoryColumn + 1, 1, categories.length)
    .setValues([categories.map((c) => c.keyRisk)]);
}

function repairValidations(ctx: SetupContext, layout: StageLayout, created: boolean): void {
  const { sheet, block, categories } = layout;
  const rows = block.lastRow - block.firstRow + 1;
  const scoreRange = sheet.getRange(block.firstRow, block.firstCategoryColumn + 1, rows, categories.length);
  const keyRiskRange = sheet.getRange(block.keyRiskRow, block.firstCategoryColumn + 1, 1, categories.length);
  if (!created) {
    const lostScores = countMissing(scoreRange.getDataValidations(), 'NUMBER_BETWEEN');
    const lostBoxes = countMissing(keyRiskRange.getDataValidations(), 'CHECKBOX');
    if (lostScores === 0 && lostBoxes === 0) return;
    if (lostScores > 0) {
      repaired(
        ctx,
        `Restored the 1–5 score check on "${sheet.getName()}" ${scoreRange.getA1Notation()} (${lostScores} cells had lost it).`,
      );
    }
    if (lostBoxes > 0)
      repaired(
        ctx,
        `Restored the key-risk checkboxes on "${sheet.getName()}" ${keyRiskRange.getA1Notation()}.`,
      );
  }
  scoreRange.setDataValidation(
    ctx.workbook.app
      .newDataValidation()
      .requireNumberBetween(1, 5)
      .setAllowInvalid(false)
      .setHelpText(SCORE_HELP)
      .build(),
  );
  keyRiskRange.setDataValidation(ctx.workbook.app.newDataValidation().requireCheckbox().build());
}

/**
 * Cells of a range that lost Scorecard's validation. Presence is checked per cell; the rule's type once (a
 * range is validated with one rule), so a whole column costs no per-cell calls.
 */
function countMissing(rules: (GoogleAppsScript.Spreadsheet.DataValidation | null)[][], type: string): number {
  let missing = 0;
  let first: GoogleAppsScript.Spreadsheet.DataValidation | null = null;
  for (const row of rules) {
    for (const rule of row) {
      if (!rule) missing++;
      else first ??= rule;
    }
  }
  if (first && String(first.getCriteriaType()) !== type) return rules.length * (rules[0]?.length ?? 0);
  return missing;
}

/** Formulas sit in the first data row only; each is compared with what it should be and rewritten if not. */
function repairFormulas(
  ctx: SetupContext,
  layout: StageLayout,
  crossSheet: readonly [StageColumnKey, string][],
  created: boolean,
): void {
  const specs = stageColumns(layout.categories);
  const keyRisk = layout.categories.map((c) => c.keyRisk);
  const own: [StageColumnKey, string][] = [
    ['average', averageFormula(layout.block, layout.columns.passes)],
    ['passes', passesFormula(layout.block, ctx.rubric.passRule, keyRisk)],
    ['reason', reasonFormula(layout.block, ctx.rubric.passRule, keyRisk, layout.columns.held)],
  ];
  const placed = [...crossSheet, ...own].map(([key, formula]) => ({
    column: layout.columns[key],
    header: specs.find((s) => s.key === key)?.header ?? key,
    formula,
  }));
  repairRowFormulas(ctx, layout.sheet, layout.firstRow, placed, created);
}

function formatStageSheet(layout: StageLayout): void {
  const { sheet, headerRow, columns, categories, block } = layout;
  const width = columns.held + 1;
  sheet.setFrozenRows(headerRow);
  sheet.setFrozenColumns(2);
  sheet.getRange(headerRow, 1, 1, width).setFontWeight('bold').setBackground(COLOURS.header).setWrap(true);
  sheet.getRange(block.keyRiskRow, 1, 1, width).setBackground(COLOURS.keyRisk).setFontColor('#a50e0e');
  sheet
    .getRange(block.firstRow, columns.average + 1, block.lastRow - block.firstRow + 1, 1)
    .setNumberFormat('0.00')
    .setHorizontalAlignment('right');
  // Every header on one line: the category names, and room for a partial average ("4.00 (partial)").
  const widths = stageColumns(categories).map((c) => fitWidth(c.header, { min: 80 }));
  widths[columns.name] = fitWidth('Name', { values: [KEY_RISK_HINT], min: 180 });
  widths[columns.average] = fitWidth('Average', { values: [`4.00${PARTIAL}`] });
  widths[columns.reason] = 360;
  widths[columns.held] = fitWidth(SCORES_HELD_HEADER, { values: ['2 scorecards waiting for a decision'] });
  sheet
    .getRange(headerRow, columns.held + 1)
    .setNote(
      'Written by Scorecard: whether this row holds the reconciled scores of a decision, and how many scorecards wait for one. Blank: any scores in the row were typed by hand.',
    );
  setWidths(sheet, widths);
}

/** Pass green, fail red, pending (an ID but no result yet) amber, on the Passes column. */
function applyStageColouring(ctx: SetupContext, layout: StageLayout, created: boolean): void {
  const { sheet, columns, block } = layout;
  const existing = created ? [] : sheet.getConditionalFormatRules();
  if (!created && existing.length >= 3) return;
  if (!created) repaired(ctx, `Restored the pass/fail colouring on "${sheet.getName()}".`);
  const range = sheet.getRange(block.firstRow, columns.passes + 1, block.lastRow - block.firstRow + 1, 1);
  const cell = `$${columnLetter(columns.passes)}${block.firstRow}`;
  const id = `$${columnLetter(columns.id)}${block.firstRow}`;
  sheet.setConditionalFormatRules([
    ...existing,
    ctx.workbook.app
      .newConditionalFormatRule()
      .whenFormulaSatisfied(`=${cell}=TRUE`)
      .setBackground(COLOURS.pass)
      .setRanges([range])
      .build(),
    ctx.workbook.app
      .newConditionalFormatRule()
      .whenFormulaSatisfied(`=${cell}=FALSE`)
      .setBackground(COLOURS.fail)
      .setRanges([range])
      .build(),
    ctx.workbook.app
      .newConditionalFormatRule()
      .whenFormulaSatisfied(`=AND(${id}<>"",${cell}="")`)
      .setBackground(COLOURS.pending)
      .setRanges([range])
      .build(),
  ]);
}

/** Adds a row for every candidate ID the sheet does not list yet; rows are never removed. */
export function syncStageIds(
  layout: StageLayout,
  ids: readonly string[],
  existing?: readonly (readonly unknown[])[],
): { added: number; grew: boolean } {
  const { sheet, columns, firstRow } = layout;
  const values =
    existing ??
    sheet.getRange(firstRow, columns.id + 1, Math.max(1, sheet.getLastRow() - firstRow + 1), 1).getValues();
  const present = new Set(values.map((row) => String(row[0]).trim()).filter(Boolean));
  const missing = ids.filter((id) => !present.has(id));
  if (missing.length === 0) return { added: 0, grew: false };
  // The first empty row after the last row that holds an ID.
  let lastUsed = -1;
  values.forEach((row, i) => {
    if (String(row[0]).trim() !== '') lastUsed = i;
  });
  const start = firstRow + lastUsed + 1;
  const needed = start + missing.length - 1 - sheet.getMaxRows();
  if (needed > 0) sheet.insertRowsAfter(sheet.getMaxRows(), needed);
  sheet.getRange(start, columns.id + 1, missing.length, 1).setValues(missing.map((id) => [id]));
  return { added: missing.length, grew: needed > 0 };
}

export function stageLayoutOrThrow(state: StageSheetState): void {
  if (state.problems.length > 0)
    throw new UserError(
      'cannot-repair',
      'Scorecard cannot repair this workbook automatically.',
      state.problems,
    );
}

/** A stage sheet's layout from one read, for actions other than setup (sync, the sidebar's writes). */
export function readStageLayout(
  workbook: { find: (key: `stage.${string}`) => Sheet | undefined },
  stage: Stage,
  categories: readonly ScoringCategory[],
): { layout: StageLayout; rows: readonly (readonly unknown[])[] } {
  const sheet = workbook.find(`stage.${stage.id}`);
  if (!sheet) {
    throw new UserError(
      'needs-repair',
      `The scorecard sheet for ${stage.name} is missing. Run Set up workbook to restore it.`,
    );
  }
  const specs = stageColumns(categories);
  const table = tableFromValues(sheet, readSheetValues(sheet), specs, IDENTIFYING);
  if (!table || table.layout.missing.length > 0 || table.layout.duplicates.length > 0) {
    throw new UserError(
      'needs-repair',
      `Sheet "${sheet.getName()}" needs repair (a header is missing or duplicated). Run Set up workbook.`,
    );
  }
  const columns = table.layout.columns as Record<StageColumnKey, number>;
  return { layout: stageLayout(sheet, stage, table.headerRow, columns, categories), rows: table.rows };
}

/** Where everything is, from the header row and the columns found in it. */
function stageLayout(
  sheet: Sheet,
  stage: Stage,
  headerRow: number,
  columns: Readonly<Record<StageColumnKey, number>>,
  categories: readonly ScoringCategory[],
): StageLayout {
  const first = columns[`category:${categories[0].id}`];
  const last = lastGridRow(sheet);
  const block: ScoreBlock = {
    firstCategoryColumn: first,
    lastCategoryColumn: first + categories.length - 1,
    keyRiskRow: headerRow - 1,
    headerRow,
    firstRow: headerRow + 1,
    lastRow: last,
    idColumn: columns.id,
  };
  return { sheet, stage, headerRow, firstRow: headerRow + 1, lastGridRow: last, columns, categories, block };
}

/** Score cells holding something that is not a score (pasted text, 0, 7…), named by cell. */
export function invalidScoreNotes(layout: StageLayout, rows: readonly (readonly unknown[])[]): string[] {
  const notes: string[] = [];
  rows.forEach((row, i) => {
    for (let c = layout.block.firstCategoryColumn; c <= layout.block.lastCategoryColumn; c++) {
      const cell = parseScoreCell(row[c]);
      if (cell.kind === 'invalid') {
        notes.push(`${layout.sheet.getName()}!${cellName(c, layout.firstRow + i)} ${cell.problem}.`);
      }
    }
  });
  return notes;
}
