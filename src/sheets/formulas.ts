/**
 * The formulas Scorecard writes. Each computed column is ONE formula in its first data row over the whole
 * column (ARRAYFORMULA, or a custom function over a block), so Sheets computes the column in one call, rows a
 * user adds are covered, and setup writes a constant number of cells whatever the number of candidates.
 */
import { cellName, columnLetter, quoteSheetName, sameFormula } from '../core/table';
import type { PassRule } from '../core/process';
import { type SetupContext, repaired } from './context';

/** A column span on a sheet: "C3:G1000". */
export function span(firstColumn: number, firstRow: number, lastColumn: number, lastRow: number): string {
  return `${columnLetter(firstColumn)}${firstRow}:${columnLetter(lastColumn)}${lastRow}`;
}

export function columnSpan(column: number, firstRow: number, lastRow: number): string {
  return span(column, firstRow, column, lastRow);
}

function absolute(
  sheetName: string,
  firstColumn: number,
  firstRow: number,
  lastColumn: number,
  lastRow: number,
): string {
  return `${quoteSheetName(sheetName)}!$${columnLetter(firstColumn)}$${firstRow}:$${columnLetter(lastColumn)}$${lastRow}`;
}

export interface ScoreBlock {
  readonly firstCategoryColumn: number;
  readonly lastCategoryColumn: number;
  readonly keyRiskRow: number;
  readonly headerRow: number;
  readonly firstRow: number;
  readonly lastRow: number;
  readonly idColumn: number;
}

function thresholds(rule: PassRule): string {
  return `${rule.minAverage},${rule.minCategory},${rule.minKeyRisk}`;
}

function scores(b: ScoreBlock): string {
  return span(b.firstCategoryColumn, b.firstRow, b.lastCategoryColumn, b.lastRow);
}

/**
 * The applied rubric's key-risk flags as an array literal ({TRUE,FALSE,FALSE}): the one source of key risk. The
 * sheet's checkbox row shows them, but a box ticked or unticked by hand changes no result (set-up resets it).
 */
function keyRiskFlags(flags: readonly boolean[]): string {
  return `{${flags.map((f) => (f ? 'TRUE' : 'FALSE')).join(',')}}`;
}

function onlyWithId(b: ScoreBlock, expression: string): string {
  return `=ARRAYFORMULA(IF(${columnSpan(b.idColumn, b.firstRow, b.lastRow)}="","",${expression}))`;
}

/** Marks the mean of a row that still has a category unscored: it is not the candidate's average yet. */
export const PARTIAL = ' (partial)';

/**
 * The mean of each row's scores, as a number once every category is scored; while one is missing (PASSES, in
 * `passesColumn`, is blank) the mean so far as text marked partial, e.g. "4.00 (partial)", so a half-scored row
 * never looks final.
 */
export function averageFormula(b: ScoreBlock, passesColumn: number): string {
  const average = `RUBRIC_AVERAGE(${scores(b)})`;
  const passes = columnSpan(passesColumn, b.firstRow, b.lastRow);
  return onlyWithId(
    b,
    `IF(${passes}="",IF(${average}="","",TEXT(${average},"0.00")&"${PARTIAL}"),${average})`,
  );
}

export function passesFormula(b: ScoreBlock, rule: PassRule, keyRisk: readonly boolean[]): string {
  return onlyWithId(b, `PASSES(${scores(b)},${keyRiskFlags(keyRisk)},${thresholds(rule)})`);
}

/**
 * The decision in words; a row with no score yet whose "Scores held" cell says something (scorecards waiting for
 * a decision) shows that instead of "Pending: 3 of 3 categories unscored".
 */
export function reasonFormula(
  b: ScoreBlock,
  rule: PassRule,
  keyRisk: readonly boolean[],
  heldColumn: number,
): string {
  const names = `${columnLetter(b.firstCategoryColumn)}$${b.headerRow}:${columnLetter(b.lastCategoryColumn)}$${b.headerRow}`;
  const held = columnSpan(heldColumn, b.firstRow, b.lastRow);
  const reason = `PASS_REASON(${scores(b)},${keyRiskFlags(keyRisk)},${thresholds(rule)},${names})`;
  return onlyWithId(b, `IF((RUBRIC_AVERAGE(${scores(b)})="")*(${held}<>""),${held},${reason})`);
}

/**
 * Looks a value up by candidate ID in another sheet, for every row: VLOOKUP needs the ID column leftmost. A text
 * value (a name, kept as text on Candidates) is looked up with T(), so a cleared cell stays blank instead of 0.
 */
export function lookupByIdFormula(
  idColumn: number,
  firstRow: number,
  lastRow: number,
  target: { sheetName: string; idColumn: number; valueColumn: number; firstRow: number; lastRow: number },
  asText = false,
): string {
  const ids = columnSpan(idColumn, firstRow, lastRow);
  const table = absolute(
    target.sheetName,
    target.idColumn,
    target.firstRow,
    target.valueColumn,
    target.lastRow,
  );
  const index = target.valueColumn - target.idColumn + 1;
  const found = `VLOOKUP(${ids},${table},${index},FALSE)`;
  // T() keeps text and turns anything else into "": an emptied name cell is looked up as 0 by some engines.
  const lookup = asText ? `T(${found})` : found;
  return `=ARRAYFORMULA(IF(${ids}="","",IFERROR(${lookup},"")))`;
}

