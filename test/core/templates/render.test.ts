import { UserError } from '../../../src/core/errors';
import type { Process, Stage } from '../../../src/core/process';
import {
  documentToPlainText,
  type DocBlock,
  type InterviewDocument,
} from '../../../src/core/templates/document';
import { defaultTemplateRows } from '../../../src/core/templates/defaults';
import {
  agendaFit,
  placeholderValues,
  renderInterviewDocument,
  type CandidateInfo,
} from '../../../src/core/templates/render';
import type { TemplateRow } from '../../../src/core/templates/template';
import { adaLovelace } from '../fixtures/candidate-ada-lovelace';
import { twoStageProcessWithKeyRisk as proc } from '../fixtures/two-stage-process-with-key-risk';

type Table = Extract<DocBlock, { type: 'table' }>;
const tables = (doc: InterviewDocument): Table[] => doc.blocks.filter((b): b is Table => b.type === 'table');
const cellText = (c: { text: string }[]) => c.map((r) => r.text).join('');

const screening = proc.stages[0];
const main = proc.stages[1];
const templates = defaultTemplateRows(proc);

function render(
  options: { stage?: Stage; templates?: TemplateRow[]; candidate?: CandidateInfo; process?: Process } = {},
) {
  return renderInterviewDocument({
    process: options.process ?? proc,
    stage: options.stage ?? main,
    templates: options.templates ?? templates,
    candidate: options.candidate ?? adaLovelace,
    today: '2026-05-13',
    workbookUrl: 'https://docs.google.com/spreadsheets/d/abc',
  });
}

