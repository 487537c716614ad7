/**
 * The custom functions' behaviour, exactly as PRODUCT.md's contract states it. They are pure (no service call)
 * so Sheets can run them on 10,000 rows. src/main.ts exposes them as top-level functions with their JSDoc.
 */
import {
  type CellGrid,
  EPSILON,
  MAX_SCORE,
  MIN_SCORE,
  describeValue,
  gridSize,
  isBlank,
  parseKeyRiskCell,
  parseNumber,
  parseScoreCell,
  toGrid,
} from './core/cells';
import { AGREEMENT_LEVELS, type AgreementLevel, krippendorffAlpha } from './core/insights/agreement';
import { interviewerCalibration } from './core/insights/calibration';
import { RELIABILITY_LABELS, TOO_FEW_TO_JUDGE } from './core/insights/labels';
import { stagePipeline } from './core/insights/pipeline';
import { stageRecords } from './core/insights/records';
import { rubricReliability } from './core/insights/reliability';
import {
  type KeyCategory,
  candidatesFromGrid,
  insightStages,
  keyCategories,
  keyStages,
  logEntriesFromGrid,
  pipelineStages,
} from './core/insights/sheet-input';
import { CANDIDATE_COLUMNS, stageScheduledHeader } from './core/candidates';
import { LOG_FIELDS, type LogEntry } from './core/scoring/log';
import { LOG_HEADERS } from './sheets/support-sheets';
import { DEFAULT_PASS_RULE, type PassRule } from './core/process';
import { decide, describeDecision, divergentCategories, meets, type CategoryScore } from './core/rules';

type CellResult = boolean | number | string;
type FunctionResult = CellResult | CellResult[][];

/** One candidate row, parsed: scores by column (null = blank), or the text of what is wrong with it. */
type ParsedRow = readonly (number | null)[] | string;

function fail(fn: string, message: string): never {
  throw new Error(`${fn}: ${message}`);
}

function plural(n: number, noun: string): string {
  return `${n} ${noun}${n === 1 ? '' : 's'}`;
}

function isAbsent(value: unknown): boolean {
  return value === undefined || value === null || value === '';
}

function isPlainScore(value: unknown): value is number {
  return typeof value === 'number' && value >= MIN_SCORE && value <= MAX_SCORE;
}

function parseRow(row: readonly unknown[], rowNumber: number, argument: string): ParsedRow {
  // Fast path: a row of plain scores is used as it is, without copying (10,000-row calls stay cheap).
  let plain = true;
  for (let column = 0; column < row.length && plain; column++) plain = isPlainScore(row[column]);
  if (plain) return row as number[];

  const scores: (number | null)[] = [];
  const problems: string[] = [];
  for (let column = 0; column < row.length; column++) {
    const value = row[column];
    // Plain scores next to a blank stay on the fast path too (blocks with missing scores are common).
    if (isPlainScore(value)) {
      scores.push(value);
      continue;
    }
    const cell = parseScoreCell(value);
    scores.push(cell.kind === 'score' ? cell.value : null);
    if (cell.kind === 'invalid')
      problems.push(`${argument} row ${rowNumber}, column ${column + 1} ${cell.problem}`);
  }
  return problems.length > 0 ? problems.join('; ') : scores;
}

function scoreGrid(fn: string, value: unknown, argument: string): { grid: CellGrid; columns: number } {
  if (value === undefined) fail(fn, `${argument} is required: give a range of scores, one candidate per row`);
  const grid = toGrid(value);
  return { grid, columns: gridSize(grid).columns };
}

/**
 * One row in gives one value out (a bad row throws, so Sheets shows the message); a block of n rows gives an
 * n×1 column in which only a bad row says "#INVALID".
 */
function perRow(
  fn: string,
  grid: CellGrid,
  argument: string,
  evaluate: (scores: readonly (number | null)[]) => CellResult,
): FunctionResult {
  const out: CellResult[][] = [];
  for (let i = 0; i < grid.length; i++) {
    const row = parseRow(grid[i], i + 1, argument);
    if (typeof row !== 'string') out.push([evaluate(row)]);
    else if (grid.length === 1) fail(fn, row);
    else out.push([`#INVALID: ${row}`]);
  }
  if (out.length === 0) return '';
  return out.length === 1 ? out[0][0] : out;
}

