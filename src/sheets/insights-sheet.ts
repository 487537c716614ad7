/**
 * The Insights sheet: three tables whose every figure is a formula over the workbook, so they follow the scores
 * as they come in. Refresh (Extensions ▸ Scorecard ▸ Insights) only lays the tables out: it reads the Candidates
 * header once, writes the whole block in one call and formats it in a constant number of calls, whatever the
 * number of candidates and scorecards.
 *
 * - **Pipeline**, one row per stage: INSIGHTS_PIPELINE (reached, in stage, passed, rejected, withdrew,
 *   pass-through, median days to decision) over the Candidates and Score log sheets, then native formulas over
 *   the Candidates sheet for what depends on today (median and longest "Days in stage", the Overdue count
 *   against the Pipeline sheet's service level): a custom function may not take NOW() or TODAY().
 * - **Rubric reliability**, one row per stage and category: INSIGHTS_RELIABILITY.
 * - **Interviewer calibration**: INSIGHTS_CALIBRATION, one row per interviewer and category, growing as
 *   interviewers appear (last on the sheet, so it can grow downward).
 *
 * The Score log is referred to by its sheet's name: it holds published scorecards only, so nothing sealed shows.
 * The tables' keys (stage and category ids and names) sit in hidden columns the formulas read.
 */
import { CANDIDATE_STATUSES } from '../core/candidates';
import type { Process } from '../core/process';
import type { AppliedRubric } from '../core/rubric';
import { columnLetter, quoteSheetName } from '../core/table';
import type { CandidatesLayout } from './candidates-sheet';
import { COLOURS, SHEET_NAMES, setWidths } from './context';
import type { Workbook } from './workbook';

type Sheet = GoogleAppsScript.Spreadsheet.Sheet;
type Cell = string | number | boolean;

export const INSIGHTS_SHEET_NAME = 'Insights';

export const PIPELINE_TABLE_HEADERS = [
  'Stage',
  'Reached',
  'In stage',
  'Passed',
  'Rejected',
  'Withdrew',
  'Pass-through',
  'Median days to decision',
  'Median days in stage',
  'Longest days in stage',
  'Overdue',
] as const;

export const RELIABILITY_TABLE_HEADERS = [
  'Stage',
  'Category',
  'Alpha',
  'Candidates',
  'What it says',
] as const;

export const CALIBRATION_TABLE_HEADERS = [
  'Interviewer',
  'Stage',
  'Category',
  'Scorecards',
  'Mean score',
  'Offset from panel',
  'Shared candidates',
  'Judge',
  'Matched the decision (all stages)',
  'Median hours to scorecard (all stages)',
  'Interviewer · category',
] as const;

/** How many calibration rows the label column and the offset chart cover. */
const CALIBRATION_ROWS = 200;

/** The charts beside the tables, found again on refresh by their titles (so they are replaced, never stacked). */
export const INSIGHTS_CHART_TITLES = {
  funnel: 'Pipeline: candidates who reached each stage',
  days: 'Days in stage now: median and longest',
  offsets: 'Offset from the rest of the panel (+ lenient, − severe)',
  reliability: 'Agreement between interviewers (alpha) per category',
} as const;

/** What the Overdue cell says for a stage without a service level on the Pipeline sheet. */
export const NO_SERVICE_LEVEL_SET = 'no service level';

/** The hidden key columns: N… (1-based 14). */
const KEY_COLUMN = 14;
const KEY_WIDTH = 4;
const WIDTH = KEY_COLUMN + KEY_WIDTH - 1;

/** Where each table sits (1-based rows), for the charts and the tests. */
export interface InsightsLayout {
  readonly sheet: Sheet;
  readonly pipeline: { readonly headerRow: number; readonly firstRow: number; readonly rows: number };
  readonly reliability: { readonly headerRow: number; readonly firstRow: number; readonly rows: number };
  readonly calibration: { readonly headerRow: number; readonly firstRow: number };
}

