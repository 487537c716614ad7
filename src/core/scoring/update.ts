/**
 * What a candidate update letter is about: the last decision recorded for the candidate (any stage, the latest
 * one), its outcome, and the interviewers' notes the hiring manager marked shareable for that stage. Nothing else
 * from a scorecard ever reaches a letter: no scores, no recommendation, no unmarked note.
 */
import type { Outcome } from '../labels';
import { type Process, type Stage, findStage } from '../process';
import type { SharedNote } from '../templates/render';
import { type LogEntry, forStage } from './log';
import { latestStageDecision } from './decisions';
import { latestScorecards } from './scorecards';
import { OVERALL_NOTE, isShareable, shareableNotes } from './shareable';

export type LetterSubject =
  | {
      readonly kind: 'letter';
      readonly stage: Stage;
      readonly outcome: 'advance' | 'reject';
      readonly sharedNotes: SharedNote[];
    }
  | { readonly kind: 'none'; readonly reason: string };

/** The letter for one candidate, or why there is none. */
export function letterSubject(
  process: Process,
  entries: readonly LogEntry[],
  candidateId: string,
): LetterSubject {
  let last: LogEntry | undefined;
  for (const e of entries)
    if (e.candidateId === candidateId && e.kind === 'decision') {
      if (!last || e.timestamp >= last.timestamp) last = e;
    }
  const stage = last ? findStage(process, last.stageId) : undefined;
  if (!last || !stage) return { kind: 'none', reason: 'no decision has been recorded yet' };
  const decision = latestStageDecision(entries, candidateId, stage.id);
  const outcome: Outcome | undefined = decision?.outcome;
  if (outcome !== 'advance' && outcome !== 'reject')
    return {
      kind: 'none',
      reason: `the last decision (${stage.name}) is "hold", so there is nothing to tell them yet`,
    };
  const marks = shareableNotes(entries, candidateId, stage.id);
  const sharedNotes: SharedNote[] = [];
  if (marks.length > 0) {
    for (const card of latestScorecards(forStage(entries, candidateId, stage.id), candidateId, stage.id)) {
      for (const category of stage.categories) {
        const text = card.notes[category.id]?.trim() ?? '';
        if (text !== '' && isShareable(marks, card.email, category.id))
          sharedNotes.push({ topic: category.name, text });
      }
      if (card.overallNote.trim() !== '' && isShareable(marks, card.email, OVERALL_NOTE))
        sharedNotes.push({ topic: 'Overall', text: card.overallNote.trim() });
    }
  }
  return { kind: 'letter', stage, outcome, sharedNotes };
}
