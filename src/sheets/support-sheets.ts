/**
 * The supporting sheets: Rubric (editable), Templates (editable, issue 6 reads it), Pipeline (generated
 * counts), Score log (append-only) and About.
 */
import { CANDIDATE_STATUSES } from '../core/candidates';
import { PASS_RULE_SETTINGS, RUBRIC_COLUMNS, rubricToRows } from '../core/rubric';
import { describePassRule } from '../core/rules';
import { columnLetter, fitWidth, mapHeaders, restoredHeaderColumn } from '../core/table';
import { TEMPLATE_HEADERS, templateRowsToCells } from '../core/templates/template';
import type { CandidatesLayout } from './candidates-sheet';
import { COLOURS, SHEET_NAMES, type SetupContext, repaired, setWidths, stageSheetName } from './context';
import type { Process, Stage } from '../core/process';
import { DEFAULT_FEEDBACK_HOURS } from '../core/reminders/service-levels';
import { pipelineFormulas } from './formulas';
import type { SheetKey } from './state';
import type { StageLayout } from './stage-sheet';

type Sheet = GoogleAppsScript.Spreadsheet.Sheet;

export const LOG_HEADERS = [
  'Timestamp',
  'Submission ID',
  'Version',
  'Candidate ID',
  'Stage',
  'Interviewer',
  'Kind',
  'Category',
  'Score',
  'Note',
  // The row's HMAC (core/scoring/signature.ts): a row edited or added by hand does not match it.
  'Signature',
] as const;

export interface SupportSheetState {
  readonly key: SheetKey;
  readonly sheet: Sheet | undefined;
  readonly header: readonly unknown[];
  readonly problems: string[];
}

/** Reads just the header row of a supporting sheet. */
export function inspectHeader(
  ctx: SetupContext,
  key: SheetKey,
  headers: readonly string[],
): SupportSheetState {
  const sheet = ctx.workbook.find(key);
  if (!sheet) return { key, sheet, header: [], problems: [] };
  const width = Math.max(1, sheet.getLastColumn());
  const header = sheet.getRange(1, 1, 1, width).getValues()[0];
  const layout = mapHeaders(
    header,
    headers.map((h) => ({ key: h, header: h })),
  );
  const problems = layout.duplicates.map(
    (d) =>
      `Sheet "${sheet.getName()}": the header "${d.header}" appears more than once (columns ${d.columns.map((c) => columnLetter(c)).join(', ')}).`,
  );
  return { key, sheet, header, problems };
}

/** Missing headers are restored in row 1 (see restoredHeaderColumn); returns true when the sheet is new. */
function ensureSheet(
  ctx: SetupContext,
  state: SupportSheetState,
  name: string,
  headers: readonly string[],
): { sheet: Sheet; created: boolean } {
  if (state.sheet) {
    const layout = mapHeaders(
      state.header,
      headers.map((h) => ({ key: h, header: h })),
    );
    if (layout.missing.length > 0) {
      const header = [...state.header];
      while (header.length > 0 && String(header[header.length - 1]).trim() === '') header.pop();
      const specs = headers.map((h) => ({ key: h, header: h }));
      // A cleared header goes back over its own column; others are added at the end.
      for (const missing of layout.missing) {
        const at = restoredHeaderColumn(header, specs, missing);
        if (at === undefined) header.push(missing);
        else header[at] = missing;
      }
      if (header.length > state.sheet.getMaxColumns()) {
        state.sheet.insertColumnsAfter(
          state.sheet.getMaxColumns(),
          header.length - state.sheet.getMaxColumns(),
        );
      }
      state.sheet.getRange(1, 1, 1, header.length).setValues([header]);
      repaired(
        ctx,
        `Restored the header${layout.missing.length > 1 ? 's' : ''} ${layout.missing.map((h) => `"${h}"`).join(', ')} on "${state.sheet.getName()}".`,
      );
    }
    return { sheet: state.sheet, created: false };
  }
  if (!ctx.firstRun) ctx.repairs.push(`Recreated the missing "${name}" sheet.`);
  return { sheet: ctx.workbook.create(state.key, name), created: true };
}

function styleHeader(sheet: Sheet, width: number): void {
  sheet.setFrozenRows(1);
  sheet.getRange(1, 1, 1, width).setFontWeight('bold').setBackground(COLOURS.header);
}

