/**
 * What the workbook remembers about itself, in document properties: which sheets are Scorecard's (by id, so
 * renaming a sheet breaks nothing), the process preset, the applied rubric and the candidate-ID counter.
 * Read once per action (getProperties) and written once (setProperties).
 */
import type { AppliedRubric } from '../core/rubric';
import { lazy } from '../core/lazy';
import { processSchemas } from '../core/process';
import * as z from 'zod/mini';
import { PART_BYTES, STORE_BYTES, splitUtf8, utf8Bytes } from '../core/utf8';

export { STORE_BYTES, utf8Bytes };

const PREFIX = 'scorecard.';
// A stage's rubric longer than PART_BYTES is stored in several properties (core/utf8.ts has the limits).

const storedCategories = lazy(() => z.array(processSchemas().ScoringCategorySchema));

export type SheetKey =
  | 'about'
  | 'candidates'
  | 'rubric'
  | 'templates'
  | 'pipeline'
  | 'log'
  | 'reminders'
  | 'insights'
  | `stage.${string}`;

/**
 * The id of one of Scorecard's sheets, read with a single property look-up (for the onEdit trigger, which runs on
 * every edit and must find out cheaply whether it concerns Scorecard at all).
 */
export function storedSheetId(
  properties: GoogleAppsScript.Properties.Properties,
  key: SheetKey,
): number | undefined {
  const raw = properties.getProperty(`${PREFIX}sheet.${key}`);
  return raw === null ? undefined : Number(raw);
}

export class DocumentState {
  private readonly values: Record<string, string>;
  private readonly changes: Record<string, string> = {};
  /** Properties to delete at save (parts a shorter rubric no longer uses). */
  private readonly removed = new Set<string>();

  constructor(private readonly properties: GoogleAppsScript.Properties.Properties) {
    this.values = properties.getProperties();
  }

  private get(key: string): string | undefined {
    return this.changes[PREFIX + key] ?? this.values[PREFIX + key];
  }

  private set(key: string, value: string): void {
    this.removed.delete(PREFIX + key);
    if (this.get(key) !== value) this.changes[PREFIX + key] = value;
  }

  private remove(key: string): void {
    delete this.changes[PREFIX + key];
    if (this.values[PREFIX + key] !== undefined) this.removed.add(PREFIX + key);
  }

  /** A value stored whole, or in parts ("parts:3" and key.1 … key.3). */
  private getLong(key: string): string | undefined {
    const head = this.get(key);
    const count = /^parts:(\d+)$/.exec(head ?? '');
    if (!count) return head;
    let joined = '';
    for (let i = 1; i <= Number(count[1]); i++) {
      const part = this.get(`${key}.${i}`);
      if (part === undefined) return undefined;
      joined += part;
    }
    return joined;
  }

  private setLong(key: string, value: string): void {
    const parts = utf8Bytes(value) <= PART_BYTES ? [value] : splitUtf8(value, PART_BYTES);
    if (parts.length === 1) this.set(key, value);
    else {
      this.set(key, `parts:${parts.length}`);
      parts.forEach((part, i) => this.set(`${key}.${i + 1}`, part));
    }
    // Parts a longer value used before and this one does not.
    const stale = (n: number) => PREFIX + `${key}.${n}`;
    for (
      let n = parts.length === 1 ? 1 : parts.length + 1;
      stale(n) in this.values || stale(n) in this.changes;
      n++
    )
      this.remove(`${key}.${n}`);
  }

  /** What the document's property store would hold after save(), in UTF-8 bytes (keys and values). */
  bytesAfterSave(): number {
    const all = { ...this.values, ...this.changes };
    let n = 0;
    for (const [key, value] of Object.entries(all))
      if (!this.removed.has(key)) n += utf8Bytes(key) + utf8Bytes(value);
    return n;
  }

  /**
   * Properties outside Scorecard's own state whose key starts with `prefix` (the sealed store), as read when the
   * workbook was opened, with what was written or deleted through writeRaw/deleteRaw since.
   */
  raw(prefix: string): Record<string, string> {
    const found: Record<string, string> = {};
    for (const [key, value] of Object.entries(this.values)) if (key.startsWith(prefix)) found[key] = value;
    return found;
  }

  /** Writes properties outside Scorecard's state now, in one call (all or nothing). */
  writeRaw(values: Readonly<Record<string, string>>): void {
    if (Object.keys(values).length === 0) return;
    this.properties.setProperties(values);
    Object.assign(this.values, values);
  }

  /** Deletes properties outside Scorecard's state now, one call each. */
  deleteRaw(keys: readonly string[]): void {
    for (const key of keys) {
      this.properties.deleteProperty(key);
      delete this.values[key];
    }
  }

  get processId(): string | undefined {
    return this.get('process');
  }

  set processId(id: string | undefined) {
    if (id) this.set('process', id);
  }

  sheetId(key: SheetKey): number | undefined {
    // The same key storedSheetId reads.
    const raw = this.get(`sheet.${key}`);
    return raw === undefined ? undefined : Number(raw);
  }

  setSheetId(key: SheetKey, id: number): void {
    this.set(`sheet.${key}`, String(id));
  }

  get nextCandidateNumber(): number {
    const raw = Number(this.get('nextCandidateId'));
    return Number.isInteger(raw) && raw > 0 ? raw : 1;
  }

  set nextCandidateNumber(n: number) {
    this.set('nextCandidateId', String(n));
  }

  /** How many rows of the Candidates sheet the whole-column formulas cover (its size at the last setup). */
  get candidatesRowsCovered(): number | undefined {
    const raw = Number(this.get('candidatesRows'));
    return Number.isInteger(raw) && raw > 0 ? raw : undefined;
  }

  set candidatesRowsCovered(rows: number | undefined) {
    if (rows) this.set('candidatesRows', String(rows));
  }

  /** The applied rubric, or undefined if never applied or unreadable (setup then re-applies the preset's). */
  rubric(stageIds: readonly string[]): AppliedRubric | undefined {
    const rule = processSchemas().PassRuleSchema.safeParse(parseJson(this.get('rubric.passRule')));
    if (!rule.success) return undefined;
    const stages: AppliedRubric['stages'] = {};
    for (const id of stageIds) {
      const categories = storedCategories().safeParse(parseJson(this.getLong(`rubric.${id}`)));
      if (!categories.success || categories.data.length === 0) return undefined;
      (stages as Record<string, unknown>)[id] = categories.data;
    }
    return { stages, passRule: rule.data };
  }

  setRubric(rubric: AppliedRubric): void {
    this.set('rubric.passRule', JSON.stringify(rubric.passRule));
    // One property per stage, in parts when it is longer than Apps Script's 9 KB a value allows.
    for (const [id, categories] of Object.entries(rubric.stages))
      this.setLong(`rubric.${id}`, JSON.stringify(categories));
  }

  get hasChanges(): boolean {
    return Object.keys(this.changes).length > 0 || this.removed.size > 0;
  }

  /** Writes every change in one call (and deletes parts no longer used, one call each). */
  save(): void {
    if (!this.hasChanges) return;
    if (Object.keys(this.changes).length > 0) this.properties.setProperties(this.changes);
    for (const key of this.removed) {
      this.properties.deleteProperty(key);
      delete this.values[key];
    }
    this.removed.clear();
    Object.assign(this.values, this.changes);
    for (const key of Object.keys(this.changes)) delete this.changes[key];
  }
}

function parseJson(raw: string | undefined): unknown {
  if (raw === undefined) return undefined;
  try {
    return JSON.parse(raw);
  } catch {
    return undefined;
  }
}
