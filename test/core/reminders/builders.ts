/** Builders for reminder tests: candidates, progress and a fixed clock in a named zone. */
import { fromWallClock } from '../../../src/core/time-zone';
import type { DigestInput, ReminderCandidate } from '../../../src/core/reminders/digest';
import type { ScorecardProgress } from '../../../src/core/reminders/progress';
import { twoStageProcessWithKeyRisk } from '../fixtures/two-stage-process-with-key-risk';

export const LA = 'America/Los_Angeles';
export const TOKYO = 'Asia/Tokyo';
export const process = twoStageProcessWithKeyRisk;

/** "2026-12-03 14:30" on the wall clock of `zone`. */
export function local(text: string, zone = LA): Date {
  const [day, time] = text.split(' ');
  const [year, month, date] = day.split('-').map(Number);
  const [hour, minute] = (time ?? '00:00').split(':').map(Number);
  const instant = fromWallClock({ year, month, day: date, hour, minute, second: 0 }, zone);
  if (!instant) throw new Error(`${text} does not exist in ${zone}`);
  return instant;
}

export function candidate(
  overrides: Partial<ReminderCandidate> & Pick<ReminderCandidate, 'id'>,
): ReminderCandidate {
  return {
    name: `Candidate ${overrides.id}`,
    stageName: 'Screening',
    stageId: 'screening',
    status: 'Active',
    hiringManager: 'mia@example.com',
    panel: ['ann@example.com', 'bob@example.com'],
    inStageSince: null,
    schedule: {},
    ...overrides,
  };
}

export function progress(
  submitted: readonly [candidateId: string, stageId: string, email: string][] = [],
  decided: readonly [candidateId: string, stageId: string][] = [],
): ScorecardProgress {
  return {
    submitted: submitted.map(([candidateId, stageId, email]) => ({ candidateId, stageId, email })),
    decided: decided.map(([candidateId, stageId]) => ({ candidateId, stageId })),
  };
}

export function input(overrides: Partial<DigestInput>): DigestInput {
  return {
    process,
    candidates: [],
    progress: progress(),
    stageServiceLevels: {},
    now: local('2026-12-03 09:00'),
    timeZone: LA,
    ...overrides,
  };
}
