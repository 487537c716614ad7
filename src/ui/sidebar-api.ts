/**
 * The server side of the Score candidate sidebar. Every call parses its payload with the shared zod contract
 * (the client can send anything), takes the interviewer's identity from the signed-in account (never from the
 * payload), reads each table once, and writes under the document lock. Independence is enforced here, not in
 * the page.
 */
import { type Candidate, text } from '../core/candidates';
import { startOfDay } from '../core/time-zone';
import {
  type PanelView,
  type RightsInForce,
  type ScoringContext,
  type SubmitScorecardResponse,
  parseRequest,
} from '../core/contract';
import { buildScoringContext, resolveStage } from '../core/scoring/context';
import { decisionEntries, vetoEntries, withdrawVetoEntries } from '../core/scoring/decisions';
import { type LogEntry, forStage } from '../core/scoring/log';
import { scoresHeldText } from '../core/scoring/status';
import {
  type Rights,
  type RightsView,
  confirmChange,
  recordedRights,
  rightsRow,
  withRightsInForce,
} from '../core/scoring/rights';
import { buildPanel, panelSeenEntries } from '../core/scoring/panel';
import { planScorecard } from '../core/scoring/scorecards';
import { shareableEntries } from '../core/scoring/shareable';
import { UserError } from '../core/errors';
import { normaliseEmail } from '../core/people';
import { type Process, type Stage, findStage } from '../core/process';
import { assignCandidateIds, readCandidates, type CandidatesLayout } from '../sheets/candidates-sheet';
import type { Workbook } from '../sheets/workbook';
import {
  type Records,
  appendRecords,
  publishStage,
  readRecords,
  sealRows,
  writeRecords,
} from '../sheets/sealed-store';
import { untrustedFor } from '../core/scoring/signature';
import { afterNewCandidates, appliedProcess, requireProcess } from '../sheets/setup';
import { readStageLayout, syncStageIds } from '../sheets/stage-sheet';
import { withDocumentLock } from './actions';
import { type Services, workbookFor } from './services';

export const NO_EMAIL_MESSAGE =
  'Scorecard cannot see the email of your Google account here, so it cannot record whose scorecard this is. ' +
  'Sign in with your work account, or ask the spreadsheet owner to share the sheet with that account.';

/** The workbook as the signed-in viewer opens it for one sidebar call. */
interface ViewerWorkbook {
  readonly workbook: Workbook;
  /** The process as the workbook applies it: its stages carry the applied rubric's categories and pass rule. */
  readonly process: Process;
  readonly viewer: string;
}

function openForViewer(services: Services): ViewerWorkbook {
  const viewer = normaliseEmail(services.activeUserEmail());
  if (!viewer) throw new UserError('not-allowed', NO_EMAIL_MESSAGE);
  const workbook = workbookFor(services);
  return { workbook, process: appliedProcess(workbook, requireProcess(workbook)), viewer };
}

function findCandidate(
  opened: ViewerWorkbook,
  candidateId: string,
): { candidate: Candidate; layout: CandidatesLayout } {
  const { candidates, layout } = readCandidates(opened.workbook, opened.process);
  const candidate = candidates.find((c) => c.id === candidateId.trim());
  if (!candidate)
    throw new UserError(
      'not-found',
      `There is no candidate with the ID "${candidateId}" on the Candidates sheet.`,
    );
  return { candidate, layout };
}

/** The candidate a request names, and the stage it asks for. */
function findCandidateAndStage(
  opened: ViewerWorkbook,
  request: { readonly candidateId: string; readonly stageId: string },
): { candidate: Candidate; layout: CandidatesLayout; stage: Stage } {
  const found = findCandidate(opened, request.candidateId);
  return { ...found, stage: resolveStage(opened.process.stages, request.stageId, found.candidate.stageId) };
}

