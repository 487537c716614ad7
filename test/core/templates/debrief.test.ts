import { documentToPlainText, type DocBlock } from '../../../src/core/templates/document';
import { defaultTemplateRows } from '../../../src/core/templates/defaults';
import { renderDebriefDocument, type DebriefInput } from '../../../src/core/templates/render';
import { adaLovelace } from '../fixtures/candidate-ada-lovelace';
import { twoStageProcessWithKeyRisk as proc } from '../fixtures/two-stage-process-with-key-risk';

type Table = Extract<DocBlock, { type: 'table' }>;
const cellText = (c: { text: string }[]) => c.map((r) => r.text).join('');
const main = proc.stages[1];

const base: DebriefInput = {
  process: proc,
  stage: main,
  templates: defaultTemplateRows(proc),
  candidate: adaLovelace,
  today: '2026-05-14',
  workbookUrl: 'https://docs.google.com/spreadsheets/d/abc',
  scorecards: [
    {
      interviewer: 'Grace Hopper',
      submittedAt: '2026-05-13 15:02',
      scores: { 'technical-depth': 2, decomposition: 4, 'working-style': 4 },
      notes: { 'technical-depth': 'Could not explain the queue backlog.' },
      recommendation: 'hold',
    },
    {
      interviewer: 'Alan Turing',
      submittedAt: '2026-05-13 15:10',
      scores: { 'technical-depth': 4, decomposition: 4.5, 'working-style': null },
      recommendation: 'advance',
    },
  ],
  divergent: ['Role-specific technical depth'],
  reconciled: { 'technical-depth': 3.5, decomposition: 4, 'working-style': 4 },
  decision: {
    outcome: 'reject',
    note: 'Technical depth below the key-risk bar.',
    decidedBy: 'Grace Hopper',
  },
  veto: { by: 'Alan Turing', reason: 'Dismissive towards the support team.' },
  passSummary: {
    passes: false,
    reasons: ['Role-specific technical depth is 3.5, below the key-risk bar of 4.0'],
  },
};

