/**
 * Scorecards, the panel view and decision rights, as pure functions over the rows of the Score log. The server
 * reads the log (one batched read), calls these, and appends what they return (one batched write, under a
 * lock); nothing here touches a service.
 *
 * ## How a submission is written to the Score log
 *
 * Every row carries Timestamp (ISO 8601), Submission ID, Version, Candidate ID, Stage (id), Interviewer (the
 * signed-in account's email, never taken from the request) and Kind. All rows of one submission share the
 * timestamp, submission ID and version.
 *
 * | Kind           | Category    | Score            | Note                                                  |
 * | -------------- | ----------- | ---------------- | ----------------------------------------------------- |
 * | score          | category id | whole number 1–5 | the interviewer's note on that category (may be "")   |
 * | recommendation | ""          | blank            | "<recommendation>" or "<recommendation>: <overall>"   |
 * | reconciled     | category id | 1–5, steps of .5 | ""                                                    |
 * | decision       | ""          | blank            | "<outcome>: <note>" (outcome: advance, hold, reject)  |
 * | veto           | culture-fit | blank            | the reason                                            |
 *
 * A scorecard = the `score` rows + one `recommendation` row; its version counts that interviewer's scorecards
 * for the candidate and stage (1, 2, …). A decision = one `reconciled` row per category + one `decision` row,
 * recorded by the hiring manager; its version counts decisions for the candidate and stage. A veto is one
 * `veto` row; a recorded veto stands. Rows are only ever appended: the latest version wins, older ones stay.
 */
import type {
  ContextCategory,
  Outcome,
  OwnScorecard,
  PanelCategory,
  PanelDecision,
  PanelInterviewer,
  PanelVeto,
  PanelView,
  Recommendation,
  RecordDecisionRequest,
  RecordVetoRequest,
  ScoringContext,
  StageChoice,
  SubmitScorecardRequest,
  SubmitScorecardResponse,
} from './contract';
import { OUTCOMES, RECOMMENDATIONS } from './contract';
import type { PassRule, ScoringCategory, Stage } from './process';
import { decide, describeDecision, describePassRule, divergentCategories, mean } from './rules';

export type LogKind = 'score' | 'recommendation' | 'reconciled' | 'decision' | 'veto';

export const LOG_KINDS: readonly LogKind[] = ['score', 'recommendation', 'reconciled', 'decision', 'veto'];

/** One row of the Score log. */
export interface LogEntry {
  /** ISO 8601 time of the submission. */
  timestamp: string;
  submissionId: string;
  version: number;
  candidateId: string;
  stageId: string;
  /** Email of the account that recorded the row. */
  interviewer: string;
  kind: LogKind;
  /** Category id for `score` and `reconciled` rows, `culture-fit` for a veto, "" otherwise. */
  category: string;
  score: number | null;
  note: string;
}

/** The category column of a veto row. */
export const VETO_SCOPE = 'culture-fit';

/** The message shown to someone who asks for the panel before submitting their own scorecard. */
export const PANEL_HIDDEN_MESSAGE =
  "Submit your own scorecard first: others' scores stay hidden until you have.";

type Categories = readonly Pick<ScoringCategory, 'id' | 'name' | 'keyRisk'>[];

// ---- Small helpers --------------------------------------------------------------------------------------

export function sameEmail(a: string, b: string): boolean {
  return a.trim().toLowerCase() === b.trim().toLowerCase();
}

function toIso(now: Date | string): string {
  return typeof now === 'string' ? now : now.toISOString();
}

function forStage(entries: readonly LogEntry[], candidateId: string, stageId: string): LogEntry[] {
  return entries.filter((e) => e.candidateId === candidateId && e.stageId === stageId);
}

function isScorecardKind(kind: LogKind): boolean {
  return kind === 'score' || kind === 'recommendation';
}

/** Groups rows by submission ID, keeping the order in which submissions first appear. */
function bySubmission(entries: readonly LogEntry[]): LogEntry[][] {
  const groups = new Map<string, LogEntry[]>();
  for (const entry of entries) {
    const group = groups.get(entry.submissionId);
    if (group) group.push(entry);
    else groups.set(entry.submissionId, [entry]);
  }
  return [...groups.values()];
}

