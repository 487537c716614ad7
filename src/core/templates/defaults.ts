/**
 * The templates Scorecard ships with: one full set of rows per stage of a process (so a team can reword or
 * reorder one stage without touching the others) plus the debrief. Orders step by 10 so rows can be inserted
 * between them. Every text uses only known placeholders.
 */
import type { Process, Stage } from '../process';
import { DEBRIEF_STAGE, type TemplateBlock, type TemplateRow, UPDATE_STAGE } from './template';

type Draft = [block: TemplateBlock, text: string];

/** Stage data copied into template text must not be read as a placeholder. */
function literal(text: string): string {
  return text.replace(/\{\{/g, '{ {').replace(/\}\}/g, '} }');
}

function questionsHeading(stage: Stage): string {
  const kinds = new Set(stage.prompts.map((p) => p.kind));
  const asks = kinds.has('question') || kinds.has('scenario') || kinds.has('curveball');
  const tasks = kinds.has('instruction') || kinds.has('check');
  if (asks && tasks) return 'Questions, instructions and checks';
  if (tasks) return 'Instructions and checks';
  return 'Questions';
}

function stageDrafts(stage: Stage): Draft[] {
  const drafts: Draft[] = [
    ['title', 'Stage {{stage.number}} · {{stage.name}} — {{candidate.name}}'],
    [
      'paragraph',
      'Interview script for {{candidate.name}}, who applied for {{candidate.role}}. ' +
        'What this stage should tell us: {{stage.goal}}',
    ],
    ['details-table', ''],
  ];
  if (stage.optional) {
    drafts.push([
      'paragraph',
      stage.runsWhen
        ? `This stage is optional. It runs when: ${literal(stage.runsWhen)}`
        : 'This stage is optional; check that it applies to this candidate before booking it.',
    ]);
  }
  drafts.push(
    ['heading', 'Before you start'],
    [
      'paragraph',
      "Read the candidate's application and the scoring table below before you begin, so you know what " +
        'evidence each category needs.\n' +
        'Score on your own, straight after the conversation and before the debrief. Do not compare notes ' +
        'with the rest of the panel ({{panel}}) until everyone has submitted a scorecard.',
    ],
  );
  if (stage.agenda.length > 0) {
    drafts.push(
      ['heading', 'Agenda'],
      [
        'agenda',
        'Keep roughly to the time boxes; they are there so every candidate gets the same conversation.',
      ],
    );
  }
  if (stage.prompts.length > 0) {
    drafts.push(
      ['heading', questionsHeading(stage)],
      [
        'questions',
        'Use the wording below so every candidate gets the same experience. Write down what the candidate ' +
          'said and did, not your verdict; the verdict goes in the scoring table.',
      ],
    );
  }
  drafts.push(
    ['heading', 'Scoring'],
    [
      'scoring-table',
      'Give each category a whole score from 1 to 5 using the descriptions. Categories marked KEY RISK must ' +
        'clear a higher bar.',
    ],
    ['subheading', 'Pass rule'],
    ['pass-rule', ''],
    ['heading', 'After the interview'],
    ['decision', 'Submit your scorecard from the Scorecard sidebar in the workbook ({{workbook.url}}).'],
    ['heading', 'Notes'],
    ['notes-space', ''],
  );
  return drafts;
}

const DEBRIEF_DRAFTS: Draft[] = [
  ['title', 'Debrief · Stage {{stage.number}} · {{stage.name}} — {{candidate.name}}'],
  [
    'paragraph',
    'Debrief for {{candidate.name}} ({{candidate.role}}) after {{stage.name}}, {{process.name}} process. ' +
      'Scorecards from: {{interviewer}}.',
  ],
  ['details-table', ''],
  ['heading', 'Scorecards'],
  ['scorecards-table', 'Each interviewer scored on their own before this meeting.'],
  ['heading', 'Where the scores differ'],
  ['divergence', ''],
  ['heading', 'Reconciled scores'],
  ['reconciled', ''],
  ['pass-rule', ''],
  ['heading', 'Decision'],
  ['decision', ''],
  ['subheading', 'Outcome'],
  ['outcome', ''],
];

/** The candidate update letter: the team reviews it, then sends it themselves. */
const UPDATE_DRAFTS: readonly Draft[] = [
  ['title', 'Update for {{candidate.name}} · {{today}}'],
  ['paragraph', 'Dear {{candidate.name}},'],
  [
    'paragraph',
    'Thank you for the time you gave us in the {{stage.name}} for the {{candidate.role}} role. We promised to ' +
      'let you know where things stand, so here it is.',
  ],
  [
    'invitation',
    'We would like you to go on to the next step, the {{next.stage}}. We will be in touch in the next few days ' +
      'to find a time that suits you; if you have questions before then, just reply to this letter.',
  ],
  [
    'decline',
    'After talking it over as a panel, we have decided not to take your application further at this point. ' +
      'This was not an easy call, and it says nothing about your worth beyond this one role.',
  ],
  [
    'paragraph',
    'Thank you again for your interest and your openness. We wish you all the best.\nThe {{process.name}} hiring team',
  ],
];

function toRows(processId: string, stage: string, drafts: readonly Draft[]): TemplateRow[] {
  return drafts.map(([block, text], index) => ({
    process: processId,
    stage,
    order: (index + 1) * 10,
    block,
    text,
  }));
}

/** The shipped template rows for every stage of `process`, followed by its debrief. */
export function defaultTemplateRows(process: Process): TemplateRow[] {
  return [
    ...process.stages.flatMap((stage) => toRows(process.id, stage.id, stageDrafts(stage))),
    ...toRows(process.id, DEBRIEF_STAGE, DEBRIEF_DRAFTS),
    ...toRows(process.id, UPDATE_STAGE, UPDATE_DRAFTS),
  ];
}
