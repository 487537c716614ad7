/**
 * The Insights sheet as a hiring manager sees it: Extensions ▸ Scorecard ▸ Insights on a small workbook whose
 * every figure was worked out by hand (test/fixtures/insights-small.ts), read as displayed cell values.
 */
import { NOW, candidatesColumn, smallWorkbook, writeLog, writeLogAt } from '../fixtures/insights-small';
import { createRuntime } from '../../runtime';
import { candidateRows, freshDefaultWorkbook, typeCandidates } from '../../scripts/workbooks';
import type { Runtime } from '../../runtime';
import { INSIGHTS_CHART_TITLES } from '../../src/sheets/insights-sheet';

function table(rt: Runtime, a1: string): unknown[][] {
  return rt.inspect.values('Insights', a1);
}

function round(rows: unknown[][], digits = 3): unknown[][] {
  const f = 10 ** digits;
  return rows.map((row) => row.map((v) => (typeof v === 'number' ? Math.round(v * f) / f : v)));
}

function findRow(rt: Runtime, text: string): number {
  const column = rt.inspect.values('Insights', 'A1:A80').map((r) => r[0]);
  const index = column.indexOf(text);
  if (index < 0) throw new Error(`"${text}" is not in column A of Insights`);
  return index + 1;
}

describe('Insights sheet', () => {
  let rt: Runtime;
  beforeAll(() => {
    rt = smallWorkbook();
    rt.call('refreshInsights');
  });

  it('is on the menu and opens the sheet', () => {
    expect(rt.ui.menuItems().map((m) => m.caption)).toContain('Insights');
    expect(rt.inspect.selection().sheet).toBe('Insights');
    expect(rt.ui.alerts.map((a) => a.title)).toEqual(['Scorecard is ready']);
    expect(rt.ui.toasts.at(-1)?.message).toMatch(/^Insights is up to date/);
    expect(rt.now().toISOString() >= NOW).toBe(true);
  });

  it('pipeline: per stage, by hand', () => {
    const header = findRow(rt, 'Pipeline') + 1;
    expect(table(rt, `A${header}:K${header}`)[0]).toEqual([
      'Stage',
      'Reached',
      'In stage',
      'Passed',
      'Rejected',
      'Withdrew',
      'Pass-through',
      'Median days to decision',
      'Median days in stage',
      'Longest days in stage',
      'Overdue',
    ]);
    // Screening: everyone reached it (C-0003, C-0004 are in it, the others went past a required stage); C-0004
    // is in it (2 days, since 18 Nov); C-0003 rejected; four passed: 4 / (4 + 1) = 0.8. Decisions: C-0001 two
    // days after the first scorecard (3 → 5 Nov), C-0002 the same day, C-0003 three (3 → 6 Nov): median 2.
    // Main interview: C-0001 (Active, 10 days), C-0002 (On hold, 4 days) in it: median 7, longest 10; C-0006
    // (Offer) and C-0005 (past it, to the practical test) passed: 2 / 2. C-0006 decided a day after.
    // Practical test (optional): only C-0005, who withdrew; nobody passed: 0 / 1.
    // No service level in the default process: overdue says so.
    expect(round(table(rt, `A${header + 1}:K${header + 3}`))).toEqual([
      ['Screening', 6, 1, 4, 1, 0, 0.8, 2, 2, 2, 'no service level'],
      ['Main interview', 4, 2, 2, 0, 0, 1, 1, 7, 10, 'no service level'],
      ['Practical test interview', 1, 0, 0, 0, 1, 0, '', '', '', 'no service level'],
    ]);
  });

  it('overdue follows a service level typed on the Pipeline sheet', () => {
    const row = rt.inspect.values('Pipeline', 'A1:A5').findIndex((r) => r[0] === 'Main interview') + 1;
    rt.setCells('Pipeline', `B${row}`, [[5]]);
    const header = findRow(rt, 'Pipeline') + 1;
    // C-0001 came in on Tue 10 Nov: five business days later is 17 Nov, past. C-0002 is on hold.
    expect(table(rt, `K${header + 1}:K${header + 3}`)).toEqual([
      ['no service level'],
      [1],
      ['no service level'],
    ]);
    rt.setCells('Pipeline', `B${row}`, [['']]);
  });

  it('rubric reliability: alpha, candidates, what it says', () => {
    const header = findRow(rt, 'Rubric reliability') + 1;
    expect(table(rt, `A${header}:E${header}`)[0]).toEqual([
      'Stage',
      'Category',
      'Alpha',
      'Candidates',
      'What it says',
    ]);
    const rows = round(table(rt, `A${header + 1}:E${header + 12}`));
    const few = 'not enough scorecards yet';
    // Communication: (4,4) (3,3) (2,2) agree perfectly: 1. Motivation: (3,5) (4,2) (2,4): D_o = 24 over pairs,
    // D_e = 2·6·Σ(x − 10/3)² = 88, α = 1 − 5·24/88 = −0.364. Role fit: (4,3) (4,4) (2,3): 1 − 5·4/40 = 0.5.
    // Technical depth: (5,3,4) (4,2): units give 12/2 + 8 = 14, D_e = 2·5·5.2 = 52, α = 1 − 4·14/52 = −0.077.
    expect(rows).toEqual([
      ['Screening', 'Communication clarity', 1, 3, few],
      ['Screening', 'Motivation fit', -0.364, 3, few],
      ['Screening', 'Basic role fit', 0.5, 3, few],
      ['Main interview', 'Role-specific technical depth', -0.077, 2, few],
      ['Main interview', 'Problem decomposition', '', 0, few],
      ['Main interview', 'Working-style fit', '', 0, few],
      ['Main interview', 'Communication of judgement', '', 0, few],
      ['Main interview', 'Candidate’s questions', '', 0, few],
      ['Practical test interview', 'Justifies decisions clearly', '', 0, few],
      ['Practical test interview', 'Adapts to new constraints', '', 0, few],
      ['Practical test interview', 'Produced the work themselves', '', 0, few],
      ['Practical test interview', 'Depth beyond the surface', '', 0, few],
    ]);
  });

  it('interviewer calibration: offsets, decisions matched, hours to scorecard', () => {
    const header = findRow(rt, 'Interviewer calibration') + 1;
    const few = 'too few to judge';
    // Offsets: alice's motivation 3−5, 4−2, 2−4 → −2/3; technical depth 5 − (3+4)/2 and 4 − 2 → 1.75.
    // Decisions (by the manager): alice argued for all four taken; bob for two of four (C-0001 screening
    // advanced on his no, C-0006 advanced on his no); carol's candidate has no decision yet.
    // Hours: alice 1 (C-0001 screening was scheduled at 09:00), 0, 0, 0, 1 → 0; bob 4, 6, 24, 2, 0 → 4;
    // carol 24 (a day after alice's, the first scorecard, with no scheduled time).
    const rows = round(table(rt, `A${header + 1}:J${header + 10}`));
    expect(rows).toEqual([
      ['alice@example.com', 'Screening', 'Communication clarity', 3, 3, 0, 3, few, 1, 0],
      ['alice@example.com', 'Screening', 'Motivation fit', 3, 3, -0.667, 3, few, 1, 0],
      ['alice@example.com', 'Screening', 'Basic role fit', 3, 3.333, 0, 3, few, 1, 0],
      ['alice@example.com', 'Main interview', 'Role-specific technical depth', 2, 4.5, 1.75, 2, few, 1, 0],
      ['bob@example.com', 'Screening', 'Communication clarity', 3, 3, 0, 3, few, 0.5, 4],
      ['bob@example.com', 'Screening', 'Motivation fit', 3, 3.667, 0.667, 3, few, 0.5, 4],
      ['bob@example.com', 'Screening', 'Basic role fit', 3, 3.333, 0, 3, few, 0.5, 4],
      ['bob@example.com', 'Main interview', 'Role-specific technical depth', 2, 2.5, -1.75, 2, few, 0.5, 4],
      ['carol@example.com', 'Main interview', 'Role-specific technical depth', 1, 4, 0, 1, few, '', 24],
      ['', '', '', '', '', '', '', '', '', ''],
    ]);
  });
});

