/**
 * Scorecards: checking a submission against the stage, the rows it is recorded as, versions (a revision is a
 * new version; a retried submission is recorded once), and each interviewer's latest scorecard.
 */
import type {
  OwnScorecard,
  PanelInterviewer,
  SubmitScorecardRequest,
  SubmitScorecardResponse,
} from '../contract';
import { UserError } from '../errors';
import type { Recommendation } from '../labels';
import { normaliseEmail, sameEmail } from '../people';
import {
  type Categories,
  type LogEntry,
  bySubmission,
  categoryMismatch,
  decodeRecommendation,
  earlierSubmission,
  encodeRecommendation,
  forStage,
  isScorecardKind,
  latest,
  toIso,
} from './log';
import { afterPanel, seenAtVersion } from './seen';

/**
 * Checks a parsed submission against the stage's categories: every category scored, no unknown category in
 * scores or notes. Throws an Error that names the categories.
 */
export function checkScorecard(
  submission: Pick<SubmitScorecardRequest, 'scores' | 'notes'>,
  categories: Categories,
  stageName: string,
): void {
  for (const field of ['scores', 'notes'] as const) {
    const { unknown } = categoryMismatch(submission[field], categories);
    if (unknown.length > 0) {
      throw new UserError(
        'invalid-request',
        `Unknown ${unknown.length === 1 ? 'category' : 'categories'} ${unknown.map((u) => `"${u}"`).join(', ')} ` +
          `in ${field}: the ${stageName} stage scores ${categories.map((c) => c.id).join(', ')}`,
      );
    }
  }
  const { missing } = categoryMismatch(submission.scores, categories);
  if (missing.length > 0) {
    throw new UserError(
      'invalid-request',
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

function toScorecard(rows: readonly LogEntry[], seenAt: number | null): PanelInterviewer {
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
    afterPanel: afterPanel(first.version, seenAt),
  };
}

/**
 * Per interviewer, their latest scorecard for this candidate and stage, in order of first submission, each
 * marked when it came after its interviewer saw the panel (core/scoring/seen.ts).
 */
export function latestScorecards(
  entries: readonly LogEntry[],
  candidateId: string,
  stageId: string,
): PanelInterviewer[] {
  const stageEntries = forStage(entries, candidateId, stageId);
  const byInterviewer = new Map<string, LogEntry[][]>();
  for (const group of bySubmission(stageEntries.filter((e) => isScorecardKind(e.kind)))) {
    const key = normaliseEmail(group[0].interviewer);
    const groups = byInterviewer.get(key);
    if (groups) groups.push(group);
    else byInterviewer.set(key, [group]);
  }
  const cards: PanelInterviewer[] = [];
  for (const groups of byInterviewer.values()) {
    const rows = latest(groups);
    if (rows) cards.push(toScorecard(rows, seenAtVersion(stageEntries, rows[0].interviewer)));
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

/** Whether the person has submitted a scorecard for this candidate and stage. */
export function hasSubmitted(
  entries: readonly LogEntry[],
  viewer: string,
  candidateId: string,
  stageId: string,
): boolean {
  return forStage(entries, candidateId, stageId).some(
    (e) => isScorecardKind(e.kind) && sameEmail(e.interviewer, viewer),
  );
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
  const seenAt = seenAtVersion(forStage(entries, submission.candidateId, submission.stageId), interviewer);
  if (first) {
    return {
      append: [],
      response: {
        version: first.version,
        submittedAt: first.timestamp,
        duplicate: true,
        afterPanel: afterPanel(first.version, seenAt),
      },
    };
  }
  checkScorecard(submission, input.categories, input.stageName);
  // A second click, or a retry after the first call succeeded, sends the same form under a new ID: the same
  // content as the interviewer's latest version is the same submission, not a new version.
  const mine = ownScorecard(entries, submission.candidateId, submission.stageId, interviewer);
  if (mine && sameContent(mine, submission)) {
    return {
      append: [],
      response: {
        version: mine.version,
        submittedAt: mine.submittedAt,
        duplicate: true,
        afterPanel: mine.afterPanel,
      },
    };
  }
  const version = nextVersion(entries, submission.candidateId, submission.stageId, interviewer);
  const append = scorecardEntries(submission, interviewer, version, input.now);
  return {
    append,
    response: {
      version,
      submittedAt: append[0].timestamp,
      duplicate: false,
      afterPanel: afterPanel(version, seenAt),
    },
  };
}

/** Whether a submission says exactly what a recorded scorecard says (scores, notes, recommendation, overall note). */
function sameContent(
  card: Pick<OwnScorecard, 'scores' | 'notes' | 'recommendation' | 'overallNote'>,
  submission: Pick<SubmitScorecardRequest, 'scores' | 'notes' | 'recommendation' | 'overallNote'>,
): boolean {
  const sameRecord = (
    a: Readonly<Record<string, unknown>>,
    b: Readonly<Record<string, unknown>>,
  ): boolean => {
    const keys = new Set([...Object.keys(a), ...Object.keys(b)]);
    return [...keys].every((k) => (a[k] ?? '') === (b[k] ?? ''));
  };
  return (
    sameRecord(card.scores, submission.scores) &&
    sameRecord(card.notes, submission.notes) &&
    card.recommendation === submission.recommendation &&
    card.overallNote === submission.overallNote
  );
}
