/**
 * The custom functions' behaviour, exactly as PRODUCT.md's contract states it. They are pure (no service call)
 * so Sheets can run them on 10,000 rows. src/main.ts exposes them as top-level functions with their JSDoc.
 */
import {
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
import { DEFAULT_PASS_RULE, type PassRule } from './core/process';
import { decide, describeDecision, divergentCategories, meets, type CategoryScore } from './core/rules';

type CellResult = boolean | number | string;
type FunctionResult = CellResult | CellResult[][];

/** One candidate row, parsed: scores by column (null = blank), or what is wrong with it. */
type ParsedRow =
  | { readonly ok: true; readonly scores: (number | null)[] }
  | { readonly ok: false; readonly problem: string };

function fail(fn: string, message: string): never {
  throw new Error(`${fn}: ${message}`);
}

function plural(n: number, noun: string): string {
  return `${n} ${noun}${n === 1 ? '' : 's'}`;
}

function isAbsent(value: unknown): boolean {
  return value === undefined || value === null || value === '';
}

function parseRow(row: readonly unknown[], rowNumber: number, argument: string): ParsedRow {
  const scores: (number | null)[] = new Array(row.length);
  let problems: string[] | undefined;
  for (let column = 0; column < row.length; column++) {
    const value = row[column];
    // Fast path: a plain score needs no parsing.
    if (typeof value === 'number' && value >= MIN_SCORE && value <= MAX_SCORE) {
      scores[column] = value;
      continue;
    }
    const cell = parseScoreCell(value);
    if (cell.kind === 'score') scores[column] = cell.value;
    else if (cell.kind === 'blank') scores[column] = null;
    else (problems ??= []).push(`${argument} row ${rowNumber}, column ${column + 1} ${cell.problem}`);
  }
  return problems ? { ok: false, problem: problems.join('; ') } : { ok: true, scores };
}

function parseScores(fn: string, value: unknown, argument: string): { rows: ParsedRow[]; columns: number } {
  if (value === undefined) fail(fn, `${argument} is required: give a range of scores, one candidate per row`);
  const grid = toGrid(value);
  const { columns } = gridSize(grid);
  return { rows: grid.map((row, index) => parseRow(row, index + 1, argument)), columns };
}

/** One row in gives one value out; a block of n rows gives an n×1 column. */
function shapeResult(results: CellResult[]): FunctionResult {
  if (results.length === 0) return '';
  return results.length === 1 ? results[0] : results.map((r) => [r]);
}

/** Sheets shows a thrown error in the cell; inside a block, only the bad row says "#INVALID". */
function perRow(
  fn: string,
  rows: ParsedRow[],
  evaluate: (scores: (number | null)[]) => CellResult,
): FunctionResult {
  if (rows.length === 1 && !rows[0].ok) fail(fn, rows[0].problem);
  return shapeResult(rows.map((row) => (row.ok ? evaluate(row.scores) : `#INVALID: ${row.problem}`)));
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

function parseThreshold(fn: string, name: string, value: unknown, fallback: number, min: number): number {
  if (isAbsent(value)) return fallback;
  let single = value;
  if (Array.isArray(value)) {
    const grid = toGrid(value);
    const size = gridSize(grid);
    if (size.rows !== 1 || size.columns !== 1) {
      fail(
        fn,
        `${name} must be a single number; it is a range of ${plural(size.rows, 'row')} and ${plural(size.columns, 'column')}`,
      );
    }
    single = grid[0][0];
    if (isBlank(single)) return fallback;
  }
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
  const parsed = parseScores(fn, scores, 'scores');
  const flags = parseKeyRisk(fn, keyRisk, parsed.columns);
  const rule = parsePassRule(fn, minAverage, minCategory, minKeyRisk);
  return perRow(fn, parsed.rows, (row) => passes(row, flags, rule));
}

export function RUBRIC_AVERAGE(scores: unknown): FunctionResult {
  const fn = 'RUBRIC_AVERAGE';
  const parsed = parseScores(fn, scores, 'scores');
  return perRow(fn, parsed.rows, (row) => {
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
  const parsed = parseScores(fn, scores, 'scores');
  const flags = parseKeyRisk(fn, keyRisk, parsed.columns);
  const rule = parsePassRule(fn, minAverage, minCategory, minKeyRisk);
  const names = parseCategoryNames(fn, categoryNames, parsed.columns);
  return perRow(fn, parsed.rows, (row) => {
    const categories: CategoryScore[] = row.map((score, i) => ({ name: names[i], keyRisk: flags[i], score }));
    return describeDecision(decide(categories, rule));
  });
}

export function DIVERGENT(interviewerScores: unknown, categoryNames?: unknown, maxGap?: unknown): string {
  const fn = 'DIVERGENT';
  const parsed = parseScores(fn, interviewerScores, 'interviewer_scores');
  const problems = parsed.rows.flatMap((row) => (row.ok ? [] : [row.problem]));
  if (problems.length > 0) fail(fn, problems.join('; '));
  const names = parseCategoryNames(fn, categoryNames, parsed.columns);
  const gap = parseThreshold(fn, 'max_gap', maxGap, 1, 0);
  const matrix = parsed.rows.map((row) => (row.ok ? row.scores : []));
  return divergentCategories(matrix, gap)
    .map((column) => names[column])
    .join(', ');
}
