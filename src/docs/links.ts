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
import { documentUrl } from './writer';

/** A value read from a cell, made safe to write back: text that looks like a formula stays text. */
export function safeCellValue(value: unknown): unknown {
  return typeof value === 'string' && /^[=+\-@]/.test(value) ? `'${value}` : value;
}

/**
 * Writes the links into the stage's script column in ONE setValues over the span of rows involved. The table is
 * read again first (one read): a batch can take minutes while others edit, so each link goes to the row that
 * holds the candidate's ID now, and the cells in between are written back as they are now. A new document made
 * because the earlier one could not be opened keeps the earlier link in the cell's note (one more call, only
 * then), so nothing is lost. Returns the candidates whose row is gone (their link is reported instead).
 */
export function writeScriptLinks(
  workbook: Workbook,
  process: Process,
  stage: Stage,
  results: readonly DocResult[],
  made: { readonly user: string; readonly day: string } = { user: '', day: '' },
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
  const range = layout.sheet.getRange(first, column + 1, values.length, 1);
  range.setValues(values);
  const earlier = new Map<number, string>();
  for (const result of results) {
    const row = rowOf.get(result.job.key);
    if (row !== undefined && result.outcome === 'new-version' && result.job.existing)
      earlier.set(row, documentUrl(result.job.existing));
  }
  if (earlier.size > 0) {
    const who = made.user ? ` by ${made.user}` : '';
    const notes: string[][] = [];
    for (let r = first; r <= last; r++) {
      const url = earlier.get(r);
      notes.push([
        url ? `Earlier ${stage.name} script (could not be opened${who} on ${made.day}): ${url}` : '',
      ]);
    }
    // Only the rows with an earlier link get a note; the others keep theirs (written back unchanged).
    const current = range.getNotes();
    range.setNotes(notes.map((n, i) => [n[0] || current[i][0]]));
  }
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