/** The latest of several submissions: highest version, then latest timestamp, then last in the log. */
function latest(groups: readonly LogEntry[][]): LogEntry[] | null {
  let best: LogEntry[] | null = null;
  for (const group of groups) {
    if (best === null) {
      best = group;
      continue;
    }
    const [a, b] = [group[0], best[0]];
    if (a.version > b.version || (a.version === b.version && a.timestamp >= b.timestamp)) best = group;
  }
  return best;
}

function encodeWithText(head: string, text: string): string {
  return text === '' ? head : `${head}: ${text}`;
}

function decodeWithText<T extends string>(
  note: string,
  heads: readonly T[],
): { head: T; text: string } | null {
  const colon = note.indexOf(':');
  const head = (colon < 0 ? note : note.slice(0, colon)).trim().toLowerCase();
  const found = heads.find((h) => h === head);
  if (found === undefined) return null;
  const text = colon < 0 ? '' : note.slice(colon + 1).replace(/^ /, '');
  return { head: found, text };
}

/** Recommendation row note → recommendation + overall note (see the table at the top of this file). */
export function encodeRecommendation(recommendation: Recommendation, overallNote: string): string {
  return encodeWithText(recommendation, overallNote);
}

export function decodeRecommendation(note: string): { recommendation: Recommendation; overallNote: string } {
  const decoded = decodeWithText(note, RECOMMENDATIONS);
  // A row someone edited by hand into something unreadable is shown as "no" with the text kept.
  return decoded
    ? { recommendation: decoded.head, overallNote: decoded.text }
    : { recommendation: 'no', overallNote: note };
}

export function encodeDecision(outcome: Outcome, note: string): string {
  return encodeWithText(outcome, note);
}

export function decodeDecision(note: string): { outcome: Outcome; note: string } {
  const decoded = decodeWithText(note, OUTCOMES);
  return decoded ? { outcome: decoded.head, note: decoded.text } : { outcome: 'hold', note };
}

// ---- Scorecards -----------------------------------------------------------------------------------------

/**
 * Checks a parsed submission against the stage's categories: every category scored, no unknown category in
 * scores or notes. Throws an Error that names the categories.
 */
export function checkScorecard(
  submission: Pick<SubmitScorecardRequest, 'scores' | 'notes'>,
  categories: Categories,
  stageName: string,
): void {
  const known = new Set(categories.map((c) => c.id));
  for (const field of ['scores', 'notes'] as const) {
    const unknown = Object.keys(submission[field]).filter((id) => !known.has(id));
    if (unknown.length > 0) {
      throw new Error(
        `Unknown ${unknown.length === 1 ? 'category' : 'categories'} ${unknown.map((u) => `"${u}"`).join(', ')} ` +
          `in ${field}: the ${stageName} stage scores ${categories.map((c) => c.id).join(', ')}`,
      );
    }
  }
  const missing = categories.filter((c) => !Object.prototype.hasOwnProperty.call(submission.scores, c.id));
  if (missing.length > 0) {
    throw new Error(
      `Score every category before submitting: missing ${missing.map((c) => c.name).join(', ')}`,
    );
  }
}

/** The rows of one scorecard: a `score` row per category, then the `recommendation` row. */
export function scorecardEntries(
  submission: SubmitScorecardRequest,
  interviewer: string,
  version: number,
  now: Date | string,
): LogEntry[] {
  const base = {
    timestamp: toIso(now),
    submissionId: submission.submissionId,
    version,
    candidateId: submission.candidateId,
    stageId: submission.stageId,
    interviewer,
  };
  const rows: LogEntry[] = Object.entries(submission.scores).map(([category, score]) => ({
    ...base,
    kind: 'score',
    category,
    score,
    note: submission.notes[category] ?? '',
  }));
  rows.push({
    ...base,
    kind: 'recommendation',
    category: '',
    score: null,
    note: encodeRecommendation(submission.recommendation, submission.overallNote),
  });
  return rows;
}

/** Whether any row carries this submission ID (a retried call must not be recorded twice). */
export function alreadyRecorded(entries: readonly LogEntry[], submissionId: string): boolean {
  return entries.some((e) => e.submissionId === submissionId);
}

const REUSED_ID_MESSAGE =
  'This submission ID was already used for another submission; reload the sidebar and try again.';

