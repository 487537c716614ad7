/**
 * The debrief's data for one candidate and stage: every interviewer's latest scorecard, the divergent categories,
 * the reconciled scores, the decision with the pass rule's reasons, and a veto. Built from the panel view, so
 * the debrief document and the sidebar's panel never disagree, and under the same independence rule.
 */
import type { Candidate } from '../candidates';
import { AFTER_PANEL_LABELS, RECOMMENDATION_LABELS } from '../labels';
import type { Process, Stage } from '../process';
import { decide, describeFailReason } from '../rules';
import type { DebriefInput, RenderInput } from '../templates/render';
import { buildPanel } from './panel';
import { type LogEntry, forStage } from './log';
import { withRightsInForce } from './rights';

/**
 * Builds the debrief input. Throws the panel's "submit your own scorecard first" error when the viewer may not
 * see the others' scores yet (the hiring manager always may): a debrief must not break independent scoring.
 */
export function debriefInput(options: {
  base: RenderInput;
  process: Process;
  stage: Stage;
  candidate: Pick<Candidate, 'id' | 'hiringManager' | 'panel'>;
  entries: readonly LogEntry[];
  /** Records of this stage not counted (signature does not match), in words. */
  untrusted?: readonly string[];
  viewer: string;
  formatTime: (iso: string) => string;
}): DebriefInput {
  const { process, stage } = options;
  // The hiring manager and panel in force (fixed at the first scorecard), not whatever the cells say now.
  const { candidate, rights } = withRightsInForce(
    options.candidate,
    forStage(options.entries, options.candidate.id, stage.id),
    options.viewer,
    '',
  );
  const view = buildPanel({
    entries: options.entries,
    candidateId: candidate.id,
    stageId: stage.id,
    categories: stage.categories,
    passRule: process.passRule,
    maxGap: process.decision.maxGap,
    viewer: options.viewer,
    hiringManager: candidate.hiringManager,
    panel: candidate.panel,
    rights,
    untrusted: options.untrusted,
  });
  const reconciledEntries = view.categories.filter((c) => c.reconciled !== null);
  const decision = decide(
    view.categories.map((c) => ({ name: c.name, keyRisk: c.keyRisk, score: c.panelScore })),
    process.passRule,
  );
  // The panel's one pass status: pending until the decision while scorecards wait for it.
  const waiting = view.pass.status === 'pending' && decision.status !== 'pending';
  const reasons = waiting
    ? [view.pass.summary]
    : decision.status === 'fail'
      ? decision.reasons.map(describeFailReason)
      : decision.status === 'pending'
        ? [`${decision.unscored} of ${decision.total} categories have no score yet`]
        : [];
  return {
    ...options.base,
    scorecards: view.interviewers.map((card) => ({
      interviewer: card.email,
      submittedAt: options.formatTime(card.submittedAt),
      ...(card.afterPanel
        ? { afterPanel: `version ${card.version}, ${AFTER_PANEL_LABELS[card.afterPanel]}` }
        : {}),
      scores: Object.fromEntries(stage.categories.map((c) => [c.id, card.scores[c.id] ?? null])),
      notes: card.notes,
      recommendation:
        RECOMMENDATION_LABELS[card.recommendation] +
        (card.overallNote.trim() ? `: ${card.overallNote.trim()}` : ''),
    })),
    divergent: view.divergent,
    reconciled:
      reconciledEntries.length === 0
        ? null
        : Object.fromEntries(reconciledEntries.map((c) => [c.id, c.reconciled as number])),
    decision: view.decision
      ? {
          outcome: view.decision.outcome,
          note: view.decision.note,
          decidedBy: view.decision.decidedBy,
        }
      : null,
    veto: view.veto ? { by: view.veto.by, reason: view.veto.reason } : null,
    withdrawnVetoes: view.withdrawnVetoes.map((w) => ({ by: w.by, reason: w.reason, withdrawnNote: w.note })),
    untrusted: view.untrusted,
    passSummary: {
      passes: waiting ? null : decision.status === 'pass' ? true : decision.status === 'fail' ? false : null,
      reasons,
    },
  };
}
