/**
 * The Rubric sheet as the team edits it: one row per category (Stage, Category, Key risk, Description, what
 * 1–5 mean) and three settings rows for the pass rule. Parsing turns it back into validated categories per
 * stage, or lists every problem with its cell.
 */
import { parseKeyRiskCell, parseNumber } from './cells';
import { text } from './candidates';
import { type PassRule, type Process, type ScoringCategory, findStage, processSchemas } from './process';
import { type ColumnSpec, cellName, isEmptyRow, mapHeaders } from './table';

export type RubricColumnKey =
  'stage' | 'category' | 'keyRisk' | 'description' | 'a1' | 'a2' | 'a3' | 'a4' | 'a5' | 'setting' | 'value';

export const RUBRIC_COLUMNS: readonly ColumnSpec<RubricColumnKey>[] = [
  { key: 'stage', header: 'Stage' },
  { key: 'category', header: 'Category' },
  { key: 'keyRisk', header: 'Key risk' },
  { key: 'description', header: 'What we look for' },
  { key: 'a1', header: '1 means' },
  { key: 'a2', header: '2 means' },
  { key: 'a3', header: '3 means' },
  { key: 'a4', header: '4 means' },
  { key: 'a5', header: '5 means' },
  { key: 'setting', header: 'Pass rule' },
  { key: 'value', header: 'Value' },
];

const ANCHOR_KEYS = ['a1', 'a2', 'a3', 'a4', 'a5'] as const;

export const PASS_RULE_SETTINGS: readonly { key: keyof PassRule; label: string }[] = [
  { key: 'minAverage', label: 'Minimum average' },
  { key: 'minCategory', label: 'Minimum score in any category' },
  { key: 'minKeyRisk', label: 'Minimum score in a key-risk category' },
];

const GENERIC_ANCHORS: readonly [string, string, string, string, string] = [
  'Serious concern',
  'Below the bar',
  'Acceptable, with gaps',
  'Solid: meets the bar',
  'Exceptional',
];

/** The rubric a workbook has applied: categories per stage id and the pass rule. */
export interface AppliedRubric {
  readonly stages: Readonly<Record<string, readonly ScoringCategory[]>>;
  readonly passRule: PassRule;
}

export interface RubricProblem {
  /** A1 cell on the Rubric sheet, e.g. "B7". */
  readonly cell: string;
  readonly message: string;
}

export function rubricFromProcess(process: Process): AppliedRubric {
  return {
    stages: Object.fromEntries(process.stages.map((s) => [s.id, s.categories])),
    passRule: process.passRule,
  };
}

/**
 * A new category's id, from its name. A category whose name is unchanged keeps the id it already has (see
 * parseRubric); renaming one therefore makes it a new category.
 */
export function categoryId(name: string): string {
  const slug = name
    .toLowerCase()
    .normalize('NFKD')
    .replace(/[^a-z0-9]+/g, '-')
    .replace(/^-+|-+$/g, '');
  return slug || 'category';
}

/** The rows the Rubric sheet is written with (header first). */
export function rubricToRows(process: Process, rubric: AppliedRubric): (string | number | boolean)[][] {
  const header = RUBRIC_COLUMNS.map((c) => c.header);
  const rows: (string | number | boolean)[][] = [];
  for (const stage of process.stages) {
    for (const c of rubric.stages[stage.id] ?? []) {
      rows.push([stage.name, c.name, c.keyRisk, c.description, ...c.anchors, '', '']);
    }
  }
  PASS_RULE_SETTINGS.forEach((setting, i) => {
    const row: (string | number | boolean)[] = rows[i] ?? new Array<string>(header.length).fill('');
    if (!rows[i]) rows.push(row);
    row[9] = setting.label;
    row[10] = rubric.passRule[setting.key];
  });
  return [header, ...rows];
}

