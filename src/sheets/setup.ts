/**
 * Set up workbook: builds every sheet on the first run; on later runs repairs what a user deleted or broke and
 * lists each repair. Everything is read and checked before anything is written, so a workbook Scorecard cannot
 * repair is left exactly as it was, with a message naming each problem.
 */
import { DEFAULT_PRESET_ID } from '../core/presets/catalog';
import type { Process } from '../core/process';
import { type AppliedRubric, RUBRIC_COLUMNS, rubricFromProcess } from '../core/rubric';
import { TEMPLATE_HEADERS } from '../core/templates/template';
import {
  assignCandidateIds,
  candidateFormulas,
  colourCandidateResults,
  type CandidatesKey,
  type CandidatesLayout,
  inspectCandidates,
  repairCandidateFormulas,
  unknownStageNotes,
  writeCandidatesStructure,
} from './candidates-sheet';
import type { SetupContext } from './context';
import { UserError } from '../core/errors';
import type { Workbook } from './workbook';
import { lookupByIdFormula } from './formulas';
import {
  type StageColumnKey,
  type StageLayout,
  inspectStageSheet,
  invalidScoreNotes,
  readStageLayout,
  syncStageIds,
  writeStageSheet,
} from './stage-sheet';
import type { SheetKey } from './state';
import { adoptRecords } from './sealed-store';
import {
  LOG_HEADERS,
  PIPELINE_HEADERS,
  ensurePipelineSheet,
  inspectHeader,
  serviceLevelTable,
  writeAboutSheet,
  writeLogSheet,
  writePipelineSheet,
  writeRubricSheet,
  writeTemplatesSheet,
} from './support-sheets';

export interface SetupResult {
  readonly firstRun: boolean;
  readonly process: Process;
  readonly repairs: readonly string[];
  /** Things Scorecard cannot fix for the user, each naming its cell (unknown stages, text in score cells). */
  readonly notes: readonly string[];
  readonly candidatesWithNewIds: number;
}

const MAX_NOTES = 10;

/** The process a workbook runs, or undefined before the first setup. */
export function workbookProcess(workbook: Workbook): Process | undefined {
  const id = workbook.state.processId;
  if (!id) return undefined;
  const process = workbook.presets().get(id);
  if (!process)
    throw new UserError(
      'not-set-up',
      `This workbook uses the process "${id}", which this version of Scorecard does not know.`,
    );
  return process;
}

/** The process a workbook runs; throws before the first setup. */
export function requireProcess(workbook: Workbook): Process {
  const process = workbookProcess(workbook);
  if (!process) {
    throw new UserError(
      'not-set-up',
      'This workbook is not set up yet: run Extensions ▸ Scorecard ▸ Set up workbook first.',
    );
  }
  return process;
}

/** The workbook's applied rubric, or the process's own before one was stored (or when it is unreadable). */
export function appliedRubric(workbook: Workbook, process: Process): AppliedRubric {
  return workbook.state.rubric(process.stages.map((s) => s.id)) ?? rubricFromProcess(process);
}

/**
 * The process as the workbook applies it: each stage's categories and the pass rule come from the applied rubric
 * (categories may have been edited since the preset).
 */
export function appliedProcess(workbook: Workbook, process: Process): Process {
  const rubric = appliedRubric(workbook, process);
  return {
    ...process,
    passRule: rubric.passRule,
    stages: process.stages.map((s) => ({ ...s, categories: [...(rubric.stages[s.id] ?? s.categories)] })),
  };
}

