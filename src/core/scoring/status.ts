/**
 * One pass status for a candidate's stage, shared by the panel (and so the debrief) and the stage sheet's
 * "Scores held" column: which scores count (the hiring manager's reconciled scores once a decision is recorded),
 * and how many scorecards wait for a decision. Until a decision the stage is pending everywhere: the sheet's
 * Passes cell is blank and its Reason says how many scorecards wait; the panel says the same and adds what the
 * mean of the scorecards would give.
 */
import { plural } from '../wording';
import { latestDecision } from './decisions';
import type { LogEntry } from './log';
import { latestScorecards } from './scorecards';

/** Scorecards (each interviewer's latest) submitted after the latest decision, or all of them before one. */
export function waitingScorecards(
  stageEntries: readonly LogEntry[],
  candidateId: string,
  stageId: string,
): number {
  const decision = latestDecision(stageEntries);
  const decidedAt = decision?.[0].timestamp;
  return latestScorecards(stageEntries, candidateId, stageId).filter(
    (card) => decidedAt === undefined || card.submittedAt > decidedAt,
  ).length;
}

/** "2 scorecards waiting for a decision". */
export function waitingText(waiting: number): string {
  return `${plural(waiting, 'scorecard')} waiting for a decision`;
}

/**
 * What the stage sheet's "Scores held" cell says for a candidate: whether the row holds the hiring manager's
 * reconciled scores, and how many scorecards wait for a decision; "" when Scorecard recorded nothing for it
 * (scores in the row, if any, were typed by hand).
 */
export function scoresHeldText(
  stageEntries: readonly LogEntry[],
  candidateId: string,
  stageId: string,
): string {
  const decided = latestDecision(stageEntries) !== null;
  const waiting = waitingScorecards(stageEntries, candidateId, stageId);
  const parts = [
    ...(decided ? ['Reconciled scores from the decision'] : []),
    ...(waiting > 0 ? [waitingText(waiting)] : []),
  ];
  return parts.join('; ');
}