/** The candidate in the row the user selected, on Candidates or on a scorecard sheet. */
function selectedCandidate(services: Services, opened: ViewerWorkbook): Candidate {
  const range = services.spreadsheet.getActiveRange();
  const sheetId = range?.getSheet().getSheetId();
  const state = opened.workbook.state;
  const row = range?.getRow() ?? 0;
  if (sheetId !== undefined && sheetId === state.sheetId('candidates')) {
    let { candidates, layout, rows } = readCandidates(opened.workbook, opened.process);
    if (row <= layout.headerRow)
      throw new UserError(
        'invalid-selection',
        'Select a candidate’s row, not the header, then open the sidebar again.',
      );
    let candidate = candidates.find((c) => c.row === row);
    const nameCell = rows[row - layout.firstRow]?.[layout.columns.name];
    if (!candidate && text(nameCell)) {
      // A candidate typed in before the onEdit trigger could run: give them their ID now.
      withDocumentLock(services, () => {
        const { ids } = assignCandidateIds({ ...opened, now: services.now() }, layout, rows);
        afterNewCandidates(opened.workbook, opened.process, ids, layout.lastGridRow, services.now());
        opened.workbook.state.save();
      });
      ({ candidates, layout, rows } = readCandidates(opened.workbook, opened.process));
      candidate = candidates.find((c) => c.row === row);
    }
    if (!candidate)
      throw new UserError(
        'invalid-selection',
        `Row ${row} of the Candidates sheet has no candidate: select a row with a name.`,
      );
    return candidate;
  }
  const stage = opened.process.stages.find((s) => state.sheetId(`stage.${s.id}`) === sheetId);
  if (stage) {
    const { layout, rows } = readStageLayout(opened.workbook, stage, stage.categories);
    const id = row >= layout.firstRow ? text(rows[row - layout.firstRow]?.[layout.columns.id]) : '';
    if (!id)
      throw new UserError(
        'invalid-selection',
        'Select a candidate’s row (one with an ID) on this scorecard sheet, then open the sidebar again.',
      );
    return findCandidate(opened, id).candidate;
  }
  throw new UserError(
    'invalid-selection',
    'Select a candidate’s row on the Candidates sheet or on a scorecard sheet, then open the sidebar again.',
  );
}

/** The spreadsheet owner's email ("" when Google does not say, e.g. a file in a shared drive). */
function ownerEmail(services: Services): string {
  try {
    return normaliseEmail(services.spreadsheet.getOwner()?.getEmail() ?? '');
  } catch {
    return '';
  }
}

/** The candidate with the hiring manager and panel in force for the stage (core/scoring/rights.ts). */
function inForce(
  opened: ViewerWorkbook,
  candidate: Candidate,
  stage: Stage,
  entries: readonly LogEntry[],
  owner = '',
): { candidate: Candidate; rights: RightsView } {
  return withRightsInForce(candidate, forStage(entries, candidate.id, stage.id), opened.viewer, owner);
}

function panelFor(
  opened: ViewerWorkbook,
  cellCandidate: Candidate,
  stage: Stage,
  records: Pick<Records, 'untrusted'>,
  entries: readonly LogEntry[],
  owner: string,
): PanelView {
  const { candidate, rights } = inForce(opened, cellCandidate, stage, entries, owner);
  return buildPanel({
    untrusted: untrustedFor(records.untrusted, candidate.id, stage.id),
    entries,
    candidateId: candidate.id,
    stageId: stage.id,
    categories: stage.categories,
    passRule: opened.process.passRule,
    maxGap: opened.process.decision.maxGap,
    viewer: opened.viewer,
    hiringManager: candidate.hiringManager,
    panel: candidate.panel,
    rights,
  });
}

function plainRights(rights: RightsView): RightsInForce {
  return { ...rights, panel: [...rights.panel] };
}

/** The row of a submission that records the rights it was made under. */
function rightsRowOf(rows: readonly LogEntry[], rights: Rights): LogEntry[] {
  if (rows.length === 0) return [];
  const { timestamp, submissionId, version, candidateId, stageId, interviewer } = rows[0];
  return [rightsRow({ timestamp, submissionId, version, candidateId, stageId, interviewer }, rights)];
}