/**
 * The first row already recorded under this submission ID, or null. Throws when that row belongs to a different
 * kind of submission, person, candidate or stage (a reused ID is never silently swallowed).
 */
function earlierSubmission(
  entries: readonly LogEntry[],
  submissionId: string,
  kinds: readonly LogKind[],
  who: string,
  candidateId: string,
  stageId: string,
): LogEntry | null {
  const first = entries.find((e) => e.submissionId === submissionId);
  if (!first) return null;
  const same =
    kinds.includes(first.kind) &&
    sameEmail(first.interviewer, who) &&
    first.candidateId === candidateId &&
    first.stageId === stageId;
  if (!same) throw new Error(REUSED_ID_MESSAGE);
  return first;
}

/** The next scorecard version for this interviewer, candidate and stage: 1 for the first. */
export function nextVersion(
  entries: readonly LogEntry[],
  candidateId: string,
  stageId: string,
  interviewer: string,
): number {
  let highest = 0;
  for (const e of forStage(entries, candidateId, stageId)) {
    if (isScorecardKind(e.kind) && sameEmail(e.interviewer, interviewer))
      highest = Math.max(highest, e.version);
  }
  return highest + 1;
}

function toScorecard(rows: readonly LogEntry[]): PanelInterviewer {
  const scores: Record<string, number> = {};
  const notes: Record<string, string> = {};
  let recommendation: Recommendation = 'no';
  let overallNote = '';
  for (const row of rows) {
    if (row.kind === 'score' && row.score !== null) {
      scores[row.category] = row.score;
      if (row.note !== '') notes[row.category] = row.note;
    } else if (row.kind === 'recommendation') {
      ({ recommendation, overallNote } = decodeRecommendation(row.note));
    }
  }
  const first = rows[0];
  return {
    email: first.interviewer,
    version: first.version,
    submittedAt: first.timestamp,
    scores,
    notes,
    recommendation,
    overallNote,
  };
}

/** Per interviewer, their latest scorecard for this candidate and stage, in order of first submission. */
export function latestScorecards(
  entries: readonly LogEntry[],
  candidateId: string,
  stageId: string,
): PanelInterviewer[] {
  const byInterviewer = new Map<string, LogEntry[][]>();
  for (const group of bySubmission(
    forStage(entries, candidateId, stageId).filter((e) => isScorecardKind(e.kind)),
  )) {
    const key = group[0].interviewer.trim().toLowerCase();
    const groups = byInterviewer.get(key);
    if (groups) groups.push(group);
    else byInterviewer.set(key, [group]);
  }
  const cards: PanelInterviewer[] = [];
  for (const groups of byInterviewer.values()) {
    const rows = latest(groups);
    if (rows) cards.push(toScorecard(rows));
  }
  return cards;
}

/** The viewer's own latest scorecard, as the sidebar pre-fills it; null before their first submission. */
export function ownScorecard(
  entries: readonly LogEntry[],
  candidateId: string,
  stageId: string,
  viewer: string,
): OwnScorecard | null {
  const mine = latestScorecards(entries, candidateId, stageId).find((card) => sameEmail(card.email, viewer));
  if (!mine) return null;
  const { email: _email, ...rest } = mine;
  return rest;
}

function hasSubmitted(
  entries: readonly LogEntry[],
  viewer: string,
  candidateId: string,
  stageId: string,
): boolean {
  return forStage(entries, candidateId, stageId).some(
    (e) => isScorecardKind(e.kind) && sameEmail(e.interviewer, viewer),
  );
}

/** Independence: the hiring manager sees the panel at any time; anyone else once they have submitted. */
export function canSeePanel(
  entries: readonly LogEntry[],
  viewer: string,
  hiringManager: string,
  candidateId: string,
  stageId: string,
): boolean {
  if (hiringManager.trim() !== '' && sameEmail(viewer, hiringManager)) return true;
  return hasSubmitted(entries, viewer, candidateId, stageId);
}

/**
 * Handles a parsed scorecard submission: checks it against the stage's categories, and returns the rows to
 * append (none when this submission ID is already recorded) with the response for the sidebar.
 */
