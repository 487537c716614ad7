/**
 * The pass rule and the divergence check, on already-parsed scores. The custom functions, the sidebar and the
 * documents all decide through these functions, so a candidate never passes in one place and fails in another.
 */
import { EPSILON } from './cells';
import { formatScoreInText } from './format';
import type { PassRule } from './process';

/** One row of a scorecard: a score per category, null where the category is not scored yet. */
export interface CategoryScore {
  readonly name: string;
  readonly keyRisk: boolean;
  readonly score: number | null;
}

export type FailReason =
  | { readonly kind: 'average'; readonly average: number; readonly threshold: number }
  | { readonly kind: 'category'; readonly name: string; readonly score: number; readonly threshold: number }
  | { readonly kind: 'keyRisk'; readonly name: string; readonly score: number; readonly threshold: number };

export type PassDecision =
  | {
      readonly status: 'pending';
      readonly unscored: number;
      readonly total: number;
      readonly average: number | null;
    }
  | { readonly status: 'pass'; readonly average: number }
  | { readonly status: 'fail'; readonly average: number; readonly reasons: readonly FailReason[] };

/** "At least", with floating-point noise never flipping the result. */
export function meets(value: number, threshold: number): boolean {
  return value >= threshold - EPSILON;
}

export function mean(values: readonly number[]): number | null {
  if (values.length === 0) return null;
  return values.reduce((sum, v) => sum + v, 0) / values.length;
}

/** The middle value (the mean of the two middle ones for an even count); null for none. */
export function median(values: readonly number[]): number | null {
  if (values.length === 0) return null;
  const sorted = [...values].sort((a, b) => a - b);
  const mid = sorted.length >> 1;
  return sorted.length % 2 === 1 ? sorted[mid] : (sorted[mid - 1] + sorted[mid]) / 2;
}

/**
 * Decides one candidate's row. A row with any unscored category is pending: it never passes with missing scores.
 */
export function decide(categories: readonly CategoryScore[], rule: PassRule): PassDecision {
  const scored = categories.filter((c): c is CategoryScore & { score: number } => c.score !== null);
  const average = mean(scored.map((c) => c.score));
  if (scored.length < categories.length || average === null) {
    return {
      status: 'pending',
      unscored: categories.length - scored.length,
      total: categories.length,
      average,
    };
  }
  const reasons: FailReason[] = [];
  if (!meets(average, rule.minAverage))
    reasons.push({ kind: 'average', average, threshold: rule.minAverage });
  for (const c of scored) {
    if (!meets(c.score, rule.minCategory)) {
      reasons.push({ kind: 'category', name: c.name, score: c.score, threshold: rule.minCategory });
    }
  }
  for (const c of scored) {
    if (c.keyRisk && !meets(c.score, rule.minKeyRisk)) {
      reasons.push({ kind: 'keyRisk', name: c.name, score: c.score, threshold: rule.minKeyRisk });
    }
  }
  return reasons.length === 0 ? { status: 'pass', average } : { status: 'fail', average, reasons };
}

export function describeFailReason(reason: FailReason): string {
  switch (reason.kind) {
    case 'average':
      return `average ${formatScoreInText(reason.average)} is below ${formatScoreInText(reason.threshold)}`;
    case 'category':
      return `${reason.name} scored ${formatScoreInText(reason.score)}, below the floor of ${formatScoreInText(reason.threshold)}`;
    case 'keyRisk':
      return `key-risk ${reason.name} scored ${formatScoreInText(reason.score)}, below ${formatScoreInText(reason.threshold)}`;
  }
}

/** The decision in words, as PASS_REASON shows it in a cell and the sidebar shows it to the panel. */
export function describeDecision(decision: PassDecision): string {
  switch (decision.status) {
    case 'pending': {
      const noun = decision.total === 1 ? 'category' : 'categories';
      return `Pending: ${decision.unscored} of ${decision.total} ${noun} unscored`;
    }
    case 'pass':
      return `Passes: average ${formatScoreInText(decision.average)}, every category and key-risk category at or above its bar`;
    case 'fail':
      return `Fails: ${decision.reasons.map(describeFailReason).join('; ')}`;
  }
}

/**
 * The pass rule in plain words: the one wording, for the sidebar, the documents and the About sheet. Without
 * key-risk categories (a stage that has none) the key-risk clause is left out.
 */
export function describePassRule(rule: PassRule, hasKeyRisk = true): string {
  const average = `the average is at least ${formatScoreInText(rule.minAverage)}`;
  const floor = `no category is below ${formatScoreInText(rule.minCategory)}`;
  if (!hasKeyRisk) return `Passes when ${average} and ${floor}.`;
  const keyRisk = `every key-risk category is at least ${formatScoreInText(rule.minKeyRisk)}`;
  return `Passes when ${average}, ${floor} and ${keyRisk}.`;
}

/**
 * Indices of the categories whose highest and lowest score differ by more than maxGap. Each inner array is one
 * interviewer's scores by category; null is unscored and ignored, so a category with fewer than two scores is
 * never divergent. A gap of exactly maxGap is not divergent.
 */
export function divergentCategories(
  byInterviewer: readonly (readonly (number | null)[])[],
  maxGap: number,
): number[] {
  const width = byInterviewer.reduce((widest, row) => Math.max(widest, row.length), 0);
  const divergent: number[] = [];
  for (let column = 0; column < width; column++) {
    const scores = byInterviewer.map((row) => row[column]).filter((s): s is number => typeof s === 'number');
    if (scores.length < 2) continue;
    if (Math.max(...scores) - Math.min(...scores) > maxGap + EPSILON) divergent.push(column);
  }
  return divergent;
}