export function getScoringContext(services: Services, payload: unknown): ScoringContext {
  const request = parseRequest('getScoringContext', payload ?? {});
  const opened = openForViewer(services);
  const candidate = request.candidateId
    ? findCandidate(opened, request.candidateId).candidate
    : selectedCandidate(services, opened);
  const stage = resolveStage(opened.process.stages, request.stageId, candidate.stageId);
  const { entries } = readRecords(opened.workbook);
  const rights = inForce(opened, candidate, stage, entries, ownerEmail(services));
  return buildScoringContext({
    rights: { ...rights.rights, panel: [...rights.rights.panel] },
    candidate: rights.candidate,
    stages: opened.process.stages,
    stage,
    passRule: opened.process.passRule,
    entries,
    viewer: opened.viewer,
  });
}

export function submitScorecard(services: Services, payload: unknown): SubmitScorecardResponse {
  const request = parseRequest('submitScorecard', payload);
  const opened = openForViewer(services);
  return withDocumentLock(services, () => {
    const { candidate, stage } = findCandidateAndStage(opened, request);
    const records = readRecords(opened.workbook);
    const plan = planScorecard({
      entries: records.entries,
      submission: request,
      interviewer: opened.viewer,
      categories: stage.categories,
      stageName: stage.name,
      now: services.now(),
    });
    // The stage's first scorecard fixes its hiring manager and panel (a later cell edit does not move them).
    const stageEntries = forStage(records.entries, candidate.id, stage.id);
    const fixes = recordedRights(stageEntries) === null ? rightsRowOf(plan.append, candidate) : [];
    // Sealed until the stage is decided: nothing a spreadsheet editor can open shows it.
    sealRows(opened.workbook, records, [...plan.append, ...fixes]);
    if (plan.append.length > 0)
      writeStageRow(opened, stage, request.candidateId, [...records.entries, ...plan.append]);
    return plan.response;
  });
}

/**
 * The record that the viewer has seen others' scores for the stage, when this is the first time
 * (core/scoring/seen.ts); `rights` is the candidate with the hiring manager in force.
 */
function seenRows(
  opened: ViewerWorkbook,
  rights: Candidate,
  stage: Stage,
  entries: readonly LogEntry[],
  now: Date,
): LogEntry[] {
  return panelSeenEntries({
    entries,
    viewer: opened.viewer,
    hiringManager: rights.hiringManager,
    candidateId: rights.id,
    stageId: stage.id,
    now,
  });
}

/**
 * The panel view. The first time it shows the viewer someone else's scorecard for the stage, that look is
 * recorded first, under the lock (sealed until the stage's decision, logged after it: writeRecords), so a later
 * version of their scorecard is marked as revised after seeing the panel.
 */
export function getPanel(services: Services, payload: unknown): PanelView {
  const request = parseRequest('getPanel', payload);
  const opened = openForViewer(services);
  const { candidate, stage } = findCandidateAndStage(opened, request);
  const records = readRecords(opened.workbook);
  const owner = ownerEmail(services);
  const view = panelFor(opened, candidate, stage, records, records.entries, owner);
  const rights = inForce(opened, candidate, stage, records.entries).candidate;
  const seen = seenRows(opened, rights, stage, records.entries, services.now());
  if (seen.length === 0) return view;
  return withDocumentLock(services, () => {
    writeRecords(opened.workbook, records, { looks: seen });
    return panelFor(opened, candidate, stage, records, [...records.entries, ...seen], owner);
  });
}

/**
 * The hiring manager's reconciled scores and decision. In the same action the stage's scorecard row gets the
 * reconciled scores (so PASSES and the Candidates columns show the new result) and the candidate's row moves on:
 * advance → next stage, hold → On hold, reject → Rejected.
 */
