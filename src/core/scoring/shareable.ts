/**
 * Notes a candidate may read: the hiring manager marks, in the panel view, which interviewers' notes a candidate
 * update letter may quote. Nothing is shared by default; the latest mark for a note wins. Recorded as `shareable`
 * rows of the Score log (see log.ts), one per mark, by the hiring manager only.
 */
import { UserError } from '../errors';
import { sameEmail } from '../people';
import { type LogEntry, forStage, toIso } from './log';

/** The category id a mark on an interviewer's overall note uses. */
export const OVERALL_NOTE = 'overall';

export interface ShareableMark {
  readonly interviewer: string;
  /** A category id, or OVERALL_NOTE. */
  readonly categoryId: string;
}

/** The notes of one candidate and stage marked shareable now (latest mark wins), in log order. */
export function shareableNotes(
  entries: readonly LogEntry[],
  candidateId: string,
  stageId: string,
): ShareableMark[] {
  const state = new Map<string, { mark: ShareableMark; shared: boolean }>();
  for (const e of forStage(entries, candidateId, stageId)) {
    if (e.kind !== 'shareable') continue;
    const key = `${e.note.trim().toLowerCase()}\u0000${e.category}`;
    state.delete(key);
    state.set(key, { mark: { interviewer: e.note.trim(), categoryId: e.category }, shared: e.score === 1 });
  }
  return [...state.values()].filter((s) => s.shared).map((s) => s.mark);
}

export function isShareable(
  marks: readonly ShareableMark[],
  interviewer: string,
  categoryId: string,
): boolean {
  return marks.some((m) => m.categoryId === categoryId && sameEmail(m.interviewer, interviewer));
}

export interface ShareableRequest {
  readonly submissionId: string;
  readonly candidateId: string;
  readonly stageId: string;
  readonly interviewer: string;
  readonly categoryId: string;
  readonly shareable: boolean;
}

/** The row that records a mark, after checking who may make it and that the note exists. */
export function shareableEntries(input: {
  readonly entries: readonly LogEntry[];
  readonly request: ShareableRequest;
  readonly by: string;
  readonly hiringManager: string;
  readonly categoryIds: readonly string[];
  readonly now: Date | string;
}): LogEntry[] {
  const { entries, request, by, hiringManager } = input;
  if (hiringManager.trim() === '' || !sameEmail(by, hiringManager)) {
    throw new UserError(
      'not-allowed',
      `Only the hiring manager${hiringManager.trim() === '' ? '' : ` (${hiringManager})`} can choose which notes a candidate may read.`,
    );
  }
  if (entries.some((e) => e.submissionId === request.submissionId)) return [];
  if (request.categoryId !== OVERALL_NOTE && !input.categoryIds.includes(request.categoryId)) {
    throw new UserError('invalid-request', `Unknown category "${request.categoryId}" for this stage.`);
  }
  const wrote = forStage(entries, request.candidateId, request.stageId).some(
    (e) =>
      (e.kind === 'score' || e.kind === 'recommendation') && sameEmail(e.interviewer, request.interviewer),
  );
  if (!wrote) {
    throw new UserError(
      'not-found',
      `${request.interviewer} has not submitted a scorecard for this candidate and stage, so there is no note to share.`,
    );
  }
  return [
    {
      timestamp: toIso(input.now),
      submissionId: request.submissionId,
      version: 1,
      candidateId: request.candidateId,
      stageId: request.stageId,
      interviewer: by,
      kind: 'shareable',
      category: request.categoryId,
      score: request.shareable ? 1 : 0,
      note: request.interviewer,
    },
  ];
}
