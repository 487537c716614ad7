/**
 * The preview's sample workbook: set up with the default preset by the add-on's own menu function, then a
 * handful of fictional candidates typed into the Candidates sheet the way a user would, given their IDs by the
 * bundle's onEdit trigger, and scores typed into the stage sheets' category cells.
 */
import { type Runtime, cellA1, rangeA1 } from '../runtime';
import { addPastCandidates } from './insights-sample';

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
  return rt.inspect
    .spreadsheet()
    .sheets.filter((s) => {
      const top = rt.inspect.values(s.name, 'A1:B2');
      return norm(top[0][0]) === 'key risk' && norm(top[1][0]) === 'id' && norm(top[1][1]) === 'name';
    })
    .map((s) => s.name);
}

/** The used area of a sheet (at least one row and column). */
function used(rt: Runtime, sheetName: string): { rows: number; cols: number; maxRows: number } {
  const sheet = rt.inspect.sheet(sheetName);
  if (!sheet) throw new Error(`No sheet named "${sheetName}"`);
  return { rows: Math.max(1, sheet.lastRow), cols: Math.max(1, sheet.lastColumn), maxRows: sheet.maxRows };
}

/** Computed values of a block of a sheet. */
function block(rt: Runtime, sheetName: string, row: number, col: number, numRows: number, numCols: number) {
  return rt.inspect.values(sheetName, { row, col, numRows, numCols });
}

/** Runs the real Set up workbook with the default process (the prompt answered with a blank line). */
export function setUpDefaultWorkbook(rt: Runtime): void {
  rt.ui.respondWith({ button: 'OK', text: '' });
  rt.call('setUpWorkbook');
}

/** Types candidates into the Candidates sheet and fires onEdit as Sheets would after the paste. */
export function typeCandidates(rt: Runtime, candidates: readonly SampleCandidate[]): void {
  const { cols: width, maxRows } = used(rt, 'Candidates');
  const headers = headerColumns(block(rt, 'Candidates', 1, 1, 1, width)[0]);
  // Rows already holding a name stay; new ones go below the last used row of the Name column.
  const nameCol = headers.get('name');
  if (!nameCol) throw new Error('The Candidates sheet has no "Name" header.');
  const names = block(rt, 'Candidates', 2, nameCol, Math.max(1, maxRows - 1), 1);
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
      cellA1(start, col),
      candidates.map((c) => [c[key] as string]),
    );
  }
  fireOnEdit(rt, 'Candidates', start, 1, candidates.length, width);
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
  if (!rt.hasFunction('onEdit')) return;
  const range = rt.range(sheetName, rangeA1(row, col, numRows, numCols));
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
    const { rows: lastRow, cols: width } = used(rt, sheetName);
    const header = block(rt, sheetName, 2, 1, 1, width)[0].map(norm);
    const firstCategory = header.indexOf('name') + 2;
    const average = header.indexOf('average') + 1;
    if (firstCategory < 2 || average <= firstCategory) return;
    const categories = average - firstCategory;
    const idColumn = block(rt, sheetName, 3, 1, Math.max(1, lastRow - 2), 1).map((r) => String(r[0]));
    for (const candidate of candidates) {
      const scores = candidate.scores[stageIndex];
      const id = ids.get(candidate.name);
      if (!scores || !id) continue;
      const at = idColumn.indexOf(id);
      if (at < 0) continue;
      rt.setCells(sheetName, cellA1(at + 3, firstCategory), [scores.slice(0, categories)]);
    }
  });
}

/** Candidate name → ID, read from the Candidates sheet. */
export function candidateIds(rt: Runtime): Map<string, string> {
  const { rows, cols } = used(rt, 'Candidates');
  const values = block(rt, 'Candidates', 1, 1, rows, cols);
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
  const names = block(rt, 'Candidates', 1, 2, used(rt, 'Candidates').rows, 1).map((r) => String(r[0]));
  const row = names.indexOf(SAMPLE_CANDIDATES[1].name) + 1;
  if (row < 1 || !ids.size) return;
  rt.select('Candidates', `B${row}`);
  rt.call(item.functionName);
}

/**
 * Two screening interviews that have taken place (two days and one day ago, on the hour) and whose scorecards
 * nobody has submitted yet, so that Reminders ▸ Send reminders now has digests to show under Sent mail.
 */
export function scheduleSampleInterviews(rt: Runtime): void {
  const { rows, cols } = used(rt, 'Candidates');
  const values = block(rt, 'Candidates', 1, 1, rows, cols);
  const headers = headerColumns(values[0]);
  const col = headers.get(norm('Screening scheduled'));
  const nameCol = headers.get('name');
  if (!col || !nameCol) return;
  const hour = 3_600_000;
  const now = Math.floor(rt.now().getTime() / hour) * hour;
  const when: [string, number][] = [
    ['Priya Raman', now - 48 * hour],
    ['Mateo Álvarez', now - 26 * hour],
  ];
  for (const [name, at] of when) {
    const index = values.findIndex((r) => r[nameCol - 1] === name);
    if (index > 0) rt.setCells('Candidates', cellA1(index + 1, col), [[new Date(at)]]);
  }
}

/** The whole sample: set up, candidates with IDs, some scores; selection on the first candidate. */
export function loadSample(rt: Runtime): void {
  setUpDefaultWorkbook(rt);
  typeCandidates(rt, SAMPLE_CANDIDATES);
  typeScores(rt, SAMPLE_CANDIDATES);
  addPastCandidates(rt, typeCandidates);
  signPastRecords(rt);
  scheduleSampleInterviews(rt);
  rt.select('Candidates', 'B2');
}

/**
 * The past candidates' Score log rows are typed in, not written by the add-on, so they carry no signature: have
 * Set up workbook sign them as it signs the records of a workbook made before signing, so the sample's panels
 * and debriefs count them instead of naming them as changed by hand.
 */
function signPastRecords(rt: Runtime): void {
  rt.execute(({ PropertiesService }) => {
    const store = PropertiesService.getDocumentProperties();
    store.deleteProperty('scorecard.signingKey');
    store.deleteProperty('scorecard.recordsDigest');
  });
  setUpDefaultWorkbook(rt);
}