export function recordDecision(services: Services, payload: unknown): PanelView {
  const request = parseRequest('recordDecision', payload);
  const opened = openForViewer(services);
  return withDocumentLock(services, () => {
    const { candidate, layout, stage } = findCandidateAndStage(opened, request);
    const categories = stage.categories;
    const records = readRecords(opened.workbook);
    const rights = inForce(opened, candidate, stage, records.entries).candidate;
    const decided = decisionEntries({
      entries: records.entries,
      request,
      decidedBy: opened.viewer,
      hiringManager: rights.hiringManager,
      categories,
      now: services.now(),
    });
    // Who decided is the row's account; under which hiring manager and panel, its rights row. The panel it
    // returns is a look at the scores too (recorded the first time, as getPanel does).
    const made = [...decided, ...rightsRowOf(decided, rights)];
    const seen = seenRows(opened, rights, stage, [...records.entries, ...made], services.now());
    const rows = [...made, ...seen];
    if (made.length === 0) writeRecords(opened.workbook, records, { looks: seen });
    else {
      // The sheets first (writing them again is harmless), then the record: the stage's sealed scorecards and
      // vetoes are published with the decision in one write, and only then cleared from the store. A script
      // stopped anywhere in between leaves a retry that does the rest and counts everything once.
      writeStageRow(opened, stage, candidate.id, [...records.entries, ...rows], request.reconciled);
      moveCandidate(opened, services.now(), layout, candidate, stage, request.outcome);
      publishStage(opened.workbook, records, candidate.id, stage.id, rows);
    }
    return panelFor(opened, candidate, stage, records, [...records.entries, ...rows], ownerEmail(services));
  });
}

/**
 * A panel record that only adds rows (a veto, its withdrawal, a note marked shareable): under the document lock
 * the records are read once and `plan` returns the rows (none for a retry) under the rights in force. A veto and
 * its withdrawal are sealed with the rights they were made under, until the decision publishes them; a
 * shareable mark (which holds no score or note) goes to the Score log. A first look at the panel is written in
 * the same call, sealed or logged by its stage (writeRecords, core/scoring/seen.ts).
 */
function recordOnPanel(
  services: Services,
  request: { candidateId: string; stageId: string },
  where: 'sealed' | 'logged',
  plan: (input: {
    entries: readonly LogEntry[];
    viewer: string;
    rights: Candidate;
    stage: Stage;
  }) => LogEntry[],
): PanelView {
  const opened = openForViewer(services);
  return withDocumentLock(services, () => {
    const { candidate, stage } = findCandidateAndStage(opened, request);
    const records = readRecords(opened.workbook);
    const rights = inForce(opened, candidate, stage, records.entries).candidate;
    const planned = plan({ entries: records.entries, viewer: opened.viewer, rights, stage });
    const made = where === 'sealed' ? [...planned, ...rightsRowOf(planned, rights)] : planned;
    const looks = seenRows(opened, rights, stage, [...records.entries, ...made], services.now());
    writeRecords(opened.workbook, records, { [where]: made, looks });
    const after = [...records.entries, ...made, ...looks];
    return panelFor(opened, candidate, stage, records, after, ownerEmail(services));
  });
}

export function recordVeto(services: Services, payload: unknown): PanelView {
  const request = parseRequest('recordVeto', payload);
  return recordOnPanel(services, request, 'sealed', ({ entries, viewer, rights }) =>
    vetoEntries({
      entries,
      request,
      by: viewer,
      hiringManager: rights.hiringManager,
      panel: rights.panel,
      now: services.now(),
    }),
  );
}

export function withdrawVeto(services: Services, payload: unknown): PanelView {
  const request = parseRequest('withdrawVeto', payload);
  return recordOnPanel(services, request, 'sealed', ({ entries, viewer }) =>
    withdrawVetoEntries({ entries, request, by: viewer, now: services.now() }),
  );
}

/** The hiring manager in force marks one interviewer's note as one a candidate update may quote (or takes it back). */
export function markNoteShareable(services: Services, payload: unknown): PanelView {
  const request = parseRequest('markNoteShareable', payload);
  return recordOnPanel(services, request, 'logged', ({ entries, viewer, rights, stage }) =>
    shareableEntries({
      entries,
      request: { ...request, interviewer: normaliseEmail(request.interviewer) },
      by: viewer,
      hiringManager: rights.hiringManager,
      categoryIds: stage.categories.map((c) => c.id),
      now: services.now(),
    }),
  );
}