/** Bad rows named in one error message; the rest are counted. */
const MAX_BAD_ROWS_SHOWN = 3;

/**
 * Parses every row of a block that sums up to one value (parseRow: blanks are null). What is wrong with a bad
 * row is added to `problems`; the caller fails with them, since one bad score spoils the whole result.
 */
function parseRows(grid: CellGrid, argument: string, problems: string[]): (readonly (number | null)[])[] {
  const rows: (readonly (number | null)[])[] = [];
  for (let i = 0; i < grid.length; i++) {
    const row = parseRow(grid[i], i + 1, argument);
    if (typeof row === 'string') problems.push(row);
    rows.push(typeof row === 'string' ? [] : row);
  }
  return rows;
}

function failWithProblems(fn: string, problems: readonly string[]): never {
  const shown = problems.slice(0, MAX_BAD_ROWS_SHOWN).join('; ');
  const more = problems.length - MAX_BAD_ROWS_SHOWN;
  fail(fn, more > 0 ? `${shown} (and ${plural(more, 'more row')} with bad values)` : shown);
}

function parseKeyRisk(fn: string, value: unknown, columns: number): boolean[] {
  if (isAbsent(value)) return new Array<boolean>(columns).fill(false);
  const grid = toGrid(value);
  const size = gridSize(grid);
  if (size.rows !== 1 || size.columns !== columns) {
    fail(
      fn,
      `key_risk must be one row as wide as scores (${plural(columns, 'column')}); ` +
        `it has ${plural(size.rows, 'row')} and ${plural(size.columns, 'column')}`,
    );
  }
  return grid[0].map(parseKeyRiskCell);
}

/** A threshold or option argument: a literal, or a one-cell range (a larger range is an error naming it). */
function singleCell(fn: string, name: string, what: 'number' | 'word', value: unknown): unknown {
  if (typeof value !== 'object' || value === null) return value;
  const grid = toGrid(value);
  const size = gridSize(grid);
  if (size.rows !== 1 || size.columns !== 1) {
    fail(
      fn,
      `${name} must be a single ${what}; it is a range of ${plural(size.rows, 'row')} and ${plural(size.columns, 'column')}`,
    );
  }
  return grid[0][0];
}

function parseThreshold(fn: string, name: string, value: unknown, fallback: number, min: number): number {
  if (isAbsent(value)) return fallback;
  const single = singleCell(fn, name, 'number', value);
  if (isBlank(single)) return fallback;
  const parsed = typeof single === 'boolean' ? undefined : parseNumber(single);
  if (parsed === undefined) fail(fn, `${name} holds ${describeValue(single)}, which is not a number`);
  if (parsed < min - EPSILON || parsed > MAX_SCORE + EPSILON) {
    fail(fn, `${name} is ${parsed}; it must be between ${min} and ${MAX_SCORE}`);
  }
  return parsed;
}

function parsePassRule(fn: string, minAverage: unknown, minCategory: unknown, minKeyRisk: unknown): PassRule {
  return {
    minAverage: parseThreshold(fn, 'min_average', minAverage, DEFAULT_PASS_RULE.minAverage, MIN_SCORE),
    minCategory: parseThreshold(fn, 'min_category', minCategory, DEFAULT_PASS_RULE.minCategory, MIN_SCORE),
    minKeyRisk: parseThreshold(fn, 'min_key_risk', minKeyRisk, DEFAULT_PASS_RULE.minKeyRisk, MIN_SCORE),
  };
}

function parseCategoryNames(fn: string, value: unknown, columns: number): string[] {
  const fallback = Array.from({ length: columns }, (_, i) => `Category ${i + 1}`);
  if (isAbsent(value)) return fallback;
  const grid = toGrid(value);
  const size = gridSize(grid);
  // A row or a column of names both read naturally; anything else is a mistake worth naming.
  const names = size.rows === 1 ? grid[0] : size.columns === 1 ? grid.map((row) => row[0]) : undefined;
  if (!names || names.length !== columns) {
    fail(
      fn,
      `category_names must be one row (or column) of ${plural(columns, 'name')}; ` +
        `it has ${plural(size.rows, 'row')} and ${plural(size.columns, 'column')}`,
    );
  }
  return names.map((name, i) => (isBlank(name) ? fallback[i] : String(name).trim()));
}

