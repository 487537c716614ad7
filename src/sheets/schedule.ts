/**
 * Scheduled interviews: the "<Stage> scheduled" cells of the Candidates sheet, read in one call with the rest of
 * the candidate rows and parsed in the spreadsheet's time zone. A blank cell is simply not scheduled; anything
 * else that is not a date and time is reported by cell, and the rest of the workbook is read as usual.
 */
import { isDate } from '../core/cells';
import { stageScheduledHeader } from '../core/candidates';
import type { Process } from '../core/process';
import type { ReminderCandidate } from '../core/reminders/digest';
import { readSchedule } from '../core/reminders/schedule';
import { cellName } from '../core/table';
import { readCandidates } from './candidates-sheet';
import { appliedProcess, requireProcess } from './setup';
import type { Workbook } from './workbook';

export interface ScheduledInterviews {
  /** Every candidate with an ID, with their schedule and "In stage since". */
  readonly candidates: readonly ReminderCandidate[];
  /** One line per unreadable cell: "Candidates!N4 (Ada Lovelace, Screening scheduled) holds …". */
  readonly problems: readonly string[];
}

/** Reads the Candidates sheet once: each candidate's scheduled interviews, by stage id. */
export function readScheduledInterviews(
  workbook: Workbook,
  process: Process = appliedProcess(workbook, requireProcess(workbook)),
): ScheduledInterviews {
  const timeZone = workbook.spreadsheet.getSpreadsheetTimeZone();
  const { layout, rows, candidates } = readCandidates(workbook, process);
  const sheetName = layout.sheet.getName();
  const problems: string[] = [];
  const result = candidates.map((candidate): ReminderCandidate => {
    const row = rows[candidate.row - layout.firstRow];
    const cells: Record<string, unknown> = {};
    for (const stage of process.stages) {
      const column = layout.columns[`scheduled:${stage.id}`];
      if (column !== undefined) cells[stage.id] = row[column];
    }
    const { schedule, problems: found } = readSchedule(cells, timeZone);
    for (const p of found) {
      const stage = process.stages.find((s) => s.id === p.stageId)!;
      const cell = cellName(layout.columns[`scheduled:${stage.id}`], candidate.row);
      const who = candidate.name === '' ? candidate.id : candidate.name;
      problems.push(`${sheetName}!${cell} (${who}, ${stageScheduledHeader(stage)}) ${p.problem}.`);
    }
    const since = row[layout.columns.inStageSince];
    return {
      id: candidate.id,
      name: candidate.name,
      stageName: candidate.stageName,
      stageId: candidate.stageId,
      status: candidate.status,
      hiringManager: candidate.hiringManager,
      panel: candidate.panel,
      inStageSince: isDate(since) && !Number.isNaN(since.getTime()) ? since : null,
      schedule,
    };
  });
  return { candidates: result, problems };
}
