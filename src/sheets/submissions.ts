/**
 * Who has submitted a scorecard, without the scores or notes: what the reminders need to leave out everybody who
 * has done their part. Read through this one function only: it reads the published Score log and the sealed
 * store together (a scorecard waiting for the decision is sealed, and its interviewer has done their part), and
 * returns neither scores nor notes.
 */
import { progressFromScoreLog } from '../core/reminders/progress';
import type { Workbook } from './workbook';
import { readRecords } from './sealed-store';

export interface SubmittedScorecard {
  readonly candidateId: string;
  readonly stageId: string;
  /** The account that submitted (normalised as the log stores it). */
  readonly interviewer: string;
  /** ISO 8601 time of the first submission by this interviewer for the candidate and stage. */
  readonly submittedAt: string;
}

export interface Submissions {
  readonly submitted: readonly SubmittedScorecard[];
  /** Stages with a recorded decision. */
  readonly decided: readonly { readonly candidateId: string; readonly stageId: string }[];
}

/** Every scorecard submitted (one entry per interviewer, candidate and stage) and every decided stage; one read. */
export function readSubmittedScorecards(workbook: Workbook): Submissions {
  const { entries } = readRecords(workbook);
  const progress = progressFromScoreLog(entries);
  const firstAt = new Map<string, string>();
  for (const e of entries) {
    if (e.kind !== 'score' && e.kind !== 'recommendation') continue;
    const key = `${e.candidateId}\u0000${e.stageId}\u0000${e.interviewer}`;
    if (!firstAt.has(key)) firstAt.set(key, e.timestamp);
  }
  return {
    submitted: progress.submitted.map((s) => ({
      candidateId: s.candidateId,
      stageId: s.stageId,
      interviewer: s.email,
      submittedAt: firstAt.get(`${s.candidateId}\u0000${s.stageId}\u0000${s.email}`) ?? '',
    })),
    decided: progress.decided,
  };
}
