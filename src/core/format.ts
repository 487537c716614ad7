/**
 * How numbers and durations read wherever Scorecard shows them: the sidebar, documents, cells' reasons and
 * messages. Pure and zod-free, so the sidebar page imports it too.
 */

/** What a table shows where a score is missing. */
export const NO_SCORE = '—';

/** A score in a table or list: 4 → "4", 4.5 → "4.5", 11/3 → "3.67"; NO_SCORE when there is none. */
export function formatScore(value: number | null | undefined): string {
  if (value === null || value === undefined || !Number.isFinite(value)) return NO_SCORE;
  return String(Math.round(value * 100) / 100);
}

/**
 * A score, average or threshold in a sentence, with at least one decimal so "4.0" reads as a bar on the 1–5 scale:
 * 4 → "4.0", 4.5 → "4.5", 11/3 → "3.67".
 */
export function formatScoreInText(value: number): string {
  const rounded = Math.round(value * 100) / 100;
  return Number.isInteger(rounded * 10) ? rounded.toFixed(1) : rounded.toFixed(2);
}

const EN_DASH = '–';

/** "20–30" for a range of minutes, "5" for a single value. */
export function formatMinutesRange(min: number, max: number): string {
  return min === max ? String(min) : `${min}${EN_DASH}${max}`;
}

/** A stage's planned duration: "45–75 min", "30 min", or "" for a stage that is not a meeting (0/0). */
export function formatStageMinutes(stage: {
  readonly minutesMin: number;
  readonly minutesMax: number;
}): string {
  if (stage.minutesMax === 0) return '';
  return `${formatMinutesRange(stage.minutesMin, stage.minutesMax)} min`;
}