export function planScorecard(input: {
  entries: readonly LogEntry[];
  submission: SubmitScorecardRequest;
  interviewer: string;
  categories: Categories;
  stageName: string;
  now: Date | string;
}): { append: LogEntry[]; response: SubmitScorecardResponse } {
  const { entries, submission, interviewer } = input;
  const first = earlierSubmission(
    entries,
    submission.submissionId,
    ['score', 'recommendation'],
    interviewer,
    submission.candidateId,
    submission.stageId,
  );
  if (first) {
    return {
      append: [],
      response: { version: first.version, submittedAt: first.timestamp, duplicate: true },
    };
  }
  checkScorecard(submission, input.categories, input.stageName);
  const version = nextVersion(entries, submission.candidateId, submission.stageId, interviewer);
  const append = scorecardEntries(submission, interviewer, version, input.now);
  return { append, response: { version, submittedAt: append[0].timestamp, duplicate: false } };
}

// ---- Decision and veto ----------------------------------------------------------------------------------

function latestDecision(stageEntries: readonly LogEntry[]): LogEntry[] | null {
  return latest(bySubmission(stageEntries.filter((e) => e.kind === 'decision' || e.kind === 'reconciled')));
}

function toDecision(rows: readonly LogEntry[]): PanelDecision | null {
  const row = rows.find((r) => r.kind === 'decision');
  return row ? { ...decodeDecision(row.note), decidedBy: row.interviewer, decidedAt: row.timestamp } : null;
}

/** The hiring manager's latest decision for this candidate and stage, as the panel view shows it; null before one. */
export function latestStageDecision(
  entries: readonly LogEntry[],
  candidateId: string,
  stageId: string,
): PanelDecision | null {
  return toDecision(latestDecision(forStage(entries, candidateId, stageId)) ?? []);
}

function standingVeto(stageEntries: readonly LogEntry[]): PanelVeto | null {
  const rows = latest(bySubmission(stageEntries.filter((e) => e.kind === 'veto')));
  if (!rows) return null;
  const row = rows[0];
  return { by: row.interviewer, reason: row.note, at: row.timestamp };
}

function nextKindVersion(stageEntries: readonly LogEntry[], kinds: readonly LogKind[]): number {
  return stageEntries.filter((e) => kinds.includes(e.kind)).reduce((v, e) => Math.max(v, e.version), 0) + 1;
}

/**
 * The rows of the hiring manager's decision: a `reconciled` row per category and the `decision` row.
 * Returns [] when this submission ID is already recorded. Throws when the decider is not the hiring manager,
 * when reconciled scores are missing or unknown, or when "advance" is asked for while a veto stands.
 */
export function decisionEntries(input: {
  entries: readonly LogEntry[];
  request: RecordDecisionRequest;
  decidedBy: string;
  hiringManager: string;
  categories: Categories;
  now: Date | string;
}): LogEntry[] {
  const { entries, request, decidedBy, hiringManager, categories } = input;
  if (hiringManager.trim() === '') {
    throw new Error(
      'No hiring manager is set for this candidate: put their email in the "Hiring manager" column first.',
    );
  }
  if (!sameEmail(decidedBy, hiringManager)) {
    throw new Error(`Only the hiring manager (${hiringManager}) can record the decision for this candidate.`);
  }
  const kinds: LogKind[] = ['decision', 'reconciled'];
  if (
    earlierSubmission(entries, request.submissionId, kinds, decidedBy, request.candidateId, request.stageId)
  ) {
    return [];
  }
  const known = new Set(categories.map((c) => c.id));
  const unknown = Object.keys(request.reconciled).filter((id) => !known.has(id));
  if (unknown.length > 0) {
    throw new Error(`Unknown category ${unknown.map((u) => `"${u}"`).join(', ')} in reconciled scores`);
  }
  const missing = categories.filter((c) => !Object.prototype.hasOwnProperty.call(request.reconciled, c.id));
  if (missing.length > 0) {
    throw new Error(`Reconciled scores are missing for: ${missing.map((c) => c.name).join(', ')}`);
  }
  const stageEntries = forStage(entries, request.candidateId, request.stageId);
  const veto = standingVeto(stageEntries);
  if (request.outcome === 'advance' && veto) {
    throw new Error(
      `A culture-fit veto by ${veto.by} stands, so the candidate cannot advance: record "hold" or "reject".`,
    );
  }
  const base = {
    timestamp: toIso(input.now),
    submissionId: request.submissionId,
    version: nextKindVersion(stageEntries, kinds),
    candidateId: request.candidateId,
    stageId: request.stageId,
    interviewer: decidedBy,
  };
  const rows: LogEntry[] = categories.map((c) => ({
    ...base,
    kind: 'reconciled',
    category: c.id,
    score: request.reconciled[c.id],
    note: '',
  }));
  rows.push({
    ...base,
    kind: 'decision',
    category: '',
    score: null,
    note: encodeDecision(request.outcome, request.note),
  });
  return rows;
}

