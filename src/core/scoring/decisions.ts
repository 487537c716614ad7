/**
 * The hiring manager's decision (reconciled scores and an outcome) and the second interviewer's culture-fit veto,
 * with the rights behind them: only the candidate's hiring manager decides; only a panel member who is not the
 * hiring manager, once they have submitted, vetoes; a standing veto blocks "advance" until the person who
 * recorded it withdraws it (the veto and its withdrawal both stay on record).
 */
import type {
  PanelDecision,
  PanelVeto,
  PanelWithdrawnVeto,
  RecordDecisionRequest,
  RecordVetoRequest,
  WithdrawVetoRequest,
} from '../contract';
import { UserError } from '../errors';
import { includesEmail, sameEmail } from '../people';
import {
  type Categories,
  type LogEntry,
  type LogKind,
  VETO_SCOPE,
  bySubmission,
  categoryMismatch,
  decodeDecision,
  earlierSubmission,
  encodeDecision,
  forStage,
  latest,
  nextKindVersion,
  toIso,
} from './log';
import { hasSubmitted } from './scorecards';

/** Decision rights: the candidate's hiring manager, and nobody when none is set. */
export function mayDecide(person: string, hiringManager: string): boolean {
  return sameEmail(person, hiringManager);
}

/**
 * Veto rights: a panel member who is not the hiring manager and has submitted their own scorecard, while no veto
 * stands (one standing veto is enough to block; its holder may withdraw it instead).
 */
export function mayVeto(input: {
  entries: readonly LogEntry[];
  person: string;
  hiringManager: string;
  panel: readonly string[];
  candidateId: string;
  stageId: string;
}): boolean {
  const { entries, person, candidateId, stageId } = input;
  return (
    !mayDecide(person, input.hiringManager) &&
    includesEmail(input.panel, person) &&
    hasSubmitted(entries, person, candidateId, stageId) &&
    standingVeto(forStage(entries, candidateId, stageId)) === null
  );
}

/** Only the person who recorded the standing veto may withdraw it. */
export function mayWithdrawVeto(stageEntries: readonly LogEntry[], person: string): boolean {
  const veto = standingVeto(stageEntries);
  return veto !== null && sameEmail(veto.by, person);
}

/** The rows of the latest decision for a stage (its `reconciled` rows and the `decision` row), or null. */
export function latestDecision(stageEntries: readonly LogEntry[]): LogEntry[] | null {
  return latest(bySubmission(stageEntries.filter((e) => e.kind === 'decision' || e.kind === 'reconciled')));
}

function toDecision(rows: readonly LogEntry[]): PanelDecision | null {
  const row = rows.find((r) => r.kind === 'decision');
  return row ? { ...decodeDecision(row.note), decidedBy: row.interviewer, decidedAt: row.timestamp } : null;
}

/** The decision among a decision's rows (see latestDecision), as the panel view shows it; null when none. */
export function decisionOf(rows: readonly LogEntry[] | null): PanelDecision | null {
  return toDecision(rows ?? []);
}

/** The hiring manager's latest decision for this candidate and stage, as the panel view shows it; null before one. */
export function latestStageDecision(
  entries: readonly LogEntry[],
  candidateId: string,
  stageId: string,
): PanelDecision | null {
  return decisionOf(latestDecision(forStage(entries, candidateId, stageId)));
}

const VETO_KINDS: readonly LogKind[] = ['veto', 'veto-withdrawn'];

/** The vetoes and withdrawals of a stage, oldest first (they share one version count). */
function vetoEvents(stageEntries: readonly LogEntry[]): LogEntry[] {
  return bySubmission(stageEntries.filter((e) => VETO_KINDS.includes(e.kind)))
    .map((rows) => rows[0])
    .sort((a, b) => a.version - b.version || a.timestamp.localeCompare(b.timestamp));
}

/** The veto that stands for a stage, or null: the latest veto, unless its holder withdrew it since. */
export function standingVeto(stageEntries: readonly LogEntry[]): PanelVeto | null {
  const rows = latest(bySubmission(stageEntries.filter((e) => VETO_KINDS.includes(e.kind))));
  if (!rows || rows[0].kind !== 'veto') return null;
  const row = rows[0];
  return { by: row.interviewer, reason: row.note, at: row.timestamp };
}

