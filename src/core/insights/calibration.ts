/**
 * Interviewer calibration: how each interviewer scores compared with the rest of the panel, how often their
 * recommendation matched the hiring manager's decision, and how quickly their scorecards come in.
 *
 * Input: the Score log as `stageRecords` reads it (each interviewer's latest scorecard per candidate and stage,
 * and the latest decision; published entries only), the process's stages and categories (they set the order of
 * the output; categories no longer in the rubric are left out), and the interviews' scheduled times where the
 * workbook has them.
 */
import type { Outcome, Recommendation } from '../labels';
import { sameEmail } from '../people';
import { mean, median } from '../rules';
import { MIN_SHARED_CANDIDATES } from './labels';
import { type StageRecord, interviewerKey } from './records';

/**
 * The decision each recommendation argues for: the one place recommendations and outcomes meet. "hold" is no
 * recommendation's outcome, so a decision to hold neither confirms nor contradicts anyone.
 */
export const RECOMMENDED_OUTCOME: Readonly<Record<Recommendation, Outcome>> = {
  'strong-yes': 'advance',
  yes: 'advance',
  no: 'reject',
  'strong-no': 'reject',
};

/** Whether a recommendation matched the decision; null when the decision was to hold. */
export function recommendationMatches(recommendation: Recommendation, outcome: Outcome): boolean | null {
  if (outcome === 'hold') return null;
  return RECOMMENDED_OUTCOME[recommendation] === outcome;
}

/** A stage as calibration and reliability need it: its id and its categories' ids, in the process's order. */
export interface InsightStage {
  readonly id: string;
  readonly categories: readonly { readonly id: string }[];
}

/** A candidate's scheduled interview per stage id (the Candidates sheet's "<Stage> scheduled" columns). */
export type Schedules = Readonly<Record<string, Readonly<Record<string, Date>>>>;

export interface CategoryCalibration {
  readonly stageId: string;
  readonly categoryId: string;
  /** The interviewer's scorecards that score this category. */
  readonly scorecards: number;
  readonly meanScore: number;
  /**
   * Mean of (this interviewer's score − the mean of the other interviewers' scores) over the candidates both
   * scored: positive = lenient, negative = severe. Null when nobody else scored any of the same candidates.
   */
  readonly meanOffset: number | null;
  /** Candidates (at this stage) that this interviewer and at least one other interviewer scored. */
  readonly sharedCandidates: number;
  /** Fewer than MIN_SHARED_CANDIDATES shared candidates: the offset is shown but not to be judged. */
  readonly tooFewToJudge: boolean;
}

export interface InterviewerCalibration {
  /** The interviewer's email, lower case. */
  readonly interviewer: string;
  /** Latest scorecards (one per candidate and stage). */
  readonly scorecards: number;
  /**
   * Scorecards whose stage has an advance or reject decision by someone else (a hiring manager's own scorecard
   * is not compared with their own decision).
   */
  readonly decisionsCompared: number;
  /** Of those, the ones whose recommendation argued for the decision taken (RECOMMENDED_OUTCOME). */
  readonly decisionsMatched: number;
  /** decisionsMatched / decisionsCompared; null with none compared. */
  readonly decisionMatchRate: number | null;
  /**
   * Median hours from the interview to the interviewer's first scorecard for it (a later revision does not make
   * feedback late). The interview is the stage's scheduled time when the workbook has one, else the first
   * scorecard anyone submitted for that candidate and stage. Null with no scorecard.
   */
  readonly medianFeedbackHours: number | null;
  readonly categories: readonly CategoryCalibration[];
}

interface CategoryTally {
  scores: number;
  scoreSum: number;
  offsets: number;
  offsetSum: number;
}

interface InterviewerTally {
  scorecards: number;
  compared: number;
  matched: number;
  feedbackHours: number[];
  categories: Map<string, CategoryTally>;
}

const MS_PER_HOUR = 3_600_000;

function categoryKey(stageId: string, categoryId: string): string {
  return `${stageId}\u0000${categoryId}`;
}

function validTime(date: Date | undefined): number | null {
  const time = date ? date.getTime() : NaN;
  return Number.isNaN(time) ? null : time;
}

export function interviewerCalibration(input: {
  readonly records: readonly StageRecord[];
  readonly stages: readonly InsightStage[];
  readonly schedules?: Schedules;
}): InterviewerCalibration[] {
  const known = new Set<string>();
  for (const stage of input.stages) for (const c of stage.categories) known.add(categoryKey(stage.id, c.id));
  const tallies = new Map<string, InterviewerTally>();

  for (const record of input.records) {
    const { scorecards: cards, decision } = record;
    const scheduled = validTime(input.schedules?.[record.candidateId]?.[record.stageId]);
    const interviewAt = scheduled ?? record.firstScorecardAt;
    for (let a = 0; a < cards.length; a++) {
      const card = cards[a];
      const key = interviewerKey(card.email);
      let tally = tallies.get(key);
      if (!tally) {
        tally = { scorecards: 0, compared: 0, matched: 0, feedbackHours: [], categories: new Map() };
        tallies.set(key, tally);
      }
      tally.scorecards++;

      for (const [categoryId, score] of Object.entries(card.scores)) {
        const ck = categoryKey(record.stageId, categoryId);
        if (!known.has(ck)) continue;
        let category = tally.categories.get(ck);
        if (!category) {
          category = { scores: 0, scoreSum: 0, offsets: 0, offsetSum: 0 };
          tally.categories.set(ck, category);
        }
        category.scores++;
        category.scoreSum += score;
        const others: number[] = [];
        for (let b = 0; b < cards.length; b++) {
          const other = b === a ? undefined : cards[b].scores[categoryId];
          if (other !== undefined) others.push(other);
        }
        const panel = mean(others);
        if (panel !== null) {
          category.offsets++;
          category.offsetSum += score - panel;
        }
      }

      if (decision && !sameEmail(decision.decidedBy, card.email)) {
        const matches = recommendationMatches(card.recommendation, decision.outcome);
        if (matches !== null) {
          tally.compared++;
          if (matches) tally.matched++;
        }
      }

      const submittedAt = record.firstSubmitted.get(key);
      if (interviewAt !== null && submittedAt !== undefined) {
        tally.feedbackHours.push((submittedAt - interviewAt) / MS_PER_HOUR);
      }
    }
  }

  const order: string[] = [];
  for (const stage of input.stages) for (const c of stage.categories) order.push(categoryKey(stage.id, c.id));
  return [...tallies.keys()].sort().map((interviewer) => {
    const tally = tallies.get(interviewer)!;
    const categories: CategoryCalibration[] = [];
    for (const ck of order) {
      const c = tally.categories.get(ck);
      if (!c) continue;
      const [stageId, categoryId] = ck.split('\u0000');
      categories.push({
        stageId,
        categoryId,
        scorecards: c.scores,
        meanScore: c.scoreSum / c.scores,
        meanOffset: c.offsets === 0 ? null : c.offsetSum / c.offsets,
        sharedCandidates: c.offsets,
        tooFewToJudge: c.offsets < MIN_SHARED_CANDIDATES,
      });
    }
    return {
      interviewer,
      scorecards: tally.scorecards,
      decisionsCompared: tally.compared,
      decisionsMatched: tally.matched,
      decisionMatchRate: tally.compared === 0 ? null : tally.matched / tally.compared,
      medianFeedbackHours: median(tally.feedbackHours),
      categories,
    };
  });
}
