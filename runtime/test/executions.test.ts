/**
 * The runtime is not kinder than Google: fresh executions, users, the simulated clock and its limits, the two
 * time zones, documents with owners and sharing, drive.file per user, locks and dialogs, property limits,
 * simple-trigger modes and budgets.
 */
import { TIMEOUT_MESSAGE, TriggerBudgetError } from '..';
import { fixtureRuntime } from './fixture';

const EDIT = { authMode: 'LIMITED' };

describe('every call is a fresh execution', () => {
  test('module-level state does not survive from one call to the next', () => {
    const rt = fixtureRuntime();
    expect(rt.call('countCalls')).toBe(1);
    expect(rt.call('countCalls')).toBe(1);
    expect(rt.executions.filter((e) => e.name === 'countCalls')).toHaveLength(2);
  });

  test('a custom-function recalculation is an execution of its own: one scope per recalculation', () => {
    const rt = fixtureRuntime();
    rt.addSheet('Calc');
    rt.setCells('Calc', 'A1', [['=EVALUATIONS(1)']]);
    expect(rt.displayed('Calc', 'A1')).toBe(1);
    rt.setCells('Calc', 'A2', [['=EVALUATIONS(2)']]);
    expect(rt.displayed('Calc', 'A2')).toBe(1); // a later recalculation starts afresh
    // Cells recalculated together share their execution (the granularity the README names).
    rt.setCells('Calc', 'B1:B2', [['=EVALUATIONS(3)'], ['=EVALUATIONS(4)']]);
    expect(rt.displayed('Calc', 'B1:B2')).toEqual([[1], [2]]);
    expect(rt.executions.filter((e) => e.kind === 'custom-function').length).toBeGreaterThanOrEqual(3);
  });

  test('custom functions get the read-only Spreadsheet service: a write fails in the cell', () => {
    const rt = fixtureRuntime();
    rt.addSheet('Calc');
    rt.setCells('Calc', 'A1', [['=WRITE_FROM_CELL()']]);
    expect(rt.displayed('Calc', 'A1')).toBe('#ERROR!');
    expect(rt.errorMessage('Calc', 'A1')).toBe('Exception: You do not have permission to call setValue');
  });

  test('each call runs as a named user, switchable per call; "" hides the email', () => {
    const rt = fixtureRuntime({ user: 'a@example.com' });
    expect(rt.call('whoAmI')).toBe('a@example.com');
    expect(rt.as('b@example.com').call('whoAmI')).toBe('b@example.com');
    expect(rt.as('').call('whoAmI')).toBe('');
    expect(rt.call('whoAmI')).toBe('a@example.com');
    expect(rt.executions.map((e) => e.user)).toEqual(['a@example.com', 'b@example.com', '', 'a@example.com']);
  });
});

describe('the simulated clock', () => {
  test('the bundle sees it as new Date() and Date.now(); tests set and advance it', () => {
    const rt = fixtureRuntime({ now: '2026-03-01T08:00:00.000Z', latency: 0 });
    expect(rt.call('nowIso')).toBe(`2026-03-01T08:00:00.000Z ${Date.parse('2026-03-01T08:00:00.000Z')}`);
    rt.advance(90_000);
    expect(rt.call('nowIso')).toMatch(/^2026-03-01T08:01:30\.000Z/);
    rt.setNow(new Date('2026-12-31T23:59:59.000Z'));
    expect(rt.now().toISOString()).toBe('2026-12-31T23:59:59.000Z');
  });

  test('each service call advances it by its latency', () => {
    const rt = fixtureRuntime({
      now: '2026-03-01T08:00:00.000Z',
      latency: { default: 0, 'Range.getValue': 100 },
    });
    rt.call('readCells', 5);
    expect(rt.now().toISOString()).toBe('2026-03-01T08:00:00.500Z');
    const last = rt.executions[rt.executions.length - 1];
    expect(last).toMatchObject({ name: 'readCells', elapsedMs: 500, outcome: 'ok' });
    expect(last.counts['Range.getValue']).toBe(5);
  });

  test('an execution past 6 minutes is stopped, even when the script catches the error', () => {
    const rt = fixtureRuntime({ latency: { default: 0, 'Range.getValue': 1_000 } });
    expect(rt.call('readCells', 300)).toBe(300); // 5 minutes: fine
    expect(() => rt.call('readCellsCatching', 400)).toThrow(TIMEOUT_MESSAGE);
    expect(rt.executions[rt.executions.length - 1]).toMatchObject({ outcome: 'timeout', elapsedMs: 360_000 });
  });

  test('a simple trigger is stopped at 30 seconds', () => {
    const rt = fixtureRuntime({ latency: { default: 0, 'Range.getValue': 1_000 } });
    rt.call('setUpWorkbook');
    rt.setCells('Candidates', 'A2', [[25]]);
    rt.call('onEdit', { ...EDIT, range: rt.range('Candidates', 'A2') });
    rt.setCells('Candidates', 'A2', [[40]]);
    expect(() => rt.call('onEdit', { ...EDIT, range: rt.range('Candidates', 'A2') })).toThrow(
      TIMEOUT_MESSAGE,
    );
  });
});

