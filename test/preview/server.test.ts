/**
 * The preview server's JSON API, in-process on a free port: the sample workbook, menu runs and their prompts,
 * typing into cells (formulas, validation, checkboxes), the google.script.run bridge, and bad requests.
 */
import * as fs from 'node:fs';
import * as net from 'node:net';
import * as os from 'node:os';
import * as path from 'node:path';
import { PortInUseError, startPreview, type PreviewServer } from '../../preview/server';
import { FIXTURE_CODE, ROOT, cell, get, post, request } from './http';

const quiet = () => undefined;

describe('preview server on the sample workbook', () => {
  let preview: PreviewServer;
  let port: number;

  beforeAll(async () => {
    preview = await startPreview({ root: ROOT, port: 0, log: quiet });
    port = preview.port;
  });
  afterAll(() => preview.close());

  it('binds to 127.0.0.1 and serves the page', async () => {
    expect(preview.url).toBe(`http://127.0.0.1:${port}/`);
    const page = await get(port, '/');
    expect(page.status).toBe(200);
    expect(page.headers['content-type']).toMatch(/text\/html/);
    expect(page.text).toContain('<script src="/app.js">');
    const js = await get(port, '/app.js');
    expect(js.status).toBe(200);
    expect(js.text.length).toBeGreaterThan(1000);
  });

  it('starts with the sample: the set-up workbook, candidates with IDs at several stages, scores', async () => {
    const { status, json: state } = await get(port, '/api/state');
    expect(status).toBe(200);
    const names = state.sheets.map((s: any) => s.name);
    expect(names).toEqual(
      expect.arrayContaining(['Candidates', 'S1 Screening', 'S2 Main interview', 'Rubric', 'Score log']),
    );
    expect(state.sheets.find((s: any) => s.name === 'Score log').hidden).toBe(true);
    expect(state.grid.name).toBe('Candidates');
    expect(state.grid.frozenRows).toBe(1);
    const ids = state.grid.cells
      .slice(1)
      .map((row: any[]) => row[0]?.t)
      .filter(Boolean);
    // Seven current candidates, then eight past ones whose published scorecards feed the Insights sheet.
    expect(ids.length).toBeGreaterThanOrEqual(6);
    expect(ids.length).toBeLessThanOrEqual(16);
    expect(state.sheets.map((s: any) => s.name)).toContain('Insights');
    expect(ids[0]).toBe('C-0001');
    const stages = new Set(state.grid.cells.slice(1, ids.length + 1).map((row: any[]) => row[4]?.t));
    expect(stages.size).toBeGreaterThanOrEqual(3);
    expect(cell(state, 'E2').list).toEqual(expect.any(Number));
    expect(state.users).toEqual(expect.arrayContaining(['manager@example.com', 'ben.osei@example.com']));
    expect(state.user).toBe('manager@example.com');
    expect(state.menus[0]).toMatchObject({ name: 'Scorecard', addon: true });
    const fns = JSON.stringify(state.menus);
    expect(fns).toContain('"functionName":"setUpWorkbook"');
    expect(Array.isArray(state.documents)).toBe(true);
    // Only the used range plus a margin is sent, not 1000 × 26 cells.
    expect(state.grid.rows).toBeLessThan(60);
    expect(JSON.stringify(state).length).toBeLessThan(200_000);
  });

  it('shows a stage sheet with pass/fail colouring from the conditional-format rules', async () => {
    const { json } = await post(port, '/api/select?state=1', { sheet: 'S1 Screening', a1: 'A3' });
    const state = json.state;
    expect(state.grid.name).toBe('S1 Screening');
    expect(state.selection).toEqual({ sheet: 'S1 Screening', ranges: ['A3'], current: 'A3' });
    const header = state.grid.cells[1].map((c: any) => c?.t);
    const passes = header.indexOf('Passes') + 1;
    expect(passes).toBe(7);
    expect(cell(state, 'G3')).toMatchObject({ t: 'TRUE', k: 'b', bg: '#ceead6' });
    expect(cell(state, 'G7')).toMatchObject({ t: 'FALSE', bg: '#fad2cf' });
    // Pending (an ID, no result yet): amber.
    expect(cell(state, 'G6')).toMatchObject({ bg: '#feefc3' });
    expect(cell(state, 'C1')).toMatchObject({ check: true, b: true });
    expect(state.grid.helps[cell(state, 'C3').help]).toMatch(/1 .*5/);
  });

  it('typing a score updates the PASSES cell', async () => {
    const before = (await get(port, '/api/state')).json;
    expect(cell(before, 'G5').t).toBeUndefined(); // Priya: one category unscored
    const { status, json } = await post(port, '/api/cell', { sheet: 'S1 Screening', a1: 'E5', input: '5' });
    expect(status).toBe(200);
    expect(cell(json.state, 'E5')).toMatchObject({ t: '5', k: 'n' });
    expect(cell(json.state, 'G5')).toMatchObject({ t: 'TRUE', bg: '#ceead6' });
    const low = await post(port, '/api/cell', { sheet: 'S1 Screening', a1: 'C5', input: '2' });
    expect(cell(low.json.state, 'G5')).toMatchObject({ t: 'FALSE', bg: '#fad2cf' });
  });

  it('typing a formula shows its result', async () => {
    const { json } = await post(port, '/api/cell', {
      sheet: 'S1 Screening',
      a1: 'J3',
      input: '=PASSES(C3:E3, C$1:E$1)',
    });
    expect(cell(json.state, 'J3')).toMatchObject({ t: 'TRUE', f: '=PASSES(C3:E3, C$1:E$1)' });
    const broken = await post(port, '/api/cell', {
      sheet: 'S1 Screening',
      a1: 'J4',
      input: '=PASSES(B4:C4)',
    });
    expect(cell(broken.json.state, 'J4')).toMatchObject({ t: '#ERROR!', k: 'e' });
    expect(cell(broken.json.state, 'J4').err).toMatch(/Jonas Weber|not a score/);
  });

  it('rejects an invalid score with the help text and keeps the old value', async () => {
    const { status, json } = await post(port, '/api/cell', { sheet: 'S1 Screening', a1: 'C3', input: '7' });
    expect(status).toBe(422);
    expect(json).toMatchObject({ ok: false, rejected: true });
    expect(json.error).toMatch(/numbers from 1/);
    const state = (await get(port, '/api/state')).json;
    expect(cell(state, 'C3')).toMatchObject({ t: '5' });
  });

  it('a date typed into a score cell is rejected and leaves the score as it was, not shown as a date', async () => {
    const { status } = await post(port, '/api/cell', {
      sheet: 'S1 Screening',
      a1: 'C3',
      input: '2024-01-05',
    });
    expect(status).toBe(422);
    const state = (await get(port, '/api/state')).json;
    expect(cell(state, 'C3')).toMatchObject({ t: '5', k: 'n' });
  });

  it('key risk comes from the applied rubric: ticking its checkbox by hand changes nothing', async () => {
    await post(port, '/api/cell', { sheet: 'S1 Screening', a1: 'C9', input: '5' });
    await post(port, '/api/cell', { sheet: 'S1 Screening', a1: 'D9', input: '3' });
    let state = (await post(port, '/api/cell', { sheet: 'S1 Screening', a1: 'E9', input: '5' })).json.state;
    expect(cell(state, 'G9').t).toBe('TRUE');
    state = (await post(port, '/api/cell', { sheet: 'S1 Screening', a1: 'D1', input: 'TRUE' })).json.state;
    expect(cell(state, 'D1')).toMatchObject({ check: true, b: true });
    expect(cell(state, 'G9').t).toBe('TRUE');
    state = (await post(port, '/api/cell', { sheet: 'S1 Screening', a1: 'D1', input: 'FALSE' })).json.state;
    expect(cell(state, 'G9').t).toBe('TRUE');
  });

  it('runs a menu item and reports its toast', async () => {
    const { json } = await post(port, '/api/menu', { functionName: 'setUpWorkbook' });
    expect(json.status).toBe('done');
    const toast = json.state.events.find((e: any) => e.kind === 'toast');
    expect(toast.message).toMatch(/already in place/);
    // Events are reported once: a poll after the last sequence number has none.
    const later = await get(port, `/api/state?since=${json.state.lastSeq}`);
    expect(later.json.events).toEqual([]);
    const help = await post(port, '/api/menu', { functionName: 'showHelp' });
    expect(help.json.state.events.at(-1)).toMatchObject({ kind: 'alert', title: 'Scorecard help' });
  });

  it('refuses to run functions that are not menu items', async () => {
    const notMenu = await post(port, '/api/menu', { functionName: 'PASSES' });
    expect(notMenu.status).toBe(404);
    expect(notMenu.json.error).toMatch(/not an item of the add-on menu/);
    expect((await post(port, '/api/menu', { functionName: 42 })).status).toBe(400);
    expect((await post(port, '/api/menu', { functionName: 'setUpWorkbook', answers: 'x' })).status).toBe(400);
  });

  it('onEdit gives a typed candidate an ID', async () => {
    await post(port, '/api/select', { sheet: 'Candidates', a1: 'B20' });
    const { json } = await post(port, '/api/cell', { sheet: 'Candidates', a1: 'B20', input: 'Noor Haddad' });
    expect(cell(json.state, 'A20').t).toMatch(/^C-\d{4}$/);
    expect(cell(json.state, 'E20').t).toBe('Screening');
  });

  it('bridges google.script.run with a JSON round trip', async () => {
    const avg = await post(port, '/api/run', { functionName: 'RUBRIC_AVERAGE', args: [[[4, 5]]] });
    expect(avg.json).toEqual({ ok: true, value: 4.5 });
    const asText = await post(port, '/api/run', { functionName: 'PASSES', args: '[[[4,4,4]]]' });
    expect(asText.json).toEqual({ ok: true, value: true });
    const failed = await post(port, '/api/run', { functionName: 'PASSES', args: [[[4, 'x']]] });
    expect(failed.json.ok).toBe(false);
    expect(failed.json.error.message).toMatch(/"x"/);
  });

  it('rejects private ("_"), unknown and non-function names, and bad arguments', async () => {
    const priv = await post(port, '/api/run', { functionName: 'Scorecard_', args: [] });
    expect(priv.status).toBe(404);
    expect(priv.json.error).toMatch(/Scorecard_/);
    const unknown = await post(port, '/api/run', { functionName: 'deleteEverything', args: [] });
    expect(unknown.status).toBe(404);
    expect(unknown.json.error).toBe('Script function not found: deleteEverything');
    for (const name of ['SpreadsheetApp', 'constructor', '__proto__', 'eval', 'toString']) {
      expect((await post(port, '/api/run', { functionName: name, args: [] })).status).toBe(404);
    }
    expect((await post(port, '/api/run', { functionName: 12, args: [] })).status).toBe(400);
    expect((await post(port, '/api/run', { functionName: 'PASSES', args: { a: 1 } })).status).toBe(400);
    expect((await post(port, '/api/run', { functionName: 'PASSES', args: '{oops' })).status).toBe(400);
  });

  it('validates cell and selection requests', async () => {
    expect((await post(port, '/api/cell', { sheet: 'Nope', a1: 'A1', input: 'x' })).status).toBe(404);
    expect((await post(port, '/api/cell', { sheet: 'Candidates', a1: 'A1:B2', input: 'x' })).status).toBe(
      400,
    );
    expect((await post(port, '/api/cell', { sheet: 'Candidates', a1: 'ZZZ99999', input: 'x' })).status).toBe(
      400,
    );
    expect((await post(port, '/api/cell', { sheet: 'Candidates', a1: 'A1', input: 5 })).status).toBe(400);
    expect((await post(port, '/api/select', { sheet: 'Candidates', a1: 'not a range' })).status).toBe(400);
    expect((await post(port, '/api/select', { sheet: 'Candidates', a1: 3 })).status).toBe(400);
    const rows = await post(port, '/api/select', { sheet: 'Candidates', a1: ['B3', '4:4'] });
    expect(rows.json.selection.current).toBe('A4');
  });

  it('switches the signed-in user', async () => {
    const { json } = await post(port, '/api/user', { email: 'ben.osei@example.com' });
    expect(json.state.user).toBe('ben.osei@example.com');
    expect(preview.session.rt.activeUser).toBe('ben.osei@example.com');
    expect((await post(port, '/api/user', { email: ['x'] })).status).toBe(400);
    expect((await post(port, '/api/user', { email: 'a b@example.com' })).status).toBe(400);
    await post(port, '/api/user', { email: 'manager@example.com' });
  });

  it('answers malformed requests with a 4xx JSON error and keeps serving', async () => {
    const notJson = await request(port, 'POST', '/api/cell', {
      body: '{"sheet": ',
      headers: { 'Content-Type': 'application/json' },
    });
    expect(notJson.status).toBe(400);
    expect(notJson.json.error).toMatch(/not valid JSON/);
    const array = await request(port, 'POST', '/api/cell', {
      body: '[1,2]',
      headers: { 'Content-Type': 'application/json' },
    });
    expect(array.status).toBe(400);
    const plain = await request(port, 'POST', '/api/cell', {
      body: 'sheet=x',
      headers: { 'Content-Type': 'text/plain' },
    });
    expect(plain.status).toBe(415);
    const huge = await request(port, 'POST', '/api/run', {
      body: JSON.stringify({ functionName: 'PASSES', args: ['x'.repeat(1024 * 1024 + 10)] }),
      headers: { 'Content-Type': 'application/json' },
    });
    expect(huge.status).toBe(413);
    expect(huge.json.error).toMatch(/too large/);
    expect((await get(port, '/api/nope')).status).toBe(404);
    expect((await request(port, 'DELETE', '/api/state')).status).toBe(405);
    expect((await get(port, '/api/cell')).status).toBe(405);
    expect((await post(port, '/api/unknown', {})).status).toBe(404);
    expect((await request(port, 'GET', '/', { headers: { Host: 'evil.example:80' } })).status).toBe(403);
    expect((await get(port, '/api/state?since=abc')).status).toBe(400);
    expect((await get(port, '/api/state')).status).toBe(200);
  });

  it('serves nothing outside its own files', async () => {
    for (const p of [
      '/../package.json',
      '/%2e%2e/package.json',
      '/%2e%2e/',
      '/..%2fpackage.json',
      '/preview-dist/app.js',
      '/build/Code.js',
      '/app.js/../package.json',
      '//etc/passwd',
      '/panel/../../package.json',
      '/api/document/..%2f..%2fpackage.json',
    ]) {
      const reply = await get(port, p);
      expect([p, reply.status]).toEqual([p, 404]);
      expect(reply.text).not.toContain('"devDependencies"');
    }
  });

  it('has a documents list and answers unknown documents with 404', async () => {
    const state = (await get(port, '/api/state')).json;
    expect(Array.isArray(state.documents)).toBe(true);
    expect((await get(port, '/api/document/does-not-exist')).status).toBe(404);
    for (const doc of state.documents) {
      const view = await get(port, `/api/document/${encodeURIComponent(doc.id)}`);
      expect(view.status).toBe(200);
      expect(typeof view.json.html).toBe('string');
    }
  });

  it('resets to the sample or to a blank spreadsheet', async () => {
    const blank = await post(port, '/api/reset', { mode: 'blank' });
    expect(blank.json.state.sheets.map((s: any) => s.name)).toEqual(['Sheet1']);
    expect((await post(port, '/api/reset', { mode: 'other' })).status).toBe(400);
    const sample = await post(port, '/api/reset', {});
    expect(sample.json.state.sheets.map((s: any) => s.name)).toContain('Candidates');
    expect(sample.json.state.events).toEqual([]);
  });
});

