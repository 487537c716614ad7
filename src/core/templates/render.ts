/**
 * Rendering: template rows + process/stage data + candidate → an InterviewDocument (interview script or
 * debrief). Pure; the docs adapter writes the result to Google Docs.
 */
import { UserError } from '../errors';
import { formatMinutesRange, formatScore, formatStageMinutes } from '../format';
import { OUTCOME_LABELS, type Outcome } from '../labels';
import type { Process, Prompt, Stage } from '../process';
import { describePassRule } from '../rules';
import {
  cell,
  paragraph,
  run,
  textParagraph,
  type DocBlock,
  type InterviewDocument,
  type TextRun,
} from './document';
import { placeholderProblems, renderPlaceholders } from './placeholders';
import { DEBRIEF_STAGE, selectTemplateRows, type TemplateRow } from './template';

export interface CandidateInfo {
  id: string;
  name: string;
  email: string;
  role: string;
  /** The interviewers assigned to this candidate and stage. */
  panel: string[];
}

export interface RenderInput {
  process: Process;
  stage: Stage;
  templates: readonly TemplateRow[];
  candidate: CandidateInfo;
  /** The generation date, already formatted for the team's locale/time zone. */
  today: string;
  workbookUrl: string;
}

export interface DebriefScorecard {
  interviewer: string;
  submittedAt: string;
  /** Score per category id; null = not scored. */
  scores: Record<string, number | null>;
  notes?: Record<string, string>;
  recommendation?: string;
}

export interface DebriefDecision {
  outcome: Outcome;
  note: string;
  decidedBy: string;
}

/** A culture-fit veto: it stands (and blocks the hire) whether or not a decision has been recorded. */
export interface DebriefVeto {
  by: string;
  reason: string;
}

export interface DebriefInput extends RenderInput {
  scorecards: DebriefScorecard[];
  /** Names of the categories whose scores differ by more than the process's maxGap. */
  divergent: string[];
  /** Reconciled score per category id, or null when not yet reconciled. */
  reconciled: Record<string, number> | null;
  decision: DebriefDecision | null;
  /** The standing veto, or null when none was raised. */
  veto: DebriefVeto | null;
  passSummary: { passes: boolean | null; reasons: string[] };
}

/** The error of templates that cannot be rendered (code "templates"); nothing is generated. */
function cannotRender(problems: readonly string[]): UserError {
  return new UserError('templates', 'The templates cannot be rendered:', problems);
}

// ---------------------------------------------------------------------------------------------------------
// Documents

/** What a document says for the planned duration of a stage that is not a meeting. */
const NO_SET_DURATION = 'no set duration';

function plannedDuration(stage: Stage): string {
  return formatStageMinutes(stage) || NO_SET_DURATION;
}

export interface AgendaFit {
  /** Sum of the blocks' minimum and maximum minutes. */
  min: number;
  max: number;
  /**
   * True when the agenda can be run within the stage's planned range, i.e. the two ranges overlap (always true
   * for stages without a planned duration). "45–75 min" with an agenda of 40–60 min fits; 80–90 min does not.
   */
  fits: boolean;
  /** Minutes by which the longest version of the agenda runs past the planned maximum (0 when it does not). */
  overrun: number;
}

export function agendaFit(stage: Stage): AgendaFit {
  const min = stage.agenda.reduce((sum, block) => sum + block.minutesMin, 0);
  const max = stage.agenda.reduce((sum, block) => sum + block.minutesMax, 0);
  const timed = stage.minutesMax > 0;
  return {
    min,
    max,
    fits: !timed || (min <= stage.minutesMax && max >= stage.minutesMin),
    overrun: timed ? Math.max(0, max - stage.minutesMax) : 0,
  };
}

function points(n: number): string {
  return `${formatScore(n)} point${n === 1 ? '' : 's'}`;
}

export function stageNumber(process: Process, stage: Stage): number {
  const index = process.stages.findIndex((s) => s.id === stage.id);
  if (index < 0) throw cannotRender([`Stage "${stage.id}" is not part of process "${process.id}".`]);
  return index + 1;
}

