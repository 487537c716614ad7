/**
 * What the Insights custom functions receive, read into the insights' inputs: whole columns of the Score log
 * and Candidates sheets (header row included, columns found by header, so a moved column still works), and the
 * Insights sheet's own key rows (stage and category ids with their names, written there by refresh).
 *
 * Pure: the cells arrive as Sheets gives them to a custom function (text, numbers, booleans, Dates, "").
 */
import { isBlank, parseDateTimeCell } from '../cells';
import { fromWallClock, wallFromMs } from '../time-zone';
import { type LogEntry, logEntryFromCells } from '../scoring/log';
import { normaliseHeader } from '../table';
import type { PipelineCandidate, PipelineStage } from './pipeline';
import type { InsightStage, Schedules } from './calibration';

type Grid = readonly (readonly unknown[])[];

function cellText(value: unknown): string {
  return isBlank(value) ? '' : String(value).trim();
}

const SERIAL_EPOCH_MS = Date.UTC(1899, 11, 30);
const DAY_MS = 86_400_000;

/**
 * A scheduled interview from its cell: a date-time (Sheets passes a date cell as a Date), text parseDateTimeCell
 * reads, or a spreadsheet serial number (days since 30 Dec 1899 on the spreadsheet's wall clock), which is what a
 * date cell holds under a number format. Anything else is no date.
 */
function scheduledAt(value: unknown, timeZone: string): Date | null {
  if (typeof value === 'number' && value > 0 && Number.isFinite(value)) {
    return fromWallClock(wallFromMs(SERIAL_EPOCH_MS + Math.round(value * DAY_MS)), timeZone);
  }
  const cell = parseDateTimeCell(value, timeZone);
  return cell.kind === 'dateTime' ? cell.value : null;
}

/** 0-based column of each wanted header in the row (normalised as mapHeaders does); -1 when absent. */
function findColumns(header: readonly unknown[], wanted: readonly string[]): number[] {
  const names = header.map(normaliseHeader);
  return wanted.map((h) => names.indexOf(normaliseHeader(h)));
}

/** The Score log headers, in the order of the LogEntry fields read below. */
export interface LogHeaders {
  readonly timestamp: string;
  readonly submissionId: string;
  readonly version: string;
  readonly candidateId: string;
  readonly stageId: string;
  readonly interviewer: string;
  readonly kind: string;
  readonly category: string;
  readonly score: string;
  readonly note: string;
}

/**
 * The Score log's rows as entries, as readScoreLog reads them; null when the first row is not the log's header
 * (the range given is not the Score log). Rows of an unknown kind (blank rows included) are skipped.
 */
export function logEntriesFromGrid(grid: Grid, headers: LogHeaders): LogEntry[] | null {
  const keys = Object.keys(headers) as (keyof LogHeaders)[];
  const columns = findColumns(
    grid[0] ?? [],
    keys.map((k) => headers[k]),
  );
  if (columns.some((c) => c < 0)) return null;
  const c = Object.fromEntries(keys.map((k, i) => [k, columns[i]])) as Record<keyof LogHeaders, number>;
  const entries: LogEntry[] = [];
  for (let i = 1; i < grid.length; i++) {
    const entry = logEntryFromCells(grid[i], c);
    if (entry) entries.push(entry);
  }
  return entries;
}

/** A stage as the Insights sheet's key rows name it. */
export interface KeyStage {
  readonly id: string;
  readonly name: string;
  readonly optional: boolean;
}

/** Stage key rows: id | name | optional (TRUE/FALSE); blank rows are skipped. */
export function keyStages(grid: Grid): KeyStage[] {
  const stages: KeyStage[] = [];
  for (const row of grid) {
    const id = cellText(row[0]);
    if (id === '') continue;
    stages.push({ id, name: cellText(row[1]) || id, optional: row[2] === true });
  }
  return stages;
}

/** A category as the Insights sheet's key rows name it. */
export interface KeyCategory {
  readonly stageId: string;
  readonly stageName: string;
  readonly categoryId: string;
  readonly categoryName: string;
}

/** Category key rows: stage id | stage name | category id | category name; blank rows are skipped. */
export function keyCategories(grid: Grid): KeyCategory[] {
  const categories: KeyCategory[] = [];
  for (const row of grid) {
    const stageId = cellText(row[0]);
    const categoryId = cellText(row[2]);
    if (stageId === '' || categoryId === '') continue;
    categories.push({
      stageId,
      stageName: cellText(row[1]) || stageId,
      categoryId,
      categoryName: cellText(row[3]) || categoryId,
    });
  }
  return categories;
}

/** The stages with their categories, in the key rows' order. */
export function insightStages(categories: readonly KeyCategory[]): InsightStage[] {
  const stages = new Map<string, { id: string; categories: { id: string }[] }>();
  for (const c of categories) {
    let stage = stages.get(c.stageId);
    if (!stage) {
      stage = { id: c.stageId, categories: [] };
      stages.set(c.stageId, stage);
    }
    stage.categories.push({ id: c.categoryId });
  }
  return [...stages.values()];
}

export function pipelineStages(stages: readonly KeyStage[]): PipelineStage[] {
  return stages.map((s) => ({ id: s.id, optional: s.optional }));
}

/** The Candidates headers the insights read. */
export interface CandidateHeaders {
  readonly id: string;
  readonly name: string;
  readonly stage: string;
  readonly status: string;
}

export interface CandidatesInput {
  readonly candidates: PipelineCandidate[];
  readonly schedules: Schedules;
}

/**
 * The named candidate rows of the Candidates sheet (ID and Name both filled) with their current stage (matched
 * by id or name, as findStage does) and status, and each stage's scheduled interview from the
 * `<Stage> scheduled` column where the workbook has one and the cell holds a date and time. Null when the
 * header row lacks ID, Name, Stage or Status.
 */
export function candidatesFromGrid(
  grid: Grid,
  headers: CandidateHeaders,
  stages: readonly Pick<KeyStage, 'id' | 'name'>[],
  scheduledHeader: (stageName: string) => string,
  timeZone: string,
): CandidatesInput | null {
  const header = grid[0] ?? [];
  const [id, name, stage, status] = findColumns(header, [
    headers.id,
    headers.name,
    headers.stage,
    headers.status,
  ]);
  if (id < 0 || name < 0 || stage < 0 || status < 0) return null;
  const scheduled = findColumns(
    header,
    stages.map((s) => scheduledHeader(s.name)),
  );
  const byName = new Map<string, string>();
  for (const s of stages) {
    byName.set(s.id.toLowerCase(), s.id);
    byName.set(s.name.toLowerCase(), s.id);
  }
  const candidates: PipelineCandidate[] = [];
  const schedules: Record<string, Record<string, Date>> = {};
  for (let i = 1; i < grid.length; i++) {
    const row = grid[i];
    const candidateId = cellText(row[id]);
    if (candidateId === '' || cellText(row[name]) === '') continue;
    candidates.push({
      id: candidateId,
      stageId: byName.get(cellText(row[stage]).toLowerCase()) ?? null,
      status: cellText(row[status]),
      inStageSince: null,
    });
    for (let s = 0; s < stages.length; s++) {
      if (scheduled[s] < 0) continue;
      const at = scheduledAt(row[scheduled[s]], timeZone);
      if (at) (schedules[candidateId] ??= {})[stages[s].id] = at;
    }
  }
  return { candidates, schedules };
}
