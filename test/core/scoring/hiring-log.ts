/**
 * A Score log for one candidate's main interview, driven the way the sidebar server drives core/scoring: each
 * call plans a scorecard, a decision or a veto and appends what the plan returns; what a viewer sees is read back
 * through the panel view and the scoring context. Tests assert on those, never on the rows themselves.
 */
import type {
  PanelView,
  RecordDecisionRequest,
  ScoringContext,
  SubmitScorecardRequest,
  SubmitScorecardResponse,
} from '../../../src/core/contract';
import { buildScoringContext } from '../../../src/core/scoring/context';
import { decisionEntries, vetoEntries, withdrawVetoEntries } from '../../../src/core/scoring/decisions';
import type { LogEntry } from '../../../src/core/scoring/log';
import { type PanelInput, buildPanel, panelSeenEntries } from '../../../src/core/scoring/panel';
import { planScorecard } from '../../../src/core/scoring/scorecards';
import { twoStageProcessWithKeyRisk as process } from '../fixtures/two-stage-process-with-key-risk';

export { process };
export const stage = process.stages[1]; // main-interview: technical-depth (key risk), decomposition, working-style
export const HM = 'Manager@Example.com';
export const ALICE = 'alice@example.com';
export const BOB = 'bob@example.com';
export const CAROL = 'carol@example.com';
export const PANEL = [ALICE, BOB];
export const T1 = '2025-05-01T09:00:00.000Z';
export const T2 = '2025-05-02T09:00:00.000Z';
export const T3 = '2025-05-03T09:00:00.000Z';

/** Scores for the main interview's three categories, in their order. */
export const scores = (depth: number, decomposition: number, style: number) => ({
  'technical-depth': depth,
  decomposition,
  'working-style': style,
});

let ids = 0;
const nextId = (prefix: string) => `${prefix}-${String(++ids).padStart(6, '0')}`;

export function scorecard(
  values: Record<string, number>,
  extra: Partial<SubmitScorecardRequest> = {},
): SubmitScorecardRequest {
  return {
    submissionId: nextId('sub'),
    candidateId: 'C-0001',
    stageId: stage.id,
    scores: values,
    notes: {},
    recommendation: 'yes',
    overallNote: '',
    ...extra,
  };
}

export function decision(extra: Partial<RecordDecisionRequest> = {}): RecordDecisionRequest {
  return {
    submissionId: nextId('dec'),
    candidateId: 'C-0001',
    stageId: stage.id,
    reconciled: scores(4.5, 4, 4),
    outcome: 'advance',
    note: 'Agreed after discussing depth.',
    ...extra,
  };
}

export function veto(
  reason = 'Dismissive of teammates in the working-style questions.',
  candidateId = 'C-0001',
) {
  return { submissionId: nextId('veto'), candidateId, stageId: stage.id, reason };
}

export function withdrawal(note = 'Talked it through with the team; the concern was a misunderstanding.') {
  return { submissionId: nextId('withdraw'), candidateId: 'C-0001', stageId: stage.id, note };
}

export class HiringLog {
  entries: LogEntry[] = [];

  /** A scorecard as the sidebar submits it (for its request's stage); the response is what the interviewer is told. */
  submit(who: string, request: SubmitScorecardRequest, now = T1): SubmitScorecardResponse {
    const scored = process.stages.find((s) => s.id === request.stageId) ?? stage;
    const { append, response } = planScorecard({
      entries: this.entries,
      submission: request,
      interviewer: who,
      categories: scored.categories,
      stageName: scored.name,
      now,
    });
    this.entries.push(...append);
    return response;
  }

  /** The hiring manager's decision (throws, recording nothing, when it is refused). */
  decide(who: string, request: RecordDecisionRequest = decision(), now = T3, hiringManager = HM): void {
    this.entries.push(
      ...decisionEntries({
        entries: this.entries,
        request,
        decidedBy: who,
        hiringManager,
        categories: stage.categories,
        now,
      }),
    );
  }

  /** A culture-fit veto (throws, recording nothing, when it is refused). */
  veto(who: string, request = veto(), now = T2, panel: readonly string[] = PANEL): void {
    this.entries.push(
      ...vetoEntries({ entries: this.entries, request, by: who, hiringManager: HM, panel, now }),
    );
  }

  /** The veto holder withdraws their veto (throws, recording nothing, when it is refused). */
  withdraw(who: string, request = withdrawal(), now = T3): void {
    this.entries.push(...withdrawVetoEntries({ entries: this.entries, request, by: who, now }));
  }

  /** The panel view as `viewer` sees it (throws the independence message when they may not). */
  panel(viewer: string, overrides: Partial<PanelInput> = {}): PanelView {
    return buildPanel({
      entries: this.entries,
      candidateId: 'C-0001',
      stageId: stage.id,
      categories: stage.categories,
      passRule: process.passRule,
      maxGap: process.decision.maxGap,
      viewer,
      hiringManager: HM,
      panel: PANEL,
      rights: { hiringManager: HM, panel: PANEL, change: null, canConfirm: false },
      ...overrides,
    });
  }

  /**
   * The panel as the server shows it: the first look at someone else's scores is recorded first
   * (core/scoring/seen.ts). `panel` alone is a read that records nothing.
   */
  openPanel(viewer: string, now = T2): PanelView {
    const view = this.panel(viewer);
    this.entries.push(
      ...panelSeenEntries({
        entries: this.entries,
        viewer,
        hiringManager: HM,
        candidateId: 'C-0001',
        stageId: stage.id,
        now,
      }),
    );
    return view;
  }

  /** What the sidebar shows `viewer` when it opens on this candidate's main interview. */
  context(viewer: string, candidateId = 'C-0001'): ScoringContext {
    return buildScoringContext({
      rights: { hiringManager: HM, panel: [...PANEL], change: null, canConfirm: false },
      candidate: {
        id: candidateId,
        name: 'Ada Lovelace',
        role: 'Backend Developer',
        email: 'ada@example.com',
        stageId: stage.id,
        hiringManager: HM,
      },
      stages: process.stages,
      stage,
      passRule: process.passRule,
      entries: this.entries,
      viewer,
    });
  }
}