/** "Stage 2 · Main interview — Ada Lovelace (Backend Developer)". */
export function interviewDocumentName(process: Process, stage: Stage, candidate: CandidateInfo): string {
  const role = candidate.role.trim();
  const who = role === '' ? candidate.name : `${candidate.name} (${role})`;
  return `Stage ${stageNumber(process, stage)} · ${stage.name} — ${who}`;
}

/** "Debrief · Stage 2 · Main interview — Ada Lovelace". */
export function debriefDocumentName(process: Process, stage: Stage, candidate: CandidateInfo): string {
  return `Debrief · Stage ${stageNumber(process, stage)} · ${stage.name} — ${candidate.name}`;
}

/** The value of every placeholder for one document. */
export function placeholderValues(input: RenderInput, scorers?: readonly string[]): Record<string, string> {
  const { process, stage, candidate } = input;
  const panel = candidate.panel.filter((p) => p.trim() !== '').join(', ');
  return {
    'candidate.name': candidate.name,
    'candidate.email': candidate.email,
    'candidate.role': candidate.role,
    'candidate.id': candidate.id,
    'stage.name': stage.name,
    'stage.number': String(stageNumber(process, stage)),
    'stage.minutes': plannedDuration(stage),
    'stage.goal': stage.goal,
    'stage.conductedBy': stage.conductedBy,
    'process.name': process.name,
    panel: panel === '' ? 'to be assigned' : panel,
    today: input.today,
    'workbook.url': input.workbookUrl,
    interviewer: scorers ? scorers.join(', ') : panel === '' ? 'to be assigned' : panel,
  };
}

// ---------------------------------------------------------------------------------------------------------
// Generated blocks

interface Context {
  input: RenderInput;
  values: Record<string, string>;
  debrief?: DebriefInput;
}

function textLines(text: string): DocBlock[] {
  return text
    .split(/\r?\n/)
    .map((line) => line.trim())
    .filter((line) => line !== '')
    .map(textParagraph);
}

function detailsTable({ input, values }: Context): DocBlock {
  const { candidate, stage, process } = input;
  const interviewers =
    values.panel === 'to be assigned' ? `${stage.conductedBy} (names to be assigned)` : values.panel;
  const link: TextRun[] =
    input.workbookUrl.trim() === '' ? [run('—')] : [{ text: 'Open the workbook', link: input.workbookUrl }];
  const row = (label: string, value: TextRun[]): TextRun[][] => [[run(label, true)], value];
  return {
    type: 'table',
    header: null,
    rows: [
      row('Candidate', cell(candidate.email ? `${candidate.name} <${candidate.email}>` : candidate.name)),
      row('Role', cell(candidate.role)),
      row(
        'Stage',
        cell(`Stage ${stageNumber(process, stage)} · ${stage.name}${stage.optional ? ' (optional)' : ''}`),
      ),
      row('Planned duration', cell(plannedDuration(stage))),
      row('Interviewers', cell(interviewers)),
      row('Date', cell(`Generated ${input.today} · Held on: ____________`)),
      row('Workbook link', link),
    ],
  };
}

function agenda({ input }: Context): DocBlock[] {
  const { stage } = input;
  if (stage.agenda.length === 0) return [textParagraph('This stage has no timed agenda.')];
  const fit = agendaFit(stage);
  const blocks: DocBlock[] = [
    {
      type: 'table',
      header: [cell('Minutes', true), cell('Block', true), cell('What happens', true)],
      rows: stage.agenda.map((b) => [
        cell(formatMinutesRange(b.minutesMin, b.minutesMax)),
        cell(b.title, true),
        cell(b.description),
      ]),
    },
    textParagraph(
      `Planned: ${plannedDuration(stage)}; agenda adds up to ${formatMinutesRange(fit.min, fit.max)} min`,
    ),
  ];
  if (fit.fits && fit.overrun > 0) {
    blocks.push(
      paragraph(
        run('Note: ', true),
        run(`at its longest the agenda runs ${fit.overrun} min past the planned ${plannedDuration(stage)}.`),
      ),
    );
  }
  if (!fit.fits) {
    blocks.push(
      paragraph(
        run('Warning: ', true),
        run(
          `the agenda blocks add up to ${formatMinutesRange(fit.min, fit.max)} min, which does not fit the planned ` +
            `${plannedDuration(stage)}. Adjust the blocks or the planned duration.`,
        ),
      ),
    );
  }
  return blocks;
}

