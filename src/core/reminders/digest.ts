/**
 * The digest plan: from the candidates, their schedules and who has submitted, one digest per person of what
 * is due from them. Pure: the caller reads the sheets once and sends (or previews) what this returns.
 *
 * ## What is due, and from whom
 *
 * - Candidates whose Status is Rejected, Withdrawn or Hired are left out altogether.
 * - A stage is **settled** once a decision is recorded for it, or once the candidate's Stage is a later stage of
 *   the process (the team moved them on). Nothing is asked about a settled stage.
 * - **Scorecards owed** (to each interviewer): for every stage that is not settled and whose scheduled interview
 *   time has come (scheduled ≤ now), each Panel member who has not submitted a scorecard for that candidate and
 *   stage. It is due `feedbackHours` after the scheduled time (wall clock, in the spreadsheet's zone); before then
 *   it is listed as "due by …", after it as late. An interview still to come is not owed.
 * - **Waiting for a decision** (to the hiring manager): a stage that is not settled, has at least one scorecard,
 *   and either every Panel member has submitted or the feedback service level has run out (so one late
 *   interviewer does not hold the decision back unseen; the late ones are reminded themselves).
 * - **Overdue candidates** (to the hiring manager): Active candidates whose next step is past due against their
 *   stage's service level, counted from "In stage since" exactly as the Candidates sheet's Overdue column counts.
 * - A Panel or Hiring manager entry that is not an email address is skipped with a note for the run log.
 * - Most overdue first, everywhere: items within a digest, and digests (by their most overdue item).
 */
import { dueDate, type Candidate } from '../candidates';
import { UserError } from '../errors';
import { sameEmail } from '../people';
import { findStage, type Process } from '../process';
import { checkTimeZone } from '../time-zone';
import type { ScorecardProgress } from './progress';
import { isEmailAddress } from './recipients';
import type { InterviewSchedule } from './schedule';
import { DEFAULT_FEEDBACK_HOURS, feedbackDue, type StageServiceLevels } from './service-levels';

/** A candidate as the reminders read them: the Candidates row plus "In stage since" and the schedule. */
export interface ReminderCandidate extends Pick<
  Candidate,
  'id' | 'name' | 'stageName' | 'stageId' | 'status' | 'hiringManager' | 'panel'
> {
  /** "In stage since", or null when the cell is blank or not a date. */
  readonly inStageSince: Date | null;
  readonly schedule: InterviewSchedule;
}

export interface DigestInput {
  readonly process: Process;
  readonly candidates: readonly ReminderCandidate[];
  readonly progress: ScorecardProgress;
  readonly stageServiceLevels: StageServiceLevels;
  /** Hours after the interview by which a scorecard is due; 24 when absent. */
  readonly feedbackHours?: number;
  readonly now: Date;
  /** The spreadsheet's IANA time zone. */
  readonly timeZone: string;
}

interface ItemBase {
  readonly candidateId: string;
  readonly candidateName: string;
  readonly stageId: string;
  readonly stageName: string;
  /** How far past its due time the item is, in milliseconds; negative while it is not yet due. */
  readonly overdueMs: number;
}

/** A scorecard an interviewer has not submitted. */
export interface OwedScorecard extends ItemBase {
  readonly kind: 'scorecard';
  readonly interviewAt: Date;
  readonly dueAt: Date;
}

/** A candidate waiting in their stage longer than its service level allows. */
export interface OverdueCandidate extends ItemBase {
  readonly kind: 'overdue';
  readonly inStageSince: Date;
  readonly dueAt: Date;
}

/** A stage whose scorecards are in (or due), waiting for the hiring manager's decision. */
export interface AwaitingDecision extends ItemBase {
  readonly kind: 'decision';
  /** Null when the stage has no scheduled time (then overdueMs is 0). */
  readonly interviewAt: Date | null;
  /** Scorecards submitted for the stage, by anyone. */
  readonly submitted: number;
  /** Panel members who can submit (entries that are email addresses). */
  readonly panelSize: number;
  /** Panel members who have not submitted yet. */
  readonly missing: readonly string[];
}

export type DigestItem = OwedScorecard | OverdueCandidate | AwaitingDecision;

/** Everything due from one person, in one email. */
export interface Digest {
  /** The address as first written in a Panel or Hiring manager cell, trimmed. */
  readonly email: string;
  readonly scorecards: readonly OwedScorecard[];
  readonly overdue: readonly OverdueCandidate[];
  readonly decisions: readonly AwaitingDecision[];
  /** overdueMs of the most overdue item. */
  readonly mostOverdueMs: number;
  readonly itemCount: number;
}

/** Something left out of the plan, with a line a run log can show as it is. */
export interface SkippedEntry {
  readonly candidateId: string;
  readonly message: string;
}

export interface DigestPlan {
  /** Most overdue first; nobody appears twice and nobody without something due appears. */
  readonly digests: readonly Digest[];
  readonly skipped: readonly SkippedEntry[];
}

