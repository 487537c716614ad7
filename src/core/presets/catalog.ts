/**
 * The presets as the add-on sees them at run time. The data itself is not in build/Code.js: Apps Script
 * evaluates every script file on every execution (custom functions included), so the build writes the presets
 * to build/Presets.html, which is read only by the actions that need a preset (see src/main.ts). So are the
 * templates each preset ships with (src/core/templates/defaults.ts), which only Set up workbook writes.
 */
import type { Process } from '../process';
import type { Texts } from '../texts';
import type { TemplateRow } from '../templates/template';

/** The preset used when the user has not chosen one: seed 000's three-stage Backend Developer process. */
export const DEFAULT_PRESET_ID = 'backend-developer';

export interface PresetCatalog {
  /** Default first. */
  readonly presets: readonly Process[];
  get(id: string): Process | undefined;
  /** The template rows the preset ships with (every stage, then the debrief); none for an unknown id. */
  templates(id: string): readonly TemplateRow[];
  readonly texts: Texts;
}

/** What build/Presets.html holds. */
export interface PresetData {
  readonly presets: readonly Process[];
  /** Default template rows by preset id. */
  readonly templates: Readonly<Record<string, readonly TemplateRow[]>>;
  readonly texts: Texts;
}

export function presetCatalog(data: PresetData): PresetCatalog {
  const { presets, templates, texts } = data;
  return {
    presets,
    texts,
    get: (id) => presets.find((p) => p.id === id.trim()),
    templates: (id) => templates[id.trim()] ?? [],
  };
}