const PROMPT_NOTES: Readonly<Record<Prompt['kind'], string>> = {
  question: 'Notes: ____________________________________________',
  scenario: 'Notes: ____________________________________________',
  curveball: 'How they adapted: ________________________________',
  instruction: 'Shared with the candidate on: ______________',
  check: 'Done: ☐   Result: ______________________________________',
};

const PROMPT_KIND_LABEL: Readonly<Record<Prompt['kind'], string>> = {
  question: 'Question',
  scenario: 'Scenario',
  curveball: 'Curveball',
  instruction: 'Instruction',
  check: 'Check',
};

function questions({ input }: Context): DocBlock[] {
  const { prompts } = input.stage;
  if (prompts.length === 0) return [textParagraph('This stage has no set questions.')];
  return prompts.flatMap((prompt): DocBlock[] => [
    { type: 'heading', level: 2, text: prompt.label },
    paragraph(run(`${PROMPT_KIND_LABEL[prompt.kind]}: `, true), run(prompt.text)),
    textParagraph(PROMPT_NOTES[prompt.kind]),
  ]);
}

function scoringTable({ input }: Context): DocBlock {
  return {
    type: 'table',
    header: ['Category', 'Key risk', '1', '2', '3', '4', '5', 'Score', 'Notes'].map((h) => cell(h, true)),
    rows: input.stage.categories.map((c) => [
      [run(c.name, true), run(` — ${c.description}`)],
      c.keyRisk ? cell('KEY RISK', true) : [],
      ...c.anchors.map((anchor) => cell(anchor)),
      [],
      [],
    ]),
  };
}

function passRule({ input }: Context): DocBlock[] {
  const keyRisk = input.stage.categories.filter((c) => c.keyRisk);
  const blocks: DocBlock[] = [textParagraph(describePassRule(input.process.passRule, keyRisk.length > 0))];
  if (keyRisk.length > 0) {
    blocks.push(
      paragraph(
        run(keyRisk.length === 1 ? 'Key-risk category: ' : 'Key-risk categories: ', true),
        run(keyRisk.map((c) => c.name).join(', ')),
      ),
    );
  }
  blocks.push(textParagraph('A candidate with any unscored category is pending, never passed.'));
  return blocks;
}

function decision({ input }: Context): DocBlock[] {
  const d = input.process.decision;
  const scorers =
    d.scorers === 1
      ? 'One interviewer scores the candidate.'
      : `${d.scorers} interviewers score independently, without seeing each other's scores.`;
  const blocks: DocBlock[] = [
    { type: 'list', items: d.steps.map((step) => [run(step)]) },
    paragraph(
      run(`${scorers} `),
      run(
        `Any category where the scores differ by more than ${points(d.maxGap)} is talked through before settling.`,
      ),
    ),
    paragraph(run('Who decides: ', true), run(d.decider)),
  ];
  if (d.veto) blocks.push(paragraph(run('Veto: ', true), run(`${d.veto.holder} — ${d.veto.scope}`)));
  return blocks;
}

function notesSpace(): DocBlock[] {
  return Array.from({ length: 5 }, () =>
    textParagraph('________________________________________________________'),
  );
}

// Debrief blocks -------------------------------------------------------------------------------------------

function requireDebrief(ctx: Context, block: string): DebriefInput {
  if (!ctx.debrief) throw cannotRender([`The ${block} block only works in a debrief document.`]);
  return ctx.debrief;
}

function isDivergent(debrief: DebriefInput, name: string): boolean {
  return debrief.divergent.some((d) => d.trim().toLowerCase() === name.trim().toLowerCase());
}

