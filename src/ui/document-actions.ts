/**
 * Menu actions for documents: Generate interview script ▸ (stage), Generate debrief and Check templates; and the
 * panel view's "Create debrief document" (a sidebar call sharing the debrief code with the menu). New documents go
 * into the workbook's Drive folder (src/docs/folder.ts).
 *
 * Every batch reads the sheet a constant number of times (Templates once, Candidates once before and once right
 * before writing the links, the selected scorecard sheet or the Score log once when needed) and writes the links
 * in one call; everything is checked and rendered before the first document is created, so bad templates or a
 * bad selection create nothing.
 */
import type { Candidate } from '../core/candidates';
import type { Process, Stage } from '../core/process';
import { rubricFromProcess } from '../core/rubric';
import { stageScriptHeader } from '../core/candidates';
import { DEBRIEF_STAGE, selectTemplateRows, type TemplateRow } from '../core/templates/template';
import { type GenerateDebriefDocumentResponse, parseRequest } from '../core/contract';
import { resolveStage } from '../core/panel';
import {
  type CandidateInfo,
  type DebriefInput,
  type RenderInput,
  TemplateRenderError,
  renderDebriefDocument,
  renderInterviewDocument,
} from '../core/templates/render';
import type { InterviewDocument } from '../core/templates/document';
import { type BatchOutcome, type DocJob, runBatch } from '../docs/batch';
import { debriefInput } from '../docs/debrief';
import { type DocumentFolder, documentFolder } from '../docs/folder';
import { debriefKey, storeDebriefs, storedDebriefs, writeScriptLinks } from '../docs/links';
import { type CandidatesRead, selectedCandidates } from '../docs/selection';
import { documentIdFromUrl } from '../docs/writer';
import { readCandidates } from '../sheets/candidates-sheet';
import { readScoreLog } from '../sheets/score-log';
import { WorkbookError } from '../sheets/errors';
import type { Workbook } from '../sheets/registry';
import { workbookProcess } from '../sheets/setup';
import { checkTemplatesSheet, readTemplates } from '../sheets/templates-sheet';
import { runMenuAction, withDocumentLock } from './actions';
import type { Services } from './services';
import { workbookFor } from './setup-actions';

const SCRIPT_TITLE = 'Generate interview script';
const DEBRIEF_TITLE = 'Generate debrief';
const CHECK_TITLE = 'Check templates';
/** Longest list of names or problems shown in one message. */
const MAX_LINES = 25;

function bullets(lines: readonly string[]): string {
  const shown = lines.slice(0, MAX_LINES).map((l) => `• ${l}`);
  if (lines.length > MAX_LINES) shown.push(`… and ${lines.length - MAX_LINES} more`);
  return shown.join('\n');
}

function names(jobs: readonly { label: string }[]): string {
  const shown = jobs.slice(0, 10).map((j) => j.label);
  return jobs.length > 10 ? `${shown.join(', ')} and ${jobs.length - 10} more` : shown.join(', ');
}

function plural(n: number, one: string, many = `${one}s`): string {
  return `${n} ${n === 1 ? one : many}`;
}

/** "2026-05-13" or "2026-05-13 14:05" in the spreadsheet's time zone. */
export function formatInZone(date: Date, timeZone: string, withTime: boolean): string {
  try {
    const parts = new Intl.DateTimeFormat('en-CA', {
      timeZone,
      year: 'numeric',
      month: '2-digit',
      day: '2-digit',
      ...(withTime ? { hour: '2-digit', minute: '2-digit', hourCycle: 'h23' } : {}),
    }).formatToParts(date);
    const part = (type: string) => parts.find((p) => p.type === type)?.value ?? '';
    const day = `${part('year')}-${part('month')}-${part('day')}`;
    return withTime ? `${day} ${part('hour')}:${part('minute')}` : day;
  } catch {
    const iso = date.toISOString();
    return withTime ? `${iso.slice(0, 10)} ${iso.slice(11, 16)}` : iso.slice(0, 10);
  }
}

