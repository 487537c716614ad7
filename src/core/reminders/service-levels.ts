/**
 * Service levels the reminders hold people to: per stage, how long a candidate may wait (Pipeline sheet, in
 * business days or hours, as the "Next step due" formula reads them), and for feedback, how many hours after
 * the interview a scorecard is due (default 24).
 */
import { describeValue, isBlank, parseNumber } from '../cells';
import type { ServiceLevel } from '../process';
import { addWallClockHours } from '../time-zone';

/** Hours after an interview by which each interviewer's scorecard is due, unless the Pipeline sheet says otherwise. */
export const DEFAULT_FEEDBACK_HOURS = 24;

/** A stage's service level, without the promise's wording. */
export type StageServiceLevel = Pick<ServiceLevel, 'within' | 'unit'>;

/** Service levels by stage id; a stage without one has no entry (the seeds do not always name one). */
export type StageServiceLevels = Readonly<Record<string, StageServiceLevel | undefined>>;

export type CellReading<T> =
  { readonly kind: 'value'; readonly value: T } | { readonly kind: 'invalid'; readonly problem: string };

/** The feedback service level from its Pipeline cell: blank means the default of 24 hours. */
export function parseFeedbackHoursCell(value: unknown): CellReading<number> {
  if (isBlank(value)) return { kind: 'value', value: DEFAULT_FEEDBACK_HOURS };
  const hours = parseNumber(value);
  if (hours === undefined || typeof value === 'boolean' || hours <= 0) {
    return {
      kind: 'invalid',
      problem:
        `holds ${describeValue(value)}, which is not a number of hours above 0 ` +
        `(leave it blank for the default of ${DEFAULT_FEEDBACK_HOURS})`,
    };
  }
  return { kind: 'value', value: hours };
}

/**
 * A stage's service level from its two Pipeline cells, read as the "Next step due" formula reads them: business
 * days when above 0, otherwise hours when above 0, otherwise none. A cell that is not a number is reported.
 */
export function parseStageServiceLevelCells(
  businessDays: unknown,
  hours: unknown,
): CellReading<StageServiceLevel | undefined> {
  for (const [value, unit] of [
    [businessDays, 'businessDays'],
    [hours, 'hours'],
  ] as const) {
    if (isBlank(value)) continue;
    const n = parseNumber(value);
    if (n === undefined || typeof value === 'boolean') {
      return {
        kind: 'invalid',
        problem: `holds ${describeValue(value)}, which is not a number of ${unit === 'hours' ? 'hours' : 'business days'}`,
      };
    }
    if (n > 0) return { kind: 'value', value: { within: n, unit } };
  }
  return { kind: 'value', value: undefined };
}

/** When a scorecard for an interview at `interviewAt` is due: `hours` later on the spreadsheet's wall clock. */
export function feedbackDue(interviewAt: Date, hours: number, timeZone: string): Date {
  return addWallClockHours(interviewAt, hours, timeZone);
}
