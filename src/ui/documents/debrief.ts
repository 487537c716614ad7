/**
 * Generate debrief (menu) and the panel view's "Create debrief document" (a sidebar call sharing the debrief code
 * with the menu). Reads the Score log once; the debriefs' links are remembered in the document properties.
 */
import type { Candidate } from '../../core/candidates';
import { type Process, type Stage, findStage } from '../../core/process';
import { type GenerateDebriefDocumentResponse, parseRequest } from '../../core/contract';
import { resolveStage } from '../../core/scoring/context';
import { debriefInput } from '../../core/scoring/debrief';
import { type DebriefInput, renderDebriefDocument } from '../../core/templates/render';
import type { BatchOutcome, DocJob } from '../../docs/batch';
import type { DocumentFolder } from '../../docs/folder';
import { debriefKey, storeDebriefs, storedDebriefs } from '../../docs/links';
import { type Records, readRecords, writeRecords } from '../../sheets/sealed-store';
import { panelSeenEntries } from '../../core/scoring/panel';
import { normaliseEmail } from '../../core/people';
import { untrustedFor } from '../../core/scoring/signature';
import { type LogEntry, forStage } from '../../core/scoring/log';
import { withRightsInForce } from '../../core/scoring/rights';
import { UserError, isUserError } from '../../core/errors';
import { runMenuAction, withDocumentLock } from '../actions';
import type { Services } from '../services';
import { bullets, formatInZone } from './format';
import { type Prepared, prepare, render, renderInput } from './prepare';
import { type Opened, readAskAct, report, run, showReport, toastCancelled, workbookFolder } from './run';
import { sharingList } from '../../docs/sharing';
import { documentUrl } from '../../docs/writer';

const DEBRIEF_TITLE = 'Generate debrief';

/** Which stage: a number typed by the user, or blank for each candidate's current stage. undefined = cancelled. */
function askDebriefStage(
  services: Services,
  process: Process,
  chosen: readonly Candidate[],
): Stage | null | undefined {
  const { ui } = services;
  const current =
    chosen.length === 1
      ? ` (${chosen[0].name}: ${resolveStage(process.stages, undefined, chosen[0].stageId).name})`
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
  const stage = /^\d+$/.test(answer) ? process.stages[Number(answer) - 1] : findStage(process, answer);
  if (!stage) {
    throw new UserError(
      'invalid-request',
      `"${answer}" is not one of this process's stages (type a number from 1 to ${process.stages.length}). Nothing was created.`,
    );
  }
  return stage;
}

interface DebriefJobs {
  readonly jobs: DocJob[];
  /** The stage of each candidate's debrief, by candidate ID. */
  readonly stageOf: Map<string, Stage>;
  /** The records read, and by candidate ID the record that the viewer has seen the panel (first look only). */
  readonly records: Records;
  readonly seen: Map<string, LogEntry[]>;
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
  const records = readRecords(p.workbook);
  const { entries, untrusted } = records;
  const viewer = services.activeUserEmail();
  const seen = new Map<string, LogEntry[]>();
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
        untrusted: untrustedFor(untrusted, candidate.id, stage.id),
        viewer,
        formatTime: (iso) => {
          const date = new Date(iso);
          return Number.isNaN(date.getTime()) ? iso : formatInZone(date, p.timeZone, true);
        },
      });
    } catch (error) {
      if (!isUserError(error, 'scores-hidden')) throw error;
      hidden.push(`${candidate.name} (${stage.name})`);
      continue;
    }
    // Everyone's scores are in it: shared with the hiring manager and the interviewers who have submitted for
    // this stage, never with one who has not (independent scoring).
    const submitted = entries
      .filter(
        (e) =>
          e.candidateId === candidate.id &&
          e.stageId === stage.id &&
          (e.kind === 'score' || e.kind === 'recommendation'),
      )
      .map((e) => e.interviewer);
    // Shared with the hiring manager in force (fixed at the first scorecard), not whoever the cell names now.
    const { candidate: inForce } = withRightsInForce(
      candidate,
      forStage(entries, candidate.id, stage.id),
      viewer,
      '',
    );
    const shareWith = sharingList([inForce.hiringManager, ...submitted], viewer);
    // A debrief shows everyone's scores to the viewer and to everyone it is shared with: each one's first look
    // is recorded before it is written.
    const readers = [normaliseEmail(viewer), ...shareWith].filter((person) => person !== '');
    seen.set(
      candidate.id,
      readers.flatMap((person) =>
        panelSeenEntries({
          entries,
          viewer: person,
          hiringManager: inForce.hiringManager,
          candidateId: candidate.id,
          stageId: stage.id,
          now: services.now(),
        }),
      ),
    );
    jobs.push({
      key: candidate.id,
      label: candidate.name,
      doc: render(() => renderDebriefDocument(input)),
      existing: stored.get(debriefKey(candidate.id, stage.id)) ?? null,
      shareWith,
    });
  }
  if (hidden.length > 0) {
    // The candidates are the list; what to do about it is a sentence after it, not one more item.
    throw new UserError(
      'scores-hidden',
      "Nothing was created: a debrief shows every interviewer's scores, and you cannot see them yet for:",
      hidden,
      `Submit your own scorecard for that stage first, or ask the candidate's hiring manager to generate the debrief${viewer === '' ? ' (Google did not share your email address with Scorecard)' : ''}.`,
    );
  }
  return { jobs, stageOf, records, seen };
}