/**
 * The panel view's "Confirm the change": the hiring manager in force (or the spreadsheet's owner) hands decision
 * rights to the hiring manager and panel the candidate's row names now. Recorded as a rights row in the Score
 * log (who confirmed is its account).
 */
export function confirmHiringManager(services: Services, payload: unknown): RightsInForce {
  const request = parseRequest('confirmHiringManager', payload);
  const opened = openForViewer(services);
  const owner = ownerEmail(services);
  return withDocumentLock(services, () => {
    const { candidate, stage } = findCandidateAndStage(opened, request);
    const records = readRecords(opened.workbook);
    const already = records.entries.find((e) => e.submissionId === request.submissionId);
    if (already) return plainRights(inForce(opened, candidate, stage, records.entries, owner).rights);
    const { rights } = inForce(opened, candidate, stage, records.entries, owner);
    const handed = confirmChange(rights, candidate);
    const row = rightsRow(
      {
        timestamp: services.now().toISOString(),
        submissionId: request.submissionId,
        version: 1,
        candidateId: candidate.id,
        stageId: stage.id,
        interviewer: opened.viewer,
      },
      handed,
    );
    appendRecords(opened.workbook, records, [row]);
    return plainRights(inForce(opened, candidate, stage, [...records.entries, row], owner).rights);
  });
}

/**
 * The candidate's row on the stage's scorecard sheet (one read; a row is added when the sheet lacks the ID):
 * the reconciled scores in one write when a decision gives them, and the "Scores held" cell, from the records.
 */
function writeStageRow(
  opened: ViewerWorkbook,
  stage: Stage,
  candidateId: string,
  entries: readonly LogEntry[],
  reconciled?: Readonly<Record<string, number>>,
): void {
  const categories = stage.categories;
  let { layout, rows } = readStageLayout(opened.workbook, stage, categories);
  let index = rows.findIndex((row) => text(row[layout.columns.id]) === candidateId);
  if (index < 0) {
    syncStageIds(
      layout,
      [candidateId],
      rows.map((row) => [row[layout.columns.id]]),
    );
    ({ layout, rows } = readStageLayout(opened.workbook, stage, categories));
    index = rows.findIndex((row) => text(row[layout.columns.id]) === candidateId);
  }
  const row = layout.firstRow + index;
  if (reconciled) {
    const scores = categories.map((c) => reconciled[c.id] ?? '');
    layout.sheet
      .getRange(row, layout.block.firstCategoryColumn + 1, 1, categories.length)
      .setValues([scores]);
  }
  const held = scoresHeldText(forStage(entries, candidateId, stage.id), candidateId, stage.id);
  if (held !== text(rows[index]?.[layout.columns.held]))
    layout.sheet.getRange(row, layout.columns.held + 1).setValue(held);
}

function moveCandidate(
  opened: ViewerWorkbook,
  now: Date,
  layout: CandidatesLayout,
  candidate: Candidate,
  stage: Stage,
  outcome: 'advance' | 'hold' | 'reject',
): void {
  const { sheet, columns } = layout;
  const cell = (key: 'stage' | 'status' | 'inStageSince') => sheet.getRange(candidate.row, columns[key] + 1);
  if (outcome === 'hold') cell('status').setValue('On hold');
  else if (outcome === 'reject') cell('status').setValue('Rejected');
  else {
    const stages = opened.process.stages;
    const next = stages[stages.indexOf(stage) + 1];
    const current = findStage(opened.process, candidate.stageName);
    // Advancing from an earlier stage than the one the candidate is in does not move them back.
    if (next && (!current || stages.indexOf(current) <= stages.indexOf(stage))) {
      sheet.getRange(candidate.row, columns.stage + 1).setValue(next.name);
      // The day it moved, at midnight in the spreadsheet's time zone (where the cell shows it).
      cell('inStageSince').setValue(startOfDay(now, opened.workbook.spreadsheet.getSpreadsheetTimeZone()));
    } else if (!next) cell('status').setValue('Offer');
    if (candidate.status !== 'Active' && next) cell('status').setValue('Active');
  }
}