/** User text (a stage or category name) as a cell value that can never become a formula. */
function plainText(text: string): string {
  return /^[=+\-@']/.test(text) ? `'${text}` : text;
}

function formulaText(text: string): string {
  return `"${text.replace(/"/g, '""')}"`;
}

interface Sources {
  readonly candidates: string;
  readonly log: string;
  readonly pipeline: string;
  readonly candidateColumns: CandidatesLayout['columns'];
}

function wholeColumn(sheet: string, column: number): string {
  const letter = columnLetter(column);
  return `${sheet}!$${letter}:$${letter}`;
}

/** Median and longest days in stage, and overdue, for the stage named in A<row>: native, they depend on today. */
function todayFormulas(s: Sources, row: number): [string, string, string] {
  const c = s.candidateColumns;
  const stage = wholeColumn(s.candidates, c.stage);
  const name = wholeColumn(s.candidates, c.name);
  const days = wholeColumn(s.candidates, c.daysInStage);
  const status = wholeColumn(s.candidates, c.status);
  const overdue = wholeColumn(s.candidates, c.overdue);
  // Candidates still in the stage: any status but those that say they left it (as core/insights/pipeline.ts).
  const left = CANDIDATE_STATUSES.filter((st) => st !== 'Active' && st !== 'On hold');
  const stillIn = left.map((st) => `*(${status}<>${formulaText(st)})`).join('');
  const waiting = `FILTER(${days},(${stage}=$A${row})*(${name}<>"")*ISNUMBER(${days})${stillIn})`;
  const table = `${s.pipeline}!$A:$C`;
  const set = (column: number) =>
    `IFERROR(AND(ISNUMBER(VLOOKUP($A${row},${table},${column},FALSE)),VLOOKUP($A${row},${table},${column},FALSE)>0),FALSE)`;
  return [
    `=IFERROR(MEDIAN(${waiting}),"")`,
    `=IFERROR(MAX(${waiting}),"")`,
    `=IF(OR(${set(2)},${set(3)}),COUNTIFS(${stage},$A${row},${overdue},TRUE,${name},"<>"),${formulaText(NO_SERVICE_LEVEL_SET)})`,
  ];
}

function emptyRow(): Cell[] {
  return new Array<Cell>(WIDTH).fill('');
}

function keyRange(firstRow: number, rows: number, width: number): string {
  const first = columnLetter(KEY_COLUMN - 1);
  const last = columnLetter(KEY_COLUMN - 2 + width);
  return `$${first}$${firstRow}:$${last}$${firstRow + rows - 1}`;
}

/**
 * Builds or refreshes the Insights sheet; returns where its tables are. The sheet is found by its stored id
 * (created on first use); refresh replaces everything on it but its charts.
 */