/** Writes the debriefs and remembers each one made (also when the batch stopped early or failed). */
function runDebriefs(
  services: Services,
  p: Prepared,
  debriefs: DebriefJobs,
  todo: readonly DocJob[],
  folder: DocumentFolder,
  opened?: Opened,
): BatchOutcome {
  writeRecords(p.workbook, debriefs.records, {
    looks: todo.flatMap((job) => debriefs.seen.get(job.key) ?? []),
  });
  let outcome: BatchOutcome | undefined;
  try {
    outcome = run(services, p, todo, 'debrief', folder, opened);
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
    // The stage is asked before anything is locked (a lock does not survive the prompt).
    const asked = prepare(services);
    const picked = askDebriefStage(services, asked.process, asked.chosen);
    if (picked === undefined) {
      toastCancelled(services);
      return;
    }
    const folder = workbookFolder(services);
    const done = readAskAct(
      services,
      () => {
        const p = prepare(services);
        const debriefs = debriefJobs(
          services,
          p,
          p.chosen.map((candidate) => ({
            candidate,
            stage: picked ?? resolveStage(p.process.stages, undefined, candidate.stageId),
          })),
        );
        return {
          p,
          debriefs,
          jobs: debriefs.jobs,
          what: 'a debrief for that stage',
          nothingLeft: 'Nothing to create: the selected candidates already have that debrief.',
        };
      },
      ({ p, debriefs }, kept, todo, opened) => ({
        outcome: runDebriefs(services, p, debriefs, todo, folder, opened),
        kept,
        stageOf: debriefs.stageOf,
      }),
    );
    if (!done) return;
    const { outcome, kept, stageOf } = done;
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
    showReport(services, outcome, 'Debriefs', lines);
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
    const stage = resolveStage(p.process.stages, request.stageId, candidate.stageId);
    const debriefs = debriefJobs(services, p, [{ candidate, stage }]);
    const folder = workbookFolder(services);
    const outcome = runDebriefs(services, p, debriefs, debriefs.jobs, folder);
    const [done] = outcome.done;
    if (!done) {
      throw new UserError(
        'unavailable',
        `Google Docs did not create the debrief${outcome.failure ? `: ${outcome.failure}` : ''}. Try again in a moment.`,
      );
    }
    return {
      url: done.url,
      name: done.job.doc.name,
      replaced: done.outcome === 'replaced',
      note: [
        ...(done.outcome === 'new-version' && done.job.existing
          ? [
              `Your account could not open the earlier debrief, so this is a new one; the earlier one: ${documentUrl(done.job.existing)}.`,
            ]
          : []),
        ...folder.report(),
      ].join(' '),
    };
  });
}
