/**
 * The screening panel the runtime tests score: Ada Lovelace (C-0001) at the default workbook's screening stage,
 * with MANAGER as hiring manager and ALICE and BOB on the panel; builders for the requests the tests send for it
 * through sidebarCall (a scorecard, a decision); and the text of the debrief they generate.
 */
import type { RecordDecisionRequest, SubmitScorecardRequest } from '../../src/core/contract';
import type { Runtime, RuntimeOptions } from '../../runtime';
import { defaultWorkbookWithCandidates } from '../../scripts/workbooks';
import { sidebarCall } from './sidebar-call';

export const MANAGER = 'manager@example.com';
export const ALICE = 'alice@example.com';
export const BOB = 'bob@example.com';
export const STAGE = { candidateId: 'C-0001', stageId: 'screening' };
/** The screening rubric's category ids, in the rubric's order (communication clarity is the key risk). */
export const CATEGORIES = ['communication-clarity', 'motivation-fit', 'basic-role-fit'] as const;

/** The default workbook with two candidates; the first has MANAGER as hiring manager and ALICE, BOB as panel. */
export function screeningWorkbook(options: RuntimeOptions = {}): Runtime {
  const rt = defaultWorkbookWithCandidates(2, options);
  rt.setCells('Candidates', 'G2', [[MANAGER, `${ALICE}, ${BOB}`]]);
  return rt;
}

/** One score for every category, or the categories' scores in order. */
function byCategory(scores: number | readonly number[]): Record<string, number> {
  return Object.fromEntries(CATEGORIES.map((c, i) => [c, typeof scores === 'number' ? scores : scores[i]]));
}

/** A submitScorecard request for STAGE: no notes, recommendation 'yes', no overall note, unless `extra` says. */
export function screeningScorecard(
  submissionId: string,
  scores: number | readonly number[],
  extra: Partial<SubmitScorecardRequest> = {},
): SubmitScorecardRequest {
  return {
    submissionId,
    ...STAGE,
    scores: byCategory(scores),
    notes: {},
    recommendation: 'yes',
    overallNote: '',
    ...extra,
  };
}

/** A recordDecision request for STAGE with these reconciled scores: advance, note 'Good', unless `extra` says. */
export function screeningDecision(
  submissionId: string,
  scores: number | readonly number[],
  extra: Partial<RecordDecisionRequest> = {},
): RecordDecisionRequest {
  return {
    submissionId,
    ...STAGE,
    reconciled: byCategory(scores),
    outcome: 'advance',
    note: 'Good',
    ...extra,
  };
}

/** The text of the debrief document `user` generates for STAGE (the document the call answers with). */
export function debriefText(rt: Runtime, user: string): string {
  const made = sidebarCall(rt, user, 'generateDebriefDocument', STAGE);
  const doc = rt.documents.list().find((d) => d.url === made.url);
  if (!doc) throw new Error(`No document at ${made.url}`);
  return rt.documents.text(doc.id);
}
