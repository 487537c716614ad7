/**
 * The pipeline per stage: who reached it, is in it, passed it, was rejected or withdrew there; how long
 * candidates wait in it; what is overdue against its service level; how long decisions take.
 *
 * The workbook holds each candidate's *current* stage and status (Candidates sheet) and every scorecard and
 * decision (Score log), not a history of moves, so the figures are defined from those (candidates no longer on
 * the Candidates sheet are left out of every figure):
 *
 * - **reached** a stage: the candidate is in it now, or is in a later stage and the skipped stage is not
 *   optional, or has a scorecard or decision for it. (An optional stage, such as a practical test that runs only
 *   when a take-home came in, counts as reached only with a scorecard or decision: being beyond it does not show
 *   that the candidate went through it.)
 * - **in** the stage: it is the current stage and the status is Active, On hold, blank or anything that does
 *   not say the candidate left.
 * - **passed**: reached it and is now in a later stage, or it is the current stage and the status is Offer or
 *   Hired (they passed the last step they took).
 * - **rejected** / **withdrew**: it is the current stage and the status is Rejected / Withdrawn.
 * - **pass-through rate**: passed ÷ (passed + rejected + withdrew), the share of the candidates who left the
 *   stage that moved on; candidates still in it are not counted either way. Null when nobody has left it yet.
 * - **days in stage**: for the candidates in it, calendar days from "In stage since" to today; median and longest.
 * - **overdue**: candidates in it with status Active whose next step is past due, counted as the Candidates
 *   sheet's Overdue column counts them: due on WORKDAY(since, n) for a service level in business days, on
 *   since + n for calendar days (both overdue from the due day itself), at since + n hours for hours. Null when
 *   the stage has no service level.
 * - **time to decision**: calendar days from the first scorecard for the candidate and stage to the first
 *   decision recorded for it; the median over the candidates who have both.
 *
 * Calendar days are read in the spreadsheet's time zone (`timeZone`); `now` is passed in, never read.
 */
import type { ServiceLevel } from '../process';
import { addBusinessDays, calendarDay } from '../time-zone';
import { median } from '../rules';
import type { StageRecord } from './records';

/** A service level as the Pipeline sheet holds it (only the figure and its unit matter here). */
export type StageServiceLevel = Pick<ServiceLevel, 'within' | 'unit'>;

export interface PipelineStage {
  readonly id: string;
  readonly optional: boolean;
  /** From the Pipeline sheet; absent when the team set none. */
  readonly serviceLevel?: StageServiceLevel | null;
}

export interface PipelineCandidate {
  readonly id: string;
  /** The current stage's id; null when the Stage cell is blank or names no stage of the process. */
  readonly stageId: string | null;
  /** The Status cell as typed (compared without regard to case). */
  readonly status: string;
  /** "In stage since" (a date, as Sheets gives it: midnight in the spreadsheet's time zone); null when blank. */
  readonly inStageSince: Date | null;
}

export interface StagePipeline {
  readonly stageId: string;
  readonly reached: number;
  readonly inStage: number;
  readonly passed: number;
  readonly rejected: number;
  readonly withdrew: number;
  readonly passThroughRate: number | null;
  readonly medianDaysInStage: number | null;
  readonly longestDaysInStage: number | null;
  /** Null when the stage has no service level. */
  readonly overdue: number | null;
  /** Candidates with both a first scorecard and a decision for the stage. */
  readonly decided: number;
  readonly medianDaysToDecision: number | null;
}

type Standing = 'in' | 'passed' | 'rejected' | 'withdrew';

function standing(status: string): Standing {
  switch (status.trim().toLowerCase()) {
    case 'rejected':
      return 'rejected';
    case 'withdrawn':
      return 'withdrew';
    case 'offer':
    case 'hired':
      return 'passed';
    default:
      return 'in';
  }
}

const MS_PER_HOUR = 3_600_000;

function isOverdue(
  since: Date,
  level: StageServiceLevel,
  now: Date,
  today: number,
  timeZone: string,
): boolean {
  if (level.unit === 'hours') return now.getTime() > since.getTime() + level.within * MS_PER_HOUR;
  const sinceDay = calendarDay(since, timeZone);
  const due =
    level.unit === 'days'
      ? sinceDay + Math.trunc(level.within)
      : addBusinessDays(sinceDay, Math.trunc(level.within));
  return today >= due;
}

function validDate(date: Date | null): date is Date {
  return date !== null && !Number.isNaN(date.getTime());
}

export function stagePipeline(input: {
  readonly stages: readonly PipelineStage[];
  readonly candidates: readonly PipelineCandidate[];
  readonly records: readonly StageRecord[];
  readonly timeZone: string;
  /**
   * Today, for days in stage and overdue; without it those are null (a custom function must not read the
   * clock: the sheet computes them with native formulas over the Candidates sheet instead).
   */
  readonly now?: Date;
}): StagePipeline[] {
  const { stages, candidates, timeZone, now } = input;
  const today = now ? calendarDay(now, timeZone) : NaN;
  const index = new Map(stages.map((s, i) => [s.id, i]));
  const onSheet = new Set(candidates.map((c) => c.id));
  const evidence = new Set<string>();
  const decisionDays = stages.map((): number[] => []);
  for (const record of input.records) {
    if (!onSheet.has(record.candidateId)) continue;
    evidence.add(`${record.candidateId}\u0000${record.stageId}`);
    const j = index.get(record.stageId);
    if (j !== undefined && record.firstScorecardAt !== null && record.firstDecisionAt !== null) {
      decisionDays[j].push(
        calendarDay(new Date(record.firstDecisionAt), timeZone) -
          calendarDay(new Date(record.firstScorecardAt), timeZone),
      );
    }
  }

  const counts = stages.map(() => ({ reached: 0, in: 0, passed: 0, rejected: 0, withdrew: 0 }));
  const waiting = stages.map((): number[] => []);
  const overdue = stages.map(() => 0);
  for (const candidate of candidates) {
    const current = candidate.stageId === null ? undefined : index.get(candidate.stageId);
    const where = standing(candidate.status);
    for (let j = 0; j < stages.length; j++) {
      const scored = evidence.has(`${candidate.id}\u0000${stages[j].id}`);
      const reached =
        scored || (current !== undefined && (j === current || (j < current && !stages[j].optional)));
      if (!reached) continue;
      const count = counts[j];
      count.reached++;
      if (current === undefined || j > current) continue;
      if (j < current) {
        count.passed++;
        continue;
      }
      count[where]++;
      if (where !== 'in' || !now || !validDate(candidate.inStageSince)) continue;
      waiting[j].push(today - calendarDay(candidate.inStageSince, timeZone));
      const level = stages[j].serviceLevel;
      if (
        level &&
        candidate.status.trim().toLowerCase() === 'active' &&
        isOverdue(candidate.inStageSince, level, now, today, timeZone)
      ) {
        overdue[j]++;
      }
    }
  }

  return stages.map((stage, j) => {
    const c = counts[j];
    const left = c.passed + c.rejected + c.withdrew;
    return {
      stageId: stage.id,
      reached: c.reached,
      inStage: c.in,
      passed: c.passed,
      rejected: c.rejected,
      withdrew: c.withdrew,
      passThroughRate: left === 0 ? null : c.passed / left,
      medianDaysInStage: median(waiting[j]),
      longestDaysInStage: waiting[j].reduce<number | null>((a, b) => (a === null || b > a ? b : a), null),
      overdue: stage.serviceLevel && now ? overdue[j] : null,
      decided: decisionDays[j].length,
      medianDaysToDecision: median(decisionDays[j]),
    };
  });
}
