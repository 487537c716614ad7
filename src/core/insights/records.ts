/**
 * The Score log as the insights read it: one record per candidate and stage, with each interviewer's latest
 * scorecard and the hiring manager's latest decision exactly as the panel view shows them (src/core/panel.ts),
 * plus when the first scorecard and the first decision came in.
 *
 * Callers pass published entries only: a sealed, pending scorecard must never reach anything shown in cells.
 */
import type { PanelDecision, PanelInterviewer } from '../contract';
import { normaliseEmail } from '../people';
import { latestStageDecision } from '../scoring/decisions';
import type { LogEntry } from '../scoring/log';
import { latestScorecards } from '../scoring/scorecards';

export interface StageRecord {
  readonly candidateId: string;
  readonly stageId: string;
  /** Each interviewer's latest scorecard, in order of first submission. */
  readonly scorecards: readonly PanelInterviewer[];
  /** When each interviewer first submitted a scorecard here (ms since the epoch), by `interviewerKey`. */
  readonly firstSubmitted: ReadonlyMap<string, number>;
  /** When anyone first submitted a scorecard here (ms); null when nobody has. */
  readonly firstScorecardAt: number | null;
  /** The latest decision; null before one. */
  readonly decision: PanelDecision | null;
  /** When the first decision was recorded (ms); null before one. */
  readonly firstDecisionAt: number | null;
}

/** The key under which an interviewer's figures are gathered: the email as `sameEmail` compares it. */
export function interviewerKey(email: string): string {
  return normaliseEmail(email);
}

function earlier(current: number | undefined | null, time: number): number {
  return current === undefined || current === null || time < current ? time : current;
}

/** One record per candidate and stage that has any scorecard or decision, in order of first appearance. */
export function stageRecords(entries: readonly LogEntry[]): StageRecord[] {
  const buckets = new Map<string, LogEntry[]>();
  for (const entry of entries) {
    const key = `${entry.candidateId}\u0000${entry.stageId}`;
    const bucket = buckets.get(key);
    if (bucket) bucket.push(entry);
    else buckets.set(key, [entry]);
  }
  const records: StageRecord[] = [];
  for (const bucket of buckets.values()) {
    const { candidateId, stageId } = bucket[0];
    const firstSubmitted = new Map<string, number>();
    let firstScorecardAt: number | null = null;
    let firstDecisionAt: number | null = null;
    for (const entry of bucket) {
      const time = Date.parse(entry.timestamp);
      if (Number.isNaN(time)) continue;
      if (entry.kind === 'score' || entry.kind === 'recommendation') {
        const key = interviewerKey(entry.interviewer);
        firstSubmitted.set(key, earlier(firstSubmitted.get(key), time));
        firstScorecardAt = earlier(firstScorecardAt, time);
      } else if (entry.kind === 'decision') {
        firstDecisionAt = earlier(firstDecisionAt, time);
      }
    }
    const scorecards = latestScorecards(bucket, candidateId, stageId);
    const decision = latestStageDecision(bucket, candidateId, stageId);
    if (scorecards.length === 0 && decision === null) continue;
    records.push({
      candidateId,
      stageId,
      scorecards,
      firstSubmitted,
      firstScorecardAt,
      decision,
      firstDecisionAt,
    });
  }
  return records;
}