/** The fast check used by PASSES: same rule as core/rules `decide`, without building reasons. */
function passes(
  scores: readonly (number | null)[],
  keyRisk: readonly boolean[],
  rule: PassRule,
): boolean | '' {
  let sum = 0;
  let ok = true;
  for (let i = 0; i < scores.length; i++) {
    const score = scores[i];
    if (score === null) return '';
    sum += score;
    if (!meets(score, rule.minCategory) || (keyRisk[i] && !meets(score, rule.minKeyRisk))) ok = false;
  }
  if (scores.length === 0) return '';
  return ok && meets(sum / scores.length, rule.minAverage);
}

export function PASSES(
  scores: unknown,
  keyRisk?: unknown,
  minAverage?: unknown,
  minCategory?: unknown,
  minKeyRisk?: unknown,
): FunctionResult {
  const fn = 'PASSES';
  const { grid, columns } = scoreGrid(fn, scores, 'scores');
  const flags = parseKeyRisk(fn, keyRisk, columns);
  const rule = parsePassRule(fn, minAverage, minCategory, minKeyRisk);
  return perRow(fn, grid, 'scores', (row) => passes(row, flags, rule));
}

export function RUBRIC_AVERAGE(scores: unknown): FunctionResult {
  const fn = 'RUBRIC_AVERAGE';
  const { grid } = scoreGrid(fn, scores, 'scores');
  return perRow(fn, grid, 'scores', (row) => {
    let sum = 0;
    let count = 0;
    for (const score of row) {
      if (score !== null) {
        sum += score;
        count++;
      }
    }
    return count === 0 ? '' : sum / count;
  });
}

export function PASS_REASON(
  scores: unknown,
  keyRisk?: unknown,
  minAverage?: unknown,
  minCategory?: unknown,
  minKeyRisk?: unknown,
  categoryNames?: unknown,
): FunctionResult {
  const fn = 'PASS_REASON';
  const { grid, columns } = scoreGrid(fn, scores, 'scores');
  const flags = parseKeyRisk(fn, keyRisk, columns);
  const rule = parsePassRule(fn, minAverage, minCategory, minKeyRisk);
  const names = parseCategoryNames(fn, categoryNames, columns);
  return perRow(fn, grid, 'scores', (row) => {
    const categories: CategoryScore[] = row.map((score, i) => ({ name: names[i], keyRisk: flags[i], score }));
    return describeDecision(decide(categories, rule));
  });
}

export function DIVERGENT(interviewerScores: unknown, categoryNames?: unknown, maxGap?: unknown): string {
  const fn = 'DIVERGENT';
  const { grid, columns } = scoreGrid(fn, interviewerScores, 'interviewer_scores');
  const problems: string[] = [];
  const matrix = parseRows(grid, 'interviewer_scores', problems);
  if (problems.length > 0) failWithProblems(fn, problems);
  const names = parseCategoryNames(fn, categoryNames, columns);
  const gap = parseThreshold(fn, 'max_gap', maxGap, 1, 0);
  return divergentCategories(matrix, gap)
    .map((column) => names[column])
    .join(', ');
}

function parseLevel(fn: string, value: unknown): AgreementLevel {
  const single = singleCell(fn, 'level', 'word', value);
  if (isBlank(single)) return 'interval';
  const wanted = typeof single === 'string' ? single.trim().toLowerCase() : undefined;
  const level = AGREEMENT_LEVELS.find((l) => l === wanted);
  if (level === undefined) {
    fail(
      fn,
      `level is ${describeValue(single)}; it must be "interval" (the default), "ordinal" or "nominal"`,
    );
  }
  return level;
}

