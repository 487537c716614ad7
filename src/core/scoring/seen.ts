/**
 * Revisions are visible, not a loophole. The first time Scorecard shows a person someone else's scores for a
 * candidate and stage (the panel view, a debrief), it records that once, as a `panel-seen` row whose score is
 * the version of the person's own scorecard at that moment (0 before their first). Any later version of their
 * scorecard is then marked wherever it is shown: "revised after seeing the panel", or, for a first scorecard
 * written after looking (a hiring manager may look first), "submitted after seeing the panel". Until the stage's
 * first decision the row is sealed like a scorecard and published with that decision; after it, when the
 * decided scores are in the Score log for every editor anyway, it is appended to the Score log. Either way it is
 * signed like every record.
 */
import type { AfterPanel } from '../labels';
import { normaliseEmail, sameEmail } from '../people';
import { latestDecision } from './decisions';
import { type LogEntry, toIso } from './log';

/**
 * The submission ID of a person's record for a candidate and stage: one per person, so a retried or concurrent
 * call writes the same record (the same sealed property) rather than a second one.
 */
export function panelSeenId(candidateId: string, stageId: string, person: string): string {
  return `seen:${candidateId}:${stageId}:${normaliseEmail(person)}`;
}

/** The version of the person's scorecard when they first saw others' scores for the stage; null if they have not. */
export function seenAtVersion(stageEntries: readonly LogEntry[], person: string): number | null {
  let seen: number | null = null;
  for (const e of stageEntries) {
    if (e.kind !== 'panel-seen' || e.score === null || !sameEmail(e.interviewer, person)) continue;
    seen = seen === null ? e.score : Math.min(seen, e.score);
  }
  return seen;
}

/** Whether a version of a scorecard came after its interviewer saw the panel, and how. */
export function afterPanel(version: number, seenAt: number | null): AfterPanel | null {
  if (seenAt === null || version <= seenAt) return null;
  return version === 1 ? 'submitted' : 'revised';
}

/** The one row that records it: the person's own scorecard was at `ownVersion` (0 for none). */
export function panelSeenRow(input: {
  candidateId: string;
  stageId: string;
  person: string;
  ownVersion: number;
  now: Date | string;
}): LogEntry {
  return {
    timestamp: toIso(input.now),
    submissionId: panelSeenId(input.candidateId, input.stageId, input.person),
    version: 1,
    candidateId: input.candidateId,
    stageId: input.stageId,
    interviewer: input.person,
    kind: 'panel-seen',
    category: '',
    score: input.ownVersion,
    note: '',
  };
}

export const PANEL_SEEN_STORE_FULL_MESSAGE =
  'Scorecard cannot show you the others’ scores yet: it records that you have seen them before it shows them, ' +
  'and the spreadsheet’s private store is full of scorecards waiting for a decision. Nothing was shown or ' +
  'created. Ask the hiring managers to record their decisions (that frees the store), then try again.';

/** Whether a look at this stage's panel is sealed: until the stage's first decision, which publishes it. */
export function lookIsSealed(stageEntries: readonly LogEntry[]): boolean {
  return latestDecision(stageEntries) === null;
}

/**
 * Sealed looks may use this much of the store's reserve (RESERVED_BYTES in core/scoring/sealed.ts): a store full
 * of scorecards waiting for decisions must not stop the hiring manager opening the panel that decides them
 * (a look is about 0.3 KB, so this is room for some seventy).
 */
export const LOOKS_MAY_USE_BYTES = 20 * 1024;