describe('renderInterviewDocument with the default templates', () => {
  const doc = render();
  const plain = documentToPlainText(doc);

  it('names the document by stage number, stage, candidate and role', () => {
    expect(doc.name).toBe('Stage 2 · Main interview — Ada Lovelace (Backend Developer)');
    expect(render({ candidate: { ...adaLovelace, role: ' ' } }).name).toBe(
      'Stage 2 · Main interview — Ada Lovelace',
    );
  });

  it('starts with a title and uses Heading 1 and Heading 2', () => {
    expect(doc.blocks[0]).toEqual({ type: 'title', text: 'Stage 2 · Main interview — Ada Lovelace' });
    expect(doc.blocks.some((b) => b.type === 'heading' && b.level === 1 && b.text === 'Agenda')).toBe(true);
    expect(doc.blocks.some((b) => b.type === 'heading' && b.level === 2 && b.text === 'Pass rule')).toBe(
      true,
    );
  });

  it('has a details form (labels over values) with candidate, role, stage, duration, panel, date and a workbook link', () => {
    const details = tables(doc)[0];
    expect(details.header).toBeNull();
    expect(details.rows.map((r) => r.map(cellText))).toEqual([
      ['Candidate', 'Role', 'Stage', 'Planned time'],
      ['Ada Lovelace <ada@example.com>', 'Backend Developer', 'Stage 2 · Main interview', '45–75 min'],
      ['Interviewers', 'Held on', 'Document made', 'Workbook'],
      ['Grace Hopper, Alan Turing', '', '2026-05-13', 'Open the workbook'],
    ]);
    expect(details.shadedRows).toEqual([0, 2]);
    expect(details.rows[0].every((c) => c[0].bold)).toBe(true);
    expect(details.widths!.reduce((a, b) => a + b, 0)).toBeCloseTo(1);
    expect(details.rows[3][3][0].link).toBe('https://docs.google.com/spreadsheets/d/abc');
    const noPanel = tables(render({ candidate: { ...adaLovelace, panel: [] } }))[0];
    expect(cellText(noPanel.rows[3][0])).toBe('Hiring manager plus one team member (names to be assigned)');
  });

  it('a blank role or email is said in words, never left as a gap in a sentence', () => {
    const blank = render({ candidate: { ...adaLovelace, role: '  ', email: '' } });
    const text = documentToPlainText(blank);
    expect(text).toContain(
      'Interview script for Ada Lovelace, who applied for a role not yet recorded in the workbook.',
    );
    expect(text).not.toMatch(/applied for \./);
    const details = tables(blank)[0];
    expect(cellText(details.rows[1][0])).toBe('Ada Lovelace');
    expect(cellText(details.rows[1][1])).toBe('Not recorded in the workbook');
  });

  it('renders the agenda as a table with ranges and the planned-vs-agenda line, without a warning when it fits', () => {
    const agenda = tables(doc)[1];
    expect(agenda.header?.map(cellText)).toEqual(['Minutes', 'Block', 'What happens']);
    expect(agenda.rows.map((r) => cellText(r[0]))).toEqual(['5', '20–30', '10–15', '5–10', '10']);
    expect(plain).toContain('Planned: 45–75 min; agenda adds up to 50–70 min');
    expect(plain).not.toContain('Warning');
    expect(plain).not.toContain('Note:');
  });

  it('puts every prompt in a shaded row with its label, kind and minutes, and a box under it sized to its minutes', () => {
    const [questions] = tables(doc).filter((t) => t.rows.some((r) => cellText(r[0]).includes('Scenario A')));
    expect(questions.header).toBeNull();
    expect(questions.rows).toHaveLength(main.prompts.length * 2);
    expect(questions.shadedRows).toEqual(main.prompts.map((_, i) => i * 2));
    const prompt = (i: number) => cellText(questions.rows[i * 2][0]);
    const notes = (i: number) => cellText(questions.rows[i * 2 + 1][0]);
    // Scenario A and the curveball share the 20–30 minutes of the "Scenarios" block: 10–15 each.
    expect(prompt(0)).toBe(`Scenario A — scenario, about 10–15 min\n${main.prompts[0].text}`);
    expect(questions.rows[0][0][0]).toEqual({ text: 'Scenario A', bold: true });
    expect(prompt(1)).toBe(
      'Curveball — curveball, about 10–15 min\nNow the database is read-only for an hour.',
    );
    // 15 minutes at most: 12 lines of room (3 lines per 4 minutes, capped at 12).
    expect(notes(0).split('\n')).toHaveLength(12);
    expect(notes(0).trim()).toBe('');
    expect(notes(1)).toBe(`How they adapted:${'\n'.repeat(11)}`);
    // Prompts that name no agenda block have no set time: 4 lines; instructions and checks a line or two.
    expect(prompt(2)).toBe('Take-home instructions — instruction\nSend the brief; deadline is 5 days.');
    expect(notes(2)).toBe('Shared with the candidate on:');
    expect(prompt(3)).toBe('References — check\nTwo references contacted before the offer.');
    expect(notes(3)).toBe('☐ Done     Result:\n');
    expect(plain).toContain('# Questions, instructions and checks');
  });

  it('gives shorter questions less room: minutes shared by the questions of a block, at least 3 lines', () => {
    const stage: Stage = {
      ...main,
      prompts: [
        { kind: 'question', label: 'Past work: goal', text: 'What was it for?', block: 'Past work' },
        { kind: 'question', label: 'Past work: people', text: 'Who else?', block: 'Past work' },
        { kind: 'question', label: 'Past work: hindsight', text: 'What now?', block: 'Past work' },
        { kind: 'question', label: 'Working style', text: 'Deadlines?', block: 'Working style' },
      ],
    };
    const [questions] = tables(render({ stage })).filter((t) =>
      t.rows.some((r) => cellText(r[0]).startsWith('Past work')),
    );
    // Past work is 10–15 min for three questions: about 3–5 min each, 4 lines; Working style 5–10 min alone: 8.
    expect(cellText(questions.rows[0][0])).toBe(
      'Past work: goal — question, about 3–5 min\nWhat was it for?',
    );
    expect(cellText(questions.rows[1][0]).split('\n')).toHaveLength(4);
    expect(cellText(questions.rows[6][0])).toBe('Working style — question, about 5–10 min\nDeadlines?');
    expect(cellText(questions.rows[7][0]).split('\n')).toHaveLength(8);
  });

  it('puts what each score means in its own table, and gives each category room for a score and notes', () => {
    const all = tables(doc);
    const anchors = all.find((t) => t.header && cellText(t.header[1]) === 'What each score means')!;
    const scoring = all.find((t) => t.header && cellText(t.header[1]) === 'Score (1–5)')!;
    expect(anchors.header?.map(cellText)).toEqual(['Category', 'What each score means']);
    expect(scoring.header?.map(cellText)).toEqual(['Category', 'Score (1–5)', 'Notes and evidence']);
    expect(all.indexOf(scoring)).toBeGreaterThan(all.indexOf(anchors));
    for (const t of [anchors, scoring]) {
      expect(t.widths!.reduce((a, b) => a + b, 0)).toBeCloseTo(1);
      expect(t.rows).toHaveLength(main.categories.length);
    }
    main.categories.forEach((category, i) => {
      const mark = category.keyRisk ? '\nKEY RISK — needs at least 4.0' : '';
      expect(anchors.rows[i][0][0]).toEqual({ text: category.name, bold: true });
      expect(cellText(anchors.rows[i][0])).toBe(`${category.name}${mark}\n${category.description}`);
      expect(cellText(anchors.rows[i][1])).toBe(category.anchors.map((a, n) => `${n + 1}  ${a}`).join('\n'));
      expect(cellText(scoring.rows[i][0])).toBe(`${category.name}${mark}`);
      expect(scoring.rows[i][1]).toEqual([]);
      expect(cellText(scoring.rows[i][2])).toBe('\n\n\n'); // four lines to write on
    });
    const depth = anchors.rows[main.categories.findIndex((c) => c.keyRisk)][0];
    expect(depth[1]).toEqual({ text: '\nKEY RISK', bold: true });
  });

  it('states the pass rule and the decision procedure', () => {
    expect(plain).toContain(
      'Passes when the average is at least 4.0, no category is below 3.0 and every key-risk category is at least 4.0.',
    );
    expect(plain).toContain('Key-risk category: Role-specific technical depth');
    for (const step of proc.decision.steps) expect(plain).toContain(`- ${step}`);
    expect(plain).toContain('2 interviewers score independently');
    expect(plain).toContain('differ by more than 1 point is talked through');
    expect(plain).toContain('Who decides: The hiring manager');
    expect(plain).toContain('Veto: The second interviewer — culture-fit concerns');
  });

  it('renders placeholders from the stage and candidate', () => {
    expect(plain).toContain('What this stage should tell us: Judge depth, not breadth.');
    expect(plain).toContain('with the rest of the panel (Grace Hopper, Alan Turing)');
    expect(plain).not.toMatch(/\{\{/);
  });

  it('renders the screening stage too, with no "0 min" block: a block without time of its own comes at the end', () => {
    const s = render({ stage: screening });
    expect(s.name).toBe('Stage 1 · Screening — Ada Lovelace (Backend Developer)');
    expect(documentToPlainText(s)).toContain('Planned: 15–20 min; agenda adds up to 16 min');
    const agenda = tables(s)[1];
    expect(agenda.rows.map((r) => cellText(r[0]))).toEqual(['2', '3', '5', '3', '3', 'at the end']);
    expect(cellText(agenda.rows[5][1])).toBe('Close');
  });

  it('a stage that is not a meeting lists its steps without minutes or a time check', () => {
    const untimed: Stage = {
      ...screening,
      minutesMin: 0,
      minutesMax: 0,
      agenda: screening.agenda.map((b) => ({ ...b, minutesMin: 0, minutesMax: 0 })),
    };
    const s = render({ stage: untimed });
    const agenda = tables(s)[1];
    expect(agenda.header?.map(cellText)).toEqual(['Step', 'What happens']);
    expect(documentToPlainText(s)).not.toContain('agenda adds up to');
  });
});

describe('literal candidate data', () => {
  it('puts names with regex and replacement specials into the document verbatim', () => {
    const name = 'Ada $1 \\ ( * {{candidate.name}} Lovelace';
    const doc = render({ candidate: { ...adaLovelace, name, role: "$& {{stage.name}} $'" } });
    expect(doc.name).toBe(`Stage 2 · Main interview — ${name} ($& {{stage.name}} $')`);
    expect(doc.blocks[0]).toEqual({ type: 'title', text: `Stage 2 · Main interview — ${name}` });
    const plain = documentToPlainText(doc);
    expect(plain).toContain(`Interview script for ${name}, who applied for $& {{stage.name}} $'.`);
    expect(cellText(tables(doc)[0].rows[1][0])).toBe(`${name} <ada@example.com>`);
  });
});

describe('agenda fit', () => {
  const renderStage = (stage: Stage) =>
    documentToPlainText(render({ stage, process: { ...proc, stages: [screening, stage] } }));

  it('warns when the agenda cannot be run within the planned range', () => {
    const short: Stage = { ...main, minutesMin: 30, minutesMax: 45 };
    expect(agendaFit(short)).toEqual({ min: 50, max: 70, fits: false, overrun: 25 });
    const plain = renderStage(short);
    expect(plain).toContain('Planned: 30–45 min; agenda adds up to 50–70 min');
    expect(plain).toContain(
      'Warning: the agenda blocks add up to 50–70 min, which does not fit the planned 30–45 min.',
    );

    const long: Stage = { ...main, minutesMin: 90, minutesMax: 120 };
    expect(agendaFit(long).fits).toBe(false);
    expect(renderStage(long)).toContain('Warning: the agenda blocks add up to 50–70 min');
  });

  it('notes, without a warning, when the longest agenda runs past the planned maximum', () => {
    const tight: Stage = { ...main, minutesMin: 45, minutesMax: 60 };
    expect(agendaFit(tight)).toEqual({ min: 50, max: 70, fits: true, overrun: 10 });
    const plain = renderStage(tight);
    expect(plain).toContain('Note: at its longest the agenda runs 10 min past the planned 45–60 min.');
    expect(plain).not.toContain('Warning');
  });

  it('fits when the ranges overlap and ignores untimed stages', () => {
    expect(agendaFit(main)).toEqual({ min: 50, max: 70, fits: true, overrun: 0 });
    expect(agendaFit({ ...main, minutesMin: 55, minutesMax: 75 }).fits).toBe(true);
    expect(agendaFit({ ...main, minutesMin: 0, minutesMax: 0 }).fits).toBe(true);
    const untimed = { ...main, minutesMin: 0, minutesMax: 0 };
    const values = placeholderValues({
      process: proc,
      stage: untimed,
      templates,
      candidate: adaLovelace,
      today: '',
      workbookUrl: '',
    });
    expect(values['stage.minutes']).toBe('no set duration');
  });

  it('says so when a stage has no agenda or prompts', () => {
    const bare: Stage = { ...main, agenda: [], prompts: [] };
    const rows: TemplateRow[] = [
      { process: proc.id, stage: '*', order: 1, block: 'agenda', text: '' },
      { process: proc.id, stage: '*', order: 2, block: 'questions', text: '' },
    ];
    const plain = documentToPlainText(
      render({ stage: bare, templates: rows, process: { ...proc, stages: [bare] } }),
    );
    expect(plain).toContain('This stage has no timed agenda.');
    expect(plain).toContain('This stage has no set questions.');
  });
});

describe('team-edited templates', () => {
  const base: TemplateRow[] = [
    { process: proc.id, stage: '*', order: 10, block: 'title', text: '{{candidate.name}}' },
    { process: proc.id, stage: '*', order: 20, block: 'heading', text: 'Agenda for {{stage.minutes}}' },
    { process: proc.id, stage: 'main-interview', order: 30, block: 'agenda', text: 'Intro line' },
    { process: proc.id, stage: 'screening', order: 25, block: 'paragraph', text: 'Only in screening' },
    { process: 'other-process', stage: '*', order: 1, block: 'paragraph', text: 'Other process' },
  ];

  it('uses stage rows plus * rows of the same process, sorted by order', () => {
    const doc = render({ templates: base });
    expect(doc.blocks.slice(0, 3)).toEqual([
      { type: 'title', text: 'Ada Lovelace' },
      { type: 'heading', level: 1, text: 'Agenda for 45–75 min' },
      { type: 'paragraph', runs: [{ text: 'Intro line' }] },
    ]);
    const plain = documentToPlainText(doc);
    expect(plain).not.toContain('Only in screening');
    expect(plain).not.toContain('Other process');
  });

  it('reordering rows changes block order', () => {
    const reordered = base.map((r) => (r.block === 'agenda' ? { ...r, order: 5 } : r));
    const doc = render({ templates: reordered });
    expect(doc.blocks[0]).toEqual({ type: 'paragraph', runs: [{ text: 'Intro line' }] });
    expect(doc.blocks[1].type).toBe('table');
    expect(doc.blocks.findIndex((b) => b.type === 'title')).toBeGreaterThan(1);
  });

  it('editing text changes the output, and each line becomes a paragraph', () => {
    const edited = base.map((r) =>
      r.block === 'heading'
        ? { ...r, block: 'paragraph' as const, text: 'Welcome, {{candidate.name}}!\nSecond line' }
        : r,
    );
    const doc = render({ templates: edited });
    expect(doc.blocks.slice(1, 3)).toEqual([
      { type: 'paragraph', runs: [{ text: 'Welcome, Ada Lovelace!' }] },
      { type: 'paragraph', runs: [{ text: 'Second line' }] },
    ]);
  });

  it('refuses to render templates with unknown placeholders or with no rows for the stage', () => {
    const bad: TemplateRow[] = [
      { process: proc.id, stage: '*', order: 1, block: 'paragraph', text: '{{nope}}' },
    ];
    expect(() => render({ templates: bad })).toThrow(UserError);
    expect(() => render({ templates: bad })).toThrow(/\{\{nope\}\}/);
    expect(() => render({ templates: [] })).toThrow(/no template rows/);
  });

  it('refuses a stage that is not part of the process', () => {
    expect(() => render({ stage: { ...main, id: 'elsewhere' } })).toThrow(/not part of process/);
  });
});
