/**
 * Apply rubric changes: the Rubric sheet becomes the applied rubric. A new category becomes a new column; a
 * removed one is archived (its column, scores included, moves to the end of the sheet under an "Archived" header,
 * outside the formulas), never deleted; key-risk checkboxes and pass thresholds follow the Rubric.
 */
import { parseRubric } from '../core/rubric';
import { describePassRule } from '../core/rules';
import { dayInZone } from '../core/time-zone';
import { columnLetter } from '../core/table';
import { SHEET_NAMES } from './context';
import { UserError } from '../core/errors';
import type { Workbook } from './workbook';
import { appliedRubric, requireProcess, setUpWorkbook } from './setup';
import { inspectStageSheet, stageColumns } from './stage-sheet';
import { STORE_BYTES } from './state';
import { readSheetValues, tableFromValues } from './table';

export function applyRubricChanges(workbook: Workbook, now: Date): string[] {
  const process = requireProcess(workbook);
  const rubricSheet = workbook.require('rubric', SHEET_NAMES.rubric);
  const previous = appliedRubric(workbook, process);
  const parsed = parseRubric(readSheetValues(rubricSheet), process, previous);
  if (!parsed.ok) {
    throw new UserError(
      'invalid-sheet',
      `The "${rubricSheet.getName()}" sheet has problems, so nothing was changed:`,
      parsed.problems,
    );
  }
  const next = parsed.rubric;
  // The day in the spreadsheet's time zone, as its cells show dates (not the UTC day).
  const date = dayInZone(now, workbook.spreadsheet.getSpreadsheetTimeZone());
  const changes: string[] = [];

  // Check every stage sheet before touching any.
  const ctx = { workbook, process, rubric: previous, now, firstRun: false, repairs: [] };
  const states = process.stages.map((stage) => inspectStageSheet(ctx, stage));
  const problems = states.flatMap((s) => s.problems);
  if (problems.length > 0)
    throw new UserError('cannot-repair', 'Scorecard changed nothing: fix these first.', problems);
  // The applied rubric is kept in the document properties (500 KB in all): refuse one that cannot be kept before
  // any sheet changes, so that the sheets and the stored rubric never disagree.
  workbook.state.setRubric(next);
  const needed = workbook.state.bytesAfterSave();
  if (needed > STORE_BYTES) {
    throw new UserError(
      'invalid-sheet',
      `This rubric is too long to keep: Scorecard's settings may take 500 KB in a spreadsheet and it needs about ${Math.ceil(needed / 1024)} KB. Shorten some texts on the Rubric sheet. Nothing was changed.`,
    );
  }

  for (const stage of process.stages) {
    const before = previous.stages[stage.id] ?? [];
    const after = next.stages[stage.id] ?? [];
    const sheet = workbook.find(`stage.${stage.id}`);
    const removed = before.filter((c) => !after.some((a) => a.id === c.id));
    const added = after.filter((c) => !before.some((b) => b.id === c.id));
    if (sheet && removed.length > 0) {
      const table = tableFromValues(sheet, readSheetValues(sheet), stageColumns(before), ['ID', 'Name']);
      const columns = removed
        .map((c) => ({ category: c, column: table?.layout.columns[`category:${c.id}`] }))
        .filter((c): c is { category: typeof c.category; column: number } => c.column !== undefined)
        .sort((a, b) => b.column - a.column);
      for (const { category, column } of columns) {
        const values = table!.values.map((row) => [row[column] ?? '']);
        values[table!.headerRow - 1] = [`Archived: ${category.name} (${date})`];
        const end = sheet.getMaxColumns();
        sheet.insertColumnAfter(end);
        sheet.getRange(1, end + 1, values.length, 1).setValues(values);
        sheet.deleteColumn(column + 1);
        changes.push(
          `Archived "${category.name}" on "${sheet.getName()}": its scores are kept in column ${columnLetter(end - 1)}.`,
        );
      }
    }
    for (const c of added) changes.push(`Added the category "${c.name}" to ${stage.name}.`);
    for (const c of after) {
      const old = before.find((b) => b.id === c.id);
      if (old && old.keyRisk !== c.keyRisk) {
        changes.push(
          `"${c.name}" in ${stage.name} is ${c.keyRisk ? 'now' : 'no longer'} a key-risk category.`,
        );
      }
    }
  }
  if (describePassRule(previous.passRule) !== describePassRule(next.passRule))
    changes.push(`The pass rule changed. ${describePassRule(next.passRule)}`);

  setUpWorkbook(workbook, undefined, now, { rewriteKeyRisk: true });
  return changes;
}
