import { fixtureRuntime } from './fixture';

describe('services around the spreadsheet', () => {
  test('each call runs the bundle in a fresh global scope: functions are globals, call() invokes them', () => {
    const rt = fixtureRuntime();
    expect(rt.hasFunction('DOUBLE_IT')).toBe(true);
    expect(rt.hasFunction('Fixture_')).toBe(false); // an object, not a function
    expect(rt.execute((scope) => typeof scope.Fixture_)).toBe('object');
    expect(rt.call('DOUBLE_IT', 21)).toBe(42);
    expect(() => rt.call('missing')).toThrow('Script function not found: missing');
  });

  test('counters count service calls, sheet reads and sheet writes', () => {
    const rt = fixtureRuntime();
    rt.call('setUpWorkbook');
    expect(rt.counters.get('SpreadsheetApp.getActiveSpreadsheet')).toBe(1);
    expect(rt.counters.get('Range.setValues')).toBe(1);
    expect(rt.counters.get('Range.setDataValidation')).toBe(1);
    expect(rt.counters.get('Range.insertCheckboxes')).toBe(1);
    expect(rt.counters.get('Sheet.getRange')).toBe(4);
    expect(rt.sheetWrites()).toBeGreaterThanOrEqual(5);
    expect(rt.sheetReads()).toBe(0);
    rt.resetCounters();
    rt.setCells('Candidates', 'A2', [
      ['Ada', 4, 5],
      ['Bo', 3, 3],
    ]);
    expect(rt.serviceCalls()).toBe(0); // test helpers are not service calls
    expect(rt.call('countCandidates')).toBe(3);
    expect(rt.counters.get('Range.getValues')).toBe(1);
    expect(rt.counters.get('Sheet.getDataRange')).toBe(1);
    expect(rt.sheetReads()).toBe(1);
    expect(rt.sheetWrites()).toBe(0);
    expect(rt.serviceCalls()).toBe(4);
    expect(rt.counters.toObject()).toEqual({
      'Range.getValues': 1,
      'Sheet.getDataRange': 1,
      'Spreadsheet.getSheetByName': 1,
      'SpreadsheetApp.getActiveSpreadsheet': 1,
    });
  });

  test('setUpWorkbook leaves what a user would see', () => {
    const rt = fixtureRuntime();
    expect(rt.call('setUpWorkbook')).toBe(4);
    rt.setCells('Candidates', 'B2', [
      [4, 5],
      [3, 3],
    ]);
    expect(rt.displayed('Candidates', 'D2:D4')).toEqual([[9], [6], ['']]);
    expect(rt.displayed('Candidates', 'E2:E4')).toEqual([[false], [false], [false]]);
    expect(rt.formatOf('Candidates', 'A1')).toMatchObject({ fontWeight: 'bold' });
    expect(rt.sheet('Candidates').getFrozenRows()).toBe(1);
    expect(rt.ui.toasts).toEqual([{ message: 'Workbook ready', title: 'Scorecard', timeoutSeconds: 5 }]);
  });

  test('menus are recorded with items, separators and submenus', () => {
    const rt = fixtureRuntime();
    rt.call('onOpen', { authMode: 'LIMITED' });
    expect(rt.ui.menus).toEqual([
      {
        name: 'Scorecard',
        addon: true,
        items: [
          { type: 'item', caption: 'Set up workbook', functionName: 'setUpWorkbook' },
          { type: 'separator' },
          {
            type: 'submenu',
            menu: {
              name: 'Generate',
              addon: false,
              items: [{ type: 'item', caption: 'Stage 1', functionName: 'generateStage1' }],
            },
          },
        ],
      },
    ]);
    expect(rt.ui.menuItems().map((i) => i.path)).toEqual([
      'Scorecard ▸ Set up workbook',
      'Scorecard ▸ Generate ▸ Stage 1',
    ]);
  });

  test('prompts and alerts answer from the scripted queue', () => {
    const rt = fixtureRuntime();
    rt.ui.respondWith({ button: 'OK', text: 'Stage 2' }, 'YES');
    expect(rt.call('askStage')).toBe('Stage 2');
    rt.ui.respondWith({ button: 'OK', text: 'Stage 3' }, 'NO');
    expect(rt.call('askStage')).toBe('declined');
    rt.ui.respondWith('CANCEL');
    expect(rt.call('askStage')).toBeNull();
    expect(rt.ui.prompts).toHaveLength(3);
    expect(rt.ui.alerts[0]).toEqual({
      kind: 'alert',
      title: 'Confirm',
      message: 'Generate for Stage 2?',
      buttons: 'YES_NO',
      button: 'YES',
    });
    // Without a scripted answer, the first button of the set is pressed.
    expect(rt.call('askStage')).toBe('');
  });

  test('sidebars record title, width and HTML from build/<name>.html', () => {
    const rt = fixtureRuntime();
    rt.call('openSidebar');
    expect(rt.ui.sidebars).toHaveLength(1);
    expect(rt.ui.sidebars[0]).toMatchObject({ kind: 'sidebar', title: 'Score candidate', width: 300 });
    expect(rt.ui.sidebars[0].html).toContain('<h1>Score candidate</h1>');
  });

  test('HtmlService templates evaluate scriptlets with escaping', () => {
    const rt = fixtureRuntime();
    const html = rt.execute((scope) => {
      const t = scope.HtmlService.createTemplate(
        '<p><?= name ?></p><? for (var i = 0; i < 2; i++) { ?>x<? } ?><?!= raw ?>',
      );
      t.name = '<b>Ada</b>';
      t.raw = '<i>ok</i>';
      return t.evaluate().getContent();
    });
    expect(html).toBe('<p>&lt;b&gt;Ada&lt;/b&gt;</p>xx<i>ok</i>');
  });

  test('a lock held elsewhere makes waitLock time out and tryLock fail', () => {
    const rt = fixtureRuntime();
    expect(rt.call('submitWithLock')).toBe(1);
    expect(rt.call('submitWithLock')).toBe(2);
    rt.locks.hold('document');
    expect(() => rt.call('submitWithLock')).toThrow('Lock timeout');
    expect(rt.properties.document.get('submissions')).toBe('2');
    rt.execute((scope) => {
      const lock = scope.LockService.getDocumentLock();
      expect(lock.tryLock(100)).toBe(false);
      expect(lock.hasLock()).toBe(false);
      rt.locks.release('document');
      expect(lock.tryLock(100)).toBe(true);
      expect(scope.LockService.getDocumentLock().tryLock(0)).toBe(false); // held by this execution's lock
    });
    // The execution ended: its lock was released with it.
    expect(rt.call('submitWithLock')).toBe(3);
    expect(rt.locks.state.attempts.map((a) => a.acquired)).toEqual([
      true,
      true,
      false,
      false,
      true,
      false,
      true,
    ]);
  });

  test('properties round-trip as strings, per store and per user', () => {
    const rt = fixtureRuntime();
    rt.execute(({ PropertiesService: P }) => {
      P.getDocumentProperties().setProperty('n', 5);
      expect(P.getDocumentProperties().getProperty('n')).toBe('5');
      expect(P.getDocumentProperties().getProperty('missing')).toBeNull();
      P.getScriptProperties().setProperties({ a: '1', b: '2' });
      P.getScriptProperties().setProperties({ c: '3' }, true);
      expect(P.getScriptProperties().getProperties()).toEqual({ c: '3' });
      P.getScriptProperties().deleteProperty('c');
      expect(P.getScriptProperties().getKeys()).toEqual([]);
      P.getUserProperties().setProperty('draft', 'x');
      expect(() => P.getDocumentProperties().setProperty('big', 'x'.repeat(10000))).toThrow(
        'Argument too large',
      );
    });
    const draft = (scope: Record<string, any>) =>
      scope.PropertiesService.getUserProperties().getProperty('draft');
    expect(rt.as('interviewer@example.com').execute(draft)).toBeNull();
    expect(rt.execute(draft)).toBe('x');
  });

  test('Session reports the active user, which may be empty', () => {
    const rt = fixtureRuntime({ user: '' });
    expect(rt.call('whoAmI')).toBe('');
    rt.setActiveUser('second@example.com');
    expect(rt.call('whoAmI')).toBe('second@example.com');
    expect(rt.as('third@example.com').call('whoAmI')).toBe('third@example.com');
    rt.execute(({ Session: S }) => {
      expect(S.getEffectiveUser().getEmail()).toBe('second@example.com');
      expect(S.getScriptTimeZone()).toBe('Etc/UTC');
      expect(S.getTemporaryActiveUserKey()).toMatch(/^[A-Za-z0-9+/]{20,}/);
    });
  });

  test('Utilities formats dates in a time zone and makes UUIDs', () => {
    const rt = fixtureRuntime();
    rt.execute(({ Utilities: U }) => {
      const d = new Date(Date.UTC(2024, 6, 1, 22, 5, 9));
      expect(U.formatDate(d, 'Etc/UTC', 'yyyy-MM-dd HH:mm:ss')).toBe('2024-07-01 22:05:09');
      expect(U.formatDate(d, 'Europe/Berlin', "yyyy-MM-dd'T'HH:mm")).toBe('2024-07-02T00:05');
      expect(U.getUuid()).toMatch(/^[0-9a-f-]{36}$/);
      U.sleep(500);
    });
    expect(rt.utilities.sleptMs).toBe(500);
  });

  test('console and Logger output is captured', () => {
    const rt = fixtureRuntime();
    rt.call('logSomething');
    expect(rt.logs).toEqual([
      { level: 'log', message: 'hello {"a":1}' },
      { level: 'Logger', message: 'value is 42' },
    ]);
  });

  test('fakes throw Errors of the script realm', () => {
    const rt = fixtureRuntime();
    const caught = rt.scriptValue(null);
    expect(caught).toBeNull();
    const isRealmError = vmEval(
      rt,
      'try { SpreadsheetApp.getActiveSheet().getRange(0, 1); false } catch (e) { e instanceof Error }',
    );
    expect(isRealmError).toBe(true);
  });
});

function vmEval(rt: ReturnType<typeof fixtureRuntime>, code: string): unknown {
  // eslint-disable-next-line @typescript-eslint/no-require-imports
  const vm = require('node:vm') as typeof import('node:vm');
  return rt.execute((scope) => vm.runInContext(code, scope));
}