function scorecardsTable(ctx: Context): DocBlock[] {
  const debrief = requireDebrief(ctx, 'scorecards-table');
  const { categories } = debrief.stage;
  if (debrief.scorecards.length === 0) return [textParagraph('No scorecards have been submitted yet.')];
  const cards = debrief.scorecards;
  const blocks: DocBlock[] = [
    {
      type: 'table',
      header: [
        cell('Category', true),
        cell('Key risk', true),
        ...cards.map((s) => cell(s.interviewer, true)),
      ],
      rows: [
        ...categories.map((c) => [
          cell(isDivergent(debrief, c.name) ? `${c.name} (differs)` : c.name, isDivergent(debrief, c.name)),
          c.keyRisk ? cell('KEY RISK', true) : [],
          ...cards.map((s) => cell(formatScore(s.scores[c.id]))),
        ]),
        [cell('Recommendation', true), [], ...cards.map((s) => cell(s.recommendation ?? '—'))],
        [cell('Submitted', true), [], ...cards.map((s) => cell(s.submittedAt))],
      ],
    },
  ];
  const notes: TextRun[][] = [];
  for (const card of cards) {
    for (const c of categories) {
      const note = card.notes?.[c.id]?.trim();
      if (note) notes.push([run(`${card.interviewer} on ${c.name}: `, true), run(note)]);
    }
  }
  if (notes.length > 0) {
    blocks.push(paragraph(run('Notes from the scorecards', true)), { type: 'list', items: notes });
  }
  return blocks;
}

function divergence(ctx: Context): DocBlock[] {
  const debrief = requireDebrief(ctx, 'divergence');
  const gap = points(debrief.process.decision.maxGap);
  if (debrief.divergent.length === 0) {
    return [textParagraph(`No category differs by more than ${gap} between interviewers.`)];
  }
  const items = debrief.divergent.map((name): TextRun[] => {
    const category = debrief.stage.categories.find(
      (c) => c.name.trim().toLowerCase() === name.trim().toLowerCase(),
    );
    const scores = category
      ? debrief.scorecards
          .map((s) => ({ who: s.interviewer, score: s.scores[category.id] }))
          .filter((x): x is { who: string; score: number } => typeof x.score === 'number')
          .map((x) => `${x.who} ${formatScore(x.score)}`)
      : [];
    const mark = category?.keyRisk ? ' (KEY RISK)' : '';
    return scores.length > 0
      ? [run(`${name}${mark}`, true), run(` — ${scores.join(', ')}`)]
      : [run(`${name}${mark}`, true)];
  });
  return [
    textParagraph(`These categories differ by more than ${gap}; walk through the reasoning before settling:`),
    { type: 'list', items },
  ];
}

function reconciled(ctx: Context): DocBlock[] {
  const debrief = requireDebrief(ctx, 'reconciled');
  const blocks: DocBlock[] = [];
  if (debrief.reconciled === null) {
    blocks.push(textParagraph('Reconciled scores: not recorded yet.'));
  } else {
    const scores = debrief.reconciled;
    blocks.push({
      type: 'table',
      header: [cell('Category', true), cell('Key risk', true), cell('Reconciled score', true)],
      rows: debrief.stage.categories.map((c) => [
        cell(c.name),
        c.keyRisk ? cell('KEY RISK', true) : [],
        cell(formatScore(scores[c.id])),
      ]),
    });
  }
  const { passes, reasons } = debrief.passSummary;
  const verdict =
    passes === true ? 'Passes the rule.' : passes === false ? 'Does not pass the rule.' : 'Pending.';
  blocks.push(paragraph(run('Pass rule: ', true), run(verdict)));
  if (reasons.length > 0) blocks.push({ type: 'list', items: reasons.map((r) => [run(r)]) });
  return blocks;
}

function vetoBlocks(veto: DebriefVeto): DocBlock[] {
  return [
    paragraph(run('VETO', true), run(` by ${veto.by}: ${veto.reason}`)),
    textParagraph('A veto blocks the hire whatever the scores say.'),
  ];
}

