/**
 * The add-on's public surface: every function exported here becomes a top-level function in build/Code.js
 * (scripts/build.mjs copies each one's JSDoc, which Sheets reads for autocomplete). Keep this file thin:
 * it wires Apps Script entry points to the modules that do the work.
 */
import * as customFunctions from './functions';

/**
 * Whether each candidate passes the rubric: average at least min_average, every score at least min_category,
 * every key-risk score at least min_key_risk. Blank while any score is missing.
 *
 * @param {number[][]} scores Scores from 1 to 5: one candidate's row, or a block with one candidate per row.
 * @param {Array<Array<boolean|string>>} key_risk Optional. One row as wide as scores; TRUE, "key risk" or "yes" marks a key-risk category.
 * @param {number} min_average Optional. Lowest passing average (default 4).
 * @param {number} min_category Optional. Lowest passing score in any category (default 3).
 * @param {number} min_key_risk Optional. Lowest passing score in a key-risk category (default 4).
 * @return {boolean|Array<Array<boolean|string>>} TRUE or FALSE per row, blank if pending; a column for a block.
 * @customfunction
 */
export function PASSES(
  scores: unknown,
  key_risk?: unknown,
  min_average?: unknown,
  min_category?: unknown,
  min_key_risk?: unknown,
): unknown {
  return customFunctions.PASSES(scores, key_risk, min_average, min_category, min_key_risk);
}

/**
 * The mean of each row's scores, ignoring blanks; blank when a row has no score yet.
 *
 * @param {number[][]} scores Scores from 1 to 5: one candidate's row, or a block with one candidate per row.
 * @return {number|Array<Array<number|string>>} The average per row; a column for a block.
 * @customfunction
 */
export function RUBRIC_AVERAGE(scores: unknown): unknown {
  return customFunctions.RUBRIC_AVERAGE(scores);
}

/**
 * Explains the pass decision in words: that the row passes, every reason it fails, or how many scores are missing.
 *
 * @param {number[][]} scores Scores from 1 to 5: one candidate's row, or a block with one candidate per row.
 * @param {Array<Array<boolean|string>>} key_risk Optional. One row as wide as scores; TRUE, "key risk" or "yes" marks a key-risk category.
 * @param {number} min_average Optional. Lowest passing average (default 4).
 * @param {number} min_category Optional. Lowest passing score in any category (default 3).
 * @param {number} min_key_risk Optional. Lowest passing score in a key-risk category (default 4).
 * @param {string[][]} category_names Optional. One row of category names, used in the reasons.
 * @return {string|string[][]} The decision in words per row; a column for a block.
 * @customfunction
 */
export function PASS_REASON(
  scores: unknown,
  key_risk?: unknown,
  min_average?: unknown,
  min_category?: unknown,
  min_key_risk?: unknown,
  category_names?: unknown,
): unknown {
  return customFunctions.PASS_REASON(
    scores,
    key_risk,
    min_average,
    min_category,
    min_key_risk,
    category_names,
  );
}

/**
 * Lists the categories where interviewers disagree by more than max_gap points, to discuss before deciding.
 *
 * @param {number[][]} interviewer_scores One interviewer per row, one category per column; blanks are ignored.
 * @param {string[][]} category_names Optional. One row of category names (default "Category 1", "Category 2", ...).
 * @param {number} max_gap Optional. Largest gap that needs no discussion (default 1).
 * @return {string} The divergent categories joined with ", "; blank when the panel agrees.
 * @customfunction
 */
export function DIVERGENT(interviewer_scores: unknown, category_names?: unknown, max_gap?: unknown): unknown {
  return customFunctions.DIVERGENT(interviewer_scores, category_names, max_gap);
}
