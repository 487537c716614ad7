/**
 * The preview's sample workbook: set up with the default preset by the add-on's own menu function, then a
 * handful of fictional candidates typed into the Candidates sheet the way a user would, given their IDs by the
 * bundle's onEdit trigger, and scores typed into the stage sheets' category cells.
 */
import type { Runtime } from '../runtime';

export interface SampleCandidate {
  name: string;
  email: string;
  role: string;
  stage: string;
  status: string;
  hiringManager: string;
  panel: string;
  /** Scores per stage sheet (in workbook order), one number per category; missing scores stay blank. */
  scores: number[][];
}

const ROLE = 'Backend Developer';
const TEAM_A = 'ana.lopez@example.com, ben.osei@example.com';
const TEAM_B = 'ben.osei@example.com, chen.wu@example.com';

export const SAMPLE_CANDIDATES: SampleCandidate[] = [
  {
    name: 'Amara Okafor',
    email: 'amara.okafor@example.com',
    role: ROLE,
    stage: 'Practical test interview',
    status: 'Active',
    hiringManager: 'manager@example.com',
    panel: TEAM_A,
    scores: [
      [5, 4, 4],
      [5, 4, 4, 4, 5],
    ],
  },
  {
    name: 'Jonas Weber',
    email: 'jonas.weber@example.com',
    role: ROLE,
    stage: 'Main interview',
    status: 'Active',
    hiringManager: 'manager@example.com',
    panel: TEAM_A,
    scores: [
      [4, 4, 5],
      [3, 4, 4, 4, 3],
    ],
  },
  {
    name: 'Priya Raman',
    email: 'priya.raman@example.com',
    role: ROLE,
    stage: 'Screening',
    status: 'Active',
    hiringManager: 'manager@example.com',
    panel: TEAM_B,
    scores: [[4, 5]],
  },
  {
    name: 'Mateo Álvarez',
    email: 'mateo.alvarez@example.com',
    role: ROLE,
    stage: 'Screening',
    status: 'Active',
    hiringManager: 'cto@example.com',
    panel: TEAM_B,
    scores: [],
  },
  {
    name: 'Lena Fischer',
    email: 'lena.fischer@example.com',
    role: ROLE,
    stage: 'Screening',
    status: 'Rejected',
    hiringManager: 'manager@example.com',
    panel: TEAM_A,
    scores: [[3, 3, 4]],
  },
  {
    name: 'Kwame Mensah',
    email: 'kwame.mensah@example.com',
    role: ROLE,
    stage: 'Practical test interview',
    status: 'Offer',
    hiringManager: 'cto@example.com',
    panel: TEAM_B,
    scores: [
      [5, 5, 4],
      [4, 5, 4, 5, 4],
      [5, 4, 4, 5],
    ],
  },
  {
    name: 'Sofia Rossi',
    email: 'sofia.rossi@example.com',
    role: ROLE,
    stage: 'Main interview',
    status: 'On hold',
    hiringManager: 'manager@example.com',
    panel: TEAM_A,
    scores: [[4, 4, 4]],
  },
];

const FIELDS: [keyof SampleCandidate, string][] = [
  ['name', 'Name'],
  ['email', 'Email'],
  ['role', 'Role'],
  ['stage', 'Stage'],
  ['status', 'Status'],
  ['hiringManager', 'Hiring manager'],
  ['panel', 'Panel'],
];

function norm(v: unknown): string {
  return String(v ?? '')
    .trim()
    .toLowerCase();
}

/** 1-based column of each header text in a header row (case and spaces ignored). */
function headerColumns(row: unknown[]): Map<string, number> {
  const map = new Map<string, number>();
  row.forEach((v, i) => {
    if (norm(v) && !map.has(norm(v))) map.set(norm(v), i + 1);
  });
  return map;
}

/** Stage sheets in workbook order: "Key risk" in A1 and ID/Name headers in row 2. */
export function stageSheets(rt: Runtime): string[] {
  return rt.spreadsheet._sheets
    .filter((s) => {
      const top = s._range(1, 1, 2, 2)._rawValues();
      return norm(top[0][0]) === 'key risk' && norm(top[1][0]) === 'id' && norm(top[1][1]) === 'name';
    })
    .map((s) => s._name);
}

/** Runs the real Set up workbook with the default process (the prompt answered with a blank line). */
export function setUpDefaultWorkbook(rt: Runtime): void {
  rt.ui.respondWith({ button: 'OK', text: '' });
  rt.call('setUpWorkbook');
}