describe('Insights charts', () => {
  it('sit beside the tables over their cells, and a refresh replaces them in place', () => {
    const rt = smallWorkbook();
    rt.call('refreshInsights');
    const first = rt.inspect.charts('Insights');
    const pipeline = findRow(rt, 'Pipeline') + 1;
    const reliability = findRow(rt, 'Rubric reliability') + 1;
    const calibration = findRow(rt, 'Interviewer calibration') + 1;
    expect(first.map((c) => [c.options.title, c.type, c.ranges, c.position.anchorColumn])).toEqual([
      [INSIGHTS_CHART_TITLES.funnel, 'COLUMN', [`Insights!A${pipeline}:B${pipeline + 3}`], 13],
      [
        INSIGHTS_CHART_TITLES.days,
        'COLUMN',
        [`Insights!A${pipeline}:A${pipeline + 3}`, `Insights!I${pipeline}:J${pipeline + 3}`],
        13,
      ],
      [
        INSIGHTS_CHART_TITLES.offsets,
        'BAR',
        [`Insights!K${calibration}:K${calibration + 200}`, `Insights!F${calibration}:F${calibration + 200}`],
        13,
      ],
      [INSIGHTS_CHART_TITLES.reliability, 'BAR', [`Insights!B${reliability}:C${reliability + 12}`], 13],
    ]);
    // The funnel's cells show the reached counts; the offset chart's labels name interviewer and category.
    expect(rt.inspect.values('Insights', `B${pipeline + 1}:B${pipeline + 3}`)).toEqual([[6], [4], [1]]);
    expect(rt.displayed('Insights', `K${calibration + 1}`)).toBe('alice@example.com · Communication clarity');

    // A copy someone made by hand with the same title goes; the rest are modified, never stacked.
    rt.execute((scope) => {
      const sheet = scope.SpreadsheetApp.getActive().getSheetByName('Insights')!;
      sheet.insertChart(sheet.getCharts()[0].modify().build());
    });
    expect(rt.inspect.charts('Insights')).toHaveLength(5);
    rt.call('refreshInsights');
    const again = rt.inspect.charts('Insights');
    expect(again.map((c) => c.id)).toEqual(first.map((c) => c.id));
    expect(again.map((c) => c.ranges)).toEqual(first.map((c) => c.ranges));
  });
});

