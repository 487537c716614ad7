/**
 * Who has submitted a scorecard, without the scores or notes: what the reminders need to leave out everybody who
 * has done their part. Read through this one function only (coordination.md): today it reads the Score log;
 * sealed submissions join it where they are stored.
 */
import { progressFromScoreLog } from '../core/reminders/progress';
import type { Workbook } from './workbook';
import { readScoreLog } from './score-log';

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
  const { entries } = readScoreLog(workbook);
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
