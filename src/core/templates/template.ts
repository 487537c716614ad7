/**
 * The template model: rows of the "Templates" sheet the team edits. Each row is one block of a document for
 * one process and stage ('*' = every interview stage of the process, 'debrief' = the debrief document):
 * a fixed text (title, heading, paragraph) or a block generated from the stage data (agenda, questions,
 * scoring table, …) whose Text is an optional intro line. Rows are sorted by Order when rendering.
 */
import * as z from 'zod/mini';
import { lazy } from '../lazy';
import type { Process } from '../process';
import { placeholderProblems } from './placeholders';

export const TEMPLATE_HEADERS = ['Process', 'Stage', 'Order', 'Block', 'Text'] as const;
export type TemplateColumn = (typeof TEMPLATE_HEADERS)[number];

/** Stage value for rows that apply to every interview stage of a process. */
export const ALL_STAGES = '*';
/** Stage value for rows of the debrief document. */
export const DEBRIEF_STAGE = 'debrief';
/** Stage value for rows of the candidate update letter. */
export const UPDATE_STAGE = 'update';

export const TEMPLATE_BLOCKS = [
  'title',
  'heading',
  'subheading',
  'paragraph',
  'details-table',
  'agenda',
  'questions',
  'scoring-table',
  'pass-rule',
  'decision',
  'notes-space',
  'scorecards-table',
  'divergence',
  'reconciled',
  'outcome',
  'invitation',
  'decline',
] as const;
export type TemplateBlock = (typeof TEMPLATE_BLOCKS)[number];

/** What each block does, for the sheet's help and the README. */
export const TEMPLATE_BLOCK_HELP: Readonly<Record<TemplateBlock, string>> = {
  title: 'The document title (Text is the title).',
  heading: 'A Heading 1 (Text is the heading).',
  subheading: 'A Heading 2 (Text is the heading).',
  paragraph: 'A paragraph of text; each line of Text becomes its own paragraph.',
  'details-table': 'Table of candidate, role, stage, planned duration, interviewers, date and workbook link.',
  agenda: "The stage's agenda with minutes, and a check that it fits the planned duration.",
  questions: "The stage's questions, scenarios, instructions and checks, each with room for notes.",
  'scoring-table':
    'Every scoring category with its key-risk mark, what 1–5 mean, and empty score/note cells.',
  'pass-rule': "The process's pass rule in plain words.",
  decision: 'The decision procedure: steps, independent scoring, reconciling gaps, who decides, veto.',
  'notes-space': 'Empty lines for free notes.',
  'scorecards-table': 'Debrief only: every scorecard side by side (category × interviewer).',
  divergence: 'Debrief only: the categories where scores differ by more than the allowed gap.',
  reconciled: 'Debrief only: the reconciled scores and whether they pass the rule.',
  outcome: 'Debrief only: the decision, who made it, the reasons and any veto.',
  invitation:
    'Candidate update only: Text, shown only when the last decision moved the candidate on ({{next.stage}} names the next stage).',
  decline:
    'Candidate update only: Text, shown only when the last decision was not to go on, followed by what was assessed and the notes the hiring manager marked shareable.',
};

/** Blocks that only make sense in a candidate update letter. */
export const UPDATE_ONLY_BLOCKS: readonly TemplateBlock[] = ['invitation', 'decline'];

/** Blocks that only make sense in a debrief (they need submitted scorecards). */
export const DEBRIEF_ONLY_BLOCKS: readonly TemplateBlock[] = [
  'scorecards-table',
  'divergence',
  'reconciled',
  'outcome',
];
/** Blocks whose Text is the content itself and therefore must not be empty. */
export const TEXT_BLOCKS: readonly TemplateBlock[] = ['title', 'heading', 'subheading', 'paragraph'];

/** The template schemas, built on first use (see lazy.ts). */
export const templateSchemas = lazy(() => {
  const nonEmpty = z.string().check(z.trim(), z.minLength(1));

  const TemplateBlockSchema = z.enum(TEMPLATE_BLOCKS);

  const TemplateRowSchema = z.object({
    /** Process (preset) id, e.g. "backend-developer". */
    process: nonEmpty,
    /** Stage id, '*' for every interview stage, or 'debrief'. */
    stage: nonEmpty,
    order: z.number(),
    block: TemplateBlockSchema,
    /** May contain placeholders; for generated blocks an optional intro line. */
    text: z.string(),
  });

  return { TemplateBlockSchema, TemplateRowSchema };
});
export type TemplateRow = z.infer<ReturnType<typeof templateSchemas>['TemplateRowSchema']>;

export interface TemplateProblem {
  /** 1-based sheet row. */
  row: number;
  column: TemplateColumn;
  message: string;
}

export type TemplateParseResult =
  { ok: true; templates: TemplateRow[] } | { ok: false; problems: TemplateProblem[] };

function cellText(value: unknown): string {
  if (value === null || value === undefined) return '';
  if (value instanceof Date) return value.toISOString();
  return String(value);
}

function isBlankRow(row: readonly unknown[]): boolean {
  return row.every((value) => cellText(value).trim() === '');
}

function parseOrder(value: unknown): number | null {
  if (typeof value === 'number') return Number.isFinite(value) ? value : null;
  if (typeof value === 'string' && value.trim() !== '') {
    const n = Number(value.trim());
    return Number.isFinite(n) ? n : null;
  }
  return null;
}

/**
 * Parses the data rows of the Templates sheet (header excluded; `rows[0]` is sheet row `firstDataRow`, the
 * columns in TEMPLATE_HEADERS order). Blank rows are skipped. Returns every problem with its row and column,
 * or the rows when there is none. Process, Stage and Block are compared in lower case.
 */
