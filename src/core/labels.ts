/**
 * The constants and labels the server and the sidebar page share. Zod-free and importing nothing, so the page may
 * import them as values (eslint.config.mjs: src/sidebar takes values only from this module and core/format.ts);
 * the zod schemas of the sidebar calls (core/contract.ts) are built from them.
 */

/** Longest note, overall note, decision note or veto reason, in characters. */
export const MAX_NOTE_LENGTH = 2000;
/** Longest candidate or stage id a request may carry. */
export const MAX_ID_LENGTH = 64;
/** More categories than any stage has: a bigger record is refused before it is looked at. */
export const MAX_CATEGORIES = 50;

/** An interviewer's overall recommendation on their scorecard. */
export const RECOMMENDATIONS = ['strong-yes', 'yes', 'no', 'strong-no'] as const;
export type Recommendation = (typeof RECOMMENDATIONS)[number];

/** The hiring manager's decision for a stage. */
export const OUTCOMES = ['advance', 'hold', 'reject'] as const;
export type Outcome = (typeof OUTCOMES)[number];

/** How a recommendation reads: in the sidebar, in the debrief. */
export const RECOMMENDATION_LABELS: Readonly<Record<Recommendation, string>> = {
  'strong-yes': 'Strong yes',
  yes: 'Yes',
  no: 'No',
  'strong-no': 'Strong no',
};

/** How a decision reads: in the sidebar, in the debrief. */
export const OUTCOME_LABELS: Readonly<Record<Outcome, string>> = {
  advance: 'Advance',
  hold: 'Hold',
  reject: 'Reject',
};

/**
 * How a scorecard came after its interviewer saw the others' scores (core/scoring/seen.ts): a later version is a
 * revision after seeing the panel; a first scorecard written after seeing it (a hiring manager may look first)
 * was submitted after seeing it.
 */
export const AFTER_PANEL = ['revised', 'submitted'] as const;
export type AfterPanel = (typeof AFTER_PANEL)[number];

/** How that reads next to the scorecard: in the sidebar, in the debrief. */
export const AFTER_PANEL_LABELS: Readonly<Record<AfterPanel, string>> = {
  revised: 'revised after seeing the panel',
  submitted: 'submitted after seeing the panel',
};