/** Types candidates into the Candidates sheet and fires onEdit as Sheets would after the paste. */
export function typeCandidates(rt: Runtime, candidates: readonly SampleCandidate[]): void {
  const sheet = rt.sheet('Candidates');
  const width = Math.max(1, sheet._lastColumn());
  const headers = headerColumns(sheet._range(1, 1, 1, width)._rawValues()[0]);
  // Rows already holding a name stay; new ones go below the last used row of the Name column.
  const nameCol = headers.get('name');
  if (!nameCol) throw new Error('The Candidates sheet has no "Name" header.');
  const names = sheet._range(2, nameCol, Math.max(1, sheet._maxRows - 1), 1)._rawValues();
  let start = 2;
  for (let i = names.length - 1; i >= 0; i--) {
    if (norm(names[i][0])) {
      start = i + 3;
      break;
    }
  }
  for (const [key, header] of FIELDS) {
    const col = headers.get(norm(header));
    if (!col) continue;
    rt.setCells(
      'Candidates',
      a1(start, col),
      candidates.map((c) => [c[key] as string]),
    );
  }
  fireOnEdit(rt, 'Candidates', start, 1, candidates.length, width);
}

function a1(row: number, col: number): string {
  let s = '';
  let n = col;
  while (n > 0) {
    const m = (n - 1) % 26;
    s = String.fromCharCode(65 + m) + s;
    n = Math.floor((n - 1) / 26);
  }
  return `${s}${row}`;
}

/** Calls the bundle's simple onEdit trigger with an event like the one Sheets passes. */
export function fireOnEdit(
  rt: Runtime,
  sheetName: string,
  row: number,
  col: number,
  numRows = 1,
  numCols = 1,
  extra: { value?: unknown; oldValue?: unknown } = {},
): void {
  if (typeof rt.global.onEdit !== 'function') return;
  const range = rt.sheet(sheetName)._range(row, col, numRows, numCols);
  rt.call('onEdit', {
    authMode: 'LIMITED',
    triggerUid: '',
    range,
    source: rt.spreadsheet,
    user: { getEmail: () => rt.activeUser, getNickname: () => rt.activeUser.split('@')[0] },
    ...extra,
  });
}

/** Types each candidate's scores into the category cells of the stage sheets (found by ID). */
export function typeScores(rt: Runtime, candidates: readonly SampleCandidate[]): void {
  const sheets = stageSheets(rt);
  const ids = candidateIds(rt);
  sheets.forEach((sheetName, stageIndex) => {
    const sheet = rt.sheet(sheetName);
    const width = Math.max(1, sheet._lastColumn());
    const header = sheet._range(2, 1, 1, width)._rawValues()[0].map(norm);
    const firstCategory = header.indexOf('name') + 2;
    const average = header.indexOf('average') + 1;
    if (firstCategory < 2 || average <= firstCategory) return;
    const categories = average - firstCategory;
    const rows = Math.max(1, sheet._lastRow() - 2);
    const idColumn = sheet
      ._range(3, 1, rows, 1)
      ._rawValues()
      .map((r) => String(r[0]));
    for (const candidate of candidates) {
      const scores = candidate.scores[stageIndex];
      const id = ids.get(candidate.name);
      if (!scores || !id) continue;
      const at = idColumn.indexOf(id);
      if (at < 0) continue;
      rt.setCells(sheetName, a1(at + 3, firstCategory), [scores.slice(0, categories)]);
    }
  });
}

/** Candidate name → ID, read from the Candidates sheet. */
export function candidateIds(rt: Runtime): Map<string, string> {
  const sheet = rt.sheet('Candidates');
  const width = Math.max(1, sheet._lastColumn());
  const values = sheet._range(1, 1, Math.max(1, sheet._lastRow()), width)._rawValues();
  const headers = headerColumns(values[0]);
  const idCol = headers.get('id');
  const nameCol = headers.get('name');
  const map = new Map<string, string>();
  if (!idCol || !nameCol) return map;
  for (const row of values.slice(1)) {
    if (row[idCol - 1] !== '' && row[nameCol - 1] !== '')
      map.set(String(row[nameCol - 1]), String(row[idCol - 1]));
  }
  return map;
}

/**
 * Generates one interview script the way a user would (select a candidate row, run the menu item), so the
 * documents list has something to open. Skipped when the bundle has no such menu function.
 */
export function generateSampleDocument(rt: Runtime): void {
  const item = rt.ui.menuItems().find((i) => /^generateScriptStage\d+$/.test(i.functionName));
  if (!item) return;
  const ids = candidateIds(rt);
  const sheet = rt.sheet('Candidates');
  const names = sheet
    ._range(1, 2, Math.max(1, sheet._lastRow()), 1)
    ._rawValues()
    .map((r) => String(r[0]));
  const row = names.indexOf(SAMPLE_CANDIDATES[1].name) + 1;
  if (row < 1 || !ids.size) return;
  rt.select('Candidates', `B${row}`);
  rt.call(item.functionName);
}

/** The whole sample: set up, candidates with IDs, some scores; selection on the first candidate. */
export function loadSample(rt: Runtime): void {
  setUpDefaultWorkbook(rt);
  typeCandidates(rt, SAMPLE_CANDIDATES);
  typeScores(rt, SAMPLE_CANDIDATES);
  rt.select('Candidates', 'B2');
}