const CLOSED_STATUSES = ['rejected', 'withdrawn', 'hired'];

function isClosed(status: string): boolean {
  return CLOSED_STATUSES.includes(status.trim().toLowerCase());
}

function isActive(status: string): boolean {
  // A blank Status reads as Active: setup fills new rows with Active, and the Overdue column agrees.
  const s = status.trim().toLowerCase();
  return s === '' || s === 'active';
}

function stageKey(candidateId: string, stageId: string): string {
  return `${candidateId}\u0000${stageId}`;
}

/** Indexes who submitted what, so a run over 1,000 candidates does not rescan the log per stage. */
function indexProgress(progress: ScorecardProgress): {
  submittedBy: (candidateId: string, stageId: string) => readonly string[];
  isDecided: (candidateId: string, stageId: string) => boolean;
} {
  const submitted = new Map<string, string[]>();
  for (const s of progress.submitted) {
    const key = stageKey(s.candidateId, s.stageId);
    const list = submitted.get(key);
    if (!list) submitted.set(key, [s.email]);
    else if (!list.some((e) => sameEmail(e, s.email))) list.push(s.email);
  }
  const decided = new Set(progress.decided.map((d) => stageKey(d.candidateId, d.stageId)));
  return {
    submittedBy: (c, s) => submitted.get(stageKey(c, s)) ?? [],
    isDecided: (c, s) => decided.has(stageKey(c, s)),
  };
}

interface DraftDigest {
  email: string;
  scorecards: OwedScorecard[];
  overdue: OverdueCandidate[];
  decisions: AwaitingDecision[];
}

/** One draft per person; every lookup goes through sameEmail, with a cache for the exact spelling. */
class Digests {
  private readonly drafts: DraftDigest[] = [];
  private readonly bySpelling = new Map<string, DraftDigest>();

  for(email: string): DraftDigest {
    const cached = this.bySpelling.get(email);
    if (cached) return cached;
    let draft = this.drafts.find((d) => sameEmail(d.email, email));
    if (!draft) {
      draft = { email: email.trim(), scorecards: [], overdue: [], decisions: [] };
      this.drafts.push(draft);
    }
    this.bySpelling.set(email, draft);
    return draft;
  }

  all(): readonly DraftDigest[] {
    return this.drafts;
  }
}

function byMostOverdue(a: ItemBase, b: ItemBase): number {
  return (
    b.overdueMs - a.overdueMs ||
    a.candidateName.localeCompare(b.candidateName) ||
    a.candidateId.localeCompare(b.candidateId) ||
    a.stageId.localeCompare(b.stageId)
  );
}

function finish(draft: DraftDigest): Digest {
  const scorecards = [...draft.scorecards].sort(byMostOverdue);
  const overdue = [...draft.overdue].sort(byMostOverdue);
  const decisions = [...draft.decisions].sort(byMostOverdue);
  const items: ItemBase[] = [...scorecards, ...overdue, ...decisions];
  return {
    email: draft.email,
    scorecards,
    overdue,
    decisions,
    mostOverdueMs: items.reduce((most, i) => Math.max(most, i.overdueMs), -Infinity),
    itemCount: items.length,
  };
}

/** Digests in sending order: most overdue first, then by address so the order never depends on the input's. */
export function compareDigests(a: Digest, b: Digest): number {
  return b.mostOverdueMs - a.mostOverdueMs || a.email.toLowerCase().localeCompare(b.email.toLowerCase());
}

function label(candidate: Pick<ReminderCandidate, 'id' | 'name'>): string {
  return candidate.name === '' ? candidate.id : `${candidate.id} (${candidate.name})`;
}