/** Parses the Rubric sheet's values (header row first). Nothing is returned unless the whole sheet is valid. */
export function parseRubric(
  values: readonly (readonly unknown[])[],
  process: Process,
  applied: AppliedRubric = rubricFromProcess(process),
): { ok: true; rubric: AppliedRubric } | { ok: false; problems: RubricProblem[] } {
  const problems: RubricProblem[] = [];
  const layout = mapHeaders(values[0] ?? [], RUBRIC_COLUMNS);
  for (const key of layout.missing) {
    const spec = RUBRIC_COLUMNS.find((c) => c.key === key);
    problems.push({ cell: '1', message: `the header "${spec?.header}" is missing from row 1` });
  }
  for (const dup of layout.duplicates) {
    problems.push({
      cell: dup.columns.map((c) => cellName(c, 1)).join(', '),
      message: `the header "${dup.header}" appears more than once`,
    });
  }
  if (problems.length > 0) return { ok: false, problems };
  const col = layout.columns;
  const stages: Record<string, ScoringCategory[]> = Object.fromEntries(process.stages.map((s) => [s.id, []]));
  const passRule: Partial<PassRule> = {};

  values.slice(1).forEach((row, index) => {
    const rowNumber = index + 2;
    if (isEmptyRow(row)) return;
    const setting = text(row[col.setting]);
    if (setting) {
      const known = PASS_RULE_SETTINGS.find((s) => s.label.toLowerCase() === setting.toLowerCase());
      const value = parseNumber(row[col.value]);
      if (!known)
        problems.push({
          cell: cellName(col.setting, rowNumber),
          message: `unknown pass-rule setting "${setting}"`,
        });
      else if (value === undefined || value < 1 || value > 5) {
        problems.push({
          cell: cellName(col.value, rowNumber),
          message: `${known.label} must be a number from 1 to 5`,
        });
      } else passRule[known.key] = value;
    }
    const stageName = text(row[col.stage]);
    const name = text(row[col.category]);
    if (!stageName && !name) return;
    const stage = findStage(process, stageName);
    if (!stage) {
      const names = process.stages.map((s) => `"${s.name}"`).join(', ');
      problems.push({
        cell: cellName(col.stage, rowNumber),
        message: stageName
          ? `"${stageName}" is not a stage of this process (${names})`
          : 'the stage is empty',
      });
      return;
    }
    if (!name) {
      problems.push({ cell: cellName(col.category, rowNumber), message: 'the category name is empty' });
      return;
    }
    if (stages[stage.id].some((c) => c.name.toLowerCase() === name.toLowerCase())) {
      problems.push({
        cell: cellName(col.category, rowNumber),
        message: `"${name}" appears twice in stage "${stage.name}"`,
      });
      return;
    }
    // Scores in the log refer to categories by id: an unchanged name keeps its id.
    const known = (applied.stages[stage.id] ?? []).find((c) => c.name.toLowerCase() === name.toLowerCase());
    const taken = new Set([...stages[stage.id], ...(applied.stages[stage.id] ?? [])].map((c) => c.id));
    let id = known?.id ?? categoryId(name);
    for (let n = 2; !known && taken.has(id); n++) id = `${categoryId(name)}-${n}`;
    const anchors = ANCHOR_KEYS.map((k, i) => text(row[col[k]]) || GENERIC_ANCHORS[i]);
    const parsed = processSchemas().ScoringCategorySchema.safeParse({
      id,
      name,
      keyRisk: parseKeyRiskCell(row[col.keyRisk]),
      description: text(row[col.description]) || name,
      anchors,
    });
    if (!parsed.success) {
      problems.push({
        cell: cellName(col.category, rowNumber),
        message: `"${name}" is not a valid category`,
      });
      return;
    }
    stages[stage.id].push(parsed.data);
  });

  for (const stage of process.stages) {
    if (stages[stage.id].length === 0) {
      problems.push({
        cell: cellName(col.stage, 2),
        message: `stage "${stage.name}" has no categories left; keep at least one`,
      });
    }
  }
  for (const setting of PASS_RULE_SETTINGS) {
    if (passRule[setting.key] === undefined && !problems.some((p) => p.message.startsWith(setting.label))) {
      problems.push({
        cell: cellName(col.setting, 2),
        message: `the pass-rule setting "${setting.label}" is missing`,
      });
    }
  }
  if (problems.length > 0) return { ok: false, problems };
  return { ok: true, rubric: { stages, passRule: passRule as PassRule } };
}
