/**
 * What the workbook remembers about itself, in document properties: which sheets are Scorecard's (by id, so
 * renaming a sheet breaks nothing), the process preset, the applied rubric and the candidate-ID counter.
 * Read once per action (getProperties) and written once (setProperties).
 */
import type { AppliedRubric } from '../core/rubric';
import { lazy } from '../core/lazy';
import { processSchemas } from '../core/process';
import * as z from 'zod/mini';

const PREFIX = 'scorecard.';
const storedCategories = lazy(() => z.array(processSchemas().ScoringCategorySchema));

export type SheetKey =
  'about' | 'candidates' | 'rubric' | 'templates' | 'pipeline' | 'log' | `stage.${string}`;

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

  constructor(private readonly properties: GoogleAppsScript.Properties.Properties) {
    this.values = properties.getProperties();
  }

  private get(key: string): string | undefined {
    return this.changes[PREFIX + key] ?? this.values[PREFIX + key];
  }

  private set(key: string, value: string): void {
    if (this.get(key) !== value) this.changes[PREFIX + key] = value;
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
      const categories = storedCategories().safeParse(parseJson(this.get(`rubric.${id}`)));
      if (!categories.success || categories.data.length === 0) return undefined;
      (stages as Record<string, unknown>)[id] = categories.data;
    }
    return { stages, passRule: rule.data };
  }

  setRubric(rubric: AppliedRubric): void {
    this.set('rubric.passRule', JSON.stringify(rubric.passRule));
    // One property per stage keeps each value under Apps Script's 9 KB limit.
    for (const [id, categories] of Object.entries(rubric.stages))
      this.set(`rubric.${id}`, JSON.stringify(categories));
  }

  get hasChanges(): boolean {
    return Object.keys(this.changes).length > 0;
  }

  /** Writes every change in one call. */
  save(): void {
    if (!this.hasChanges) return;
    this.properties.setProperties(this.changes);
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