/** Builds one digest per person with something due; see the rules at the top of this file. */
export function planDigests(input: DigestInput): DigestPlan {
  const { process, now, timeZone } = input;
  checkTimeZone(timeZone);
  const feedbackHours = input.feedbackHours ?? DEFAULT_FEEDBACK_HOURS;
  if (!(feedbackHours > 0) || !Number.isFinite(feedbackHours)) {
    throw new UserError(
      'invalid-sheet',
      `The feedback service level must be a number of hours above 0, not ${feedbackHours}.`,
    );
  }
  const { submittedBy, isDecided } = indexProgress(input.progress);
  const position = new Map(process.stages.map((s, i) => [s.id, i]));
  const digests = new Digests();
  const skipped: SkippedEntry[] = [];
  const nowMs = now.getTime();

  for (const candidate of input.candidates) {
    if (isClosed(candidate.status)) continue;
    const who = label(candidate);
    const current = candidate.stageId === null ? undefined : position.get(candidate.stageId);
    const manager = candidate.hiringManager.trim();
    const managerOk = isEmailAddress(manager);
    const managerProblem =
      manager === ''
        ? 'the Hiring manager cell is blank'
        : `"${manager}" in Hiring manager is not an email address`;

    // Panel entries: addresses once each (sameEmail), the rest noted when someone would have been reminded.
    const panel: string[] = [];
    const notEmails: string[] = [];
    for (const entry of candidate.panel) {
      if (entry.trim() === '') continue;
      if (!isEmailAddress(entry)) {
        if (!notEmails.includes(entry)) notEmails.push(entry);
      } else if (!panel.some((p) => sameEmail(p, entry))) panel.push(entry.trim());
    }
    let owesSomething = false;

    for (const [stageId, interviewAt] of Object.entries(candidate.schedule)) {
      const index = position.get(stageId);
      const stage = findStage(process, stageId);
      if (index === undefined || !stage) {
        skipped.push({
          candidateId: candidate.id,
          message: `${who}: a scheduled interview is for "${stageId}", which is not a stage of this process; it was left out.`,
        });
        continue;
      }
      if (interviewAt.getTime() > nowMs) continue;
      if (isDecided(candidate.id, stageId) || (current !== undefined && index < current)) continue;
      owesSomething = true;
      const dueAt = feedbackDue(interviewAt, feedbackHours, timeZone);
      const overdueMs = nowMs - dueAt.getTime();
      const base = {
        candidateId: candidate.id,
        candidateName: candidate.name,
        stageId,
        stageName: stage.name,
        overdueMs,
      };
      const submitted = submittedBy(candidate.id, stageId);
      const missing = panel.filter((member) => !submitted.some((s) => sameEmail(s, member)));
      if (panel.length === 0 && notEmails.length === 0 && submitted.length === 0) {
        skipped.push({
          candidateId: candidate.id,
          message: `${who}: the ${stage.name} interview has taken place, but the Panel cell names nobody, so nobody was reminded.`,
        });
      }
      for (const member of missing) {
        digests.for(member).scorecards.push({ ...base, kind: 'scorecard', interviewAt, dueAt });
      }
      if (submitted.length > 0 && (missing.length === 0 || overdueMs >= 0)) {
        if (managerOk) {
          digests.for(manager).decisions.push({
            ...base,
            kind: 'decision',
            interviewAt,
            submitted: submitted.length,
            panelSize: panel.length,
            missing,
          });
        } else {
          skipped.push({
            candidateId: candidate.id,
            message: `${who}: the ${stage.name} decision is waiting, but ${managerProblem}, so nobody was told.`,
          });
        }
      }
    }

    // Stages with scorecards but no scheduled time: once the whole panel is in, the decision is waiting.
    for (const stage of process.stages) {
      if (candidate.schedule[stage.id] !== undefined) continue;
      const index = position.get(stage.id) as number;
      if (isDecided(candidate.id, stage.id) || (current !== undefined && index < current)) continue;
      const submitted = submittedBy(candidate.id, stage.id);
      if (submitted.length === 0) continue;
      const missing = panel.filter((member) => !submitted.some((s) => sameEmail(s, member)));
      if (missing.length > 0) continue;
      if (!managerOk) {
        skipped.push({
          candidateId: candidate.id,
          message: `${who}: the ${stage.name} decision is waiting, but ${managerProblem}, so nobody was told.`,
        });
        continue;
      }
      digests.for(manager).decisions.push({
        candidateId: candidate.id,
        candidateName: candidate.name,
        stageId: stage.id,
        stageName: stage.name,
        overdueMs: 0,
        kind: 'decision',
        interviewAt: null,
        submitted: submitted.length,
        panelSize: panel.length,
        missing,
      });
    }

    if (owesSomething) {
      for (const entry of notEmails) {
        skipped.push({
          candidateId: candidate.id,
          message: `${who}: "${entry}" in Panel is not an email address, so no reminder went to them.`,
        });
      }
    }

    // The stage's service level, counted as the Overdue column counts it (Active candidates only).
    const level = candidate.stageId === null ? undefined : input.stageServiceLevels[candidate.stageId];
    const stage = candidate.stageId === null ? undefined : findStage(process, candidate.stageId);
    if (!isActive(candidate.status) || !level || !stage || candidate.inStageSince === null) continue;
    const dueAt = dueDate(candidate.inStageSince, level, timeZone);
    if (dueAt.getTime() >= nowMs) continue;
    if (!managerOk) {
      skipped.push({
        candidateId: candidate.id,
        message: `${who}: overdue in ${stage.name}, but ${managerProblem}, so nobody was told.`,
      });
      continue;
    }
    digests.for(manager).overdue.push({
      kind: 'overdue',
      candidateId: candidate.id,
      candidateName: candidate.name,
      stageId: stage.id,
      stageName: stage.name,
      overdueMs: nowMs - dueAt.getTime(),
      inStageSince: candidate.inStageSince,
      dueAt,
    });
  }

  const finished = digests
    .all()
    .filter((d) => d.scorecards.length + d.overdue.length + d.decisions.length > 0)
    .map(finish)
    .sort(compareDigests);
  return { digests: finished, skipped };
}