export function writeRubricSheet(ctx: SetupContext, state: SupportSheetState): void {
  const headers = RUBRIC_COLUMNS.map((c) => c.header);
  const { sheet, created } = ensureSheet(ctx, state, SHEET_NAMES.rubric, headers);
  if (!created) return;
  const rows = rubricToRows(ctx.process, ctx.rubric);
  sheet.getRange(1, 1, rows.length, headers.length).setValues(rows);
  sheet
    .getRange(2, 3, rows.length - 1, 1)
    .setDataValidation(ctx.workbook.app.newDataValidation().requireCheckbox().build());
  styleHeader(sheet, headers.length);
  sheet
    .getRange(2, 1, rows.length - 1, headers.length)
    .setWrap(true)
    .setVerticalAlignment('top');
  const widths = headers.map((h) => fitWidth(h));
  widths[0] = fitWidth(headers[0], { values: ctx.process.stages.map((s) => s.name) });
  widths[1] = 170;
  widths[3] = 260;
  widths.fill(170, 4, 9);
  widths[9] = fitWidth(headers[9], { values: PASS_RULE_SETTINGS.map((s) => s.label) });
  setWidths(sheet, widths);
}

export function writeTemplatesSheet(ctx: SetupContext, state: SupportSheetState): void {
  const { sheet, created } = ensureSheet(ctx, state, SHEET_NAMES.templates, TEMPLATE_HEADERS);
  if (!created) return;
  const rows = [
    [...TEMPLATE_HEADERS],
    ...templateRowsToCells(ctx.workbook.presets().templates(ctx.process.id)),
  ];
  // Template text is the team's words: it must never be read as a formula.
  sheet
    .getRange(1, 1, Math.max(rows.length, sheet.getMaxRows()), TEMPLATE_HEADERS.length)
    .setNumberFormat('@');
  sheet.getRange(1, 1, rows.length, TEMPLATE_HEADERS.length).setValues(rows);
  styleHeader(sheet, TEMPLATE_HEADERS.length);
  // Process, Stage, Order and Block fit what they hold; Text is wide and wraps.
  setWidths(sheet, [
    ...TEMPLATE_HEADERS.slice(0, -1).map((h, i) =>
      fitWidth(h, { values: rows.slice(1).map((r) => String(r[i])) }),
    ),
    520,
  ]);
  sheet.getRange(2, TEMPLATE_HEADERS.length, rows.length - 1, 1).setWrap(true);
}

export function writeLogSheet(ctx: SetupContext, state: SupportSheetState): void {
  const { sheet, created } = ensureSheet(ctx, state, SHEET_NAMES.log, LOG_HEADERS);
  if (created) {
    sheet.getRange(1, 1, 1, LOG_HEADERS.length).setValues([[...LOG_HEADERS]]);
    // Everything is stored as written (timestamps as ISO text): a note "=1+1" stays text.
    sheet.getRange(2, 1, sheet.getMaxRows() - 1, LOG_HEADERS.length).setNumberFormat('@');
    styleHeader(sheet, LOG_HEADERS.length);
    setWidths(
      sheet,
      LOG_HEADERS.map((h, i) => fitWidth(h, { values: i === 0 ? ['2026-12-31T23:59:59.000Z'] : [] })),
    );
  }
  if (!sheet.isSheetHidden()) {
    if (!created) repaired(ctx, `Hid the "${sheet.getName()}" sheet again (only Scorecard writes to it).`);
    sheet.hideSheet();
  }
  const protections = sheet.getProtections(ctx.workbook.app.ProtectionType.SHEET);
  if (protections.length === 0) {
    if (!created) repaired(ctx, `Protected the "${sheet.getName()}" sheet again.`);
    // Warning-only: scripts run as the signed-in user, so a hard lock would also stop Scorecard's own writes.
    sheet.protect().setDescription('Scorecard: append-only score log').setWarningOnly(true);
  }
}

export const PIPELINE_HEADERS = [
  'Stage',
  'Service level (business days)',
  'Service level (hours)',
  'Promise',
  'Candidates in stage',
  'Overdue',
  'Scored',
  'Passed',
  'Pass rate',
] as const;

/** The service-level block Candidates' "Next step due" formula looks up: Pipeline!A2:C(n+1). */
export function serviceLevelTable(
  ctx: SetupContext,
  pipeline: Sheet,
): { sheetName: string; firstRow: number; lastRow: number } {
  return { sheetName: pipeline.getName(), firstRow: 2, lastRow: ctx.process.stages.length + 1 };
}

export function ensurePipelineSheet(
  ctx: SetupContext,
  state: SupportSheetState,
): { sheet: Sheet; created: boolean } {
  return ensureSheet(ctx, state, SHEET_NAMES.pipeline, PIPELINE_HEADERS);
}

/** A text for a formula: in double quotes, with its own quotes doubled. */
function formulaText(text: string): string {
  return `"${text.replace(/"/g, '""')}"`;
}