function requireProcess(workbook: Workbook): Process {
  const process = workbookProcess(workbook);
  if (!process) {
    throw new WorkbookError(
      'This spreadsheet is not set up yet: run Extensions ▸ Scorecard ▸ Set up workbook first.',
    );
  }
  return process;
}

/** The process as the workbook applies it: categories and pass rule from the applied rubric. */
function appliedProcess(workbook: Workbook, process: Process): Process {
  const rubric = workbook.state.rubric(process.stages.map((s) => s.id)) ?? rubricFromProcess(process);
  return {
    ...process,
    passRule: rubric.passRule,
    stages: process.stages.map((s) => ({ ...s, categories: [...(rubric.stages[s.id] ?? s.categories)] })),
  };
}

function candidateInfo(c: Candidate): CandidateInfo {
  return { id: c.id, name: c.name, email: c.email, role: c.role, panel: [...c.panel] };
}

/** Renders, turning template problems into a message that creates nothing. */
function render(what: () => InterviewDocument): InterviewDocument {
  try {
    return what();
  } catch (error) {
    if (error instanceof TemplateRenderError) {
      throw new WorkbookError(
        'No document was created: the templates cannot be rendered. Fix the Templates sheet (Check templates helps), then try again.',
        error.problems,
      );
    }
    throw error;
  }
}

interface Prepared {
  readonly startedAt: number;
  readonly workbook: Workbook;
  readonly process: Process;
  readonly templates: TemplateRow[];
  readonly read: CandidatesRead;
  readonly chosen: Candidate[];
  readonly timeZone: string;
  readonly today: string;
  readonly workbookUrl: string;
}

/**
 * Everything a batch needs, read and checked before anything is created. The candidates are the selected rows,
 * or the one with `candidateId` (the sidebar names its candidate).
 */
function prepare(
  services: Services,
  options: { stagePosition?: number; candidateId?: string } = {},
): Prepared & { stage?: Stage } {
  const { stagePosition, candidateId } = options;
  const startedAt = services.now().getTime();
  const workbook = workbookFor(services);
  const base = requireProcess(workbook);
  let stage: Stage | undefined;
  if (stagePosition !== undefined) {
    stage = base.stages[stagePosition - 1];
    if (!stage) {
      throw new WorkbookError(
        `This workbook's process has ${plural(base.stages.length, 'stage')}, so there is no stage ${stagePosition}. ` +
          'Reload the spreadsheet to refresh the Scorecard menu. Nothing was created.',
      );
    }
  }
  const process = appliedProcess(workbook, base);
  const templates = readTemplates(workbook, services.presets().presets);
  const read = readCandidates(workbook, base);
  const chosen =
    candidateId === undefined
      ? selectedCandidates(services.spreadsheet, workbook, base, read)
      : [namedCandidate(read, candidateId)];
  const timeZone = services.spreadsheet.getSpreadsheetTimeZone();
  return {
    startedAt,
    workbook,
    process,
    stage: stage ? process.stages[stagePosition! - 1] : undefined,
    templates,
    read,
    chosen,
    timeZone,
    today: formatInZone(services.now(), timeZone, false),
    workbookUrl: services.spreadsheet.getUrl(),
  };
}

function namedCandidate(read: CandidatesRead, candidateId: string): Candidate {
  const candidate = read.candidates.find((c) => c.id === candidateId.trim());
  if (!candidate)
    throw new WorkbookError(`There is no candidate with the ID "${candidateId}" on the Candidates sheet.`);
  return candidate;
}

function renderInput(p: Prepared, stage: Stage, candidate: Candidate): RenderInput {
  return {
    process: p.process,
    stage,
    templates: p.templates,
    candidate: candidateInfo(candidate),
    today: p.today,
    workbookUrl: p.workbookUrl,
  };
}

type Choice = 'replace' | 'keep' | 'cancel';

