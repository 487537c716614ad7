/**
 * Generate candidate update (issue 12): a letter per selected candidate for the outcome of the last decision.
 * A decline quotes only the notes the hiring manager marked shareable in the panel view; nothing is emailed.
 */
import type { Runtime } from '../../runtime';
import { defaultWorkbookWithCandidates, lastAlert } from '../../scripts/workbooks';
import { sidebarCall } from '../support/sidebar-call';

const MIA = 'mia@example.com';
const ANN = 'ann@example.com';
const BOB = 'bob@example.com';
const CATEGORIES = ['communication-clarity', 'motivation-fit', 'basic-role-fit'];

function scorecard(
  rt: Runtime,
  email: string,
  candidateId: string,
  notes: Record<string, string>,
  overall: string,
) {
  sidebarCall(rt, email, 'submitScorecard', {
    submissionId: `${email.slice(0, 3)}-${candidateId}-card`,
    candidateId,
    stageId: 'screening',
    scores: Object.fromEntries(CATEGORIES.map((c) => [c, 3])),
    notes,
    recommendation: 'no',
    overallNote: overall,
  });
}

function decide(rt: Runtime, candidateId: string, outcome: 'advance' | 'reject' | 'hold') {
  sidebarCall(rt, MIA, 'recordDecision', {
    submissionId: `mia-${candidateId}-decision`,
    candidateId,
    stageId: 'screening',
    reconciled: Object.fromEntries(CATEGORIES.map((c) => [c, 3])),
    outcome,
    note: 'Internal: not enough depth for this level, and the salary gap is too wide.',
  });
}

function workbook(): Runtime {
  const rt = defaultWorkbookWithCandidates(3);
  rt.setCells('Candidates', 'G2', [
    [MIA, `${ANN}, ${BOB}`],
    [MIA, `${ANN}, ${BOB}`],
    [MIA, `${ANN}, ${BOB}`],
  ]);
  scorecard(
    rt,
    ANN,
    'C-0001',
    {
      'communication-clarity': 'Explained the queueing design clearly, with a good diagram.',
      'motivation-fit': 'INTERNAL: seemed more interested in the salary than the team.',
    },
    'Would not hire at this level.',
  );
  scorecard(
    rt,
    BOB,
    'C-0001',
    { 'basic-role-fit': 'PRIVATE: has not used our stack.' },
    'Bob’s private view.',
  );
  decide(rt, 'C-0001', 'reject');
  decide(rt, 'C-0002', 'advance');
  return rt;
}

function letterText(rt: Runtime, name: string): string {
  const doc = rt.documents.list().find((d) => d.name.startsWith(`Update · ${name}`));
  if (!doc) throw new Error(`No letter for ${name}`);
  return rt.documents.text(doc.id);
}

describe('candidate update letters', () => {
  it('a decline names what was assessed and quotes only the notes the hiring manager marked shareable', () => {
    const rt = workbook();
    const panel = sidebarCall(rt, MIA, 'markNoteShareable', {
      submissionId: 'mark-ann-clarity-1',
      candidateId: 'C-0001',
      stageId: 'screening',
      interviewer: ANN,
      categoryId: 'communication-clarity',
      shareable: true,
    });
    expect(panel.shareable).toEqual([{ interviewer: ANN, categoryId: 'communication-clarity' }]);
    rt.select('Candidates', 'B2');
    rt.as(MIA).call('generateCandidateUpdate');
    const text = letterText(rt, 'Ada Lovelace');
    expect(text).toContain('Dear Ada Lovelace,');
    expect(text).toContain('we have decided not to take your application further');
    expect(text).toContain(
      'In the Screening we looked at: Communication clarity, Motivation fit, Basic role fit.',
    );
    expect(text).toContain(
      'Communication clarity: Explained the queueing design clearly, with a good diagram.',
    );
    for (const internal of [
      'INTERNAL',
      'PRIVATE',
      'Would not hire',
      'private view',
      'salary gap',
      'next step',
    ])
      expect(text).not.toContain(internal);
    expect(rt.mail.sent()).toEqual([]);
    expect(lastAlert(rt).message).toContain('Nothing was emailed');
  });

  it('nothing is shared by default, and a mark taken back is not shared', () => {
    const rt = workbook();
    const mark = (id: string, shareable: boolean) =>
      sidebarCall(rt, MIA, 'markNoteShareable', {
        submissionId: id,
        candidateId: 'C-0001',
        stageId: 'screening',
        interviewer: ANN,
        categoryId: 'overall',
        shareable,
      });
    mark('mark-ann-overall-1', true);
    mark('mark-ann-overall-2', false);
    rt.select('Candidates', 'B2');
    rt.as(MIA).call('generateCandidateUpdate');
    const text = letterText(rt, 'Ada Lovelace');
    expect(text).not.toContain('Would not hire');
    expect(text).not.toContain('Explained the queueing');
    expect(text).not.toContain('Some of what the interviewers noted');
  });

  it('an advance is an invitation to the next stage', () => {
    const rt = workbook();
    rt.select('Candidates', 'B3');
    rt.as(MIA).call('generateCandidateUpdate');
    const text = letterText(rt, 'Grace Lovelace');
    expect(text).toContain('We would like you to go on to the next step, the Main interview.');
    expect(text).not.toContain('not to take your application further');
  });

  it('a candidate without a decision to report is named, and nothing is created', () => {
    const rt = workbook();
    rt.select('Candidates', 'B2:B4');
    rt.as(MIA).call('generateCandidateUpdate');
    expect(rt.documents.list().filter((d) => d.name.startsWith('Update'))).toHaveLength(0);
    expect(lastAlert(rt).message).toContain('Alan Lovelace: no decision has been recorded yet');
  });

  it('only the hiring manager may mark a note shareable', () => {
    const rt = workbook();
    expect(() =>
      sidebarCall(rt, ANN, 'markNoteShareable', {
        submissionId: 'mark-by-ann-0001',
        candidateId: 'C-0001',
        stageId: 'screening',
        interviewer: BOB,
        categoryId: 'basic-role-fit',
        shareable: true,
      }),
    ).toThrow(`Only the hiring manager (${MIA}) can choose which notes a candidate may read.`);
  });

  it('Check templates knows the update rows, and a typo in one is named', () => {
    const rt = workbook();
    rt.as(MIA).call('checkTemplates');
    expect(lastAlert(rt).title).toBe('Templates look good');
    const rows = rt.inspect.values('Templates', 'A1:E400');
    const at = rows.findIndex((r) => r[1] === 'update' && r[3] === 'decline');
    rt.setCells('Templates', `E${at + 1}`, [['Sorry, {{candidate.nmae}}.']]);
    rt.as(MIA).call('checkTemplates');
    expect(lastAlert(rt).message).toContain('Unknown placeholder {{candidate.nmae}}');
  });
});
