/**
 * Candidates: the columns of the Candidates sheet, stable IDs, and the service-level arithmetic behind
 * "Next step due" and "Overdue".
 */
import { isBlank, isDate } from './cells';
import { normaliseEmail } from './people';
import type { ServiceLevel, Stage } from './process';
import type { ColumnSpec } from './table';
import { addDays, addWallClockHours } from './time-zone';

export const CANDIDATE_STATUSES = ['Active', 'On hold', 'Offer', 'Hired', 'Rejected', 'Withdrawn'] as const;
export type CandidateStatus = (typeof CANDIDATE_STATUSES)[number];

export type CandidateColumnKey =
  | 'id'
  | 'name'
  | 'email'
  | 'role'
  | 'stage'
  | 'status'
  | 'hiringManager'
  | 'panel'
  | 'appliedOn'
  | 'inStageSince'
  | 'nextStepDue'
  | 'overdue';

export const CANDIDATE_COLUMNS: readonly ColumnSpec<CandidateColumnKey>[] = [
  { key: 'id', header: 'ID' },
  { key: 'name', header: 'Name' },
  { key: 'email', header: 'Email' },
  { key: 'role', header: 'Role' },
  { key: 'stage', header: 'Stage' },
  { key: 'status', header: 'Status' },
  { key: 'hiringManager', header: 'Hiring manager' },
  { key: 'panel', header: 'Panel' },
  { key: 'appliedOn', header: 'Applied on' },
  { key: 'inStageSince', header: 'In stage since' },
  { key: 'nextStepDue', header: 'Next step due' },
  { key: 'overdue', header: 'Overdue' },
];

/** Per-stage columns on the Candidates sheet, named after the stage so they read naturally. */
export function stageAverageHeader(stage: Stage): string {
  return `${stage.name} average`;
}
export function stageResultHeader(stage: Stage): string {
  return `${stage.name} result`;
}
/** When the stage's interview is (or was) scheduled: a date-time typed by the team, in the spreadsheet's zone. */
export function stageScheduledHeader(stage: Pick<Stage, 'name'>): string {
  return `${stage.name} scheduled`;
}
export function stageScriptHeader(stage: Stage): string {
  return `${stage.name} script`;
}

export interface Candidate {
  /** 1-based sheet row, for messages and writes. */
  readonly row: number;
  readonly id: string;
  readonly name: string;
  readonly email: string;
  readonly role: string;
  /** The stage as typed in the sheet; stageId is set when it matches a stage of the process. */
  readonly stageName: string;
  readonly stageId: string | null;
  readonly status: string;
  readonly hiringManager: string;
  readonly panel: readonly string[];
}

const ID_PATTERN = /^C-(\d{4,})$/;

export function formatCandidateId(n: number): string {
  return `C-${String(n).padStart(4, '0')}`;
}

/** The number inside an ID such as "C-0042", or undefined for anything else. */
export function candidateIdNumber(id: unknown): number | undefined {
  const match = typeof id === 'string' ? ID_PATTERN.exec(id.trim()) : null;
  return match ? Number(match[1]) : undefined;
}

export function text(value: unknown): string {
  if (isBlank(value)) return '';
  if (isDate(value)) return value.toISOString().slice(0, 10);
  return String(value).trim();
}

/** Emails in a Panel cell, separated by commas, semicolons, spaces or new lines. */
export function parseEmails(value: unknown): string[] {
  return text(value)
    .split(/[\s,;]+/)
    .map(normaliseEmail)
    .filter(Boolean);
}

/** A candidate row is worth an ID once it names somebody. */
export function needsId(idCell: unknown, nameCell: unknown): boolean {
  return isBlank(idCell) && !isBlank(nameCell);
}

/**
 * Assigns IDs to rows that have a name but no ID. The counter only grows, so an ID is never handed out twice,
 * even after rows are deleted; it also starts above any ID already in the sheet.
 */
export function assignIds(
  rows: readonly { idCell: unknown; nameCell: unknown }[],
  nextCounter: number,
): { ids: (string | null)[]; nextCounter: number } {
  let next = nextCounter;
  for (const row of rows) {
    const n = candidateIdNumber(row.idCell);
    if (n !== undefined && n >= next) next = n + 1;
  }
  const ids = rows.map((row) => (needsId(row.idCell, row.nameCell) ? formatCandidateId(next++) : null));
  return { ids, nextCounter: next };
}

/**
 * When the next step is due: the moment a candidate entered the stage plus the stage's service level, in the
 * spreadsheet's time zone, as the Candidates sheet's "Next step due" formula computes it. Business days count
 * like WORKDAY (the start of the day that many weekdays later); hours and calendar days are added on the wall
 * clock (24 hours later is the same time tomorrow, across a change to or from daylight saving).
 */
export function dueDate(since: Date, level: Pick<ServiceLevel, 'within' | 'unit'>, timeZone: string): Date {
  if (level.unit === 'businessDays') return addDays(since, level.within, timeZone, true);
  return addWallClockHours(since, level.unit === 'hours' ? level.within : level.within * 24, timeZone);
}
