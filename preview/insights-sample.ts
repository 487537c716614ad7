/**
 * Past candidates for the sample workbook's Insights: eight people who went through Screening (some on to the Main
 * interview), each scored by a panel of three, with the hiring manager's decisions, written into the Score log
 * as published records (the log holds only published scorecards). The panel is drawn to show what Insights is for:
 * Ben scores a point above the others, Chen a point below on motivation, and "Basic role fit" gets scores that
 * barely agree, while "Communication clarity" is scored alike. Then Extensions ▸ Scorecard ▸ Insights is run.
 */
import { type Runtime, cellA1 } from '../runtime';
import type { SampleCandidate } from './sample';

interface PastCandidate {
  name: string;
  email: string;
  stage: string;
  status: string;
  /** Days before the sample's "today" the candidate entered the current stage. */
  sinceDaysAgo: number;
  /** How strong the candidate is (1–5): the panel's scores are drawn around it. */
  quality: number;
  /** Reached the Main interview (and was scored there). */
  main: boolean;
}

export const PAST_CANDIDATES: PastCandidate[] = [
  {
    name: 'Lina Novak',
    email: 'lina.novak@example.com',
    stage: 'Main interview',
    status: 'Active',
    sinceDaysAgo: 9,
    quality: 4,
    main: true,
  },
  {
    name: 'Omar Haddad',
    email: 'omar.haddad@example.com',
    stage: 'Screening',
    status: 'Rejected',
    sinceDaysAgo: 20,
    quality: 2,
    main: false,
  },
  {
    name: 'Sara Lindqvist',
    email: 'sara.lindqvist@example.com',
    stage: 'Main interview',
    status: 'Offer',
    sinceDaysAgo: 12,
    quality: 5,
    main: true,
  },
  {
    name: 'Kofi Boateng',
    email: 'kofi.boateng@example.com',
    stage: 'Main interview',
    status: 'Active',
    sinceDaysAgo: 3,
    quality: 3,
    main: true,
  },
  {
    name: 'Hana Sato',
    email: 'hana.sato@example.com',
    stage: 'Screening',
    status: 'Rejected',
    sinceDaysAgo: 18,
    quality: 1,
    main: false,
  },
  {
    name: 'Diego Alvarez',
    email: 'diego.alvarez@example.com',
    stage: 'Main interview',
    status: 'Withdrawn',
    sinceDaysAgo: 7,
    quality: 4,
    main: true,
  },
  {
    name: 'Ingrid Berg',
    email: 'ingrid.berg@example.com',
    stage: 'Main interview',
    status: 'On hold',
    sinceDaysAgo: 5,
    quality: 3,
    main: true,
  },
  {
    name: 'Tariq Aziz',
    email: 'tariq.aziz@example.com',
    stage: 'Screening',
    status: 'Rejected',
    sinceDaysAgo: 15,
    quality: 2,
    main: false,
  },
];

const PANEL = ['ana.lopez@example.com', 'ben.osei@example.com', 'chen.wu@example.com'];
const MANAGER = 'manager@example.com';
/** How far each interviewer's "Basic role fit" strays, candidate by candidate: little agreement there. */
const ROLE_FIT_NOISE = [
  [1, -1, 0],
  [-1, 2, 0],
  [0, -2, 1],
  [2, 0, -1],
  [-1, 1, 1],
  [1, -1, -2],
  [0, 2, -1],
  [-2, 0, 1],
];

const clamp = (n: number) => Math.max(1, Math.min(5, n));
const DAY = 86_400_000;

function iso(ms: number): string {
  return new Date(ms).toISOString();
}

