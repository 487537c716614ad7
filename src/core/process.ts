/**
 * The hiring-process model: stages, agenda, prompts, scoring categories with key-risk flags, the pass rule,
 * decision rights and service levels. Presets and user-edited rubrics are both parsed through these schemas,
 * so everything downstream can trust the shape.
 */
import * as z from 'zod/mini';
import { lazy } from './lazy';

/**
 * The process schemas, built on first use (see lazy.ts): presets, rubric edits and stored rubrics are parsed
 * through them, while custom functions never need them.
 */
export const processSchemas = lazy(() => {
  const text = z.string().check(z.trim(), z.minLength(1));
  const minutes = z.number().check(z.int(), z.nonnegative());
  const identifier = z
    .string()
    .check(z.regex(/^[a-z0-9][a-z0-9-]*$/, 'use lower-case letters, digits and dashes'));

  /** What each point of the 1–5 scale means for one category, index 0 = score 1. */
  const ScoreAnchorsSchema = z.tuple([text, text, text, text, text]);

  const ScoringCategorySchema = z.object({
    id: identifier,
    name: text,
    /** A key-risk category must clear the higher key-risk bar of the pass rule. */
    keyRisk: z.boolean(),
    /** What the interviewer is looking for, in one or two sentences. */
    description: text,
    anchors: ScoreAnchorsSchema,
  });

  const AgendaBlockSchema = z
    .object({
      title: text,
      /** Planned minutes; a block with a range (e.g. 20–30) has minutesMin < minutesMax. 0 for a close. */
      minutesMin: minutes,
      minutesMax: minutes,
      description: text,
    })
    .check(
      z.refine((block) => block.minutesMin <= block.minutesMax, {
        message: 'minutesMin must not exceed minutesMax',
      }),
    );

  const PromptKindSchema = z.enum(['question', 'scenario', 'curveball', 'instruction', 'check']);

  const PromptSchema = z.object({
    kind: PromptKindSchema,
    /** Short label shown before the prompt, e.g. "Scenario A". */
    label: text,
    text: text,
    /**
     * The title of the agenda block the prompt is asked in: the questions of a block share its minutes, and the
     * interview script gives each one room for notes to match.
     */
    block: z.optional(text),
  });

  const ServiceLevelSchema = z.object({
    /** How long a candidate may wait in this stage before the next step is overdue. */
    within: z.number().check(z.positive()),
    unit: z.enum(['hours', 'days', 'businessDays']),
    /** The promise in words, e.g. "Shortlisted candidates hear from us within 7 business days". */
    description: text,
  });

  const StageSchema = z
    .object({
      id: identifier,
      name: text,
      /** Planned duration of the conversation or task; 0/0 for stages that are not a meeting (e.g. screening a CV). */
      minutesMin: minutes,
      minutesMax: minutes,
      optional: z.boolean(),
      /** When an optional stage runs, in words. */
      runsWhen: z.optional(text),
      conductedBy: text,
      goal: text,
      agenda: z.array(AgendaBlockSchema),
      prompts: z.array(PromptSchema),
      categories: z.array(ScoringCategorySchema).check(z.minLength(1)),
      serviceLevel: z.optional(ServiceLevelSchema),
    })
    .check(
      z.refine((stage) => stage.minutesMin <= stage.minutesMax, {
        message: 'minutesMin must not exceed minutesMax',
      }),
      z.refine((stage) => new Set(stage.categories.map((c) => c.id)).size === stage.categories.length, {
        message: 'category ids must be unique within a stage',
      }),
      z.refine(
        (stage) =>
          stage.prompts.every((p) => p.block === undefined || stage.agenda.some((b) => b.title === p.block)),
        { message: "a prompt's block must be the title of one of the stage's agenda blocks" },
      ),
    );

  const PassRuleSchema = z.object({
    minAverage: z.number().check(z.gte(1), z.lte(5)),
    minCategory: z.number().check(z.gte(1), z.lte(5)),
    minKeyRisk: z.number().check(z.gte(1), z.lte(5)),
  });

  const DecisionProcedureSchema = z.object({
    /** How many interviewers score each candidate independently before reconciling. */
    scorers: z.number().check(z.int(), z.gte(1)),
    /** A category whose scores differ by more than this is discussed before settling. */
    maxGap: z.number().check(z.nonnegative()),
    /** Who makes the call, in words. */
    decider: text,
    /** Who may veto, and on what, when the process grants a veto. */
    veto: z.optional(z.object({ holder: text, scope: text })),
    /** The procedure in the team's words, one step per entry. */
    steps: z.array(text).check(z.minLength(1)),
  });

  const ProcessSchema = z
    .object({
      id: identifier,
      name: text,
      role: text,
      summary: text,
      /** The seed document this preset was built from (file name prefix, e.g. "000"). */
      source: text,
      stages: z.array(StageSchema).check(z.minLength(1)),
      passRule: PassRuleSchema,
      decision: DecisionProcedureSchema,
    })
    .check(
      z.refine((process) => new Set(process.stages.map((s) => s.id)).size === process.stages.length, {
        message: 'stage ids must be unique within a process',
      }),
    );

  return {
    ScoreAnchorsSchema,
    ScoringCategorySchema,
    AgendaBlockSchema,
    PromptKindSchema,
    PromptSchema,
    ServiceLevelSchema,
    StageSchema,
    PassRuleSchema,
    DecisionProcedureSchema,
    ProcessSchema,
  };
});

type ProcessSchemas = ReturnType<typeof processSchemas>;

export type ScoringCategory = z.infer<ProcessSchemas['ScoringCategorySchema']>;
/** A key-risk category is a scoring category with keyRisk: true. */
export type KeyRiskCategory = ScoringCategory & { keyRisk: true };
export type AgendaBlock = z.infer<ProcessSchemas['AgendaBlockSchema']>;
export type Prompt = z.infer<ProcessSchemas['PromptSchema']>;
export type ServiceLevel = z.infer<ProcessSchemas['ServiceLevelSchema']>;
export type Stage = z.infer<ProcessSchemas['StageSchema']>;
export type PassRule = z.infer<ProcessSchemas['PassRuleSchema']>;
export type DecisionProcedure = z.infer<ProcessSchemas['DecisionProcedureSchema']>;
export type Process = z.infer<ProcessSchemas['ProcessSchema']>;

/** The seed's pass rule: average ≥ 4.0, no category < 3.0, every key-risk category ≥ 4.0. */
export const DEFAULT_PASS_RULE: PassRule = { minAverage: 4, minCategory: 3, minKeyRisk: 4 };

export function isKeyRisk(category: ScoringCategory): category is KeyRiskCategory {
  return category.keyRisk;
}

/**
 * The one stage lookup: a stage by its id or its name as typed (a Stage cell, the Rubric, a prompt's answer), in
 * any case and with spaces around it; undefined when the process has no such stage.
 */
export function findStage<S extends Pick<Stage, 'id' | 'name'>>(
  process: { readonly stages: readonly S[] },
  stageIdOrName: string,
): S | undefined {
  const wanted = stageIdOrName.trim().toLowerCase();
  return process.stages.find((s) => s.id === wanted || s.name.toLowerCase() === wanted);
}
