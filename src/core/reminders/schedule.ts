/**
 * Scheduled interviews: one date-time per candidate and stage, typed on the Candidates sheet under
 * "<Stage name> scheduled" and read in the spreadsheet's time zone (coordination.md).
 */
import { parseDateTimeCell } from '../cells';
import { formatInZone } from '../time-zone';

/** When each stage's interview is (or was), by stage id. A stage with nothing scheduled has no entry. */
export type InterviewSchedule = Readonly<Record<string, Date>>;

/** The Candidates column holding a stage's scheduled interview (its one home is core/candidates.ts). */
export { stageScheduledHeader } from '../candidates';

/** Whether `when` is before `now`. */
export function isPast(when: Date, now: Date): boolean {
  return when.getTime() < now.getTime();
}

/**
 * The warning for a newly scheduled interview whose time has already gone by (a typo in the year or the month,
 * as a rule), or null when it is still ahead.
 */
export function scheduledInPastWarning(when: Date, now: Date, timeZone: string): string | null {
  if (!isPast(when, now)) return null;
  return (
    `${formatInZone(when, timeZone, true)} has already passed (times are in ${timeZone}). ` +
    'If the interview is still to come, check the day, month and year.'
  );
}

/** A scheduled cell that could not be read, for the Reminders log or a setup note. */
export interface ScheduleProblem {
  readonly stageId: string;
  /** Follows the cell's name: "holds "next Tuesday", which is not a date and time: …". */
  readonly problem: string;
}

/**
 * A candidate's schedule from their "<Stage> scheduled" cells (stage id → cell value): blank cells are simply not
 * scheduled; cells that are not a date and time are left out and reported.
 */
export function readSchedule(
  cells: Readonly<Record<string, unknown>>,
  timeZone: string,
): { schedule: InterviewSchedule; problems: ScheduleProblem[] } {
  const schedule: Record<string, Date> = {};
  const problems: ScheduleProblem[] = [];
  for (const [stageId, value] of Object.entries(cells)) {
    const parsed = parseDateTimeCell(value, timeZone);
    if (parsed.kind === 'dateTime') schedule[stageId] = parsed.value;
    else if (parsed.kind === 'invalid') problems.push({ stageId, problem: parsed.problem });
  }
  return { schedule, problems };
}
