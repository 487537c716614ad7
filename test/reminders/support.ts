/** A workbook with scheduled interviews and some scorecards in, for the reminder tests (runtime, built bundle). */
import { type Runtime, type RuntimeOptions, cellA1 } from '../../runtime';
import { candidateRows, defaultWorkbookWithCandidates } from '../../scripts/workbooks';

export const LA = 'America/Los_Angeles';
export const MIA = 'mia@example.com';
export const ANN = 'ann@example.com';
export const BOB = 'bob@example.com';
export const CY = 'cy@example.com';
export const DAN = 'dan@example.com';
export const CATEGORIES = ['communication-clarity', 'motivation-fit', 'basic-role-fit'];

/** The 1-based column of a header on Candidates. */
export function column(rt: Runtime, header: string): number {
  const width = rt.inspect.sheet('Candidates')!.lastColumn;
  const headers = rt.inspect.values('Candidates', `A1:${cellA1(1, width).replace(/\d+$/, '')}1`)[0];
  const at = headers.indexOf(header);
  if (at < 0) throw new Error(`No column ${header}`);
  return at + 1;
}

export function setCell(rt: Runtime, header: string, row: number, value: unknown): void {
  rt.setCells('Candidates', cellA1(row, column(rt, header)), [[value]]);
}

/** A wall-clock time in Los Angeles as a Date. */
export function la(text: string): Date {
  // December: PST, UTC-8.
  return new Date(`${text.replace(' ', 'T')}:00-08:00`);
}

export function submit(rt: Runtime, email: string, candidateId: string, id: string): void {
  rt.as(email).call('submitScorecard', {
    submissionId: id,
    candidateId,
    stageId: 'screening',
    scores: Object.fromEntries(CATEGORIES.map((c) => [c, 4])),
    notes: {},
    recommendation: 'yes',
    overallNote: '',
  });
}

/**
 * Ada (C-0001): Ann and Bob interviewed her two days ago; Ann submitted. Grace (C-0002): Ann and Cy, two days
 * ago, nobody submitted. Alan (C-0003): Dan, tomorrow. Mia manages all three. Now: 2026-12-03 09:00 in LA.
 */
export function scheduledWorkbook(options: RuntimeOptions = {}, extra = 0): Runtime {
  const rt = defaultWorkbookWithCandidates(3 + extra, {
    timeZone: LA,
    now: la('2026-12-03 09:00'),
    ...options,
  });
  const rows: [string, string, Date][] = [
    [`${ANN}, ${BOB}`, MIA, la('2026-12-01 10:00')],
    [`${ANN}; ${CY}`, MIA, la('2026-12-01 15:30')],
    [DAN, MIA, la('2026-12-04 11:00')],
  ];
  rows.forEach(([panel, manager, when], i) => {
    setCell(rt, 'Panel', i + 2, panel);
    setCell(rt, 'Hiring manager', i + 2, manager);
    setCell(rt, 'Screening scheduled', i + 2, when);
  });
  submit(rt, ANN, 'C-0001', 'ann-ada-0001');
  rt.resetCounters();
  return rt;
}

export { candidateRows };

/** Turns reminders on as `email`, answering the hour prompt. */
export function turnOn(rt: Runtime, email: string, hour = '7'): void {
  rt.ui.respondWith({ button: 'OK', text: hour });
  rt.as(email).call('turnOnReminders');
}

/** The Reminders sheet's rows below the header. */
export function reminderLog(rt: Runtime): string[][] {
  const info = rt.inspect.sheet('Reminders');
  if (!info || info.lastRow < 2) return [];
  return rt.inspect.values('Reminders', `A2:E${info.lastRow}`).map((r) => r.map(String));
}
