/**
 * Rubric reliability: per stage and category, how far interviewers agree on the same candidates
 * (Krippendorff's alpha at the interval level, missing scores allowed), and what that says about the category's
 * anchors. Input as for calibration: `stageRecords` of the published Score log and the process's stages.
 */
import { meets } from '../rules';
import { krippendorffAlpha } from './agreement';
import type { InsightStage } from './calibration';
import { MIN_RELIABILITY_CANDIDATES, RELIABILITY_THRESHOLDS, type ReliabilityFlag } from './labels';
import type { StageRecord } from './records';

export interface CategoryReliability {
  readonly stageId: string;
  readonly categoryId: string;
  /** Interval alpha across interviewers; null with fewer than two candidates to compare or no spread. */
  readonly alpha: number | null;
  /** Candidates scored in this category by at least two interviewers: what alpha rests on. */
  readonly candidates: number;
  /** The plain-words verdict; RELIABILITY_LABELS says it. */
  readonly flag: ReliabilityFlag;
}

/**
 * Too few candidates is said first, whatever alpha is; then the bars, each "at least" (a value within 1e-9 of
 * a bar meets it): ≥ 0.8 consistent, ≥ 0.667 tentative, below that the interviewers disagree.
 */
export function reliabilityFlag(alpha: number | null, candidates: number): ReliabilityFlag {
  if (candidates < MIN_RELIABILITY_CANDIDATES) return 'not-enough';
  if (alpha === null) return 'no-spread';
  if (meets(alpha, RELIABILITY_THRESHOLDS.consistent)) return 'consistent';
  if (meets(alpha, RELIABILITY_THRESHOLDS.tentative)) return 'tentative';
  return 'disagree';
}

/** One row per stage and category of the process, in its order (categories nobody scored included). */
export function rubricReliability(input: {
  readonly records: readonly StageRecord[];
  readonly stages: readonly InsightStage[];
}): CategoryReliability[] {
  const byStage = new Map<string, StageRecord[]>();
  for (const record of input.records) {
    const list = byStage.get(record.stageId);
    if (list) list.push(record);
    else byStage.set(record.stageId, [record]);
  }
  const rows: CategoryReliability[] = [];
  for (const stage of input.stages) {
    const records = byStage.get(stage.id) ?? [];
    for (const category of stage.categories) {
      // One unit per candidate: the scores its interviewers gave this category (who gave which does not
      // matter to alpha).
      const units = records.map((record) =>
        record.scorecards.map((card) => card.scores[category.id] ?? null),
      );
      const { alpha, units: candidates } = krippendorffAlpha(units, 'interval');
      rows.push({
        stageId: stage.id,
        categoryId: category.id,
        alpha,
        candidates,
        flag: reliabilityFlag(alpha, candidates),
      });
    }
  }
  return rows;
}