export function writeInsightsSheet(
  workbook: Workbook,
  process: Process,
  rubric: AppliedRubric,
  candidates: CandidatesLayout,
  timeZone: string,
): InsightsLayout {
  const sources: Sources = {
    candidates: quoteSheetName(candidates.sheet.getName()),
    log: quoteSheetName(workbook.require('log', SHEET_NAMES.log).getName()),
    pipeline: quoteSheetName(workbook.require('pipeline', SHEET_NAMES.pipeline).getName()),
    candidateColumns: candidates.columns,
  };
  const lastCandidateColumn = columnLetter(candidates.sheet.getLastColumn() - 1);
  const candidatesArg = `${sources.candidates}!$A:$${lastCandidateColumn}`;
  const logArg = `${sources.log}!$A:$J`;

  const rows: Cell[][] = [];
  const push = (cells: Cell[]) => {
    const row = emptyRow();
    cells.forEach((cell, i) => (row[i] = cell));
    rows.push(row);
    return row;
  };
  const title = push([INSIGHTS_SHEET_NAME]);
  title[KEY_COLUMN - 1] = 'Time zone';
  const zone = push([
    'Every figure is a formula over Candidates, the Score log (published scorecards only) and Pipeline: it follows new scores. Run Extensions ▸ Scorecard ▸ Insights again after changing the process or the rubric.',
  ]);
  zone[KEY_COLUMN - 1] = timeZone;
  const zoneCell = `$${columnLetter(KEY_COLUMN - 1)}$2`;
  push([]);

  push(['Pipeline']);
  const pipelineHeader = rows.length + 1;
  push([...PIPELINE_TABLE_HEADERS]);
  const pipelineFirst = rows.length + 1;
  const stages = process.stages;
  stages.forEach((stage, i) => {
    const r = pipelineFirst + i;
    const row = push([plainText(stage.name)]);
    if (i === 0) {
      row[1] = `=INSIGHTS_PIPELINE(${keyRange(pipelineFirst, stages.length, 3)},${candidatesArg},${logArg},${zoneCell})`;
    }
    const [median, longest, overdue] = todayFormulas(sources, r);
    row[8] = median;
    row[9] = longest;
    row[10] = overdue;
    row[KEY_COLUMN - 1] = plainText(stage.id);
    row[KEY_COLUMN] = plainText(stage.name);
    row[KEY_COLUMN + 1] = stage.optional;
  });
  push([]);

  push(['Rubric reliability']);
  const reliabilityHeader = rows.length + 1;
  push([...RELIABILITY_TABLE_HEADERS]);
  const reliabilityFirst = rows.length + 1;
  const categories = stages.flatMap((stage) =>
    (rubric.stages[stage.id] ?? stage.categories).map((category) => ({ stage, category })),
  );
  const categoryKeys = keyRange(reliabilityFirst, categories.length, 4);
  categories.forEach(({ stage, category }, i) => {
    const row = push([plainText(stage.name), plainText(category.name)]);
    if (i === 0) row[2] = `=INSIGHTS_RELIABILITY(${categoryKeys},${logArg})`;
    row[KEY_COLUMN - 1] = plainText(stage.id);
    row[KEY_COLUMN] = plainText(stage.name);
    row[KEY_COLUMN + 1] = plainText(category.id);
    row[KEY_COLUMN + 2] = plainText(category.name);
  });
  push([]);

  push(['Interviewer calibration']);
  const calibrationHeader = rows.length + 1;
  push([...CALIBRATION_TABLE_HEADERS]);
  const calibrationFirst = rows.length + 1;
  const calibrationRow = push([
    `=INSIGHTS_CALIBRATION(${categoryKeys},${candidatesArg},${logArg},${zoneCell})`,
  ]);
  const span = (column: string) =>
    `${column}${calibrationFirst}:${column}${calibrationFirst + CALIBRATION_ROWS - 1}`;
  calibrationRow[10] = `=ARRAYFORMULA(IF(${span('A')}="","",${span('A')}&" · "&${span('C')}))`;

  let sheet = workbook.find('insights');
  if (!sheet) {
    sheet = workbook.create('insights', INSIGHTS_SHEET_NAME);
    workbook.state.save();
  } else {
    // The block below is rewritten whole (its empty cells included); what lies under it is cleared. Clearing
    // the block itself first would make Sheets drop and recompute every formula twice.
    const below = sheet.getMaxRows() - rows.length;
    if (below > 0) sheet.getRange(rows.length + 1, 1, below, sheet.getMaxColumns()).clear();
    sheet.getRange(1, 1, rows.length, Math.min(WIDTH, sheet.getMaxColumns())).clearFormat();
  }
  if (sheet.getMaxColumns() < WIDTH)
    sheet.insertColumnsAfter(sheet.getMaxColumns(), WIDTH - sheet.getMaxColumns());
  sheet.getRange(1, 1, rows.length, WIDTH).setValues(rows);

  const headerCells = [pipelineHeader, reliabilityHeader, calibrationHeader].map(
    (r, i) =>
      `A${r}:${columnLetter([PIPELINE_TABLE_HEADERS, RELIABILITY_TABLE_HEADERS, CALIBRATION_TABLE_HEADERS][i].length - 1)}${r}`,
  );
  sheet.getRangeList(headerCells).setFontWeight('bold').setBackground(COLOURS.header);
  sheet
    .getRangeList(['A1', `A${pipelineHeader - 1}`, `A${reliabilityHeader - 1}`, `A${calibrationHeader - 1}`])
    .setFontWeight('bold');
  const pipelineLast = pipelineFirst + stages.length - 1;
  const reliabilityLast = reliabilityFirst + categories.length - 1;
  const calibrationLast = sheet.getMaxRows();
  sheet
    .getRangeList([`G${pipelineFirst}:G${pipelineLast}`, `I${calibrationFirst}:I${calibrationLast}`])
    .setNumberFormat('0%');
  sheet
    .getRangeList([
      `H${pipelineFirst}:J${pipelineLast}`,
      `E${calibrationFirst}:E${calibrationLast}`,
      `J${calibrationFirst}:J${calibrationLast}`,
    ])
    .setNumberFormat('0.0');
  sheet
    .getRangeList([`C${reliabilityFirst}:C${reliabilityLast}`, `F${calibrationFirst}:F${calibrationLast}`])
    .setNumberFormat('0.00');
  setWidths(sheet, [200, 90, 90, 90, 90, 90, 110, 110, 110, 110, 110]);
  sheet.hideColumns(KEY_COLUMN, KEY_WIDTH);
  placeCharts(sheet, {
    funnel: [`A${pipelineHeader}:B${pipelineLast}`],
    days: [`A${pipelineHeader}:A${pipelineLast}`, `I${pipelineHeader}:J${pipelineLast}`],
    offsets: [
      `K${calibrationHeader}:K${calibrationFirst + CALIBRATION_ROWS - 1}`,
      `F${calibrationHeader}:F${calibrationFirst + CALIBRATION_ROWS - 1}`,
    ],
    reliability: [`B${reliabilityHeader}:C${reliabilityLast}`],
  });
  return {
    sheet,
    pipeline: { headerRow: pipelineHeader, firstRow: pipelineFirst, rows: stages.length },
    reliability: { headerRow: reliabilityHeader, firstRow: reliabilityFirst, rows: categories.length },
    calibration: { headerRow: calibrationHeader, firstRow: calibrationFirst },
  };
}