/** One question for the whole batch when some candidates already have the document: never silently duplicates. */
function askAboutExisting(services: Services, jobs: readonly DocJob[], what: string): Choice {
  const existing = jobs.filter((j) => j.existing !== null);
  if (existing.length === 0) return 'keep';
  const { ui } = services;
  const who =
    jobs.length === 1
      ? `${existing[0].label} already has ${what}.`
      : `${existing.length} of the ${jobs.length} selected candidates already have ${what}: ${names(existing)}.`;
  const answer = ui.alert(
    'Replace existing documents?',
    `${who}\n\nYes: replace ${existing.length === 1 ? 'it' : 'them'} (rewritten in place, same link; the earlier text stays in the document's version history).\n` +
      `No: keep ${existing.length === 1 ? 'it' : 'them'} and create only the missing ones.\n` +
      'Cancel: create nothing.',
    ui.ButtonSet.YES_NO_CANCEL,
  );
  if (answer === ui.Button.YES) return 'replace';
  if (answer === ui.Button.NO) return 'keep';
  return 'cancel';
}

/** The workbook's Drive folder for this action's new documents (looked up or made on the first one). */
function workbookFolder(services: Services): DocumentFolder {
  return documentFolder({
    drive: services.drive,
    properties: services.documentProperties,
    spreadsheetName: () => services.spreadsheet.getName(),
  });
}

/** Runs the batch with progress toasts, new documents going into the folder; the caller stores the links. */
function run(
  services: Services,
  p: Prepared,
  jobs: readonly DocJob[],
  what: string,
  folder: DocumentFolder,
): BatchOutcome {
  return runBatch({
    app: services.documents,
    jobs,
    now: services.now,
    startedAt: p.startedAt,
    progress: (index, total) =>
      services.spreadsheet.toast(`Creating ${what} ${index + 1} of ${total}…`, 'Scorecard', 10),
    place: (id) => folder.place(id),
  });
}

/**
 * The closing message: what was done, where the new documents are, what was kept, and how to continue when the
 * batch stopped early.
 */
function report(
  outcome: BatchOutcome,
  kept: readonly DocJob[],
  what: string,
  again: string,
  folder: DocumentFolder,
): string[] {
  const lines: string[] = [];
  const count = (o: string) => outcome.done.filter((d) => d.outcome === o).length;
  const created = count('created');
  const replaced = count('replaced');
  const fresh = count('new-version');
  if (created > 0) lines.push(`Created ${plural(created, what)}.`);
  if (replaced > 0) lines.push(`Replaced ${plural(replaced, what)} (same links).`);
  if (fresh > 0)
    lines.push(
      `${plural(fresh, 'earlier document')} could not be opened (deleted, or not shared with you), so new ones were made and the old links replaced.`,
    );
  lines.push(...folder.report());
  if (kept.length > 0) lines.push(`Kept ${plural(kept.length, 'existing document')}: ${names(kept)}.`);
  if (outcome.notStarted.length > 0) {
    const why = outcome.stoppedForTime
      ? "Stopped early to stay within Apps Script's 6-minute limit."
      : `Google Docs refused the document for ${outcome.notStarted[0].label}: ${outcome.failure}`;
    lines.push(
      `${why} Not done yet: ${names(outcome.notStarted)}.`,
      `To continue, ${again} again and answer No when asked about existing documents: only the missing ones are created.`,
    );
  }
  return lines;
}

// ---------------------------------------------------------------------------------------------------------
// Generate interview script ▸ Stage n