describe('time zones', () => {
  test("the script's Date is in the script's zone; cells are in the spreadsheet's", () => {
    const rt = fixtureRuntime({ timeZone: 'America/Los_Angeles', scriptTimeZone: 'Asia/Tokyo' });
    const [iso, date, hours, offset, text] = rt.call('localDate', 2026, 0, 15) as [
      string,
      number,
      number,
      number,
      string,
    ];
    expect(iso).toBe('2026-01-14T15:00:00.000Z'); // midnight in Tokyo
    expect([date, hours, offset]).toEqual([15, 0, -540]);
    expect(text).toBe('Thu Jan 15 2026 00:00:00 GMT+0900 (Japan Standard Time)');
    rt.execute(({ Session, SpreadsheetApp }) => {
      expect(Session.getScriptTimeZone()).toBe('Asia/Tokyo');
      expect(SpreadsheetApp.getActiveSpreadsheet().getSpreadsheetTimeZone()).toBe('America/Los_Angeles');
    });
  });

  test('a Date written to a cell is that instant, shown in the spreadsheet zone', () => {
    const rt = fixtureRuntime({ timeZone: 'America/Los_Angeles' });
    // Midnight UTC on 15 January is still 14 January in Los Angeles.
    rt.call('writeDate', 'A1', '2026-01-15T00:00:00.000Z');
    expect(rt.displayedText('Sheet1', 'A1')).toBe('1/14/2026 16:00:00');
    expect(rt.call('isDateValue', 'A1')).toBe(true);
  });
});

describe('documents have owners; Drive is per user', () => {
  test("a document is in its creator's My Drive; someone it was not shared with cannot open it", () => {
    const rt = fixtureRuntime({ user: 'owner@example.com' });
    const id = rt.call('makeDoc', 'Script') as string;
    expect(rt.documents.list()[0]).toMatchObject({
      owner: 'owner@example.com',
      folderName: 'My Drive',
      editors: [],
    });
    expect(() => rt.as('other@example.com').call('openDoc', id)).toThrow(
      `Document ${id} is missing (perhaps it was deleted, or you don't have read access?)`,
    );
    expect(rt.documents.access(id, 'other@example.com')).toBeNull();
  });

  test('addEditor and addViewer share it as documented; a viewer cannot change it', () => {
    const rt = fixtureRuntime({ user: 'owner@example.com' });
    const id = rt.call('makeDoc', 'Script') as string;
    expect(rt.call('shareDoc', id, 'Editor@Example.com')).toEqual(['editor@example.com']);
    rt.call('shareDoc', id, 'viewer@example.com', true);
    expect(rt.as('editor@example.com').call('openDoc', id)).toBe('Script');
    expect(rt.as('viewer@example.com').call('openDoc', id)).toBe('Script');
    expect(() => rt.as('viewer@example.com').call('renameDoc', id, 'Mine')).toThrow(
      'Access denied: DocumentApp.',
    );
    expect(() => rt.as('viewer@example.com').call('shareDoc', id, 'x@example.com')).toThrow('Access denied');
    expect(rt.documents.access(id, 'viewer@example.com')).toBe('viewer');
    // Promoting a viewer moves them to the editors.
    rt.call('shareDoc', id, 'viewer@example.com');
    expect(rt.documents.access(id, 'viewer@example.com')).toBe('editor');
  });

  test('an address that is no email, or that a sharing policy refuses, fails', () => {
    const rt = fixtureRuntime({ user: 'owner@example.com' });
    const id = rt.call('makeDoc', 'Script') as string;
    expect(() => rt.call('shareDoc', id, 'not an address')).toThrow('Invalid argument: email');
    rt.documents.refuseSharingWith('outside@elsewhere.org', 'Exception: Sharing outside the domain is off.');
    expect(() => rt.call('shareDoc', id, 'outside@elsewhere.org')).toThrow(
      'Sharing outside the domain is off.',
    );
  });

  test("drive.file: a user's token reaches only the files that user's app made", () => {
    const rt = fixtureRuntime({ user: 'a@example.com' });
    const folder = rt.call('makeFolder', 'Documents') as string;
    expect(rt.call('fileName', folder)).toBe('Documents');
    expect(() => rt.as('b@example.com').call('fileName', folder)).toThrow(`File not found: ${folder}.`);
    rt.drive.grant(folder, 'b@example.com');
    expect(rt.as('b@example.com').call('fileName', folder)).toBe('Documents');
    expect(rt.drive.folders()[0].owner).toBe('a@example.com');
  });
});