type ChartKey = keyof typeof INSIGHTS_CHART_TITLES;

const CHART_ORDER: readonly ChartKey[] = ['funnel', 'days', 'offsets', 'reliability'];
const CHART_COLUMN = 13; // M, beside the tables (the key columns under it are hidden)
const CHART_ROWS_APART = 19;

/**
 * The four charts, each over its table's cells: a chart already on the sheet with the same title is modified in
 * place (its ranges and position set again); any copy beyond the first is removed; a missing one is inserted.
 * One getCharts call, then a fixed number of calls per chart.
 */
function placeCharts(sheet: Sheet, ranges: Readonly<Record<ChartKey, readonly string[]>>): void {
  const existing = sheet.getCharts();
  CHART_ORDER.forEach((key, i) => {
    const title = INSIGHTS_CHART_TITLES[key];
    const same = existing.filter((chart) => chart.getOptions().get('title') === title);
    for (const copy of same.slice(1)) sheet.removeChart(copy);
    const start = same[0] ? same[0].modify().clearRanges() : sheet.newChart();
    const typed = key === 'offsets' || key === 'reliability' ? start.asBarChart() : start.asColumnChart();
    let builder = typed
      .setOption('title', title)
      .setOption('legend', { position: key === 'days' ? 'top' : 'none' })
      .setOption('width', 520)
      .setOption('height', 340)
      .setPosition(1 + i * CHART_ROWS_APART, CHART_COLUMN, 0, 0);
    for (const a1 of ranges[key]) builder = builder.addRange(sheet.getRange(a1));
    if (same[0]) sheet.updateChart(builder.build());
    else sheet.insertChart(builder.build());
  });
}