export function generateScriptsAction(services: Services, stagePosition: number): void {
  runMenuAction(services, SCRIPT_TITLE, () => {
    const p = prepare(services, { stagePosition });
    const stage = p.stage!;
    const column = p.read.layout.columns[`script:${stage.id}`];
    const rowsById = new Map(
      p.read.candidates.map((c) => [c.id, p.read.rows[c.row - p.read.layout.firstRow]]),
    );
    const jobs: DocJob[] = p.chosen.map((candidate) => ({
      key: candidate.id,
      label: candidate.name,
      doc: render(() => renderInterviewDocument(renderInput(p, stage, candidate))),
      existing: column === undefined ? null : documentIdFromUrl(rowsById.get(candidate.id)?.[column]),
    }));
    const what = `a ${stage.name} script`;
    const choice = askAboutExisting(services, jobs, what);
    if (choice === 'cancel') {
      services.spreadsheet.toast('Cancelled. Nothing was created.', 'Scorecard');
      return;
    }
    const kept = choice === 'keep' ? jobs.filter((j) => j.existing !== null) : [];
    const todo = choice === 'keep' ? jobs.filter((j) => j.existing === null) : jobs;
    if (todo.length === 0) {
      services.spreadsheet.toast(
        `Nothing to create: the selected candidates already have ${what}.`,
        'Scorecard',
      );
      return;
    }
    let outcome: BatchOutcome | undefined;
    let lost: { label: string; url: string }[];
    const folder = workbookFolder(services);
    try {
      outcome = run(services, p, todo, 'interview script', folder);
    } finally {
      // Links to what was made are kept even if the batch stopped with an error.
      const done = outcome?.done ?? [];
      try {
        lost = writeScriptLinks(p.workbook, p.process, stage, done).map((d) => ({
          label: d.job.label,
          url: d.url,
        }));
      } catch {
        lost = done.map((d) => ({ label: d.job.label, url: d.url }));
      }
    }
    const lines = report(
      outcome,
      kept,
      `${stage.name} script`,
      `select the same rows and choose ${SCRIPT_TITLE} ▸ Stage ${stagePosition}`,
      folder,
    );
    if (outcome.done.length > 0 && lost.length < outcome.done.length)
      lines.push(`The links are in the "${stageScriptHeader(stage)}" column.`);
    if (lost.length > 0)
      lines.push(
        `These candidates' rows could not be found to hold the link, so here they are:\n${bullets(lost.map((l) => `${l.label}: ${l.url}`))}`,
      );
    services.ui.alert(
      outcome.notStarted.length > 0 ? 'Interview scripts: not finished' : 'Interview scripts ready',
      lines.join('\n'),
      services.ui.ButtonSet.OK,
    );
  });
}

// ---------------------------------------------------------------------------------------------------------
// Generate debrief

/** Which stage: a number typed by the user, or blank for each candidate's current stage. undefined = cancelled. */
function askDebriefStage(
  services: Services,
  process: Process,
  chosen: readonly Candidate[],
): Stage | null | undefined {
  const { ui } = services;
  const current =
    chosen.length === 1
      ? ` (${chosen[0].name}: ${process.stages.find((s) => s.id === chosen[0].stageId)?.name ?? process.stages[0].name})`
      : '';
  const response = ui.prompt(
    DEBRIEF_TITLE,
    `Which stage is the debrief for? Type its number, or leave it blank for the candidate's current stage${current}.\n\n` +
      process.stages.map((s, i) => `${i + 1}. ${s.name}`).join('\n'),
    ui.ButtonSet.OK_CANCEL,
  );
  if (response.getSelectedButton() !== ui.Button.OK) return undefined;
  const answer = response.getResponseText().trim();
  if (answer === '') return null;
  const stage = /^\d+$/.test(answer)
    ? process.stages[Number(answer) - 1]
    : process.stages.find(
        (s) => s.name.toLowerCase() === answer.toLowerCase() || s.id === answer.toLowerCase(),
      );
  if (!stage) {
    throw new WorkbookError(
      `"${answer}" is not one of this process's stages (type a number from 1 to ${process.stages.length}). Nothing was created.`,
    );
  }
  return stage;
}

interface DebriefJobs {
  readonly jobs: DocJob[];
  /** The stage of each candidate's debrief, by candidate ID. */
  readonly stageOf: Map<string, Stage>;
}

/**
 * One debrief job per candidate and stage (the menu and the panel view share this). Creates nothing and throws
 * when the viewer may not see some candidate's scores yet: only the hiring manager, or someone who has submitted a
 * scorecard for that stage, may (a debrief must not break independent scoring).
 */