describe('renderDebriefDocument', () => {
  const doc = renderDebriefDocument(base);
  const plain = documentToPlainText(doc);
  const tables = doc.blocks.filter((b): b is Table => b.type === 'table');

  it('is named for the stage and candidate', () => {
    expect(doc.name).toBe('Debrief · Stage 2 · Main interview — Ada Lovelace');
    expect(plain).toContain('Scorecards from: Grace Hopper, Alan Turing.');
  });

  it('shows all scorecards side by side, category × interviewer', () => {
    const scorecards = tables.find((t) => t.header && cellText(t.header[2]) === 'Grace Hopper');
    expect(scorecards).toBeDefined();
    if (!scorecards) return;
    expect(scorecards.header?.map(cellText)).toEqual(['Category', 'Key risk', 'Grace Hopper', 'Alan Turing']);
    expect(scorecards.rows.map((r) => r.map(cellText))).toEqual([
      ['Role-specific technical depth (differs)', 'KEY RISK', '2', '4'],
      ['Problem decomposition', '', '4', '4.5'],
      ['Working-style fit', '', '4', '—'],
      ['Recommendation', '', 'hold', 'advance'],
      ['Submitted', '', '2026-05-13 15:02', '2026-05-13 15:10'],
    ]);
    expect(scorecards.rows[0][1]).toEqual([{ text: 'KEY RISK', bold: true }]);
    expect(plain).toContain(
      'Grace Hopper on Role-specific technical depth: Could not explain the queue backlog.',
    );
  });

  it('lists the divergent categories with their scores', () => {
    expect(plain).toContain('differ by more than 1 point');
    expect(plain).toContain('- Role-specific technical depth (KEY RISK) — Grace Hopper 2, Alan Turing 4');
  });

  it('shows the reconciled scores and the pass result with reasons', () => {
    const rec = tables.find((t) => t.header && cellText(t.header[2]) === 'Reconciled score');
    expect(rec?.rows.map((r) => r.map(cellText))).toEqual([
      ['Role-specific technical depth', 'KEY RISK', '3.5'],
      ['Problem decomposition', '', '4'],
      ['Working-style fit', '', '4'],
    ]);
    expect(plain).toContain('Pass rule: Does not pass the rule.');
    expect(plain).toContain('- Role-specific technical depth is 3.5, below the key-risk bar of 4.0');
  });

  it('records the decision, who made it, the reasons and the veto', () => {
    expect(plain).toContain('Decision: Reject');
    expect(plain).toContain('Decided by: Grace Hopper');
    expect(plain).toContain('Reasons: Technical depth below the key-risk bar.');
    expect(plain).toContain('VETO by Alan Turing: Dismissive towards the support team.');
    const veto = doc.blocks.find((b) => b.type === 'paragraph' && b.runs[0].text === 'VETO');
    expect(veto).toEqual(
      expect.objectContaining({ runs: expect.arrayContaining([{ text: 'VETO', bold: true }]) }),
    );
  });

  it('handles a debrief before anything is settled', () => {
    const pending = renderDebriefDocument({
      ...base,
      scorecards: [],
      divergent: [],
      reconciled: null,
      decision: null,
      veto: null,
      passSummary: { passes: null, reasons: ['3 categories unscored'] },
    });
    const text = documentToPlainText(pending);
    expect(text).not.toContain('VETO');
    expect(text).toContain('No scorecards have been submitted yet.');
    expect(text).toContain('No category differs by more than 1 point between interviewers.');
    expect(text).toContain('Reconciled scores: not recorded yet.');
    expect(text).toContain('Pass rule: Pending.');
    expect(text).toContain('No decision has been recorded yet.');
    expect(text).toContain('Scorecards from: no scorecards yet.');
  });

  it('says when no veto was raised', () => {
    const text = documentToPlainText(
      renderDebriefDocument({
        ...base,
        decision: { outcome: 'advance', note: 'Strong.', decidedBy: 'Grace Hopper' },
        veto: null,
      }),
    );
    expect(text).toContain('Decision: Advance');
    expect(text).toContain('Veto: none raised (The second interviewer — culture-fit concerns).');
  });

  it('shows a standing veto before any decision is recorded, between the notice and the blank to fill in', () => {
    const pending = renderDebriefDocument({ ...base, reconciled: null, decision: null });
    const lines = documentToPlainText(pending).split('\n\n');
    const notice = lines.indexOf('No decision has been recorded yet.');
    expect(notice).toBeGreaterThan(-1);
    expect(lines.slice(notice + 1, notice + 4)).toEqual([
      'VETO by Alan Turing: Dismissive towards the support team.',
      'A veto blocks the hire whatever the scores say.',
      'Decision: ______________  Decided by: ______________  Reasons: ______________',
    ]);
    const veto = pending.blocks.find((b) => b.type === 'paragraph' && b.runs[0].text === 'VETO');
    expect(veto).toEqual({
      type: 'paragraph',
      runs: [{ text: 'VETO', bold: true }, { text: ' by Alan Turing: Dismissive towards the support team.' }],
    });
    expect(lines.filter((l) => l.startsWith('VETO'))).toHaveLength(1);
  });

  it('keeps special characters in names literal', () => {
    const name = 'Ada $1 \\ ( * {{candidate.name}} Lovelace';
    const special = renderDebriefDocument({ ...base, candidate: { ...adaLovelace, name } });
    expect(special.name).toBe(`Debrief · Stage 2 · Main interview — ${name}`);
    expect(documentToPlainText(special)).toContain(`Debrief for ${name} (Backend Developer)`);
  });

  it('uses only the debrief rows', () => {
    const only = renderDebriefDocument({
      ...base,
      templates: [
        { process: proc.id, stage: '*', order: 1, block: 'paragraph', text: 'interview only' },
        { process: proc.id, stage: 'debrief', order: 2, block: 'divergence', text: '' },
      ],
    });
    expect(documentToPlainText(only)).not.toContain('interview only');
    expect(only.blocks[0].type).toBe('paragraph');
  });
});
