/**
 * The scoring context: everything the sidebar shows for one candidate and stage when it opens (the candidate,
 * the stage picker, the rubric, the pass rule in words), with only the viewer's own scorecard.
 */
import type { Candidate } from '../candidates';
import type { ContextCategory, RightsInForce, ScoringContext, StageChoice } from '../contract';
import { UserError } from '../errors';
import { formatStageMinutes } from '../format';
import { type PassRule, type Stage, findStage } from '../process';
import { describePassRule } from '../rules';
import { includesEmail } from '../people';
import { mayDecide } from './decisions';
import type { LogEntry } from './log';
import { canSeePanel } from './panel';
import { ownScorecard } from './scorecards';

/** What the scoring context needs of a candidate (a row of the Candidates sheet, core/candidates.ts). */
export type ScoringCandidate = Pick<
  Candidate,
  'id' | 'name' | 'role' | 'email' | 'stageId' | 'hiringManager'
>;

/** The candidate's current stage; the first when their Stage cell is blank or not a stage of the process. */
function currentIndex(stages: readonly Pick<Stage, 'id'>[], currentStageId: string | null): number {
  const index = stages.findIndex((s) => s.id === currentStageId);
  return index < 0 ? 0 : index;
}

/** The stage picker: every stage, marking the current one and those the candidate has reached. */
export function stageChoices(
  stages: readonly Pick<Stage, 'id' | 'name' | 'optional'>[],
  currentStageId: string | null,
): StageChoice[] {
  const current = currentIndex(stages, currentStageId);
  return stages.map((s, index) => ({
    id: s.id,
    name: s.name,
    optional: s.optional,
    reached: index <= current,
    current: index === current,
  }));
}

/** The stage a request asks for (or the candidate's current one); throws on an unknown stage id. */
export function resolveStage<S extends Pick<Stage, 'id' | 'name'>>(
  stages: readonly S[],
  stageId: string | undefined,
  currentStageId: string | null,
): S {
  if (stages.length === 0)
    throw new UserError('not-set-up', 'This workbook has no stages: run Set up workbook first.');
  if (stageId === undefined) return stages[currentIndex(stages, currentStageId)];
  const stage = findStage({ stages }, stageId);
  if (!stage) {
    throw new UserError(
      'not-found',
      `Unknown stage "${stageId}": this process has ${stages.map((s) => s.id).join(', ')}`,
    );
  }
  return stage;
}

/** Everything the sidebar shows for one candidate and stage, with only the viewer's own scorecard. */
export function buildScoringContext(input: {
  candidate: ScoringCandidate;
  stages: readonly Stage[];
  stage: Stage;
  passRule: PassRule;
  entries: readonly LogEntry[];
  viewer: string;
  /** Decision rights as the panel view shows them (the candidate carries the hiring manager in force). */
  rights: RightsInForce;
}): ScoringContext {
  const { candidate, stages, stage, entries, viewer } = input;
  const choices = stageChoices(stages, candidate.stageId);
  const mine = ownScorecard(entries, candidate.id, stage.id, viewer);
  const current = choices.find((c) => c.current);
  const categories: ContextCategory[] = stage.categories.map((c) => ({
    id: c.id,
    name: c.name,
    keyRisk: c.keyRisk,
    description: c.description,
    anchors: [...c.anchors],
  }));
  return {
    candidate: {
      id: candidate.id,
      name: candidate.name,
      role: candidate.role,
      email: candidate.email,
      stageId: current?.id ?? '',
      stageName: current?.name ?? '',
      hiringManager: candidate.hiringManager,
    },
    stages: choices,
    stage: {
      id: stage.id,
      name: stage.name,
      minutes: formatStageMinutes(stage),
      categories,
      passRule: describePassRule(
        input.passRule,
        stage.categories.some((c) => c.keyRisk),
      ),
    },
    me: { email: viewer },
    mine,
    canSeePanel: canSeePanel(entries, viewer, candidate.hiringManager, candidate.id, stage.id),
    isHiringManager: mayDecide(viewer, candidate.hiringManager),
    opensOnPanel:
      mayDecide(viewer, candidate.hiringManager) &&
      (mine !== null || !includesEmail(input.rights.panel, viewer)),
    rights: { ...input.rights, panel: [...input.rights.panel] },
  };
}
