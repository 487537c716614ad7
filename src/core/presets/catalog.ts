/**
 * The presets as the add-on sees them at run time. The data itself is not in build/Code.js: Apps Script
 * evaluates every script file on every execution (custom functions included), so the build writes the presets
 * to build/Presets.html, which is read only by the actions that need a preset (see src/main.ts).
 */
import type { Process } from '../process';

/** The preset used when the user has not chosen one: seed 000's three-stage Backend Developer process. */
export const DEFAULT_PRESET_ID = 'backend-developer';

export interface PresetCatalog {
  /** Default first. */
  readonly presets: readonly Process[];
  get(id: string): Process | undefined;
}

export function presetCatalog(presets: readonly Process[]): PresetCatalog {
  return {
    presets,
    get: (id) => presets.find((p) => p.id === id.trim()),
  };
}