describe('locks and dialogs', () => {
  test('an alert releases the lock; another execution run while it is open gets it', () => {
    const rt = fixtureRuntime();
    let during = '';
    rt.ui.respondWith(() => {
      during = rt.as('b@example.com').call('tryTheLock');
      return 'OK';
    });
    expect(rt.call('lockThenAsk')).toBe('released by the dialog');
    expect(during).toBe('got it');
  });

  test('a lock held by a running execution makes another wait out its timeout and fail', () => {
    const rt = fixtureRuntime({ latency: 0, now: '2026-03-01T08:00:00.000Z' });
    const seen: string[] = [];
    rt.ui.respondWith(() => {
      // While the first execution holds the lock (it asks nothing before its prompt here), a second waits.
      seen.push(rt.as('b@example.com').call('tryTheLock'));
      return 'OK';
    });
    rt.execute(({ LockService, SpreadsheetApp }) => {
      expect(LockService.getDocumentLock().tryLock(100)).toBe(true);
      // A nested execution while this one holds the lock (not through a dialog): it must wait and fail.
      seen.push(rt.as('c@example.com').call('tryTheLock'));
      SpreadsheetApp.getUi().alert('Continue?');
    });
    expect(seen).toEqual(['busy', 'got it']);
    expect(rt.now().toISOString()).toBe('2026-03-01T08:00:00.500Z'); // the 500 ms wait
    expect(rt.call('holdTheLock')).toBe('holding');
    expect(rt.call('tryTheLock')).toBe('got it'); // released when that execution ended
  });
});

describe('properties', () => {
  test('9 KB a value and 500 KB a store, with the messages Apps Script gives', () => {
    const rt = fixtureRuntime();
    expect(() => rt.call('setProps', { big: 'x'.repeat(9 * 1024 + 1) })).toThrow('Argument too large: value');
    const chunk = 'y'.repeat(9 * 1024 - 10);
    const many: Record<string, string> = {};
    for (let i = 0; i < 56; i++) many[`k${i}`] = chunk;
    expect(() => rt.call('setProps', many)).toThrow(
      'You have exceeded the property storage quota. Please remove some properties and try again.',
    );
    expect(rt.properties.document.size).toBe(0); // nothing of the refused write was kept
    rt.call('setProps', { small: 'ok' });
    expect(rt.properties.document.get('small')).toBe('ok');
  });
});

describe('simple triggers', () => {
  test('onOpen and onEdit run in LIMITED (or NONE): never FULL', () => {
    const rt = fixtureRuntime();
    expect(() => rt.call('onOpen', { authMode: 'FULL' })).toThrow('simple trigger');
    rt.call('onOpen', { authMode: 'NONE' });
    expect(rt.ui.menus).toHaveLength(1);
  });

  test('a simple trigger cannot call a service that needs authorization', () => {
    const rt = fixtureRuntime();
    rt.call('setUpWorkbook');
    rt.setCells('Candidates', 'A2', [['doc']]);
    expect(() => rt.call('onEdit', { ...EDIT, range: rt.range('Candidates', 'A2') })).toThrow(
      'You do not have permission to call DocumentApp.create. Required permissions: https://www.googleapis.com/auth/documents',
    );
    expect(rt.documents.list()).toEqual([]);
  });

  test('a run past the budget the test set fails the test, naming its calls', () => {
    const rt = fixtureRuntime({ latency: 0 });
    rt.call('setUpWorkbook');
    rt.setTriggerBudget('onEdit', { calls: 8 });
    rt.setCells('Candidates', 'A2', [[3]]);
    rt.call('onEdit', { ...EDIT, range: rt.range('Candidates', 'A2') }); // 2 + 3 × 2 calls
    rt.setCells('Candidates', 'A2', [[4]]);
    let error: unknown;
    try {
      rt.call('onEdit', { ...EDIT, range: rt.range('Candidates', 'A2') });
    } catch (e) {
      error = e;
    }
    expect(error).toBeInstanceOf(TriggerBudgetError);
    expect((error as Error).message).toBe(
      'onEdit took 10 service calls (budget 8): Range.getSheet ×1, Range.getValue ×5, Sheet.getRange ×4',
    );
  });
});

describe('formulas read the clock in the spreadsheet zone', () => {
  test("NOW() and TODAY() are the simulated clock's, on the spreadsheet's wall clock", () => {
    const rt = fixtureRuntime({ timeZone: 'Asia/Tokyo', now: '2026-03-09T15:30:00.000Z' }); // 00:30 on 10 March in Tokyo
    rt.setCells('Sheet1', 'A1', [['=TODAY()', '=NOW()-TODAY()', '=TEXT(TODAY(),"yyyy-mm-dd")']]);
    expect(rt.displayed('Sheet1', 'C1')).toBe('2026-03-10');
    expect(rt.displayed('Sheet1', 'B1')).toBeCloseTo(0.5 / 24, 9);
    rt.advance(24 * 3_600_000);
    rt.setCells('Sheet1', 'D1', [['=TEXT(TODAY(),"yyyy-mm-dd")']]);
    expect(rt.displayed('Sheet1', 'D1')).toBe('2026-03-11');
  });
});