/**
 * The row of a culture-fit veto. Returns [] when this submission ID is already recorded. Only a panel member
 * who is not the hiring manager, and who has submitted their own scorecard for this stage, may veto.
 */
export function vetoEntries(input: {
  entries: readonly LogEntry[];
  request: RecordVetoRequest;
  by: string;
  hiringManager: string;
  panel: readonly string[];
  now: Date | string;
}): LogEntry[] {
  const { entries, request, by, hiringManager, panel } = input;
  if (hiringManager.trim() !== '' && sameEmail(by, hiringManager)) {
    throw new Error(
      'The hiring manager makes the decision and cannot veto it: the culture-fit veto belongs to the second interviewer.',
    );
  }
  if (!panel.some((member) => sameEmail(member, by))) {
    throw new Error(
      `Only the candidate's second interviewer can record a culture-fit veto, and ${by} is not on this candidate's panel.`,
    );
  }
  if (earlierSubmission(entries, request.submissionId, ['veto'], by, request.candidateId, request.stageId)) {
    return [];
  }
  if (!hasSubmitted(entries, by, request.candidateId, request.stageId)) {
    throw new Error('Submit your own scorecard for this stage before recording a veto.');
  }
  const stageEntries = forStage(entries, request.candidateId, request.stageId);
  return [
    {
      timestamp: toIso(input.now),
      submissionId: request.submissionId,
      version: nextKindVersion(stageEntries, ['veto']),
      candidateId: request.candidateId,
      stageId: request.stageId,
      interviewer: by,
      kind: 'veto',
      category: VETO_SCOPE,
      score: null,
      note: request.reason,
    },
  ];
}

// ---- The panel view -------------------------------------------------------------------------------------

export interface PanelInput {
  entries: readonly LogEntry[];
  candidateId: string;
  stageId: string;
  categories: Categories;
  passRule: PassRule;
  /** A category whose scores differ by more than this is flagged for discussion (the process's maxGap). */
  maxGap: number;
  viewer: string;
  hiringManager: string;
  /** The candidate's interviewers (Panel column). */
  panel: readonly string[];
}

/**
 * Every interviewer's latest scores side by side, divergent categories, the panel score per category
 * (reconciled once set, else the mean), the pass decision in words, the decision and veto. Throws
 * PANEL_HIDDEN_MESSAGE when the viewer may not see it yet.
 */
export function buildPanel(input: PanelInput): PanelView {
  const { entries, candidateId, stageId, categories, viewer, hiringManager } = input;
  if (!canSeePanel(entries, viewer, hiringManager, candidateId, stageId))
    throw new Error(PANEL_HIDDEN_MESSAGE);
  const stageEntries = forStage(entries, candidateId, stageId);
  const interviewers = latestScorecards(stageEntries, candidateId, stageId);
  const decisionRows = latestDecision(stageEntries);
  const reconciled = new Map<string, number>();
  for (const row of decisionRows ?? []) {
    if (row.kind === 'reconciled' && row.score !== null) reconciled.set(row.category, row.score);
  }
  const decision = toDecision(decisionRows ?? []);
  const grid = interviewers.map((card) => categories.map((c) => card.scores[c.id] ?? null));
  const divergentIndexes = new Set(divergentCategories(grid, input.maxGap));
  const panelCategories: PanelCategory[] = categories.map((c, index) => {
    const scores = grid.map((row) => row[index]);
    const present = scores.filter((s): s is number => s !== null);
    const own = reconciled.get(c.id) ?? null;
    return {
      id: c.id,
      name: c.name,
      keyRisk: c.keyRisk,
      scores,
      gap: present.length < 2 ? null : Math.max(...present) - Math.min(...present),
      divergent: divergentIndexes.has(index),
      panelScore: own ?? mean(present),
      reconciled: own,
    };
  });
  const passDecision = decide(
    panelCategories.map((c) => ({ name: c.name, keyRisk: c.keyRisk, score: c.panelScore })),
    input.passRule,
  );
  const isManager = hiringManager.trim() !== '' && sameEmail(viewer, hiringManager);
  const onPanel = input.panel.some((member) => sameEmail(member, viewer));
  return {
    interviewers,
    categories: panelCategories,
    divergent: panelCategories.filter((c) => c.divergent).map((c) => c.name),
    decision,
    veto: standingVeto(stageEntries),
    pass: { status: passDecision.status, summary: describeDecision(passDecision) },
    canDecide: isManager,
    canVeto: !isManager && onPanel && interviewers.some((card) => sameEmail(card.email, viewer)),
  };
}