/**
 * The Promise cell: the service level in words, from whatever figure the row holds now. While the figure is the
 * one the process ships with, its own words; a figure the team typed, plain words; none, how to set one.
 */
function promiseFormula(stage: Stage, row: number): string {
  const sl = stage.serviceLevel;
  const days = `B${row}`;
  const hours = `C${row}`;
  const isSet = (cell: string) => `AND(ISNUMBER(${cell}),${cell}>0)`;
  const inWords = (cell: string, unit: string, presetFigure: number | null) => {
    const plain = `"Next step within "&${cell}&" ${unit}"`;
    return sl && presetFigure !== null
      ? `IF(${cell}=${presetFigure},${formulaText(sl.description)},${plain})`
      : plain;
  };
  const presetDays = sl?.unit === 'businessDays' ? sl.within : null;
  const presetHours =
    sl && sl.unit !== 'businessDays' ? (sl.unit === 'hours' ? sl.within : sl.within * 24) : null;
  return (
    `=IF(${isSet(days)},${inWords(days, 'business days', presetDays)},` +
    `IF(${isSet(hours)},${inWords(hours, 'hours', presetHours)},${formulaText(NO_SERVICE_LEVEL)}))`
  );
}

/** Column A of the feedback service level's row on the Pipeline sheet (found there by this label). */
export const FEEDBACK_LABEL = 'Scorecards (after the interview)';

/** The Pipeline row holding the feedback service level: right below the stage rows (row 1 is the header). */
export function feedbackServiceLevelRow(process: Pick<Process, 'stages'>): number {
  return process.stages.length + 2;
}

/** The feedback row's Promise cell, from the hours the team typed (blank: the default). */
function feedbackPromiseFormula(row: number): string {
  const hours = `C${row}`;
  return (
    `=IF(AND(ISNUMBER(${hours}),${hours}>0),"Each interviewer's scorecard within "&${hours}&" hours of the interview",` +
    `IF(ISBLANK(${hours}),${formulaText(`Each interviewer's scorecard within ${DEFAULT_FEEDBACK_HOURS} hours of the interview (the default)`)},` +
    `${formulaText('Type a number of hours above 0 in column C')}))`
  );
}

/** What the Promise cell says while a stage has no service level. */
export const NO_SERVICE_LEVEL = 'None yet: type business days in column B or hours in column C';

/** The guide under the table: what each column means and how Overdue comes about. */
function pipelineGuide(ctx: SetupContext): string[][] {
  const { texts } = ctx.workbook.presets();
  const unset = ctx.process.stages.filter((s) => !s.serviceLevel).map((s) => s.name);
  const lines = [...texts.pipelineGuide];
  if (unset.length > 0)
    lines.push(
      texts.pipelineUnset.replace('{process}', ctx.process.name).replace('{stages}', unset.join(', ')),
    );
  return lines.map((line) => [line]);
}

/**
 * The Pipeline sheet is generated: one row per stage with its service level and counts, then a guide to its
 * columns. Service levels a team edited here are kept.
 */