function debriefJobs(
  services: Services,
  p: Prepared,
  targets: readonly { candidate: Candidate; stage: Stage }[],
): DebriefJobs {
  const { entries } = readScoreLog(p.workbook);
  const viewer = services.activeUserEmail();
  const stored = storedDebriefs(services.documentProperties);
  const stageOf = new Map<string, Stage>();
  const hidden: string[] = [];
  const jobs: DocJob[] = [];
  for (const { candidate, stage } of targets) {
    stageOf.set(candidate.id, stage);
    let input: DebriefInput;
    try {
      input = debriefInput({
        base: renderInput(p, stage, candidate),
        process: p.process,
        stage,
        candidate,
        entries,
        viewer,
        formatTime: (iso) => {
          const date = new Date(iso);
          return Number.isNaN(date.getTime()) ? iso : formatInZone(date, p.timeZone, true);
        },
      });
    } catch {
      hidden.push(`${candidate.name} (${stage.name})`);
      continue;
    }
    jobs.push({
      key: candidate.id,
      label: candidate.name,
      doc: render(() => renderDebriefDocument(input)),
      existing: stored.get(debriefKey(candidate.id, stage.id)) ?? null,
    });
  }
  if (hidden.length > 0) {
    throw new WorkbookError(
      "Nothing was created: a debrief shows every interviewer's scores, and you cannot see them yet for:",
      [
        ...hidden,
        `Submit your own scorecard for that stage first, or ask the candidate's hiring manager to generate the debrief${viewer === '' ? ' (Google did not share your email address with Scorecard)' : ''}.`,
      ],
    );
  }
  return { jobs, stageOf };
}

/** Writes the debriefs and remembers each one made (also when the batch stopped early or failed). */
function runDebriefs(
  services: Services,
  p: Prepared,
  debriefs: DebriefJobs,
  todo: readonly DocJob[],
  folder: DocumentFolder,
): BatchOutcome {
  let outcome: BatchOutcome | undefined;
  try {
    outcome = run(services, p, todo, 'debrief', folder);
  } finally {
    storeDebriefs(
      services.documentProperties,
      outcome?.done ?? [],
      (r) => debriefs.stageOf.get(r.job.key)!.id,
    );
  }
  return outcome;
}

export function generateDebriefAction(services: Services): void {
  runMenuAction(services, DEBRIEF_TITLE, () => {
    const p = prepare(services);
    const picked = askDebriefStage(services, p.process, p.chosen);
    if (picked === undefined) {
      services.spreadsheet.toast('Cancelled. Nothing was created.', 'Scorecard');
      return;
    }
    const debriefs = debriefJobs(
      services,
      p,
      p.chosen.map((candidate) => ({
        candidate,
        stage: picked ?? p.process.stages.find((s) => s.id === candidate.stageId) ?? p.process.stages[0],
      })),
    );
    const { jobs, stageOf } = debriefs;
    const choice = askAboutExisting(services, jobs, 'a debrief for that stage');
    if (choice === 'cancel') {
      services.spreadsheet.toast('Cancelled. Nothing was created.', 'Scorecard');
      return;
    }
    const kept = choice === 'keep' ? jobs.filter((j) => j.existing !== null) : [];
    const todo = choice === 'keep' ? jobs.filter((j) => j.existing === null) : jobs;
    if (todo.length === 0) {
      services.spreadsheet.toast(
        'Nothing to create: the selected candidates already have that debrief.',
        'Scorecard',
      );
      return;
    }
    const folder = workbookFolder(services);
    const outcome = runDebriefs(services, p, debriefs, todo, folder);
    const lines = report(
      outcome,
      kept,
      'debrief',
      `select the same rows and choose ${DEBRIEF_TITLE}`,
      folder,
    );
    if (outcome.done.length > 0)
      lines.push(
        `Links:\n${bullets(outcome.done.map((d) => `${d.job.label} (${stageOf.get(d.job.key)!.name}): ${d.url}`))}`,
      );
    services.ui.alert(
      outcome.notStarted.length > 0 ? 'Debriefs: not finished' : 'Debriefs ready',
      lines.join('\n'),
      services.ui.ButtonSet.OK,
    );
  });
}

/**
 * The panel view's "Create debrief document" (sidebar call): the same debrief as the menu's, for one candidate
 * and stage, under the same permission rule. There is no dialog in the sidebar, so an existing debrief is
 * rewritten in place, as "Yes = replace" does from the menu (same link).
 */