describe('Insights refresh', () => {
  it('clears what was typed over the tables, so the calibration table can spill again', () => {
    const rt = smallWorkbook();
    rt.call('refreshInsights');
    const header = findRow(rt, 'Interviewer calibration') + 1;
    rt.setCells('Insights', `A${header + 3}`, [['a note typed over the table']]);
    rt.setCells('Insights', `B${header - 1}`, [['another']]);
    expect(rt.displayed('Insights', `A${header + 1}`)).not.toBe('alice@example.com');
    rt.call('refreshInsights');
    expect(rt.displayed('Insights', `A${header + 1}`)).toBe('alice@example.com');
    expect(rt.displayed('Insights', `A${header + 3}`)).toBe('alice@example.com');
    expect(rt.displayed('Insights', `B${header - 1}`)).toBe('');
  });
});

describe('Insights verdicts with enough candidates', () => {
  // Six screening candidates, each scored by alice then bob (pairs below).
  const cc = [
    [1, 1],
    [2, 2],
    [3, 3],
    [4, 4],
    [5, 5],
    [3, 3],
  ];
  const mf = [
    [1, 5],
    [5, 1],
    [3, 3],
    [2, 4],
    [4, 2],
    [3, 3],
  ];
  const brf = [
    [1, 3],
    [2, 2],
    [3, 4],
    [4, 4],
    [5, 5],
    [2, 2],
  ];
  let rt: Runtime;
  beforeAll(() => {
    rt = freshDefaultWorkbook({ now: NOW });
    typeCandidates(rt, candidateRows(6));
    const rows: (string | number)[][] = [];
    for (let c = 0; c < 6; c++) {
      const id = `C-000${c + 1}`;
      ['alice@example.com', 'bob@example.com'].forEach((who, k) => {
        const at = `2026-11-0${c + 1}T1${k}:00:00.000Z`;
        const sub = `s-${c}-${k}`;
        rows.push([at, sub, 1, id, 'screening', who, 'score', 'communication-clarity', cc[c][k], '']);
        rows.push([at, sub, 1, id, 'screening', who, 'score', 'motivation-fit', mf[c][k], '']);
        rows.push([at, sub, 1, id, 'screening', who, 'score', 'basic-role-fit', brf[c][k], '']);
        rows.push([at, sub, 1, id, 'screening', who, 'recommendation', '', '', 'yes']);
      });
    }
    writeLog(rt, rows);
    rt.call('refreshInsights');
  });

  it('says consistent, tentative, or that interviewers disagree', () => {
    const header = findRow(rt, 'Rubric reliability') + 1;
    // Communication: every pair agrees, with spread: α = 1. Motivation: D_o = 2·(16 + 16 + 0 + 4 + 4 + 0) = 80
    // over D_e = 480 (Σ_{i≠j} over the 12 values): α = 1 − 11·80/480 = −0.833. Role fit: D_o = 2·(4 + 0 + 1 + 0 + 0 + 0)
    // = 10 (each pair's (a − b)² counted both ways), D_e = 454: α = 1 − 11·10/454 = 0.758.
    expect(round(table(rt, `C${header + 1}:E${header + 3}`))).toEqual([
      [1, 6, 'consistent'],
      [-0.833, 6, "interviewers disagree: sharpen this category's anchors"],
      [0.758, 6, 'tentative'],
    ]);
  });

  it('offsets on five or more shared candidates are not marked', () => {
    const header = findRow(rt, 'Interviewer calibration') + 1;
    // Role fit: alice 1,2,3,4,5,2 (mean 17/6), bob 3,2,4,4,5,2 (20/6); alice is 0.5 below bob on average.
    expect(round(table(rt, `A${header + 1}:H${header + 3}`))).toEqual([
      ['alice@example.com', 'Screening', 'Communication clarity', 6, 3, 0, 6, ''],
      ['alice@example.com', 'Screening', 'Motivation fit', 6, 3, 0, 6, ''],
      ['alice@example.com', 'Screening', 'Basic role fit', 6, 2.833, -0.5, 6, ''],
    ]);
    expect(round(table(rt, `E${header + 6}:F${header + 6}`))).toEqual([[3.333, 0.5]]);
  });

  it('follows a new published scorecard without a refresh', () => {
    const header = findRow(rt, 'Interviewer calibration') + 1;
    const at = '2026-11-10T10:00:00.000Z';
    const last = rt.inspect.sheet('Score log')!.lastRow;
    writeLogAt(rt, last + 1, [
      [at, 'late', 1, 'C-0001', 'screening', 'carol@example.com', 'score', 'basic-role-fit', 5, ''],
      [at, 'late', 1, 'C-0001', 'screening', 'carol@example.com', 'recommendation', '', '', 'yes'],
    ]);
    // carol's 5 against alice's 1 and bob's 3 on C-0001: offset 5 − 2 = 3, one shared candidate.
    expect(round(table(rt, `A${header + 7}:H${header + 7}`))).toEqual([
      ['carol@example.com', 'Screening', 'Basic role fit', 1, 5, 3, 1, 'too few to judge'],
    ]);
  });
});