/** Every veto that was withdrawn, with its withdrawal, oldest first: the record the panel and debrief show. */
export function withdrawnVetoes(stageEntries: readonly LogEntry[]): PanelWithdrawnVeto[] {
  const withdrawn: PanelWithdrawnVeto[] = [];
  let open: LogEntry | null = null;
  for (const event of vetoEvents(stageEntries)) {
    if (event.kind === 'veto') open = event;
    else if (open) {
      withdrawn.push({
        by: open.interviewer,
        reason: open.note,
        at: open.timestamp,
        withdrawnAt: event.timestamp,
        note: event.note,
      });
      open = null;
    }
  }
  return withdrawn;
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
    throw new UserError(
      'not-allowed',
      'No hiring manager is set for this candidate: put their email in the "Hiring manager" column first.',
    );
  }
  if (!mayDecide(decidedBy, hiringManager)) {
    throw new UserError(
      'not-allowed',
      `Only the hiring manager (${hiringManager}) can record the decision for this candidate.`,
    );
  }
  const kinds: LogKind[] = ['decision', 'reconciled'];
  if (
    earlierSubmission(entries, request.submissionId, kinds, decidedBy, request.candidateId, request.stageId)
  ) {
    return [];
  }
  const { unknown, missing } = categoryMismatch(request.reconciled, categories);
  if (unknown.length > 0) {
    throw new UserError(
      'invalid-request',
      `Unknown category ${unknown.map((u) => `"${u}"`).join(', ')} in reconciled scores`,
    );
  }
  if (missing.length > 0) {
    throw new UserError(
      'invalid-request',
      `Reconciled scores are missing for: ${missing.map((c) => c.name).join(', ')}`,
    );
  }
  const stageEntries = forStage(entries, request.candidateId, request.stageId);
  const veto = standingVeto(stageEntries);
  if (request.outcome === 'advance' && veto) {
    throw new UserError(
      'not-allowed',
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
  if (mayDecide(by, hiringManager)) {
    throw new UserError(
      'not-allowed',
      'The hiring manager makes the decision and cannot veto it: the culture-fit veto belongs to the second interviewer.',
    );
  }
  if (!includesEmail(panel, by)) {
    throw new UserError(
      'not-allowed',
      `Only the candidate's second interviewer can record a culture-fit veto, and ${by} is not on this candidate's panel.`,
    );
  }
  if (earlierSubmission(entries, request.submissionId, ['veto'], by, request.candidateId, request.stageId)) {
    return [];
  }
  if (!hasSubmitted(entries, by, request.candidateId, request.stageId)) {
    throw new UserError('not-allowed', 'Submit your own scorecard for this stage before recording a veto.');
  }
  const stageEntries = forStage(entries, request.candidateId, request.stageId);
  const standing = standingVeto(stageEntries);
  if (standing) {
    throw new UserError(
      'not-allowed',
      `A culture-fit veto by ${standing.by} already stands for this stage; nothing was recorded.`,
    );
  }
  return [vetoRow('veto', request, request.reason, by, stageEntries, input.now)];
}

/** A veto or withdrawal row: one row each, numbered in one sequence so the latest of them says what stands. */
function vetoRow(
  kind: 'veto' | 'veto-withdrawn',
  request: Pick<RecordVetoRequest, 'submissionId' | 'candidateId' | 'stageId'>,
  note: string,
  by: string,
  stageEntries: readonly LogEntry[],
  now: Date | string,
): LogEntry {
  return {
    timestamp: toIso(now),
    submissionId: request.submissionId,
    version: nextKindVersion(stageEntries, VETO_KINDS),
    candidateId: request.candidateId,
    stageId: request.stageId,
    interviewer: by,
    kind,
    category: VETO_SCOPE,
    score: null,
    note,
  };
}

/**
 * The row that withdraws the standing veto. Returns [] when this submission ID is already recorded (a retry).
 * Only the person who recorded the veto may withdraw it, with a reason; the veto row itself is never removed.
 */
export function withdrawVetoEntries(input: {
  entries: readonly LogEntry[];
  request: WithdrawVetoRequest;
  by: string;
  now: Date | string;
}): LogEntry[] {
  const { entries, request, by } = input;
  if (
    earlierSubmission(
      entries,
      request.submissionId,
      ['veto-withdrawn'],
      by,
      request.candidateId,
      request.stageId,
    )
  ) {
    return [];
  }
  const stageEntries = forStage(entries, request.candidateId, request.stageId);
  const standing = standingVeto(stageEntries);
  if (!standing) {
    throw new UserError(
      'not-allowed',
      'No culture-fit veto stands for this stage, so there is nothing to withdraw.',
    );
  }
  if (!sameEmail(standing.by, by)) {
    throw new UserError('not-allowed', `Only ${standing.by}, who recorded the veto, can withdraw it.`);
  }
  return [vetoRow('veto-withdrawn', request, request.note, by, stageEntries, input.now)];
}