export function generateDebriefDocument(
  services: Services,
  payload: unknown,
): GenerateDebriefDocumentResponse {
  const request = parseRequest('generateDebriefDocument', payload);
  return withDocumentLock(services, () => {
    const p = prepare(services, { candidateId: request.candidateId });
    const [candidate] = p.chosen;
    const stage = resolveStage(p.process.stages, request.stageId, candidate.stageId ?? '');
    const debriefs = debriefJobs(services, p, [{ candidate, stage }]);
    const folder = workbookFolder(services);
    const outcome = runDebriefs(services, p, debriefs, debriefs.jobs, folder);
    const [done] = outcome.done;
    if (!done) {
      throw new WorkbookError(
        `Google Docs did not create the debrief${outcome.failure ? `: ${outcome.failure}` : ''}. Try again in a moment.`,
      );
    }
    return {
      url: done.url,
      name: done.job.doc.name,
      replaced: done.outcome === 'replaced',
      note: folder.report().join(' '),
    };
  });
}

// ---------------------------------------------------------------------------------------------------------
// Check templates

const SAMPLE_CANDIDATE: CandidateInfo = {
  id: 'C-0000',
  name: 'Sample Candidate',
  email: 'sample@example.com',
  role: 'Sample role',
  panel: [],
};

/** Beyond each row's own problems: every stage and the debrief must have rows, and must render. */
function documentProblems(process: Process, templates: readonly TemplateRow[]): string[] {
  const problems: string[] = [];
  const base = { process, templates, candidate: SAMPLE_CANDIDATE, today: '', workbookUrl: '' };
  for (const stage of process.stages) {
    if (selectTemplateRows(templates, process.id, stage.id).length === 0) {
      problems.push(
        `No rows make the ${stage.name} script: add rows with Process "${process.id}" and Stage "${stage.id}" (or "*").`,
      );
      continue;
    }
    try {
      renderInterviewDocument({ ...base, stage });
    } catch (error) {
      if (!(error instanceof TemplateRenderError)) throw error;
      problems.push(...error.problems.map((e) => `${stage.name} script: ${e}`));
    }
  }
  if (selectTemplateRows(templates, process.id, DEBRIEF_STAGE).length === 0) {
    problems.push(
      `No rows make the debrief: add rows with Process "${process.id}" and Stage "${DEBRIEF_STAGE}".`,
    );
  } else {
    try {
      renderDebriefDocument({
        ...base,
        stage: process.stages[0],
        scorecards: [],
        divergent: [],
        reconciled: null,
        decision: null,
        veto: null,
        passSummary: { passes: null, reasons: [] },
      });
    } catch (error) {
      if (!(error instanceof TemplateRenderError)) throw error;
      problems.push(...error.problems.map((e) => `Debrief: ${e}`));
    }
  }
  return problems;
}

export function checkTemplatesAction(services: Services): void {
  runMenuAction(services, CHECK_TITLE, () => {
    const workbook = workbookFor(services);
    const process = appliedProcess(workbook, requireProcess(workbook));
    const check = checkTemplatesSheet(workbook, services.presets().presets);
    const problems = check.ok ? documentProblems(process, check.templates) : check.problems;
    const { ui } = services;
    if (problems.length === 0 && check.ok) {
      ui.alert(
        'Templates look good',
        `${plural(check.rowCount, 'template row')} checked. Every stage of the "${process.name}" process and the debrief have a document, ` +
          'and every placeholder is known. The next documents you generate use this wording.',
        ui.ButtonSet.OK,
      );
      return;
    }
    ui.alert(
      'Templates need fixing',
      `${plural(problems.length, 'problem')} found. Documents cannot be generated until they are fixed:\n\n${bullets(problems)}`,
      ui.ButtonSet.OK,
    );
  });
}

// ---------------------------------------------------------------------------------------------------------
// Menu

/** The workbook's stage names for the menu captions, or undefined before setup (or when they cannot be read). */
export function menuStageNames(services: Services): string[] | undefined {
  try {
    return workbookProcess(workbookFor(services))?.stages.map((s) => s.name);
  } catch {
    return undefined;
  }
}