describe('Insights overdue with the service levels presets ship', () => {
  function workbook(preset: string, stage: string, sinceDay: string) {
    const rt = createRuntime({ now: NOW });
    rt.ui.respondWith({ button: 'OK', text: preset });
    rt.call('setUpWorkbook');
    typeCandidates(rt, candidateRows(2));
    const stageColumn = candidatesColumn(rt, 'Stage');
    const since = candidatesColumn(rt, 'In stage since');
    rt.setCells('Candidates', `${stageColumn}2`, [[stage, 'Active']]);
    rt.setCells('Candidates', `${stageColumn}3`, [[stage, 'On hold']]);
    rt.setCells('Candidates', `${since}2`, [[new Date(`${sinceDay}T00:00:00.000Z`)]]);
    rt.setCells('Candidates', `${since}3`, [[new Date(`${sinceDay}T00:00:00.000Z`)]]);
    rt.call('refreshInsights');
    const header = findRow(rt, 'Pipeline') + 1;
    const stages = rt.inspect.values('Insights', `A${header + 1}:A${header + 8}`).map((r) => r[0]);
    return (name: string) => rt.displayed('Insights', `K${header + 1 + stages.indexOf(name)}`);
  }

  it('an offer within 48 hours of the systems interview: two days on, the Active candidate is overdue', () => {
    // In the Offer stage since 17 Nov; 48 hours later is 19 Nov, before today (20 Nov). The one on hold is not counted.
    const overdue = workbook('paid-take-home', 'Offer', '2026-11-17');
    expect(overdue('Offer')).toBe(1);
    expect(overdue('Application')).toBe('no service level');
  });

  it('shortlisted applicants contacted within 5–7 business days: overdue after seven', () => {
    // Since Thu 5 Nov: seven business days later is Mon 16 Nov, before today (Fri 20 Nov).
    const late = workbook('five-stage-backend', 'Application screening', '2026-11-05');
    expect(late('Application screening')).toBe(1);
    // Since Mon 16 Nov: due Wed 25 Nov, not yet.
    const early = workbook('five-stage-backend', 'Application screening', '2026-11-16');
    expect(early('Application screening')).toBe(0);
  });
});