/** The decision (or the blank to fill in) and the veto, which is shown whenever one stands. */
function outcome(ctx: Context): DocBlock[] {
  const debrief = requireDebrief(ctx, 'outcome');
  const { decision: d, veto } = debrief;
  const vetoHolder = debrief.process.decision.veto;
  if (d === null) {
    return [
      textParagraph('No decision has been recorded yet.'),
      ...(veto ? vetoBlocks(veto) : []),
      textParagraph('Decision: ______________  Decided by: ______________  Reasons: ______________'),
    ];
  }
  const blocks: DocBlock[] = [
    paragraph(run('Decision: ', true), run(OUTCOME_LABELS[d.outcome])),
    paragraph(run('Decided by: ', true), run(d.decidedBy)),
    paragraph(run('Reasons: ', true), run(d.note.trim() === '' ? '—' : d.note)),
  ];
  if (veto) {
    blocks.push(...vetoBlocks(veto));
  } else if (vetoHolder) {
    blocks.push(
      paragraph(run('Veto: ', true), run(`none raised (${vetoHolder.holder} — ${vetoHolder.scope}).`)),
    );
  }
  return blocks;
}

// ---------------------------------------------------------------------------------------------------------
// Assembly

function renderRow(row: TemplateRow, ctx: Context): DocBlock[] {
  const text = renderPlaceholders(row.text, ctx.values);
  const intro = textLines(text);
  switch (row.block) {
    case 'title':
      return [{ type: 'title', text: text.trim() }];
    case 'heading':
      return [{ type: 'heading', level: 1, text: text.trim() }];
    case 'subheading':
      return [{ type: 'heading', level: 2, text: text.trim() }];
    case 'paragraph':
      return intro;
    case 'details-table':
      return [...intro, detailsTable(ctx)];
    case 'agenda':
      return [...intro, ...agenda(ctx)];
    case 'questions':
      return [...intro, ...questions(ctx)];
    case 'scoring-table':
      return [...intro, scoringTable(ctx)];
    case 'pass-rule':
      return [...intro, ...passRule(ctx)];
    case 'decision':
      return [...intro, ...decision(ctx)];
    case 'notes-space':
      return [...intro, ...notesSpace()];
    case 'scorecards-table':
      return [...intro, ...scorecardsTable(ctx)];
    case 'divergence':
      return [...intro, ...divergence(ctx)];
    case 'reconciled':
      return [...intro, ...reconciled(ctx)];
    case 'outcome':
      return [...intro, ...outcome(ctx)];
  }
}

function renderRows(rows: readonly TemplateRow[], ctx: Context, what: string): DocBlock[] {
  if (rows.length === 0) {
    throw cannotRender([
      `There are no template rows for ${what} of process "${ctx.input.process.id}": add rows to the Templates sheet.`,
    ]);
  }
  const problems = rows.flatMap((row) =>
    placeholderProblems(row.text).map((p) => `${row.stage} / order ${row.order} (${row.block}): ${p}`),
  );
  if (problems.length > 0) throw cannotRender(problems);
  return rows.flatMap((row) => renderRow(row, ctx));
}

/** The interview script for one candidate and stage. Throws a UserError (code "templates") when it cannot be rendered. */
export function renderInterviewDocument(input: RenderInput): InterviewDocument {
  const rows = selectTemplateRows(input.templates, input.process.id, input.stage.id);
  const ctx: Context = { input, values: placeholderValues(input) };
  return {
    name: interviewDocumentName(input.process, input.stage, input.candidate),
    blocks: renderRows(rows, ctx, `stage "${input.stage.id}"`),
  };
}

/** The debrief document for one candidate and stage. Throws a UserError (code "templates") when it cannot be rendered. */
export function renderDebriefDocument(input: DebriefInput): InterviewDocument {
  const rows = selectTemplateRows(input.templates, input.process.id, DEBRIEF_STAGE);
  const scorers = input.scorecards.map((s) => s.interviewer);
  const ctx: Context = {
    input,
    debrief: input,
    values: placeholderValues(input, scorers.length > 0 ? scorers : ['no scorecards yet']),
  };
  return {
    name: debriefDocumentName(input.process, input.stage, input.candidate),
    blocks: renderRows(rows, ctx, 'the debrief'),
  };
}