export interface CandidateFormulaColumns {
  readonly id: number;
  readonly stage: number;
  readonly status: number;
  readonly inStageSince: number;
  readonly nextStepDue: number;
}

/** Service levels live in the Pipeline sheet: Stage | business days | hours, one row per stage. */
export interface ServiceLevelTable {
  readonly sheetName: string;
  readonly firstRow: number;
  readonly lastRow: number;
}

export function nextStepDueFormula(
  c: CandidateFormulaColumns,
  firstRow: number,
  lastRow: number,
  sl: ServiceLevelTable,
): string {
  const since = columnSpan(c.inStageSince, firstRow, lastRow);
  const stage = columnSpan(c.stage, firstRow, lastRow);
  const table = absolute(sl.sheetName, 0, sl.firstRow, 2, sl.lastRow);
  const days = `VLOOKUP(${stage},${table},2,FALSE)`;
  const hours = `VLOOKUP(${stage},${table},3,FALSE)`;
  return (
    `=ARRAYFORMULA(IF((${since}="")+(${stage}=""),"",IFERROR(` +
    // ">0" rather than '<>""': a lookup of a blank cell is blank in Sheets but 0 in some engines; both fail ">0".
    `IF(${days}>0,WORKDAY(${since},${days}),IF(${hours}>0,${since}+${hours}/24,"")),"")))`
  );
}

export function overdueFormula(c: CandidateFormulaColumns, firstRow: number, lastRow: number): string {
  const due = columnSpan(c.nextStepDue, firstRow, lastRow);
  const status = columnSpan(c.status, firstRow, lastRow);
  return `=ARRAYFORMULA(IF(${due}="","",IF((${due}<NOW())*(${status}="Active"),TRUE,FALSE)))`;
}

export function daysInStageFormula(c: CandidateFormulaColumns, firstRow: number, lastRow: number): string {
  const since = columnSpan(c.inStageSince, firstRow, lastRow);
  return `=ARRAYFORMULA(IF(${since}="","",INT(NOW()-${since})))`;
}

/** Pipeline counts for one stage. A row counts as a candidate only while it has a name. */
export function pipelineFormulas(
  stageCell: string,
  candidates: {
    sheetName: string;
    name: number;
    stage: number;
    overdue: number;
    firstRow: number;
    lastRow: number;
  },
  stageSheet: { sheetName: string; passes: number; firstRow: number; lastRow: number },
  scoredCell: string,
  passedCell: string,
): { inStage: string; overdue: string; scored: string; passed: string; passRate: string } {
  const col = (sheet: string, column: number, first: number, last: number) =>
    `${quoteSheetName(sheet)}!$${columnLetter(column)}$${first}:$${columnLetter(column)}$${last}`;
  const stages = col(candidates.sheetName, candidates.stage, candidates.firstRow, candidates.lastRow);
  const overdue = col(candidates.sheetName, candidates.overdue, candidates.firstRow, candidates.lastRow);
  const names = col(candidates.sheetName, candidates.name, candidates.firstRow, candidates.lastRow);
  const passes = col(stageSheet.sheetName, stageSheet.passes, stageSheet.firstRow, stageSheet.lastRow);
  return {
    inStage: `=COUNTIFS(${stages},${stageCell},${names},"<>")`,
    overdue: `=COUNTIFS(${stages},${stageCell},${overdue},TRUE,${names},"<>")`,
    scored: `=COUNTIF(${passes},TRUE)+COUNTIF(${passes},FALSE)`,
    passed: `=COUNTIF(${passes},TRUE)`,
    passRate: `=IF(${scoredCell}=0,"",${passedCell}/${scoredCell})`,
  };
}

/** A formula Scorecard owns: where it goes (0-based column) and the column header the report names it by. */
export interface PlacedFormula {
  readonly column: number;
  readonly header: string;
  readonly formula: string;
}

/**
 * The formulas of a table's first data row: one read of that row, and a write (with a report line) only for a
 * formula that is missing or differs from what it should be.
 */
export function repairRowFormulas(
  ctx: SetupContext,
  sheet: GoogleAppsScript.Spreadsheet.Sheet,
  firstRow: number,
  placed: readonly PlacedFormula[],
  created: boolean,
): void {
  const width = Math.max(...placed.map((p) => p.column)) + 1;
  const current = created ? [] : sheet.getRange(firstRow, 1, 1, width).getFormulas()[0];
  for (const { column, header, formula } of placed) {
    if (sameFormula(current[column] ?? '', formula)) continue;
    repaired(ctx, `Rewrote the "${header}" formula on "${sheet.getName()}" (${cellName(column, firstRow)}).`);
    sheet.getRange(firstRow, column + 1).setFormula(formula);
  }
}
