/**
 * Rendering: template rows + process/stage data + candidate → an InterviewDocument (interview script or
 * debrief). Pure; the docs adapter writes the result to Google Docs.
 */
import { UserError } from '../errors';
import { formatMinutesRange, formatScore, formatScoreInText, formatStageMinutes } from '../format';
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
import { DEBRIEF_STAGE, UPDATE_STAGE, selectTemplateRows, type TemplateRow } from './template';

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
  /** When this version came after its interviewer saw the panel, how, in words (core/labels.ts). */
  afterPanel?: string;
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

/** A veto its holder withdrew: kept in the record with why it was withdrawn. */
export interface DebriefWithdrawnVeto extends DebriefVeto {
  withdrawnNote: string;
}

export interface DebriefInput extends RenderInput {
  scorecards: DebriefScorecard[];
  /** Names of the categories whose scores differ by more than the process's maxGap. */
  divergent: string[];
  /** Reconciled score per category id, or null when not yet reconciled. */
  reconciled: Record<string, number> | null;
  decision: DebriefDecision | null;
  /** The standing veto, or null when none stands. */
  veto: DebriefVeto | null;
  /** Vetoes withdrawn by their holder, oldest first (optional: none when absent). */
  withdrawnVetoes?: DebriefWithdrawnVeto[];
  passSummary: { passes: boolean | null; reasons: string[] };
  /** Records of the stage not counted because they were changed or added by hand, in words. */
  untrusted?: string[];
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

/** What a document says where the Candidates row has no role or no email: never an empty gap in a sentence. */
export const MISSING_ROLE = 'a role not yet recorded in the workbook';
export const MISSING_EMAIL = 'no email address on record';

/** The stage after `stage`, or what follows the last one. */
export function nextStageName(process: Process, stage: Stage): string {
  const at = process.stages.findIndex((s) => s.id === stage.id);
  return process.stages[at + 1]?.name ?? 'the final step';
}

/** The value of every placeholder for one document. */
export function placeholderValues(input: RenderInput, scorers?: readonly string[]): Record<string, string> {
  const { process, stage, candidate } = input;
  const panel = candidate.panel.filter((p) => p.trim() !== '').join(', ');
  return {
    'candidate.name': candidate.name,
    'candidate.email': candidate.email.trim() === '' ? MISSING_EMAIL : candidate.email,
    'candidate.role': candidate.role.trim() === '' ? MISSING_ROLE : candidate.role,
    'candidate.id': candidate.id,
    'stage.name': stage.name,
    'stage.number': String(stageNumber(process, stage)),
    'stage.minutes': plannedDuration(stage),
    'stage.goal': stage.goal,
    'stage.conductedBy': stage.conductedBy,
    'next.stage': nextStageName(process, stage),
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
  update?: UpdateInput;
}

/** A note the hiring manager marked shareable, as a candidate update may quote it. */
export interface SharedNote {
  /** The category's name, or "Overall" for an interviewer's overall note. */
  readonly topic: string;
  readonly text: string;
}

/** What a candidate update letter needs beyond the placeholders: the outcome and what may be shared. */
export interface UpdateInput extends RenderInput {
  /** The outcome of the last decision recorded for the candidate (stage = that decision's stage). */
  readonly outcome: 'advance' | 'reject';
  /** Only notes marked shareable; nothing else from the scorecards ever reaches the letter. */
  readonly sharedNotes: readonly SharedNote[];
}

function invitation(ctx: Context, intro: DocBlock[]): DocBlock[] {
  if (!ctx.update) throw cannotRender(['The invitation block only works in the candidate update.']);
  return ctx.update.outcome === 'advance' ? intro : [];
}

function decline(ctx: Context, intro: DocBlock[]): DocBlock[] {
  const update = ctx.update;
  if (!update) throw cannotRender(['The decline block only works in the candidate update.']);
  if (update.outcome !== 'reject') return [];
  const names = update.stage.categories.map((c) => c.name);
  const blocks = [...intro];
  if (names.length > 0)
    blocks.push(textParagraph(`In the ${update.stage.name} we looked at: ${names.join(', ')}.`));
  if (update.sharedNotes.length > 0) {
    blocks.push(textParagraph('Some of what the interviewers noted, which we hope is useful:'));
    blocks.push({
      type: 'list',
      items: update.sharedNotes.map((n) => [run(`${n.topic}: `, true), run(n.text)]),
    });
  }
  return blocks;
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
  const labels = (...texts: string[]): TextRun[][] => texts.map((t) => cell(t, true));
  // A form: each row of labels sits over the row it describes, so the page stays portrait-wide.
  return {
    type: 'table',
    header: null,
    rows: [
      labels('Candidate', 'Role', 'Stage', 'Planned time'),
      [
        cell(candidate.email.trim() ? `${candidate.name} <${candidate.email.trim()}>` : candidate.name),
        cell(candidate.role.trim() === '' ? 'Not recorded in the workbook' : candidate.role),
        cell(`Stage ${stageNumber(process, stage)} · ${stage.name}${stage.optional ? ' (optional)' : ''}`),
        cell(plannedDuration(stage)),
      ],
      labels('Interviewers', 'Held on', 'Document made', 'Workbook'),
      [cell(interviewers), [], cell(input.today), link],
    ],
    widths: [0.31, 0.23, 0.27, 0.19],
    shadedRows: [0, 2],
  };
}

/** A block's minutes in the agenda: its range, or where it falls when it has no time of its own. */
function blockMinutes(stage: Stage, index: number): string {
  const block = stage.agenda[index];
  if (block.minutesMax > 0) return formatMinutesRange(block.minutesMin, block.minutesMax);
  return index === stage.agenda.length - 1 ? 'at the end' : 'as needed';
}

function agenda({ input }: Context): DocBlock[] {
  const { stage } = input;
  if (stage.agenda.length === 0) return [textParagraph('This stage has no timed agenda.')];
  const fit = agendaFit(stage);
  if (stage.minutesMax === 0) {
    // Not a meeting: the blocks are steps, without minutes.
    return [
      {
        type: 'table',
        header: [cell('Step', true), cell('What happens', true)],
        rows: stage.agenda.map((b) => [cell(b.title, true), cell(b.description)]),
        widths: [0.3, 0.7],
      },
    ];
  }
  const blocks: DocBlock[] = [
    {
      type: 'table',
      header: [cell('Minutes', true), cell('Block', true), cell('What happens', true)],
      rows: stage.agenda.map((b, i) => [
        cell(blockMinutes(stage, i)),
        cell(b.title, true),
        cell(b.description),
      ]),
      widths: [0.14, 0.26, 0.6],
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

/** Prompts the interviewer asks and listens to; instructions and checks are quick steps between them. */
const ASKS: ReadonlySet<Prompt['kind']> = new Set(['question', 'scenario', 'curveball']);

/** The first line of each prompt's notes box (the rest is blank lines to write on). */
const NOTES_LEAD: Readonly<Record<Prompt['kind'], string>> = {
  question: '',
  scenario: '',
  curveball: 'How they adapted:',
  instruction: 'Shared with the candidate on:',
  check: '☐ Done     Result:',
};

export interface PromptTime {
  readonly min: number;
  readonly max: number;
}

/**
 * The minutes a prompt has: its agenda block's minutes shared equally by the block's questions (scenarios and
 * curveballs count as questions). An instruction or check has its block's minutes only when the block has no
 * question; null when the prompt names no block or the block has no time of its own.
 */
export function promptMinutes(stage: Stage, prompt: Prompt): PromptTime | null {
  const block = stage.agenda.find((b) => b.title === prompt.block);
  if (!block || block.minutesMax === 0) return null;
  const asks = stage.prompts.filter((p) => p.block === prompt.block && ASKS.has(p.kind)).length;
  if (!ASKS.has(prompt.kind)) return asks === 0 ? { min: block.minutesMin, max: block.minutesMax } : null;
  const share = (minutes: number) => Math.max(1, Math.round(minutes / asks));
  return { min: share(block.minutesMin), max: share(block.minutesMax) };
}

/**
 * Lines of room for notes under a prompt: about three lines for every four minutes of talk (a line holds a
 * sentence or two of shorthand), at least 3 and at most 12; 4 when the prompt has no set time. Instructions and
 * checks get the line or two their lead needs.
 */
export function notesLines(prompt: Prompt, time: PromptTime | null): number {
  if (prompt.kind === 'instruction') return 1;
  if (prompt.kind === 'check') return 2;
  if (time === null) return 4;
  return Math.min(12, Math.max(3, Math.ceil(time.max * 0.75)));
}

function promptCell(stage: Stage, prompt: Prompt): TextRun[] {
  const time = promptMinutes(stage, prompt);
  const about = time ? `, about ${formatMinutesRange(time.min, time.max)} min` : '';
  return [run(prompt.label, true), run(` — ${prompt.kind}${about}\n`), run(prompt.text)];
}

function notesCell(stage: Stage, prompt: Prompt): TextRun[] {
  const lines = notesLines(prompt, promptMinutes(stage, prompt));
  return [run(NOTES_LEAD[prompt.kind] + '\n'.repeat(lines - 1))].filter((r) => r.text !== '');
}

/** Each prompt in a shaded row, with a box under it as tall as the prompt's minutes call for. */
function questions({ input }: Context): DocBlock[] {
  const { stage } = input;
  if (stage.prompts.length === 0) return [textParagraph('This stage has no set questions.')];
  return [
    {
      type: 'table',
      header: null,
      rows: stage.prompts.flatMap((prompt) => [[promptCell(stage, prompt)], [notesCell(stage, prompt)]]),
      shadedRows: stage.prompts.map((_, i) => i * 2),
    },
  ];
}

function keyRiskLine(input: RenderInput): TextRun[] {
  return [
    run('\nKEY RISK', true),
    run(` — needs at least ${formatScoreInText(input.process.passRule.minKeyRisk)}`),
  ];
}

/** Lines of room for notes per category in the scoring table. */
export const SCORING_NOTES_LINES = 4;

/**
 * Two tables: what each score means per category (for reading while scoring), then the one the interviewer
 * writes in: a score and several lines of notes per category.
 */
function scoringTable({ input }: Context): DocBlock[] {
  const { categories } = input.stage;
  const name = (c: Stage['categories'][number]): TextRun[] => [
    run(c.name, true),
    ...(c.keyRisk ? keyRiskLine(input) : []),
  ];
  return [
    {
      type: 'table',
      header: [cell('Category', true), cell('What each score means', true)],
      rows: categories.map((c) => [
        [...name(c), run(`\n${c.description}`)],
        c.anchors.flatMap((anchor, i) => [run(`${i > 0 ? '\n' : ''}${i + 1}  `, true), run(anchor)]),
      ]),
      widths: [0.3, 0.7],
    },
    textParagraph('Your scores: one whole number from 1 to 5 per category, with the evidence behind it.'),
    {
      type: 'table',
      header: [cell('Category', true), cell('Score (1–5)', true), cell('Notes and evidence', true)],
      rows: categories.map((c) => [name(c), [], [run('\n'.repeat(SCORING_NOTES_LINES - 1))]]),
      widths: [0.3, 0.17, 0.53],
    },
  ];
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

/** Lines of the free-notes box at the end of a script. */
export const FREE_NOTES_LINES = 12;

function notesSpace(): DocBlock[] {
  return [{ type: 'table', header: null, rows: [[[run('\n'.repeat(FREE_NOTES_LINES - 1))]]] }];
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
        [
          cell('Submitted', true),
          [],
          ...cards.map((s) => cell(s.afterPanel ? `${s.submittedAt}, ${s.afterPanel}` : s.submittedAt)),
        ],
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
  // The template may say everyone scored on their own: a scorecard written after seeing the others' is named.
  const afterPanel = cards.filter((s) => s.afterPanel);
  if (afterPanel.length > 0) {
    blocks.push(paragraph(run('Not scored independently', true)), {
      type: 'list',
      items: afterPanel.map((s) => [run(`${s.interviewer}: ${s.afterPanel}.`)]),
    });
  }
  const untrusted = debrief.untrusted ?? [];
  if (untrusted.length > 0) {
    blocks.push(paragraph(run('Not counted', true)), { type: 'list', items: untrusted.map((m) => [run(m)]) });
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

function withdrawnVetoBlocks(withdrawn: readonly DebriefWithdrawnVeto[]): DocBlock[] {
  return withdrawn.map((w) =>
    paragraph(
      run('Withdrawn veto', true),
      run(` by ${w.by}: ${w.reason} — withdrawn because: ${w.withdrawnNote}`),
    ),
  );
}

/** The decision (or the blank to fill in) and the veto, which is shown whenever one stands. */
function outcome(ctx: Context): DocBlock[] {
  const debrief = requireDebrief(ctx, 'outcome');
  const { decision: d, veto } = debrief;
  const withdrawn = withdrawnVetoBlocks(debrief.withdrawnVetoes ?? []);
  const vetoHolder = debrief.process.decision.veto;
  if (d === null) {
    return [
      textParagraph('No decision has been recorded yet.'),
      ...(veto ? vetoBlocks(veto) : []),
      ...withdrawn,
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
  } else if (vetoHolder && withdrawn.length === 0) {
    blocks.push(
      paragraph(run('Veto: ', true), run(`none raised (${vetoHolder.holder} — ${vetoHolder.scope}).`)),
    );
  }
  blocks.push(...withdrawn);
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
      return [...intro, ...scoringTable(ctx)];
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
    case 'invitation':
      return invitation(ctx, intro);
    case 'decline':
      return decline(ctx, intro);
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

/** "Update · Ada Lovelace · 2026-12-03". */
export function updateDocumentName(candidate: CandidateInfo, today: string): string {
  return `Update · ${candidate.name}${today === '' ? '' : ` · ${today}`}`;
}

/** The candidate update letter. Throws a UserError (code "templates") when it cannot be rendered. */
export function renderUpdateDocument(input: UpdateInput): InterviewDocument {
  const rows = selectTemplateRows(input.templates, input.process.id, UPDATE_STAGE);
  const ctx: Context = { input, update: input, values: placeholderValues(input) };
  return {
    name: updateDocumentName(input.candidate, input.today),
    blocks: renderRows(rows, ctx, 'the candidate update'),
  };
}
