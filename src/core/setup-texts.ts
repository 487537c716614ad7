/**
 * Prose that Set up workbook writes into the sheets (the Pipeline guide, notes on Candidates headers). Like the
 * presets it lives in build/Presets.html rather than in build/Code.js, which Apps Script evaluates on every
 * execution: only setup reads it (see PresetData in presets/catalog.ts).
 */

export interface SetupTexts {
  /** The guide under the Pipeline table, one line per row; the first is its title. */
  readonly pipelineGuide: readonly string[];
  /** Added to the guide when the process names no service level for some stages: {process}, {stages}. */
  readonly pipelineUnset: string;
  /** Notes on the Candidates headers whose cells stay blank until a stage has a service level. */
  readonly nextStepDueNote: string;
  readonly overdueNote: string;
}

export const SETUP_TEXTS: SetupTexts = {
  pipelineGuide: [
    'How this sheet works',
    'Service level: how long a candidate may stay in a stage before the next step is overdue, in business days (B) or hours (C). Your figures are kept when the workbook is repaired.',
    'Promise: that service level in words.',
    'Overdue: Active candidates past their Next step due (on Candidates: the day they entered the stage plus its service level). Without a service level a stage has no due date, so nobody in it is overdue.',
    'Scored, Passed, Pass rate: rows of the stage’s scorecard sheet with every category scored.',
  ],
  pipelineUnset: '{process} sets no service level for {stages}: type figures your team can keep.',
  nextStepDueNote:
    "The day the candidate entered the stage plus the stage's service level (Pipeline sheet); blank while it has none.",
  overdueNote:
    'TRUE for an Active candidate past the Next step due. Set service levels on the Pipeline sheet.',
};
