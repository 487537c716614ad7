/**
 * The panel view: every interviewer's latest scores side by side, the divergent categories, the panel score per
 * category (reconciled once set, else the mean), the pass decision in words, the decision and the veto, and what
 * the viewer may do. Independence is enforced here: nobody but the hiring manager sees it before submitting.
 */
import type { PanelCategory, PanelView } from '../contract';
import { UserError } from '../errors';
import type { PassRule } from '../process';
import { decide, describeDecision, divergentCategories, mean } from '../rules';
import {
  decisionOf,
  latestDecision,
  mayDecide,
  mayVeto,
  mayWithdrawVeto,
  standingVeto,
  withdrawnVetoes,
} from './decisions';
import { type Categories, type LogEntry, forStage } from './log';
import { hasSubmitted, latestScorecards, nextVersion } from './scorecards';
import { panelSeenRow, seenAtVersion } from './seen';
import { shareableNotes } from './shareable';
import { waitingScorecards, waitingText } from './status';
import type { RightsView } from './rights';
import { sameEmail } from '../people';

/** The message shown to someone who asks for the panel before submitting their own scorecard. */
export const PANEL_HIDDEN_MESSAGE =
  "Submit your own scorecard first: others' scores stay hidden until you have.";

/** Independence: the hiring manager sees the panel at any time; anyone else once they have submitted. */
export function canSeePanel(
  entries: readonly LogEntry[],
  viewer: string,
  hiringManager: string,
  candidateId: string,
  stageId: string,
): boolean {
  if (mayDecide(viewer, hiringManager)) return true;
  return hasSubmitted(entries, viewer, candidateId, stageId);
}

/**
 * What showing the panel (or a debrief) to this person records: the first time it shows them someone else's
 * scorecard for the stage, one `panel-seen` row with their own scorecard's version then (core/scoring/seen.ts);
 * nothing once they have one, or while the only scorecard is their own.
 */
export function panelSeenEntries(input: {
  entries: readonly LogEntry[];
  viewer: string;
  /** The hiring manager in force: who may see the panel before submitting. */
  hiringManager: string;
  candidateId: string;
  stageId: string;
  now: Date | string;
}): LogEntry[] {
  const { entries, viewer, candidateId, stageId } = input;
  if (!canSeePanel(entries, viewer, input.hiringManager, candidateId, stageId)) return [];
  const stageEntries = forStage(entries, candidateId, stageId);
  if (seenAtVersion(stageEntries, viewer) !== null) return [];
  const others = latestScorecards(stageEntries, candidateId, stageId).some(
    (card) => !sameEmail(card.email, viewer),
  );
  if (!others) return [];
  const ownVersion = nextVersion(stageEntries, candidateId, stageId, viewer) - 1;
  return [panelSeenRow({ candidateId, stageId, person: viewer, ownVersion, now: input.now })];
}

export interface PanelInput {
  entries: readonly LogEntry[];
  candidateId: string;
  stageId: string;
  categories: Categories;
  passRule: PassRule;
  /** A category whose scores differ by more than this is flagged for discussion (the process's maxGap). */
  maxGap: number;
  viewer: string;
  hiringManager: string;
  /** The candidate's interviewers: the panel in force (core/scoring/rights.ts). */
  panel: readonly string[];
  /** Decision rights as the panel view shows them. */
  rights: RightsView;
  /** Records of this stage left out because their signature does not match, in words. */
  untrusted?: readonly string[];
}

/**
 * Every interviewer's latest scores side by side, divergent categories, the panel score per category
 * (reconciled once set, else the mean), the pass decision in words, the decision and veto. Throws
 * PANEL_HIDDEN_MESSAGE when the viewer may not see it yet.
 */
export function buildPanel(input: PanelInput): PanelView {
  const { entries, candidateId, stageId, categories, viewer, hiringManager } = input;
  if (!canSeePanel(entries, viewer, hiringManager, candidateId, stageId))
    throw new UserError('scores-hidden', PANEL_HIDDEN_MESSAGE);
  const stageEntries = forStage(entries, candidateId, stageId);
  const interviewers = latestScorecards(stageEntries, candidateId, stageId);
  const decisionRows = latestDecision(stageEntries);
  const reconciled = new Map<string, number>();
  for (const row of decisionRows ?? []) {
    if (row.kind === 'reconciled' && row.score !== null) reconciled.set(row.category, row.score);
  }
  const decision = decisionOf(decisionRows);
  const grid = interviewers.map((card) => categories.map((c) => card.scores[c.id] ?? null));
  const divergentIndexes = new Set(divergentCategories(grid, input.maxGap));
  const panelCategories: PanelCategory[] = categories.map((c, index) => {
    const scores = grid.map((row) => row[index]);
    const present = scores.filter((s): s is number => s !== null);
    const own = reconciled.get(c.id) ?? null;
    return {
      id: c.id,
      name: c.name,
      keyRisk: c.keyRisk,
      scores,
      gap: present.length < 2 ? null : Math.max(...present) - Math.min(...present),
      divergent: divergentIndexes.has(index),
      panelScore: own ?? mean(present),
      reconciled: own,
    };
  });
  const passDecision = decide(
    panelCategories.map((c) => ({ name: c.name, keyRisk: c.keyRisk, score: c.panelScore })),
    input.passRule,
  );
  const waiting = waitingScorecards(stageEntries, candidateId, stageId);
  // One pass status (core/scoring/status.ts): until a decision, pending here as on the stage sheet.
  const pass =
    decision === null && waiting > 0
      ? {
          status: 'pending' as const,
          summary: `${waitingText(waiting)}. On the mean of the scorecards: ${describeDecision(passDecision)}`,
        }
      : {
          status: passDecision.status,
          summary:
            describeDecision(passDecision) +
            (decision !== null && waiting > 0 ? ` (${waitingText(waiting)} since)` : ''),
        };
  return {
    interviewers,
    categories: panelCategories,
    divergent: panelCategories.filter((c) => c.divergent).map((c) => c.name),
    decision,
    veto: standingVeto(stageEntries),
    withdrawnVetoes: withdrawnVetoes(stageEntries),
    pass,
    canDecide: mayDecide(viewer, hiringManager),
    canVeto: mayVeto({ entries, person: viewer, hiringManager, panel: input.panel, candidateId, stageId }),
    canWithdrawVeto: mayWithdrawVeto(stageEntries, viewer),
    // Which notes a candidate update may quote: the hiring manager's choice, shown to them only.
    shareable: mayDecide(viewer, hiringManager) ? shareableNotes(stageEntries, candidateId, stageId) : [],
    rights: { ...input.rights, panel: [...input.rights.panel] },
    untrusted: [...(input.untrusted ?? [])],
  };
}