export function setUpWorkbook(
  workbook: Workbook,
  presetId: string | undefined,
  now: Date,
  options: { rewriteKeyRisk?: boolean } = {},
): SetupResult {
  const firstRun = workbook.state.processId === undefined;
  const process = workbookProcess(workbook) ?? workbook.presets().get(presetId ?? DEFAULT_PRESET_ID);
  if (!process) throw new UserError('invalid-request', `There is no process preset called "${presetId}".`);
  const stageIds = process.stages.map((s) => s.id);
  const storedRubric = workbook.state.rubric(stageIds);
  const ctx: SetupContext = {
    workbook,
    process,
    rubric: storedRubric ?? rubricFromProcess(process),
    now,
    firstRun,
    repairs: [],
    rewriteKeyRisk: options.rewriteKeyRisk,
  };
  if (!firstRun && !storedRubric)
    ctx.repairs.push('Restored the applied rubric from the preset (its stored copy was unreadable).');
  // A new spreadsheet's empty "Sheet1" is removed once Scorecard's sheets exist (it would only be in the way).
  const spare = firstRun ? emptyDefaultSheet(workbook) : undefined;

  // 1. Read and check everything.
  const candidates = inspectCandidates(workbook, process);
  const stages = process.stages.map((stage) => inspectStageSheet(ctx, stage));
  const rubric = inspectHeader(
    ctx,
    'rubric',
    RUBRIC_COLUMNS.map((c) => c.header),
  );
  const templates = inspectHeader(ctx, 'templates', TEMPLATE_HEADERS);
  const pipeline = inspectHeader(ctx, 'pipeline', PIPELINE_HEADERS);
  const log = inspectHeader(ctx, 'log', LOG_HEADERS);
  const about = { key: 'about' as const, sheet: workbook.find('about'), header: [], problems: [] };
  const problems = [candidates, ...stages, rubric, templates, pipeline, log].flatMap((s) => s.problems);
  if (problems.length > 0) {
    throw new UserError(
      'cannot-repair',
      'Scorecard changed nothing: fix these first, then run Set up workbook again.',
      problems,
    );
  }

  // 2. Write, in the order the formulas refer to each other.
  workbook.state.processId = process.id;
  const candidatesLayout = writeCandidatesStructure(ctx, candidates);
  // A re-created stage sheet goes back right after the previous stage's sheet (the first after Candidates), wherever
  // the user has moved the tabs: getIndex() is 1-based, so it is the 0-based position just after that sheet.
  const stageLayouts: StageLayout[] = [];
  stages.forEach((state, i) => {
    const before = i === 0 ? candidatesLayout.sheet : stageLayouts[i - 1].sheet;
    stageLayouts.push(
      writeStageSheet(
        ctx,
        state,
        () => before.getIndex(),
        (layout) => nameFromCandidates(layout, candidatesLayout),
      ),
    );
  });
  const pipelineSheet = ensurePipelineSheet(ctx, pipeline);
  repairCandidateFormulas(
    ctx,
    candidatesLayout,
    [
      ...candidateFormulas(candidatesLayout, serviceLevelTable(ctx, pipelineSheet.sheet)),
      ...stageResultsOnCandidates(candidatesLayout, stageLayouts),
    ],
    !candidates.sheet,
  );
  colourCandidateResults(ctx, candidatesLayout, !candidates.sheet);
  const rows = candidates.table ? candidates.table.rows : [];
  const { assigned, ids } = assignCandidateIds(ctx, candidatesLayout, rows);
  stages.forEach((state, i) => {
    const layout = stageLayouts[i];
    const existing = state.table?.rows.map((row) => [row[layout.columns.id]]);
    syncStageIds(layout, ids, existing ?? []);
  });
  writePipelineSheet(ctx, pipelineSheet, candidatesLayout, stageLayouts);
  writeRubricSheet(ctx, rubric);
  writeTemplatesSheet(ctx, templates);
  writeLogSheet(ctx, log);
  const adopted = adoptRecords(workbook);
  if (adopted) ctx.repairs.push(adopted);
  writeAboutSheet(ctx, about, stageLayouts);
  nameTables(workbook, candidatesLayout, ctx.repairs);
  workbook.state.candidatesRowsCovered = candidatesLayout.lastGridRow;
  workbook.state.setRubric(ctx.rubric);
  workbook.state.save();
  if (spare) workbook.spreadsheet.deleteSheet(spare);

  const notes = [
    ...unknownStageNotes(process, candidatesLayout, rows),
    ...stages.flatMap((state, i) =>
      state.table ? invalidScoreNotes(stageLayouts[i], state.table.rows) : [],
    ),
  ];
  const shown =
    notes.length > MAX_NOTES
      ? [...notes.slice(0, MAX_NOTES), `…and ${notes.length - MAX_NOTES} more.`]
      : notes;
  return { firstRun, process, repairs: ctx.repairs, notes: shown, candidatesWithNewIds: assigned };
}

// ---- Formulas that read across sheets: set-up wires them, so neither sheet module depends on the other.

/** A scorecard sheet's Name column, looked up by ID on Candidates (VLOOKUP reads left to right: only while Name stays right of ID). */
function nameFromCandidates(stage: StageLayout, candidates: CandidatesLayout): [StageColumnKey, string][] {
  if (candidates.columns.name < candidates.columns.id) return [];
  const formula = lookupByIdFormula(
    stage.columns.id,
    stage.firstRow,
    stage.lastGridRow,
    {
      sheetName: candidates.sheet.getName(),
      idColumn: candidates.columns.id,
      valueColumn: candidates.columns.name,
      firstRow: candidates.firstRow,
      lastRow: candidates.lastGridRow,
    },
    true,
  );
  return [['name', formula]];
}