export function AGREEMENT(ratings: unknown, level?: unknown): number | string {
  const fn = 'AGREEMENT';
  if (ratings === undefined) {
    fail(fn, 'ratings is required: give a range with one candidate per row and one interviewer per column');
  }
  const parsedLevel = parseLevel(fn, level);
  const problems: string[] = [];
  const block = parseRows(toGrid(ratings), 'ratings', problems);
  if (problems.length > 0) failWithProblems(fn, problems);
  const { alpha } = krippendorffAlpha(block, parsedLevel);
  return alpha === null ? '' : alpha;
}

export function CALIBRATION(interviewerScores: unknown, panelScores: unknown): number | string {
  const fn = 'CALIBRATION';
  if (interviewerScores === undefined || panelScores === undefined) {
    fail(
      fn,
      "give two ranges of the same shape: the interviewer's scores and the panel's scores on the same candidates",
    );
  }
  const mine = toGrid(interviewerScores);
  const panel = toGrid(panelScores);
  const [a, b] = [gridSize(mine), gridSize(panel)];
  if (a.rows !== b.rows || a.columns !== b.columns) {
    fail(
      fn,
      `interviewer_scores and panel_scores must be the same shape; interviewer_scores has ` +
        `${plural(a.rows, 'row')} and ${plural(a.columns, 'column')}, panel_scores has ` +
        `${plural(b.rows, 'row')} and ${plural(b.columns, 'column')}`,
    );
  }
  const problems: string[] = [];
  const own = parseRows(mine, 'interviewer_scores', problems);
  const others = parseRows(panel, 'panel_scores', problems);
  if (problems.length > 0) failWithProblems(fn, problems);
  let sum = 0;
  let count = 0;
  for (let r = 0; r < own.length; r++) {
    for (let column = 0; column < own[r].length; column++) {
      const x = own[r][column];
      const y = others[r][column];
      if (x === null || x === undefined || y === null || y === undefined) continue;
      sum += x - y;
      count++;
    }
  }
  return count === 0 ? '' : sum / count;
}

// Insights: the tables of the Insights sheet, each one formula over the Score log and Candidates sheets.

/** The Score log's header of each field (its columns are in LOG_FIELDS order). */
const LOG_FIELD_HEADERS = Object.fromEntries(LOG_FIELDS.map((field, i) => [field, LOG_HEADERS[i]])) as Record<
  (typeof LOG_FIELDS)[number],
  string
>;

function candidateHeader(key: 'id' | 'name' | 'stage' | 'status'): string {
  return CANDIDATE_COLUMNS.find((c) => c.key === key)!.header;
}

function parseLog(fn: string, scoreLog: unknown): LogEntry[] {
  const entries = scoreLog === undefined ? null : logEntriesFromGrid(toGrid(scoreLog), LOG_FIELD_HEADERS);
  if (entries === null) {
    fail(
      fn,
      `score_log must be the Score log sheet's columns with its header row (${LOG_HEADERS.join(', ')}), e.g. 'Score log'!A:J`,
    );
  }
  return entries;
}

function parseTimeZone(fn: string, value: unknown): string {
  const zone = singleCell(fn, 'time_zone', 'word', value);
  return typeof zone === 'string' && zone.trim() !== '' ? zone.trim() : 'Etc/UTC';
}

function parseCandidates(
  fn: string,
  candidates: unknown,
  stages: readonly { id: string; name: string }[],
  timeZone: string,
) {
  const parsed =
    candidates === undefined
      ? null
      : candidatesFromGrid(
          toGrid(candidates),
          {
            id: candidateHeader('id'),
            name: candidateHeader('name'),
            stage: candidateHeader('stage'),
            status: candidateHeader('status'),
          },
          stages,
          (name) => stageScheduledHeader({ name }),
          timeZone,
        );
  if (parsed === null) {
    fail(
      fn,
      "candidates must be the Candidates sheet's columns with its header row (ID, Name, Stage, Status …), e.g. Candidates!A:Z",
    );
  }
  return parsed;
}

function parseKeyCategories(fn: string, categories: unknown): KeyCategory[] {
  const keys = categories === undefined ? [] : keyCategories(toGrid(categories));
  if (keys.length === 0)
    fail(
      fn,
      'categories must list stage id, stage name, category id and category name, one category per row',
    );
  return keys;
}

function blankIfNull(value: number | null): number | string {
  return value === null ? '' : value;
}