export function writePipelineSheet(
  ctx: SetupContext,
  pipelineSheet: { sheet: Sheet; created: boolean },
  candidates: CandidatesLayout,
  stages: readonly StageLayout[],
): void {
  const pipeline = pipelineSheet.sheet;
  const n = ctx.process.stages.length;
  // The stage rows and the feedback row below them, read at once: figures a team typed are kept.
  const existing = pipeline.getRange(1, 1, n + 2, 3).getValues();
  const kept = new Map(existing.slice(1, n + 1).map((row) => [String(row[0]), [row[1], row[2]]]));
  const feedbackRow = feedbackServiceLevelRow(ctx.process);
  const keptFeedback = String(existing[n + 1][0]).trim() === FEEDBACK_LABEL ? existing[n + 1][2] : undefined;
  const rows = ctx.process.stages.map((stage, i) => {
    const r = i + 2;
    const sl = stage.serviceLevel;
    // Business days are counted with WORKDAY; hours and calendar days are added as hours.
    const preset: [unknown, unknown] = !sl
      ? ['', '']
      : sl.unit === 'businessDays'
        ? [sl.within, '']
        : ['', sl.unit === 'hours' ? sl.within : sl.within * 24];
    const [days, hours] = kept.get(stage.name) ?? preset;
    const stageLayout = stages[i];
    const f = pipelineFormulas(
      `A${r}`,
      {
        sheetName: candidates.sheet.getName(),
        name: candidates.columns.name,
        stage: candidates.columns.stage,
        overdue: candidates.columns.overdue,
        firstRow: candidates.firstRow,
        lastRow: candidates.lastGridRow,
      },
      {
        sheetName: stageLayout.sheet.getName(),
        passes: stageLayout.columns.passes,
        firstRow: stageLayout.firstRow,
        lastRow: stageLayout.lastGridRow,
      },
      `G${r}`,
      `H${r}`,
    );
    return [
      stage.name,
      days,
      hours,
      promiseFormula(stage, r),
      f.inStage,
      f.overdue,
      f.scored,
      f.passed,
      f.passRate,
    ];
  });
  pipeline
    .getRange(1, 1, rows.length + 1, PIPELINE_HEADERS.length)
    .setValues([[...PIPELINE_HEADERS], ...rows]);
  pipeline.getRange(2, 9, rows.length, 1).setNumberFormat('0%');
  pipeline
    .getRange(feedbackRow, 1, 1, 4)
    .setValues([
      [
        FEEDBACK_LABEL,
        '',
        keptFeedback === undefined || keptFeedback === '' ? DEFAULT_FEEDBACK_HOURS : keptFeedback,
        feedbackPromiseFormula(feedbackRow),
      ],
    ]);
  // A blank row, then the guide (a workbook set up before the feedback row had its guide one row higher).
  const guide = [[''], ...pipelineGuide(ctx)];
  const guideRow = feedbackRow + 2;
  if (pipeline.getMaxRows() < feedbackRow + guide.length)
    pipeline.insertRowsAfter(pipeline.getMaxRows(), feedbackRow + guide.length - pipeline.getMaxRows());
  pipeline.getRange(feedbackRow + 1, 1, guide.length, 1).setValues(guide);
  styleHeader(pipeline, PIPELINE_HEADERS.length);
  if (!pipelineSheet.created) return;
  pipeline.getRange(guideRow, 1).setFontWeight('bold');
  const promises = ctx.process.stages.map((s) => s.serviceLevel?.description ?? '');
  const widths = PIPELINE_HEADERS.map((h) => fitWidth(h));
  widths[0] = fitWidth(PIPELINE_HEADERS[0], { values: ctx.process.stages.map((s) => s.name) });
  widths[3] = fitWidth(PIPELINE_HEADERS[3], { values: [...promises, NO_SERVICE_LEVEL], max: 480 });
  setWidths(pipeline, widths);
}

export function writeAboutSheet(
  ctx: SetupContext,
  state: SupportSheetState,
  stageSheets: readonly StageLayout[],
): void {
  let sheet = state.sheet;
  if (!sheet) {
    if (!ctx.firstRun) ctx.repairs.push('Recreated the missing "About" sheet.');
    sheet = ctx.workbook.create('about', SHEET_NAMES.about, 0);
  }
  const rule = ctx.rubric.passRule;
  const lines: string[][] = [
    ['Scorecard', `Process: ${ctx.process.name}. ${ctx.process.summary}`],
    [
      'Candidates',
      'One row per candidate. Type or paste names; each gets an ID (C-0001, …) automatically. Add your own columns anywhere.',
    ],
    ...stageSheets.map((s) => [
      s.sheet.getName(),
      `Scores for ${s.stage.name}, one row per candidate. Type 1–5 per category or use Score candidate; Average, Passes and Reason fill in.`,
    ]),
    [
      'Rubric',
      'Categories, key-risk flags, what 1–5 mean and the pass rule. Edit it, then run Apply rubric changes.',
    ],
    ['Templates', 'The wording of the interview documents. Edit freely; run Check templates to validate.'],
    [
      'Pipeline',
      'Candidates per stage, overdue next steps and pass rates. Service levels can be edited here.',
    ],
    [
      'Score log',
      'Hidden. The published record: a stage’s scorecards, vetoes and decision, appended when the hiring manager decides; nothing is overwritten. Until then scorecards stay sealed outside the sheets.',
    ],
    ['Pass rule', describePassRule(rule)],
    ['Statuses', CANDIDATE_STATUSES.join(', ')],
    [
      'Sheet names',
      `Rename any sheet if you like; Scorecard finds them by id. Scorecard sheets: ${stageSheets.map((s) => stageSheetName(ctx.process, s.stage)).join(', ')}.`,
    ],
  ];
  sheet.getRange(1, 1, lines.length, 2).setValues(lines);
  if (!state.sheet) {
    sheet.getRange(1, 1, lines.length, 1).setFontWeight('bold');
    sheet.setColumnWidth(1, 160);
    sheet.setColumnWidth(2, 640);
    sheet.getRange(1, 2, lines.length, 1).setWrap(true);
  }
}