// ---- The scoring context --------------------------------------------------------------------------------

/** A candidate as the sidebar server reads it from the Candidates sheet. */
export interface PanelCandidate {
  id: string;
  name: string;
  role: string;
  email: string;
  /** The current stage's id ("" when the Stage cell is blank or unknown: the first stage is assumed). */
  stageId: string;
  hiringManager: string;
  panel: readonly string[];
}

/** "15–20 min", "45 min", or "" for a stage that is not a meeting. */
export function stageMinutes(stage: Pick<Stage, 'minutesMin' | 'minutesMax'>): string {
  if (stage.minutesMax === 0) return '';
  if (stage.minutesMin === stage.minutesMax) return `${stage.minutesMax} min`;
  return `${stage.minutesMin}–${stage.minutesMax} min`;
}

function currentIndex(stages: readonly Pick<Stage, 'id'>[], currentStageId: string): number {
  const index = stages.findIndex((s) => s.id === currentStageId);
  return index < 0 ? 0 : index;
}

/** The stage picker: every stage, marking the current one and those the candidate has reached. */
export function stageChoices(
  stages: readonly Pick<Stage, 'id' | 'name' | 'optional'>[],
  currentStageId: string,
): StageChoice[] {
  const current = currentIndex(stages, currentStageId);
  return stages.map((s, index) => ({
    id: s.id,
    name: s.name,
    optional: s.optional,
    reached: index <= current,
    current: index === current,
  }));
}

/** The stage a request asks for (or the candidate's current one); throws on an unknown stage id. */
export function resolveStage<S extends Pick<Stage, 'id' | 'name'>>(
  stages: readonly S[],
  stageId: string | undefined,
  currentStageId: string,
): S {
  if (stages.length === 0) throw new Error('This workbook has no stages: run Set up workbook first.');
  if (stageId === undefined) return stages[currentIndex(stages, currentStageId)];
  const stage = stages.find((s) => s.id === stageId);
  if (!stage) {
    throw new Error(`Unknown stage "${stageId}": this process has ${stages.map((s) => s.id).join(', ')}`);
  }
  return stage;
}

/** Everything the sidebar shows for one candidate and stage, with only the viewer's own scorecard. */
export function buildScoringContext(input: {
  candidate: PanelCandidate;
  stages: readonly Stage[];
  stage: Stage;
  passRule: PassRule;
  entries: readonly LogEntry[];
  viewer: string;
}): ScoringContext {
  const { candidate, stages, stage, entries, viewer } = input;
  const choices = stageChoices(stages, candidate.stageId);
  const current = choices.find((c) => c.current);
  const categories: ContextCategory[] = stage.categories.map((c) => ({
    id: c.id,
    name: c.name,
    keyRisk: c.keyRisk,
    description: c.description,
    anchors: [...c.anchors],
  }));
  return {
    candidate: {
      id: candidate.id,
      name: candidate.name,
      role: candidate.role,
      email: candidate.email,
      stageId: current?.id ?? '',
      stageName: current?.name ?? '',
      hiringManager: candidate.hiringManager,
    },
    stages: choices,
    stage: {
      id: stage.id,
      name: stage.name,
      minutes: stageMinutes(stage),
      categories,
      passRule: describePassRule(input.passRule),
    },
    me: { email: viewer },
    mine: ownScorecard(entries, candidate.id, stage.id, viewer),
    canSeePanel: canSeePanel(entries, viewer, candidate.hiringManager, candidate.id, stage.id),
    isHiringManager: candidate.hiringManager.trim() !== '' && sameEmail(viewer, candidate.hiringManager),
  };
}