/** Per stage, the Candidates sheet's average and result columns, looked up by ID on the stage's scorecard sheet. */
function stageResultsOnCandidates(
  candidates: CandidatesLayout,
  stages: readonly StageLayout[],
): [CandidatesKey, string][] {
  const { columns, firstRow } = candidates;
  return stages.flatMap((stage): [CandidatesKey, string][] => {
    const lookup = (column: number) =>
      lookupByIdFormula(columns.id, firstRow, candidates.lastGridRow, {
        sheetName: stage.sheet.getName(),
        idColumn: stage.columns.id,
        valueColumn: column,
        firstRow: stage.firstRow,
        lastRow: stage.lastGridRow,
      });
    return [
      [`average:${stage.stage.id}`, lookup(stage.columns.average)],
      [`result:${stage.stage.id}`, lookup(stage.columns.passes)],
    ];
  });
}

/** The default sheet's name in the spreadsheet languages Scorecard's users are likely to have. */
const DEFAULT_SHEET_NAME = /^(Sheet|Feuille|Hoja|Tabelle|Foglio|Planilha|Blad)\s*1$/i;

/**
 * The one sheet a brand-new spreadsheet comes with, when it is still there, empty and named as Sheets names it;
 * undefined otherwise (a sheet with anything in it, or one of several, is the user's and stays).
 */
function emptyDefaultSheet(workbook: Workbook): GoogleAppsScript.Spreadsheet.Sheet | undefined {
  const sheets = workbook.spreadsheet.getSheets();
  if (sheets.length !== 1) return undefined;
  const [only] = sheets;
  if (!DEFAULT_SHEET_NAME.test(only.getName().trim())) return undefined;
  return only.getLastRow() === 0 && only.getLastColumn() === 0 ? only : undefined;
}

/**
 * The Score log's named range, which earlier versions made. It is removed: the log holds only published records
 * now, but a name that reads the whole log invites formulas that would read sealed ones if they were ever there.
 */
const OLD_LOG_RANGE_NAME = 'Scorecard_ScoreLog';

/**
 * A named range per table (Data ▸ Named ranges), so formulas and people can refer to them by name; none for the
 * Score log (an earlier version's is removed and reported).
 */
function nameTables(workbook: Workbook, candidates: CandidatesLayout, repairs: string[]): void {
  const whole = (key: SheetKey, name: string, firstRow = 1) => {
    const sheet = workbook.find(key);
    if (!sheet) return;
    workbook.spreadsheet.setNamedRange(
      name,
      sheet.getRange(firstRow, 1, sheet.getMaxRows() - firstRow + 1, sheet.getMaxColumns()),
    );
  };
  whole('candidates', 'Scorecard_Candidates', candidates.headerRow);
  whole('rubric', 'Scorecard_Rubric');
  whole('templates', 'Scorecard_Templates');
  whole('pipeline', 'Scorecard_Pipeline');
  if (workbook.spreadsheet.getRangeByName(OLD_LOG_RANGE_NAME)) {
    workbook.spreadsheet.removeNamedRange(OLD_LOG_RANGE_NAME);
    repairs.push(
      `Removed the named range ${OLD_LOG_RANGE_NAME}: scorecards stay sealed until a decision, and the Score log is read by its sheet.`,
    );
  }
}

/** Gives every scorecard sheet a row for each candidate ID it does not list yet; true if a sheet had to grow. */
export function syncAllStageIds(workbook: Workbook, process: Process, ids: readonly string[]): boolean {
  const rubric = appliedRubric(workbook, process);
  let grew = false;
  for (const stage of process.stages) {
    const { layout, rows } = readStageLayout(workbook, stage, rubric.stages[stage.id] ?? stage.categories);
    grew =
      syncStageIds(
        layout,
        ids,
        rows.map((row) => [row[layout.columns.id]]),
      ).grew || grew;
  }
  return grew;
}

/**
 * Whether new candidates went past what set-up covers: a scorecard sheet had to grow, or the Candidates sheet is
 * larger than the whole-column formulas (which end at a sheet's last row; Sheets does not extend them over rows
 * added at the end).
 */
export function listNewCandidates(
  workbook: Workbook,
  process: Process,
  ids: readonly string[],
  candidatesRows: number,
): { needsSetUp: boolean } {
  const grew = syncAllStageIds(workbook, process, ids);
  return { needsSetUp: grew || workbook.state.candidatesRowsCovered !== candidatesRows };
}

/**
 * After candidates got new IDs: every scorecard sheet lists them, and when that went past what set-up covers (a
 * paste past row 1,000) the formulas are extended at once by a quiet repair run. Not for the onEdit trigger, which
 * has 30 seconds: it uses listNewCandidates and leaves the repair to the next Set up workbook.
 */
export function afterNewCandidates(
  workbook: Workbook,
  process: Process,
  ids: readonly string[],
  candidatesRows: number,
  now: Date,
): void {
  if (listNewCandidates(workbook, process, ids, candidatesRows).needsSetUp)
    setUpWorkbook(workbook, undefined, now);
}