/** The Score log rows: screening for all eight, the main interview for those who reached it. */
export function pastLogRows(ids: readonly string[], now: Date): (string | number)[][] {
  const rows: (string | number)[][] = [];
  let serial = 0;
  const start = now.getTime() - 30 * DAY;
  PAST_CANDIDATES.forEach((c, i) => {
    const id = ids[i];
    const day = start + i * DAY;
    const screening = PANEL.map((who, k) => {
      const lenient = k === 1 ? 1 : 0;
      return {
        who,
        at: day + (9 + k * 3) * 3_600_000,
        scores: {
          'communication-clarity': clamp(c.quality + lenient),
          'motivation-fit': clamp(c.quality + lenient - (k === 2 ? 1 : 0)),
          'basic-role-fit': clamp(c.quality + lenient + ROLE_FIT_NOISE[i][k]),
        },
      };
    });
    const main = c.main
      ? PANEL.slice(0, 2 + (i % 2)).map((who, k) => ({
          who,
          at: day + 5 * DAY + (10 + k * 5) * 3_600_000,
          scores: {
            'technical-depth': clamp(c.quality + (k === 1 ? 1 : 0)),
            'problem-decomposition': clamp(c.quality - (k === 2 ? 1 : 0)),
            'working-style-fit': clamp(c.quality + (k === 1 ? 1 : 0)),
          },
        }))
      : [];
    for (const [stage, cards, decideAfter] of [
      ['screening', screening, 2 * DAY],
      ['main-interview', main, 7 * DAY],
    ] as const) {
      if (cards.length === 0) continue;
      for (const card of cards) {
        const sub = `sample-${serial++}`;
        for (const [category, score] of Object.entries(card.scores))
          rows.push([iso(card.at), sub, 1, id, stage, card.who, 'score', category, score, '']);
        const mean = Object.values(card.scores).reduce((a, b) => a + b, 0) / 3;
        rows.push([
          iso(card.at),
          sub,
          1,
          id,
          stage,
          card.who,
          'recommendation',
          '',
          '',
          mean >= 3 ? 'yes' : 'no',
        ]);
      }
      const advanced = stage === 'screening' ? c.main : c.status === 'Offer';
      const decided = stage === 'screening' || c.status === 'Offer';
      if (decided) {
        rows.push([
          iso(day + decideAfter),
          `sample-${serial++}`,
          1,
          id,
          stage,
          MANAGER,
          'decision',
          '',
          '',
          `${advanced ? 'advance' : 'reject'}: the panel agreed`,
        ]);
      }
    }
  });
  return rows;
}

function headerIndex(rt: Runtime, sheetName: string): Map<string, number> {
  const width = rt.inspect.sheet(sheetName)!.maxColumns;
  const row = rt.inspect.values(sheetName, { row: 1, col: 1, numRows: 1, numCols: width })[0];
  return new Map(row.map((v, i) => [String(v).trim().toLowerCase(), i + 1]));
}

/**
 * Adds the past candidates below the others (the onEdit trigger gives them IDs), their stages' dates, their
 * published scorecards, and builds the Insights sheet from the menu.
 */
export function addPastCandidates(
  rt: Runtime,
  typeCandidates: (rt: Runtime, candidates: readonly SampleCandidate[]) => void,
): void {
  const headers = headerIndex(rt, 'Candidates');
  const col = (h: string) => {
    const c = headers.get(h.toLowerCase());
    if (!c) throw new Error(`The Candidates sheet has no "${h}" column.`);
    return c;
  };
  const names = rt.inspect.values('Candidates', {
    row: 1,
    col: col('Name'),
    numRows: rt.inspect.sheet('Candidates')!.maxRows,
    numCols: 1,
  });
  const first = names.findIndex((r, i) => i > 0 && r[0] === '') + 1;
  typeCandidates(
    rt,
    PAST_CANDIDATES.map((c) => ({
      name: c.name,
      email: c.email,
      role: 'Backend Developer',
      stage: c.stage,
      status: c.status,
      hiringManager: MANAGER,
      panel: PANEL.join(', '),
      scores: [],
    })),
  );
  const now = rt.now();
  PAST_CANDIDATES.forEach((c, i) => {
    const row = first + i;
    const since = new Date(now.getTime() - c.sinceDaysAgo * DAY);
    since.setUTCHours(0, 0, 0, 0);
    rt.setCells('Candidates', cellA1(row, col('In stage since')), [[since]]);
  });
  const ids = rt.inspect
    .values('Candidates', { row: first, col: col('ID'), numRows: PAST_CANDIDATES.length, numCols: 1 })
    .map((r) => String(r[0]));
  const log = pastLogRows(ids, now);
  const sheet = rt.sheet('Score log');
  const lastRow = rt.inspect.sheet('Score log')!.lastRow;
  const needed = lastRow + log.length;
  if (sheet.getMaxRows() < needed) sheet.insertRowsAfter(sheet.getMaxRows(), needed - sheet.getMaxRows());
  rt.setCells('Score log', cellA1(lastRow + 1, 1), log);
  if (rt.hasFunction('refreshInsights')) rt.call('refreshInsights');
}