export function parseTemplateRows(
  rows: readonly (readonly unknown[])[],
  firstDataRow: number,
): TemplateParseResult {
  const problems: TemplateProblem[] = [];
  const templates: TemplateRow[] = [];
  rows.forEach((cells, index) => {
    const row = firstDataRow + index;
    if (isBlankRow(cells)) return;
    const before = problems.length;
    const report = (column: TemplateColumn, message: string) => problems.push({ row, column, message });

    const process = cellText(cells[0]).trim().toLowerCase();
    const stage = cellText(cells[1]).trim().toLowerCase();
    const order = parseOrder(cells[2]);
    const blockText = cellText(cells[3]).trim().toLowerCase();
    const text = cellText(cells[4]);

    if (process === '')
      report('Process', 'Process is empty: enter the process id, e.g. "backend-developer".');
    if (stage === '')
      report(
        'Stage',
        `Stage is empty: enter a stage id, "${ALL_STAGES}" for every stage, "${DEBRIEF_STAGE}" or "${UPDATE_STAGE}".`,
      );
    if (order === null)
      report('Order', `Order must be a number (found "${cellText(cells[2])}"); blocks are sorted by it.`);
    const block = TEMPLATE_BLOCKS.find((b) => b === blockText);
    if (!block) {
      report(
        'Block',
        blockText === ''
          ? `Block is empty: use one of ${TEMPLATE_BLOCKS.join(', ')}.`
          : `Unknown block "${cellText(cells[3]).trim()}": use one of ${TEMPLATE_BLOCKS.join(', ')}.`,
      );
    } else {
      if (TEXT_BLOCKS.includes(block) && text.trim() === '')
        report('Text', `Text is empty: a ${block} block shows its text, so it needs some.`);
      if (DEBRIEF_ONLY_BLOCKS.includes(block) && stage !== '' && stage !== DEBRIEF_STAGE)
        report('Block', `The ${block} block only works in the debrief (Stage "${DEBRIEF_STAGE}").`);
      if (UPDATE_ONLY_BLOCKS.includes(block) && stage !== '' && stage !== UPDATE_STAGE)
        report('Block', `The ${block} block only works in the candidate update (Stage "${UPDATE_STAGE}").`);
    }
    for (const message of placeholderProblems(text)) report('Text', message);

    if (problems.length > before || !block || order === null) return;
    const parsed = templateSchemas().TemplateRowSchema.safeParse({ process, stage, order, block, text });
    if (parsed.success) templates.push(parsed.data);
    else report('Text', `Row could not be read: ${parsed.error.issues.map((i) => i.message).join('; ')}`);
  });
  return problems.length > 0 ? { ok: false, problems } : { ok: true, templates };
}

/**
 * "Check templates": parses the rows and also checks that each row names a known process and, for that
 * process, a known stage id ('*' and 'debrief' are always allowed). Lists every problem with its row.
 */
export function checkTemplates(
  rows: readonly (readonly unknown[])[],
  processes: readonly Process[],
  firstDataRow = 2,
): TemplateParseResult {
  const parsed = parseTemplateRows(rows, firstDataRow);
  const problems: TemplateProblem[] = parsed.ok ? [] : [...parsed.problems];
  const byId = new Map(processes.map((p) => [p.id, p]));
  const known = processes.map((p) => p.id).join(', ') || '(none)';
  rows.forEach((cells, index) => {
    const row = firstDataRow + index;
    if (isBlankRow(cells)) return;
    const processId = cellText(cells[0]).trim().toLowerCase();
    const stageId = cellText(cells[1]).trim().toLowerCase();
    if (processId === '') return; // already reported
    const process = byId.get(processId);
    if (!process) {
      problems.push({
        row,
        column: 'Process',
        message: `Unknown process "${processId}": known processes are ${known}.`,
      });
      return;
    }
    if (stageId === '' || stageId === ALL_STAGES || stageId === DEBRIEF_STAGE || stageId === UPDATE_STAGE)
      return;
    if (!process.stages.some((s) => s.id === stageId)) {
      const stages = [...process.stages.map((s) => s.id), ALL_STAGES, DEBRIEF_STAGE, UPDATE_STAGE].join(', ');
      problems.push({
        row,
        column: 'Stage',
        message: `Unknown stage "${stageId}" for process "${processId}": use one of ${stages}.`,
      });
    }
  });
  if (problems.length === 0 && parsed.ok) return parsed;
  const columnIndex = (c: TemplateColumn) => TEMPLATE_HEADERS.indexOf(c);
  problems.sort((a, b) => a.row - b.row || columnIndex(a.column) - columnIndex(b.column));
  return { ok: false, problems };
}

/** The rows as sheet cells in TEMPLATE_HEADERS order (what the sheet store writes). */
export function templateRowsToCells(templates: readonly TemplateRow[]): (string | number)[][] {
  return templates.map((t) => [t.process, t.stage, t.order, t.block, t.text]);
}

/** The rows that make up one document, sorted by order (stable: equal orders keep their sheet order). */
export function selectTemplateRows(
  templates: readonly TemplateRow[],
  processId: string,
  stage: string,
): TemplateRow[] {
  const wanted = (t: TemplateRow) =>
    t.process === processId &&
    (t.stage === stage || (stage !== DEBRIEF_STAGE && stage !== UPDATE_STAGE && t.stage === ALL_STAGES));
  return templates
    .map((t, index) => ({ t, index }))
    .filter(({ t }) => wanted(t))
    .sort((a, b) => a.t.order - b.t.order || a.index - b.index)
    .map(({ t }) => t);
}