describe('preview server: prompts, panels and the state file', () => {
  let preview: PreviewServer;
  let port: number;

  beforeAll(async () => {
    preview = await startPreview({ root: ROOT, port: 0, start: 'blank', log: quiet, skipPageBuild: true });
    port = preview.port;
  });
  afterAll(() => preview.close());

  it('asks the page for a prompt answer before running Set up workbook', async () => {
    const first = await post(port, '/api/menu', { functionName: 'setUpWorkbook' });
    expect(first.json).toMatchObject({
      status: 'needs-input',
      functionName: 'setUpWorkbook',
      answers: [],
      dialog: { kind: 'prompt', title: 'Set up Scorecard', buttons: 'OK_CANCEL' },
    });
    expect(first.json.dialog.message).toMatch(/Which hiring process/);
    // Nothing changed and nothing was reported while the question was open.
    const state = (await get(port, '/api/state')).json;
    expect(state.sheets.map((s: any) => s.name)).toEqual(['Sheet1']);
    expect(state.events).toEqual([]);
    const cancelled = await post(port, '/api/menu', {
      functionName: 'setUpWorkbook',
      answers: [{ button: 'CANCEL' }],
    });
    expect(cancelled.json.state.events.at(-1).message).toMatch(/cancelled/);
    const done = await post(port, '/api/menu', { functionName: 'setUpWorkbook', answer: '' });
    expect(done.json.status).toBe('done');
    expect(done.json.state.sheets.map((s: any) => s.name)).toContain('S1 Screening');
    expect(done.json.state.events.at(-1)).toMatchObject({ kind: 'alert', title: 'Scorecard is ready' });
  });

  it('works with fixture bundles: sidebars, dialogs, several prompts, confirmations', async () => {
    const fixture = await startPreview({
      root: ROOT,
      port: 0,
      codeFiles: [FIXTURE_CODE],
      start: 'blank',
      log: quiet,
      skipPageBuild: true,
    });
    const p = fixture.port;
    try {
      const menus = (await get(p, '/api/state')).json.menus;
      expect(JSON.stringify(menus)).toContain('"caption":"More"');

      const q1 = await post(p, '/api/menu', { functionName: 'askTwice' });
      expect(q1.json.dialog).toMatchObject({ title: 'First thing' });
      const q2 = await post(p, '/api/menu', { functionName: 'askTwice', answers: ['tea'] });
      expect(q2.json).toMatchObject({
        status: 'needs-input',
        answers: ['tea'],
        dialog: { title: 'Second thing' },
      });
      const done = await post(p, '/api/menu', { functionName: 'askTwice', answers: ['tea', 'cake'] });
      expect(done.json.state.events.at(-1)).toMatchObject({ kind: 'toast', message: 'tea and cake' });

      const confirm = await post(p, '/api/menu', { functionName: 'confirmAndWrite' });
      expect(confirm.json.dialog).toMatchObject({ kind: 'alert', buttons: 'YES_NO' });
      const no = await post(p, '/api/menu', { functionName: 'confirmAndWrite', answers: [{ button: 'NO' }] });
      expect(cell(no.json.state, 'A1')).toBeNull();
      const yes = await post(p, '/api/menu', {
        functionName: 'confirmAndWrite',
        answers: [{ button: 'YES' }],
      });
      expect(cell(yes.json.state, 'A1').t).toBe('written');
      expect(yes.json.state.events.at(-1)).toMatchObject({ kind: 'alert', title: 'Done' });
      // The confirmation the user answered in the page is not shown again afterwards.
      expect(yes.json.state.events.filter((e: any) => e.title === 'Write?')).toEqual([]);

      const broken = await post(p, '/api/menu', { functionName: 'breakIt' });
      expect(broken.json.state.events.at(-1)).toMatchObject({ kind: 'error', message: 'Broken on purpose' });

      const opened = await post(p, '/api/menu', { functionName: 'openSidebar' });
      const sidebar = opened.json.state.sidebar;
      expect(sidebar).toMatchObject({ kind: 'sidebar', title: 'Fixture sidebar' });
      const html = await get(p, `/panel/${sidebar.id}`);
      expect(html.status).toBe(200);
      expect(html.text.indexOf('google')).toBeLessThan(html.text.indexOf('<p id="out">'));
      expect(html.text).toContain('scorecard-run');

      const echoed = await post(p, '/api/run', { functionName: 'echo', args: '[{"a":1},5]' });
      expect(echoed.json).toEqual({
        ok: true,
        value: { got: { a: 1 }, n: 5, when: '1970-01-01T00:00:00.000Z' },
      });
      expect((await post(p, '/api/run', { functionName: 'secret_', args: [] })).status).toBe(404);
      expect((await post(p, '/api/run', { functionName: 'notAFunction', args: [] })).status).toBe(404);
      const failed = await post(p, '/api/run', { functionName: 'fail', args: [] });
      expect(failed.json).toEqual({ ok: false, error: { name: 'Error', message: 'Fixture failure' } });

      const dialog = await post(p, '/api/menu', { functionName: 'openDialog' });
      expect(dialog.json.state.dialog).toMatchObject({ kind: 'modal', title: 'Fixture dialog', width: 300 });
      const closed = await post(p, '/api/panel/close', { id: sidebar.id });
      expect(closed.json.state.sidebar).toBeNull();
      expect((await get(p, `/panel/${sidebar.id}`)).status).toBe(404);
      expect((await post(p, '/api/panel/close', { id: sidebar.id })).status).toBe(404);
      expect((await post(p, '/api/panel/close', { id: 'x' })).status).toBe(400);
    } finally {
      await fixture.close();
    }
  });

  it('keeps the workbook in a state file across restarts', async () => {
    const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'scorecard-preview-'));
    const file = path.join(dir, 'state.json');
    const options = {
      root: ROOT,
      port: 0,
      start: 'blank' as const,
      stateFile: file,
      log: quiet,
      skipPageBuild: true,
    };
    const first = await startPreview(options);
    try {
      await post(first.port, '/api/cell', { sheet: 'Sheet1', a1: 'B2', input: '=1+2' });
      await post(first.port, '/api/user', { email: 'chen.wu@example.com' });
    } finally {
      await first.close();
    }
    expect(JSON.parse(fs.readFileSync(file, 'utf8')).version).toBe(1);
    const second = await startPreview(options);
    try {
      const state = (await get(second.port, '/api/state')).json;
      expect(cell(state, 'B2')).toMatchObject({ t: '3', f: '=1+2' });
      expect(state.user).toBe('chen.wu@example.com');
      expect(state.stateFile).toBe(file);
    } finally {
      await second.close();
      fs.rmSync(dir, { recursive: true, force: true });
    }
  });

  it('a user can delete a sheet and insert or delete rows, refused where Sheets refuses; replayed from the state file', async () => {
    const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'scorecard-preview-'));
    const file = path.join(dir, 'state.json');
    const options = { root: ROOT, port: 0, stateFile: file, log: quiet, skipPageBuild: true };
    const first = await startPreview(options);
    try {
      const names = async (port: number) =>
        (await get(port, '/api/state')).json.sheets.map((x: { name: string }) => x.name);
      expect(await names(first.port)).toContain('Pipeline');
      expect((await post(first.port, '/api/sheet/delete', { sheet: 'Pipeline' })).status).toBe(200);
      expect(await names(first.port)).not.toContain('Pipeline');
      const rows = (p: Record<string, unknown>) =>
        post(first.port, '/api/rows', { sheet: 'Candidates', ...p });
      const inserted = await rows({ action: 'insertAbove', row: 2, count: 2 });
      expect([inserted.status, inserted.json.error]).toEqual([200, undefined]);
      let state = (await get(first.port, '/api/state')).json;
      expect(cell(state, 'B2')?.t ?? '').toBe('');
      expect(cell(state, 'B4')?.t).toBe('Amara Okafor');
      expect((await rows({ action: 'delete', row: 2, count: 2 })).status).toBe(200);
      state = (await get(first.port, '/api/state')).json;
      expect(cell(state, 'B2')?.t).toBe('Amara Okafor');
      expect((await rows({ action: 'sideways', row: 2 })).json.error).toContain('"action"');
      expect((await rows({ action: 'delete', row: 0 })).status).toBe(400);
      const all = await rows({ action: 'delete', row: 1, count: 1000 });
      expect(all.status).toBe(422);
      expect(all.json.error).toBe("You can't delete all the rows on the sheet.");
      expect((await post(first.port, '/api/sheet/delete', { sheet: 'Nope' })).status).toBe(404);
    } finally {
      await first.close();
    }
    const second = await startPreview(options);
    try {
      const state = (await get(second.port, '/api/state')).json;
      expect(state.sheets.map((x: { name: string }) => x.name)).not.toContain('Pipeline');
    } finally {
      await second.close();
      fs.rmSync(dir, { recursive: true, force: true });
    }
  });

  it("serves the custom functions' help from their JSDoc in build/Code.js", async () => {
    const preview = await startPreview({
      root: ROOT,
      port: 0,
      start: 'blank',
      log: quiet,
      skipPageBuild: true,
    });
    try {
      const functions = (await get(preview.port, '/api/functions')).json as {
        name: string;
        params: { name: string; optional: boolean }[];
      }[];
      const passes = functions.find((f) => f.name === 'PASSES')!;
      expect(passes).toMatchObject({
        description: expect.stringMatching(/^Whether each candidate passes the rubric/),
        returns: expect.stringContaining('TRUE or FALSE'),
      });
      expect(passes.params.map((p) => [p.name, p.optional])).toEqual([
        ['scores', false],
        ['key_risk', true],
        ['min_average', true],
        ['min_category', true],
        ['min_key_risk', true],
      ]);
      expect(functions.map((f) => f.name)).toEqual(
        expect.arrayContaining(['RUBRIC_AVERAGE', 'PASS_REASON', 'DIVERGENT', 'AGREEMENT', 'CALIBRATION']),
      );
    } finally {
      await preview.close();
    }
  });

  it('says clearly when the port is in use', async () => {
    const blocker = net.createServer();
    await new Promise<void>((resolve) => blocker.listen(0, '127.0.0.1', resolve));
    const taken = (blocker.address() as net.AddressInfo).port;
    try {
      await expect(
        startPreview({ root: ROOT, port: taken, start: 'blank', log: quiet, skipPageBuild: true }),
      ).rejects.toThrow(new PortInUseError(taken).message);
      await expect(
        startPreview({ root: ROOT, port: taken, start: 'blank', log: quiet, skipPageBuild: true }),
      ).rejects.toThrow(`Port ${taken} is in use; start with --port ${taken + 1} or PORT=${taken + 1}`);
    } finally {
      blocker.close();
    }
  });
});
