/**
 * Where each candidate's stages stand, as the reminders need it: who has submitted a scorecard (emails only,
 * never scores) and which stages have a recorded decision. Built from parsed Score log rows by
 * `progressFromScoreLog`, or by the caller from any other record of submissions (e.g. sealed pending
 * scorecards, whose submitters are known while their scores stay sealed).
 */
import type { LogEntry } from '../scoring/log';

export interface StageRef {
  readonly candidateId: string;
  readonly stageId: string;
}

export interface ScorecardSubmission extends StageRef {
  /** The account that submitted. */
  readonly email: string;
}

export interface ScorecardProgress {
  readonly submitted: readonly ScorecardSubmission[];
  readonly decided: readonly StageRef[];
}

/** Submissions and decisions in Score log rows (every version counts: a submitted scorecard stays submitted). */
export function progressFromScoreLog(entries: readonly LogEntry[]): ScorecardProgress {
  const submitted: ScorecardSubmission[] = [];
  const decided: StageRef[] = [];
  const seen = new Set<string>();
  for (const e of entries) {
    if (e.kind === 'recommendation' || e.kind === 'score') {
      const key = `${e.candidateId}\u0000${e.stageId}\u0000${e.interviewer}`;
      if (seen.has(key)) continue;
      seen.add(key);
      submitted.push({ candidateId: e.candidateId, stageId: e.stageId, email: e.interviewer });
    } else if (e.kind === 'decision') {
      decided.push({ candidateId: e.candidateId, stageId: e.stageId });
    }
  }
  return { submitted, decided };
}
