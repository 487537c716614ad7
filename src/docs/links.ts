/**
 * Where the links to generated documents are kept. Interview scripts: the candidate's "<Stage> script" cell on
 * the Candidates sheet, as the plain URL (Sheets shows it as a link; no formula is ever built, so no user text
 * can become one). Debriefs: document properties, one small entry per candidate and stage (the Candidates
 * sheet has no debrief column), shown to the user in the final message.
 */
import type { Process, Stage } from '../core/process';
import { readCandidates } from '../sheets/candidates-sheet';
import type { Workbook } from '../sheets/workbook';
import type { DocResult } from './batch';

/** A value read from a cell, made safe to write back: text that looks like a formula stays text. */
export function safeCellValue(value: unknown): unknown {
  return typeof value === 'string' && /^[=+\-@]/.test(value) ? `'${value}` : value;
}

/**
 * Writes the links into the stage's script column in ONE setValues over the span of rows involved. The table is
 * read again first (one read): a batch can take minutes while others edit, so each link goes to the row that
 * holds the candidate's ID now, and the cells in between are written back as they are now. Returns the
 * candidates whose row is gone (their link is reported instead).
 */
export function writeScriptLinks(
  workbook: Workbook,
  process: Process,
  stage: Stage,
  results: readonly DocResult[],
): DocResult[] {
  if (results.length === 0) return [];
  const { layout, rows, candidates } = readCandidates(workbook, process);
  const column = layout.columns[`script:${stage.id}`];
  const rowOf = new Map(candidates.map((c) => [c.id, c.row]));
  const placed = new Map<number, string>();
  const lost: DocResult[] = [];
  for (const result of results) {
    const row = rowOf.get(result.job.key);
    if (row === undefined || column === undefined) lost.push(result);
    else placed.set(row, result.url);
  }
  if (placed.size === 0) return lost;
  const first = Math.min(...placed.keys());
  const last = Math.max(...placed.keys());
  const values = [];
  for (let r = first; r <= last; r++) {
    const link = placed.get(r);
    values.push([link ?? safeCellValue(rows[r - layout.firstRow]?.[column] ?? '')]);
  }
  layout.sheet.getRange(first, column + 1, values.length, 1).setValues(values);
  return lost;
}

const DEBRIEF_PREFIX = 'scorecard.debrief.';

export function debriefKey(candidateId: string, stageId: string): string {
  return `${DEBRIEF_PREFIX}${candidateId}.${stageId}`;
}

/** The document id stored for every debrief made so far (one getProperties call). */
export function storedDebriefs(properties: GoogleAppsScript.Properties.Properties): Map<string, string> {
  const all = properties.getProperties();
  return new Map(Object.entries(all).filter(([key]) => key.startsWith(DEBRIEF_PREFIX)));
}

/** Remembers the debriefs' document ids (one setProperties call). */
export function storeDebriefs(
  properties: GoogleAppsScript.Properties.Properties,
  results: readonly DocResult[],
  stageOf: (result: DocResult) => string,
): void {
  if (results.length === 0) return;
  properties.setProperties(Object.fromEntries(results.map((r) => [debriefKey(r.job.key, stageOf(r)), r.id])));
}
