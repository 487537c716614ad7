/** Score log rows for the insights tests, written by the same functions the sidebar server uses. */
import type { Outcome, Recommendation } from '../../../src/core/labels';
import { decisionEntries } from '../../../src/core/scoring/decisions';
import type { LogEntry } from '../../../src/core/scoring/log';
import { scorecardEntries } from '../../../src/core/scoring/scorecards';

let counter = 0;

function nextId(): string {
  counter += 1;
  return `insights-${String(counter).padStart(6, '0')}`;
}

/** One scorecard: a score row per category and the recommendation row, at `at` (ISO time). */
export function scorecard(
  candidateId: string,
  stageId: string,
  interviewer: string,
  scores: Record<string, number>,
  recommendation: Recommendation,
  at: string,
  version = 1,
): LogEntry[] {
  return scorecardEntries(
    { submissionId: nextId(), candidateId, stageId, scores, notes: {}, recommendation, overallNote: '' },
    interviewer,
    version,
    at,
  );
}

/** The hiring manager's decision (no reconciled scores: the categories do not matter here). */
export function decision(
  candidateId: string,
  stageId: string,
  outcome: Outcome,
  by: string,
  at: string,
): LogEntry[] {
  return decisionEntries({
    entries: [],
    request: { submissionId: nextId(), candidateId, stageId, reconciled: {}, outcome, note: 'decided' },
    decidedBy: by,
    hiringManager: by,
    categories: [],
    now: at,
  });
}
