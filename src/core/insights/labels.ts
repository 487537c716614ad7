/**
 * The words and thresholds of the Insights tables, in one place: the sheet, its charts and the tests read them
 * from here.
 */

/** An offset from the panel resting on fewer shared candidates than this is shown but marked. */
export const MIN_SHARED_CANDIDATES = 5;

/** The mark beside an offset with fewer than MIN_SHARED_CANDIDATES shared candidates. */
export const TOO_FEW_TO_JUDGE = 'too few to judge';

/** A category's alpha resting on fewer candidates than this is not judged. */
export const MIN_RELIABILITY_CANDIDATES = 5;

/**
 * Krippendorff's conventional bars: rely on a variable from 0.8, draw only tentative conclusions from 0.667 up
 * (Krippendorff, Content Analysis: An Introduction to Its Methodology, 2nd ed., 2004).
 */
export const RELIABILITY_THRESHOLDS = { consistent: 0.8, tentative: 0.667 } as const;

export type ReliabilityFlag = 'consistent' | 'tentative' | 'disagree' | 'not-enough' | 'no-spread';

/** What each reliability flag says beside a category. */
export const RELIABILITY_LABELS: Readonly<Record<ReliabilityFlag, string>> = {
  consistent: 'consistent',
  tentative: 'tentative',
  disagree: "interviewers disagree: sharpen this category's anchors",
  'not-enough': 'not enough scorecards yet',
  // Enough candidates, but every interviewer gave every one of them the same score: alpha is undefined.
  'no-spread': 'every score is the same: nothing to compare yet',
};
