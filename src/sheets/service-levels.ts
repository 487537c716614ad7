/**
 * The service levels the reminders hold people to, read from the Pipeline sheet in one call: each stage's row
 * (business days in B, hours in C, as the "Next step due" formula reads them) and the feedback row below them
 * (hours after the interview by which a scorecard is due; blank is the default of 24).
 */
import type { Process } from '../core/process';
import {
  DEFAULT_FEEDBACK_HOURS,
  type StageServiceLevel,
  parseFeedbackHoursCell,
  parseStageServiceLevelCells,
} from '../core/reminders/service-levels';
import { findStage } from '../core/process';
import { SHEET_NAMES } from './context';
import { FEEDBACK_LABEL, feedbackServiceLevelRow } from './support-sheets';
import type { Workbook } from './workbook';

export interface ReminderServiceLevels {
  readonly stages: Readonly<Record<string, StageServiceLevel | undefined>>;
  readonly feedbackHours: number;
  /** Cells that could not be read, by cell ("Pipeline!C5 holds …"); their default is used instead. */
  readonly problems: readonly string[];
}

export function readReminderServiceLevels(workbook: Workbook, process: Process): ReminderServiceLevels {
  const sheet = workbook.require('pipeline', SHEET_NAMES.pipeline);
  const name = sheet.getName();
  const last = feedbackServiceLevelRow(process);
  const values = sheet.getRange(1, 1, last, 3).getValues();
  const stages: Record<string, StageServiceLevel | undefined> = {};
  const problems: string[] = [];
  for (let r = 1; r < last - 1; r++) {
    const [stageName, days, hours] = values[r];
    const stage = findStage(process, String(stageName));
    if (!stage) continue;
    const reading = parseStageServiceLevelCells(days, hours);
    if (reading.kind === 'value') stages[stage.id] = reading.value;
    else problems.push(`${name}!B${r + 1}:C${r + 1} (${stage.name}) ${reading.problem}.`);
  }
  let feedbackHours = DEFAULT_FEEDBACK_HOURS;
  const feedback = values[last - 1];
  if (String(feedback[0]).trim() === FEEDBACK_LABEL) {
    const reading = parseFeedbackHoursCell(feedback[2]);
    if (reading.kind === 'value') feedbackHours = reading.value;
    else
      problems.push(
        `${name}!C${last} (${FEEDBACK_LABEL}) ${reading.problem}; ${DEFAULT_FEEDBACK_HOURS} hours were used.`,
      );
  }
  return { stages, feedbackHours, problems };
}
