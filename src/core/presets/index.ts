/**
 * The built-in hiring-process presets. Each preset is parsed through ProcessSchema when this module loads,
 * so a malformed preset fails immediately instead of surfacing later in the sheet.
 */
import { processSchemas, type Process } from '../process';
import { backendDeveloper } from './backend-developer';
import { culturePartner } from './culture-partner';
import { fiveStageBackend } from './five-stage-backend';
import { paidTakeHome } from './paid-take-home';
import { screeningFocused } from './screening-focused';

import { DEFAULT_PRESET_ID } from './catalog';

export { DEFAULT_PRESET_ID };

/** All built-in presets, default first, each validated against ProcessSchema. */
export const PRESETS: readonly Process[] = Object.freeze(
  [backendDeveloper, fiveStageBackend, paidTakeHome, screeningFocused, culturePartner].map((preset) =>
    processSchemas().ProcessSchema.parse(preset),
  ),
);

export interface PresetListing {
  id: string;
  name: string;
  summary: string;
  stageCount: number;
}

export function getPreset(id: string): Process | undefined {
  const wanted = id.trim();
  return PRESETS.find((preset) => preset.id === wanted);
}

export function listPresets(): PresetListing[] {
  return PRESETS.map((preset) => ({
    id: preset.id,
    name: preset.name,
    summary: preset.summary,
    stageCount: preset.stages.length,
  }));
}