/**
 * Per stage of `stages` (rows of stage id | stage name | optional): reached, in stage, passed, rejected,
 * withdrew, pass-through rate and median days from first scorecard to decision (core/insights/pipeline.ts).
 */
export function INSIGHTS_PIPELINE(
  stages: unknown,
  candidates: unknown,
  scoreLog: unknown,
  timeZone?: unknown,
): CellResult[][] {
  const fn = 'INSIGHTS_PIPELINE';
  const keys = stages === undefined ? [] : keyStages(toGrid(stages));
  if (keys.length === 0)
    fail(fn, 'stages must list stage id, stage name and optional (TRUE/FALSE), one stage per row');
  const zone = parseTimeZone(fn, timeZone);
  const entries = parseLog(fn, scoreLog);
  const { candidates: people } = parseCandidates(fn, candidates, keys, zone);
  const rows = stagePipeline({
    stages: pipelineStages(keys),
    candidates: people,
    records: stageRecords(entries),
    timeZone: zone,
  });
  return rows.map((r) => [
    r.reached,
    r.inStage,
    r.passed,
    r.rejected,
    r.withdrew,
    blankIfNull(r.passThroughRate),
    blankIfNull(r.medianDaysToDecision),
  ]);
}

/** Per category of `categories`: Krippendorff's alpha across interviewers, candidates it rests on, the verdict. */
export function INSIGHTS_RELIABILITY(categories: unknown, scoreLog: unknown): CellResult[][] {
  const fn = 'INSIGHTS_RELIABILITY';
  const keys = parseKeyCategories(fn, categories);
  const entries = parseLog(fn, scoreLog);
  const rows = rubricReliability({ records: stageRecords(entries), stages: insightStages(keys) });
  const byKey = new Map(rows.map((r) => [`${r.stageId}\u0000${r.categoryId}`, r]));
  return keys.map((k) => {
    const r = byKey.get(`${k.stageId}\u0000${k.categoryId}`)!;
    return [blankIfNull(r.alpha), r.candidates, RELIABILITY_LABELS[r.flag]];
  });
}

/** What INSIGHTS_CALIBRATION shows before any published scorecard. */
export const NO_CALIBRATION_YET = 'No published scorecards yet';

/**
 * One row per interviewer and category they scored: interviewer, stage, category, scorecards, mean score, mean
 * offset from the rest of the panel, shared candidates, "too few to judge" under 5 of them, the share of their
 * recommendations that matched the hiring manager's decision and their median hours from interview to scorecard.
 */
export function INSIGHTS_CALIBRATION(
  categories: unknown,
  candidates: unknown,
  scoreLog: unknown,
  timeZone?: unknown,
): CellResult[][] {
  const fn = 'INSIGHTS_CALIBRATION';
  const keys = parseKeyCategories(fn, categories);
  const zone = parseTimeZone(fn, timeZone);
  const entries = parseLog(fn, scoreLog);
  const stageNames = new Map<string, string>();
  for (const k of keys) stageNames.set(k.stageId, k.stageName);
  const stages = [...stageNames].map(([id, name]) => ({ id, name }));
  const { schedules } = parseCandidates(fn, candidates, stages, zone);
  const names = new Map(keys.map((k) => [`${k.stageId}\u0000${k.categoryId}`, k.categoryName]));
  const rows: CellResult[][] = [];
  for (const person of interviewerCalibration({
    records: stageRecords(entries),
    stages: insightStages(keys),
    schedules,
  })) {
    for (const c of person.categories) {
      rows.push([
        person.interviewer,
        stageNames.get(c.stageId) ?? c.stageId,
        names.get(`${c.stageId}\u0000${c.categoryId}`) ?? c.categoryId,
        c.scorecards,
        c.meanScore,
        blankIfNull(c.meanOffset),
        c.sharedCandidates,
        c.tooFewToJudge ? TOO_FEW_TO_JUDGE : '',
        blankIfNull(person.decisionMatchRate),
        blankIfNull(person.medianFeedbackHours),
      ]);
    }
  }
  if (rows.length === 0) return [[NO_CALIBRATION_YET, '', '', '', '', '', '', '', '', '']];
  return rows;
}
