/**
 * Interview documents, end to end: the built bundle in the Apps Script runtime with the DocumentApp fake.
 * Set up workbook, candidates typed into the Candidates sheet, rows selected, the menu handlers called, and the
 * documents a user would open asserted (headings, tables, bold key-risk marks, literal special characters).
 */
import * as vm from 'node:vm';
import {
  DEFAULT_LATENCY,
  type DocModel,
  MY_DRIVE_ROOT_ID,
  type Runtime,
  type RuntimeOptions,
  columnToLetters,
  createRuntime,
} from '../../runtime';
import { sidebarCall } from '../support/sidebar-call';

const SPECIAL_NAME = 'Ada $1 \\ (Lovelace)* $& {{candidate.name}}';

function candidateRows(n: number): string[][] {
  return Array.from({ length: n }, (_, i) => [
    `Candidate ${i + 1}`,
    `c${i + 1}@example.com`,
    'Backend Developer',
  ]);
}

/** Set up workbook with the default preset, then candidates typed in (Name, Email, Role, …) with IDs from onEdit. */
function workbook(rows: string[][] = candidateRows(3), options: RuntimeOptions = {}): Runtime {
  const rt = createRuntime(options);
  rt.ui.respondWith({ button: 'OK', text: '' });
  rt.call('setUpWorkbook');
  if (rows.length > 0) {
    rt.setCells('Candidates', 'B2', rows);
    const range = rt.sheet('Candidates').getRange(2, 2, rows.length, rows[0].length);
    rt.call('onEdit', { authMode: 'LIMITED', range, source: rt.spreadsheet });
  }
  rt.ui.dialogs.length = 0;
  rt.resetCounters();
  return rt;
}

function header(rt: Runtime, sheet = 'Candidates'): string[] {
  const width = rt.inspect.sheet(sheet)!.maxColumns;
  return rt.displayed(sheet, `A1:${columnToLetters(width)}1`)[0] as string[];
}

/** A1 of a Candidates cell by header and row. */
function cell(rt: Runtime, headerText: string, row: number): string {
  const index = header(rt).indexOf(headerText);
  if (index < 0) throw new Error(`No column ${headerText}`);
  return `${columnToLetters(index + 1)}${row}`;
}

function lastAlert(rt: Runtime) {
  const alerts = rt.ui.alerts;
  return alerts[alerts.length - 1];
}

function only(rt: Runtime): DocModel {
  const docs = rt.documents.list();
  expect(docs).toHaveLength(1);
  return rt.documents.get(docs[0].id);
}

function paragraphs(doc: DocModel, heading?: string): string[] {
  return doc.blocks.flatMap((b) =>
    b.type === 'paragraph' && (heading === undefined || b.heading === heading) ? [b.text] : [],
  );
}

function tables(doc: DocModel) {
  return doc.blocks.flatMap((b) => (b.type === 'table' ? [b] : []));
}

/** Row index (1-based) of the Templates sheet row with this block and stage. */
function templateRow(rt: Runtime, stage: string, block: string, text?: string): number {
  const values = rt.displayed('Templates', `A1:E${rt.inspect.sheet('Templates')!.maxRows}`) as string[][];
  const index = values.findIndex(
    (r) => r[1] === stage && r[3] === block && (text === undefined || r[4] === text),
  );
  if (index < 0) throw new Error(`No template row ${stage}/${block}`);
  return index + 1;
}

describe('menu', () => {
  test('after setup: Generate interview script ▸ one item per stage, captioned with the stage names; debrief; check', () => {
    const rt = workbook([]);
    rt.call('onOpen', { authMode: 'LIMITED' });
    const items = rt.ui.menuItems();
    expect(items.filter((i) => i.path.includes('Generate interview script'))).toEqual([
      {
        path: 'Scorecard ▸ Generate interview script ▸ Stage 1 · Screening',
        caption: 'Stage 1 · Screening',
        functionName: 'generateScriptStage1',
      },
      {
        path: 'Scorecard ▸ Generate interview script ▸ Stage 2 · Main interview',
        caption: 'Stage 2 · Main interview',
        functionName: 'generateScriptStage2',
      },
      {
        path: 'Scorecard ▸ Generate interview script ▸ Stage 3 · Practical test interview',
        caption: 'Stage 3 · Practical test interview',
        functionName: 'generateScriptStage3',
      },
    ]);
    expect(items.map((i) => i.functionName)).toEqual(
      expect.arrayContaining(['generateDebrief', 'checkTemplates']),
    );
    for (const item of items) expect(rt.hasFunction(item.functionName)).toBe(true);
  });

  test('before setup, and in AuthMode.NONE, there are no document items', () => {
    const rt = createRuntime();
    rt.call('onOpen', { authMode: 'LIMITED' });
    expect(rt.ui.menuItems().some((i) => /Generate|Check templates/.test(i.path))).toBe(false);
    const set = workbook([]);
    set.call('onOpen', { authMode: 'NONE' });
    expect(set.ui.menuItems().some((i) => /Generate|Check templates/.test(i.path))).toBe(false);
  });
});

describe('Generate interview script', () => {
  test('one candidate: a structured Google Doc, literal special characters, link written back into the row', () => {
    const rt = workbook([[SPECIAL_NAME, 'ada@example.com', 'Backend Developer']]);
    rt.select('Candidates', 'B2');
    rt.call('generateScriptStage2');

    const doc = only(rt);
    expect(doc.name).toBe(`Stage 2 · Main interview — ${SPECIAL_NAME} (Backend Developer)`);
    expect(paragraphs(doc, 'TITLE')).toEqual([`Stage 2 · Main interview — ${SPECIAL_NAME}`]);
    expect(doc.blocks[0]).toMatchObject({ type: 'paragraph', heading: 'TITLE' }); // no empty paragraph first
    expect(paragraphs(doc, 'HEADING1')).toEqual([
      'Before you start',
      'Agenda',
      'Questions',
      'Scoring',
      'After the interview',
      'Notes',
    ]);
    expect(paragraphs(doc, 'HEADING2')).toEqual(['Pass rule']);
    expect(paragraphs(doc).join('\n')).toContain(
      `Interview script for ${SPECIAL_NAME}, who applied for Backend Developer.`,
    );
    // Portrait US Letter (the spreadsheet's locale is en_US) with 0.75-inch margins.
    expect(doc.page).toEqual({
      width: 612,
      height: 792,
      marginTop: 54,
      marginBottom: 54,
      marginLeft: 54,
      marginRight: 54,
    });
    const text = 612 - 2 * 54;

    const [details, agenda, questions, anchors, scoring, notes] = tables(doc);
    expect(details.rows[0].map((c) => c.text)).toEqual(['Candidate', 'Role', 'Stage', 'Planned time']);
    expect(details.rows[1].map((c) => c.text)).toEqual([
      `${SPECIAL_NAME} <ada@example.com>`,
      'Backend Developer',
      'Stage 2 · Main interview',
      '45–75 min',
    ]);
    expect(details.rows[0][0].bold).toEqual([{ start: 0, end: 'Candidate'.length - 1 }]);
    expect(details.backgrounds.map((r) => r[0])).toEqual(['#efefef', null, '#efefef', null]);
    const link = details.rows[3][3];
    expect(link.links).toEqual([{ start: 0, end: link.text.length - 1, url: rt.spreadsheet.getUrl() }]);
    // Every table fits the page: its columns add up to the text width at most.
    for (const t of tables(doc)) {
      const widths = t.columnWidths.filter((w): w is number => w !== null);
      if (widths.length > 0) expect(widths.reduce((a, b) => a + b, 0)).toBeLessThanOrEqual(text + 0.5);
      expect(t.rows[0].length).toBeLessThanOrEqual(4);
    }
    // Agenda with minutes, and the fit check.
    expect(agenda.rows[0].map((c) => c.text)).toEqual(['Minutes', 'Block', 'What happens']);
    expect(agenda.rows.slice(1).map((r) => r[0].text)).toEqual(['5', '20–30', '10–15', '5–10', '10']);
    expect(paragraphs(doc)).toContain('Planned: 45–75 min; agenda adds up to 50–70 min');
    // Each question in a shaded row, with room under it matching its minutes.
    expect(questions.rows[0][0].text).toMatch(/^Scenario A — scenario, about 10–15 min\n/);
    expect(questions.rows[0][0].bold).toEqual([{ start: 0, end: 'Scenario A'.length - 1 }]);
    expect(questions.backgrounds[0]).toEqual(['#efefef']);
    expect(questions.backgrounds[1]).toEqual([null]);
    expect(questions.rows[1][0].text.split('\n')).toHaveLength(12);
    const goal = questions.rows.findIndex((r) => r[0].text.startsWith('Past work: goal'));
    expect(questions.rows[goal][0].text).toMatch(/about 3–4 min/);
    expect(questions.rows[goal + 1][0].text.split('\n')).toHaveLength(3);
    // What the scores mean, in their own table; the scoring table has room for a score and notes.
    expect(anchors.rows[0].map((c) => c.text)).toEqual(['Category', 'What each score means']);
    const depthAnchors = anchors.rows.find((r) => r[0].text.startsWith('Role-specific technical depth'))!;
    expect(depthAnchors[0].bold).toEqual([
      { start: 0, end: 'Role-specific technical depth'.length - 1 },
      {
        start: 'Role-specific technical depth\n'.length,
        end: 'Role-specific technical depth\nKEY RISK'.length - 1,
      },
    ]);
    expect(depthAnchors[1].text.split('\n')).toHaveLength(5);
    expect(scoring.rows[0].map((c) => c.text)).toEqual(['Category', 'Score (1–5)', 'Notes and evidence']);
    expect(scoring.backgrounds[0]).toEqual(['#efefef', '#efefef', '#efefef']);
    expect(scoring.columnWidths).toEqual([151.2, 85.7, 267.1]);
    const depth = scoring.rows.find((r) => r[0].text.startsWith('Role-specific technical depth'))!;
    expect(depth[0].text).toBe('Role-specific technical depth\nKEY RISK — needs at least 4.0');
    expect([depth[1].text, depth[2].text]).toEqual(['', '\n\n\n']);
    expect(scoring.rows).toHaveLength(6);
    expect(notes.rows).toEqual([[{ text: '\n'.repeat(11), bold: [], links: [] }]]);
    // Pass rule in words and the decision procedure.
    expect(paragraphs(doc)).toContain(
      'Passes when the average is at least 4.0, no category is below 3.0 and every key-risk category is at least 4.0.',
    );
    expect(paragraphs(doc)).toEqual(expect.arrayContaining(['Who decides: Hiring manager']));
    const list = doc.blocks.filter((b) => b.type === 'listItem');
    expect(list.length).toBeGreaterThan(3);

    // The link is a plain value in the row's "Main interview script" cell, never a formula.
    const a1 = cell(rt, 'Main interview script', 2);
    expect(rt.displayed('Candidates', a1)).toBe(doc.url);
    expect(rt.formulaOf('Candidates', a1)).toBe('');
    expect(lastAlert(rt)).toMatchObject({ title: 'Interview scripts ready' });
    expect(lastAlert(rt).message).toContain('Created 1 Main interview script.');

    // The preview's HTML escapes the text.
    const html = rt.documents.html(doc.id);
    expect(html).toContain(
      '<h1>Stage 2 · Main interview — Ada $1 \\ (Lovelace)* $&amp; {{candidate.name}}</h1>',
    );
    expect(html).toContain('<strong>KEY RISK</strong>');
    expect(html).not.toMatch(/<(?!\/?(h1|h2|h3|p|table|colgroup|col|tr|td|strong|a|ul|li|br)\b)/);
  });

  test('a spreadsheet whose locale prints on A4 gets A4 scripts', () => {
    const rt = workbook(candidateRows(1));
    rt.spreadsheet.setSpreadsheetLocale('de_DE');
    rt.select('Candidates', 'B2');
    rt.call('generateScriptStage1');
    expect(only(rt).page).toMatchObject({ width: 595.28, height: 841.89 });
  });

  test('generating again asks: No keeps, Yes replaces in place, Cancel stops — never a silent duplicate', () => {
    const rt = workbook(candidateRows(2));
    rt.select('Candidates', 'A2:A3');
    rt.call('generateScriptStage1');
    const first = rt.documents.list();
    expect(first).toHaveLength(2);
    const links = rt.displayed(
      'Candidates',
      `${cell(rt, 'Screening script', 2)}:${cell(rt, 'Screening script', 3)}`,
    );

    rt.ui.respondWith('NO');
    rt.call('generateScriptStage1');
    const question = lastAlert(rt);
    expect(question).toMatchObject({ buttons: 'YES_NO_CANCEL', button: 'NO' });
    expect(question.message).toContain('2 of the 2 selected candidates already have a Screening script');
    expect(rt.documents.list()).toEqual(first);
    expect(rt.ui.toasts[rt.ui.toasts.length - 1].message).toContain('Nothing to create');

    rt.ui.respondWith('CANCEL');
    rt.call('generateScriptStage1');
    expect(rt.documents.list()).toEqual(first);

    // A template edit changes the next document.
    const row = templateRow(rt, 'screening', 'heading', 'Agenda');
    rt.setCells('Templates', `E${row}`, [['Timetable for {{candidate.name}}']]);
    rt.ui.respondWith('YES');
    rt.call('generateScriptStage1');
    expect(rt.documents.list().map((d) => d.id)).toEqual(first.map((d) => d.id)); // same documents, same links
    expect(paragraphs(rt.documents.get(first[0].id), 'HEADING1')).toContain('Timetable for Candidate 1');
    expect(
      rt.displayed('Candidates', `${cell(rt, 'Screening script', 2)}:${cell(rt, 'Screening script', 3)}`),
    ).toEqual(links);
    expect(lastAlert(rt).message).toContain('Replaced 2 Screening scripts (same links).');
  });

  test('Yes when the earlier document is gone: a new one is made and linked', () => {
    const rt = workbook(candidateRows(1));
    rt.select('Candidates', 'B2');
    rt.call('generateScriptStage1');
    const [old] = rt.documents.list();
    rt.documents.delete(old.id);
    rt.ui.respondWith('YES');
    rt.call('generateScriptStage1');
    const [fresh] = rt.documents.list();
    expect(fresh.id).not.toBe(old.id);
    expect(rt.displayed('Candidates', cell(rt, 'Screening script', 2))).toBe(fresh.url);
  });

  test('several ranges: one document per selected candidate, links only in their rows (one write)', () => {
    const rt = workbook(candidateRows(5));
    rt.setCells('Candidates', cell(rt, 'Main interview script', 4), [['my own note']]);
    rt.select('Candidates', ['B2', 'C5:D6']);
    rt.resetCounters();
    rt.call('generateScriptStage2');
    expect(rt.documents.list().map((d) => d.name)).toEqual([
      'Stage 2 · Main interview — Candidate 1 (Backend Developer)',
      'Stage 2 · Main interview — Candidate 4 (Backend Developer)',
      'Stage 2 · Main interview — Candidate 5 (Backend Developer)',
    ]);
    const column = (r: number) => rt.displayed('Candidates', cell(rt, 'Main interview script', r));
    expect(column(2)).toMatch(/^https:\/\/docs\.google\.com\/document\/d\//);
    expect(column(3)).toBe('');
    expect(column(4)).toBe('my own note');
    expect(column(5)).toMatch(/^https:/);
    expect(column(6)).toMatch(/^https:/);
    expect(rt.counters.get('Range.setValues')).toBe(1);
  });

  test('a selection on a scorecard sheet identifies the candidate by its ID column', () => {
    const rt = workbook(candidateRows(3));
    const ids = rt.displayed('S2 Main interview', 'A3:B5');
    expect(ids[1]).toEqual(['C-0002', 'Candidate 2']);
    rt.select('S2 Main interview', 'C4');
    rt.call('generateScriptStage2');
    expect(only(rt).name).toBe('Stage 2 · Main interview — Candidate 2 (Backend Developer)');
    expect(rt.displayed('Candidates', cell(rt, 'Main interview script', 3))).toBe(only(rt).url);
  });

  test('call counts: sheet reads and writes are the same for 1 and 25 candidates; Docs calls per document constant', () => {
    const measure = (n: number) => {
      const rt = workbook(candidateRows(n));
      rt.select('Candidates', `A2:A${n + 1}`);
      rt.resetCounters();
      rt.call('generateScriptStage2');
      expect(rt.documents.list()).toHaveLength(n);
      return {
        reads: rt.sheetReads(),
        writes: rt.sheetWrites(),
        docCalls: rt.documents.calls() / n,
        driveCalls: rt.drive.calls(),
        counters: rt.counters.toObject(),
      };
    };
    const one = measure(1);
    const many = measure(25);
    expect(many.reads).toBe(one.reads);
    expect(many.writes).toBe(one.writes);
    expect(one.reads).toBe(3); // Templates once, Candidates once, Candidates again just before the link write
    expect(one.writes).toBe(1); // the links, one setValues
    expect(many.docCalls).toBe(one.docCalls);
    // One DocumentApp call per paragraph, list item or whole table, plus one Docs API read and one batchUpdate
    // for every style: 44 for the default Stage 2 script (175 before styles went into one batchUpdate).
    expect(one.docCalls).toBe(44);
    expect(one.counters['Docs.Documents.batchUpdate']).toBe(1);
    expect(many.counters['Docs.Documents.batchUpdate']).toBe(25);
    expect(many.counters['Text.setBold']).toBeUndefined();
    expect(one.counters['DocumentApp.create']).toBe(1);
    expect(many.counters['DocumentApp.create']).toBe(25);
    expect(many.counters['Body.replaceText']).toBeUndefined();
    // Drive: the folder made once, where new documents are read once, then one move per document.
    expect(one.driveCalls).toBe(3);
    expect(many.driveCalls).toBe(27);
    expect(many.counters['Drive.Files.update']).toBe(25);
  });
});

describe('Docs calls per document', () => {
  test('every stage script of every built-in process takes at most 60 Docs calls, whatever its formatting', () => {
    const worst: Record<string, number> = {};
    for (const presetId of [
      'backend-developer',
      'five-stage-backend',
      'paid-take-home',
      'screening-focused',
      'culture-partner',
    ]) {
      const rt = createRuntime();
      rt.ui.respondWith({ button: 'OK', text: presetId });
      rt.call('setUpWorkbook');
      rt.setCells('Candidates', 'B2', [['Ada Lovelace', 'ada@example.com', 'Backend Developer']]);
      rt.call('onEdit', {
        authMode: 'LIMITED',
        range: rt.range('Candidates', 'B2:D2'),
        source: rt.spreadsheet,
      });
      rt.call('onOpen', { authMode: 'LIMITED' });
      const stages = rt.ui.menuItems().filter((i) => i.path.includes('Generate interview script ▸')).length;
      for (let n = 1; n <= stages; n++) {
        rt.select('Candidates', 'B2');
        rt.resetCounters();
        rt.call(`generateScriptStage${n}`);
        expect(lastAlert(rt).title).toBe('Interview scripts ready');
        worst[`${presetId} ${n}`] = rt.documents.calls();
      }
    }
    expect(Object.keys(worst)).toHaveLength(23);
    for (const [stage, calls] of Object.entries(worst)) expect([stage, calls <= 60]).toEqual([stage, true]);
  });
});

describe('the workbook folder in Drive (Advanced Drive service, drive.file scope)', () => {
  // Each user's folder, in their own user properties, per spreadsheet.
  const folderOf = (rt: Runtime, user = 'manager@example.com') =>
    rt.properties.users.get(user)?.get(`scorecard.documentsFolder.${rt.inspect.spreadsheet().id}`);
  const folderName = (rt: Runtime) => `Scorecard documents — ${rt.spreadsheet.getName()}`;

  test('the first batch makes the folder and moves each new document into it; the next batch reuses it', () => {
    const rt = workbook(candidateRows(2));
    rt.select('Candidates', 'A2:A3');
    rt.call('generateScriptStage1');

    const folders = rt.drive.folders();
    expect(folders).toEqual([
      {
        id: expect.any(String),
        name: folderName(rt),
        parents: [MY_DRIVE_ROOT_ID],
        trashed: false,
        owner: 'manager@example.com',
      },
    ]);
    const [folder] = folders;
    expect(folderOf(rt)).toBe(folder.id);
    expect(rt.documents.list().map((d) => [d.folderId, d.folderName])).toEqual([
      [folder.id, folderName(rt)],
      [folder.id, folderName(rt)],
    ]);
    expect(lastAlert(rt).message).toContain(
      `New documents are in a new Drive folder in My Drive: "${folderName(rt)}" (https://drive.google.com/drive/folders/${folder.id}).`,
    );
    expect(rt.counters.get('Drive.Files.create')).toBe(1);
    expect(rt.counters.get('Drive.Files.update')).toBe(2);

    rt.resetCounters();
    rt.call('generateScriptStage2');
    expect(rt.drive.folders()).toHaveLength(1);
    expect(rt.documents.list()).toHaveLength(4);
    expect(rt.documents.list().every((d) => d.folderId === folder.id)).toBe(true);
    expect(lastAlert(rt).message).toContain(`New documents are in the Drive folder "${folderName(rt)}"`);
    expect(rt.counters.get('Drive.Files.create')).toBe(0);
    expect(rt.counters.get('Drive.Files.get')).toBe(2); // the folder still there; where new documents start
    expect(rt.counters.get('Drive.Files.update')).toBe(2);

    // Replacing in place leaves the documents where they are and needs no Drive call.
    rt.resetCounters();
    rt.ui.respondWith('YES');
    rt.call('generateScriptStage2');
    expect(rt.drive.calls()).toBe(0);
    expect(lastAlert(rt).message).not.toContain('Drive folder');
  });

  test.each([
    ['trashed', (rt: Runtime, id: string) => rt.drive.trash(id)],
    ['deleted for good', (rt: Runtime, id: string) => rt.drive.remove(id)],
  ])('a folder %s is replaced by a new one, and the message says so', (_, lose) => {
    const rt = workbook(candidateRows(2));
    rt.select('Candidates', 'B2');
    rt.call('generateScriptStage1');
    const [old] = rt.drive.folders();
    lose(rt, old.id);

    rt.select('Candidates', 'B3');
    rt.call('generateScriptStage1');
    const fresh = rt.drive.folders().find((f) => f.id !== old.id && !f.trashed)!;
    expect(fresh).toMatchObject({ name: folderName(rt), trashed: false });
    expect(folderOf(rt)).toBe(fresh.id);
    const [, second] = rt.documents.list();
    expect(second).toMatchObject({ name: expect.stringContaining('Candidate 2'), folderId: fresh.id });
    const message = lastAlert(rt).message;
    expect(message).toContain(
      `The earlier Scorecard documents folder was deleted or is in the trash, so a new one was made in My Drive: "${folderName(rt)}" (https://drive.google.com/drive/folders/${fresh.id}).`,
    );
    expect(message).toContain('Created 1 Screening script.');
  });

  test('without the Drive service the documents are still made, in My Drive, and the message says so once', () => {
    const rt = workbook(candidateRows(3), { drive: false });
    expect(rt.execute((scope) => typeof scope.Drive)).toBe('undefined');
    expect(() => rt.execute((scope) => vm.runInContext('Drive', scope))).toThrow(/Drive is not defined/);
    rt.select('Candidates', 'A2:A4');
    rt.call('generateScriptStage1');
    const docs = rt.documents.list();
    expect(docs).toHaveLength(3);
    expect(docs.every((d) => d.folderId === MY_DRIVE_ROOT_ID && d.folderName === 'My Drive')).toBe(true);
    const alert = lastAlert(rt);
    expect(alert.title).toBe('Interview scripts ready');
    const notes = alert.message.split('\n').filter((l) => l.includes('My Drive'));
    expect(notes).toEqual([
      '3 new documents are in your My Drive, not in a Scorecard documents folder: the Drive advanced service is not enabled for this script (see the README, "Interview documents").',
    ]);
    expect(rt.displayed('Candidates', cell(rt, 'Screening script', 4))).toBe(docs[2].url);
    expect(folderOf(rt)).toBeUndefined();
  });

  test('when Drive refuses, the batch still finishes: documents stay in My Drive and Drive is not asked again', () => {
    const rt = workbook(candidateRows(3));
    const files = rt.drive.service.Files;
    files.create = () => {
      throw rt.scriptError(
        'GoogleJsonResponseException: API call to drive.files.create failed with error: Access Not Configured. Drive API has not been used in project 123.',
      );
    };
    rt.select('Candidates', 'A2:A4');
    rt.call('generateScriptStage1');
    expect(rt.documents.list().map((d) => d.folderName)).toEqual(['My Drive', 'My Drive', 'My Drive']);
    const alert = lastAlert(rt);
    expect(alert.title).toBe('Interview scripts ready');
    expect(alert.message).toContain(
      "3 new documents are in your My Drive, not in the workbook's Scorecard documents folder: Drive refused the move (API call to drive.files.create failed with error: Access Not Configured.",
    );
    expect(rt.counters.get('Drive.Files.get')).toBe(0);
  });
});

describe('bad input creates nothing and says why', () => {
  test('broken templates: every problem with its cell; Check templates lists the same', () => {
    const rt = workbook(candidateRows(1));
    const heading = templateRow(rt, 'main-interview', 'heading', 'Agenda');
    const title = templateRow(rt, 'main-interview', 'title');
    rt.setCells('Templates', `E${heading}`, [['Agenda for {{candidate.nmae}}']]);
    rt.setCells('Templates', `D${title}`, [['banner']]);
    rt.setCells('Templates', `C${title + 1}`, [['soon']]);
    rt.select('Candidates', 'B2');
    rt.call('generateScriptStage2');
    expect(rt.documents.list()).toEqual([]);
    const alert = lastAlert(rt);
    expect(alert.message).toContain('No document was created');
    expect(alert.message).toContain(
      `Templates!E${heading}: Unknown placeholder {{candidate.nmae}}. Known placeholders: candidate.name`,
    );
    expect(alert.message).toContain(`Templates!D${title}: Unknown block "banner"`);
    expect(alert.message).toContain(`Templates!C${title + 1}: Order must be a number (found "soon")`);
    expect(rt.displayed('Candidates', cell(rt, 'Main interview script', 2))).toBe('');

    rt.call('checkTemplates');
    const check = lastAlert(rt);
    expect(check.title).toBe('Templates need fixing');
    expect(check.message).toContain('3 problems found');
    expect(check.message).toContain(`Templates!E${heading}: Unknown placeholder {{candidate.nmae}}`);
  });

  test('Check templates on the shipped templates: all good; a stage without rows is reported', () => {
    const rt = workbook([]);
    rt.call('checkTemplates');
    expect(lastAlert(rt)).toMatchObject({ title: 'Templates look good' });
    const sheetRows = rt.displayed(
      'Templates',
      `A1:E${rt.inspect.sheet('Templates')!.maxRows}`,
    ) as string[][];
    sheetRows.forEach((r, i) => {
      if (r[1] === 'practical-test') rt.setCells('Templates', `A${i + 1}`, [['', '', '', '', '']]);
    });
    rt.call('checkTemplates');
    expect(lastAlert(rt).message).toContain('No rows make the Practical test interview script');
  });

  test('nothing selected, header row, a row without a name, another sheet, a stage the process lacks', () => {
    const rt = workbook(candidateRows(2));
    const cases: [() => void, string][] = [
      [() => rt.select('Candidates', []), 'Nothing is selected.'],
      [() => rt.select('Candidates', 'A1:D1'), 'Only the header row is selected.'],
      [() => rt.select('Candidates', 'A10'), 'The selected rows are empty.'],
      [() => rt.select('Rubric', 'A2'), '"Rubric" is not a candidate list.'],
    ];
    for (const [select, message] of cases) {
      select();
      rt.call('generateScriptStage1');
      expect(lastAlert(rt).message).toContain(message);
    }
    rt.setCells('Candidates', 'C4', [['noname@example.com']]);
    rt.select('Candidates', 'A2:A4');
    rt.call('generateScriptStage1');
    expect(lastAlert(rt).message).toContain('row 4: no name');
    rt.select('Candidates', 'A2');
    rt.call('generateScriptStage5');
    expect(lastAlert(rt).message).toContain("This workbook's process has 3 stages, so there is no stage 5.");
    expect(rt.documents.list()).toEqual([]);
  });

  test('before setup: a message to run Set up workbook', () => {
    const rt = createRuntime();
    rt.call('generateScriptStage1');
    expect(lastAlert(rt).message).toContain('Set up workbook');
    expect(rt.documents.list()).toEqual([]);
  });
});

describe('long batches', () => {
  test('progress toasts; stops before the time limit, reports, and a re-run with No continues without duplicates', () => {
    const rt = workbook(candidateRows(12));
    // Creating a document takes 30 s of the execution's time: 12 of them would take 6 minutes.
    rt.setLatency({ ...DEFAULT_LATENCY, 'DocumentApp.create': 30_000 });
    rt.select('Candidates', 'A2:A13');
    rt.call('generateScriptStage2');
    const made = rt.documents.list().length;
    expect(made).toBeGreaterThan(0);
    expect(made).toBeLessThan(12);
    const alert = lastAlert(rt);
    expect(alert.title).toBe('Interview scripts: not finished');
    expect(alert.message).toContain("Stopped early to stay within Apps Script's 6-minute limit.");
    expect(alert.message).toContain('answer No');
    expect(rt.ui.toasts.map((t) => t.message)).toContain('Creating interview script 1 of 12…');
    // The last toast replaces the progress one (Sheets shows one at a time) and goes away in a few seconds, so
    // "Creating … of 12" does not stay up once the batch is over.
    expect(rt.ui.toasts[rt.ui.toasts.length - 1]).toEqual({
      message: `Done: ${made} of 12 interview scripts.`,
      title: 'Scorecard',
      timeoutSeconds: 3,
    });

    rt.setLatency(DEFAULT_LATENCY);
    rt.ui.respondWith('NO');
    rt.call('generateScriptStage2');
    expect(rt.documents.list()).toHaveLength(12);
    expect(new Set(rt.documents.list().map((d) => d.name)).size).toBe(12);
    const links = rt.displayed(
      'Candidates',
      `${cell(rt, 'Main interview script', 2)}:${cell(rt, 'Main interview script', 13)}`,
    ) as string[][];
    expect(new Set(links.map((r) => r[0])).size).toBe(12);
  });
});

describe('Generate debrief', () => {
  const T = '2026-05-13T10:00:00.000Z';
  function withScores(): Runtime {
    const rt = workbook([[SPECIAL_NAME, 'ada@example.com', 'Backend Developer']]);
    rt.setCells('Candidates', cell(rt, 'Hiring manager', 2), [['manager@example.com']]);
    rt.setCells('Candidates', cell(rt, 'Panel', 2), [['manager@example.com, second@example.com']]);
    const score = (sub: string, who: string, category: string, value: number, note = '') => [
      T,
      sub,
      1,
      'C-0001',
      'main-interview',
      who,
      'score',
      category,
      value,
      note,
    ];
    const categories = [
      'technical-depth',
      'problem-decomposition',
      'working-style-fit',
      'communication-of-judgement',
      'candidate-questions',
    ];
    const a = [5, 4, 4, 4, 4];
    const b = [3, 4, 5, 4, 4];
    rt.setCells('Score log', 'A2', [
      ...categories.map((c, i) =>
        score('sub-aaaaaaaa', 'manager@example.com', c, a[i], i === 0 ? 'Deep on queues =1+1' : ''),
      ),
      [
        T,
        'sub-aaaaaaaa',
        1,
        'C-0001',
        'main-interview',
        'manager@example.com',
        'recommendation',
        '',
        '',
        'yes: solid',
      ],
      ...categories.map((c, i) => score('sub-bbbbbbbb', 'second@example.com', c, b[i])),
      [
        T,
        'sub-bbbbbbbb',
        1,
        'C-0001',
        'main-interview',
        'second@example.com',
        'recommendation',
        '',
        '',
        'no',
      ],
      ...categories.map((c) => [
        T,
        'dec-cccccccc',
        1,
        'C-0001',
        'main-interview',
        'manager@example.com',
        'reconciled',
        c,
        4,
        '',
      ]),
      [
        T,
        'dec-cccccccc',
        1,
        'C-0001',
        'main-interview',
        'manager@example.com',
        'decision',
        '',
        '',
        'hold: wait for references',
      ],
      [
        T,
        'veto-dddddddd',
        1,
        'C-0001',
        'main-interview',
        'second@example.com',
        'veto',
        'culture-fit',
        '',
        'dismissive in pairing',
      ],
    ]);
    // Rows typed in here are not signed: have set-up sign them as it does for a workbook made before signing.
    signTypedLog(rt);
    return rt;
  }

  test('all scorecards side by side, divergent categories, reconciled scores, decision with reasons, veto', () => {
    const rt = withScores();
    rt.select('Candidates', 'B2');
    rt.ui.respondWith({ button: 'OK', text: '2' });
    rt.call('generateDebrief');
    const doc = only(rt);
    expect(doc.name).toBe(`Debrief · Stage 2 · Main interview — ${SPECIAL_NAME}`);
    const text = rt.documents.text(doc.id);
    expect(text).toContain('| Category | Key risk | manager@example.com | second@example.com |');
    expect(text).toContain('| Role-specific technical depth (differs) | KEY RISK | 5 | 3 |');
    expect(text).toContain('| Recommendation |  | Yes: solid | No |');
    expect(text).toContain('| Submitted |  | 2026-05-13 10:00 | 2026-05-13 10:00 |');
    expect(text).toContain('manager@example.com on Role-specific technical depth: Deep on queues =1+1');
    expect(text).toContain(
      'Role-specific technical depth (KEY RISK) — manager@example.com 5, second@example.com 3',
    );
    expect(text).toContain('| Role-specific technical depth | KEY RISK | 4 |');
    expect(text).toContain('Pass rule: Passes the rule.');
    expect(text).toContain('Decision: Hold');
    expect(text).toContain('Reasons: wait for references');
    expect(text).toContain('VETO by second@example.com: dismissive in pairing');
    expect(lastAlert(rt).message).toContain(doc.url);

    // Again: the same question as for scripts; Yes rewrites the same document.
    rt.ui.respondWith({ button: 'OK', text: '2' }, 'YES');
    rt.call('generateDebrief');
    expect(rt.documents.list()).toHaveLength(1);
    expect(lastAlert(rt).message).toContain('Replaced 1 debrief');
    rt.ui.respondWith({ button: 'OK', text: '2' }, 'NO');
    rt.call('generateDebrief');
    expect(rt.documents.list()).toHaveLength(1);
  });

  test('a veto without a decision yet is still shown', () => {
    const rt = withScores();
    const rows = rt.displayed('Score log', 'G1:G20') as string[][];
    rows.forEach((r, i) => {
      if (r[0] === 'decision' || r[0] === 'reconciled')
        rt.setCells('Score log', `A${i + 1}`, [['', '', '', '', '', '', '', '', '', '']]);
    });
    rt.select('Candidates', 'B2');
    rt.ui.respondWith({ button: 'OK', text: 'Main interview' });
    rt.call('generateDebrief');
    const text = rt.documents.text(only(rt).id);
    expect(text).toContain('No decision has been recorded yet.');
    expect(text).toContain('VETO by second@example.com: dismissive in pairing');
  });

  test('a withdrawn veto is shown as withdrawn, with why, and no longer as a standing VETO', () => {
    const rt = withScores();
    const next = (rt.displayed('Score log', 'A1:A40') as string[][]).findIndex((r) => r[0] === '') + 1;
    rt.setCells('Score log', `A${next}`, [
      [
        '2026-05-13T11:00:00.000Z',
        'withdraw-eeeeeeee',
        2,
        'C-0001',
        'main-interview',
        'second@example.com',
        'veto-withdrawn',
        'culture-fit',
        '',
        'the pairing partner was the rude one',
      ],
    ]);
    signTypedLog(rt);
    rt.select('Candidates', 'B2');
    rt.ui.respondWith({ button: 'OK', text: '2' });
    rt.call('generateDebrief');
    const text = rt.documents.text(only(rt).id);
    expect(text).toContain(
      'Withdrawn veto by second@example.com: dismissive in pairing — withdrawn because: the pairing partner was the rude one',
    );
    expect(text).not.toContain('VETO by');
    expect(text).not.toContain('none raised');
  });

  test('someone who has not scored and is not the hiring manager cannot see the scores: nothing is created', () => {
    const rt = withScores();
    rt.setActiveUser('outsider@example.com');
    rt.select('Candidates', 'B2');
    rt.ui.respondWith({ button: 'OK', text: '2' });
    rt.call('generateDebrief');
    expect(rt.documents.list()).toEqual([]);
    const name = rt.displayed('Candidates', 'B2');
    // The candidate is the one item of the list; what to do is a plain sentence after it, not a bullet.
    expect(lastAlert(rt).message).toBe(
      "Nothing was created: a debrief shows every interviewer's scores, and you cannot see them yet for:\n\n" +
        `• ${name} (Main interview)\n\n` +
        "Submit your own scorecard for that stage first, or ask the candidate's hiring manager to generate the debrief.",
    );
  });
  describe('from the panel view (sidebar call generateDebriefDocument)', () => {
    /** As google.script.run calls it (through JSON), the response checked against its contract schema. */
    const fromSidebar = (rt: Runtime, user: string, payload: unknown) =>
      sidebarCall(rt, user, 'generateDebriefDocument', payload);
    const request = { candidateId: 'C-0001', stageId: 'main-interview' };

    test('someone who has not scored and is not the hiring manager is refused; nothing is created', () => {
      const rt = withScores();
      expect(() => fromSidebar(rt, 'outsider@example.com', request)).toThrow(
        /you cannot see them yet[\s\S]*Submit your own scorecard for that stage first/,
      );
      expect(rt.documents.list()).toEqual([]);
      expect(rt.drive.folders()).toEqual([]);
    });

    test('the hiring manager gets the same debrief as from the menu, with its link; a second call replaces it', () => {
      const rt = withScores();
      const first = fromSidebar(rt, 'manager@example.com', request);
      const doc = only(rt);
      const [folder] = rt.drive.folders();
      expect(first).toEqual({
        url: doc.url,
        name: `Debrief · Stage 2 · Main interview — ${SPECIAL_NAME}`,
        replaced: false,
        note: `New documents are in a new Drive folder in My Drive: "${folder.name}" (https://drive.google.com/drive/folders/${folder.id}).`,
      });
      expect(rt.documents.list()[0].folderId).toBe(folder.id);
      const text = rt.documents.text(doc.id);
      expect(text).toContain('| Category | Key risk | manager@example.com | second@example.com |');
      expect(text).toContain('| Role-specific technical depth (differs) | KEY RISK | 5 | 3 |');
      expect(text).toContain('| Role-specific technical depth | KEY RISK | 4 |');
      expect(text).toContain('Decision: Hold');
      expect(text).toContain('Reasons: wait for references');
      expect(text).toContain('VETO by second@example.com: dismissive in pairing');
      // No dialog from a sidebar call (the one before it is set-up's, signing the rows this test typed in).
      expect(rt.ui.alerts.filter((a) => a.title !== 'Scorecard repaired the workbook')).toEqual([]);

      // A template edit, then again: the same document, rewritten in place.
      const row = templateRow(rt, 'debrief', 'heading', 'Decision');
      rt.setCells('Templates', `E${row}`, [['Outcome for {{candidate.name}}']]);
      const second = fromSidebar(rt, 'manager@example.com', request);
      expect(second).toEqual({ url: first.url, name: first.name, replaced: true, note: '' });
      expect(rt.documents.list()).toHaveLength(1);
      expect(rt.documents.text(doc.id)).toContain(`# Outcome for ${SPECIAL_NAME}`);

      // The menu knows about it too: No keeps it, nothing new is made.
      rt.select('Candidates', 'B2');
      rt.ui.respondWith({ button: 'OK', text: '2' }, 'NO');
      rt.call('generateDebrief');
      expect(lastAlert(rt).message).toContain('already has a debrief for that stage');
      expect(rt.documents.list()).toHaveLength(1);
    });

    test('the second interviewer, having submitted, may create it; a deleted debrief is made again', () => {
      const rt = withScores();
      const first = fromSidebar(rt, 'second@example.com', request);
      rt.documents.delete(only(rt).id);
      const again = fromSidebar(rt, 'SECOND@example.com', request);
      expect(again.replaced).toBe(false);
      expect(again.url).not.toBe(first.url);
      expect(only(rt).url).toBe(again.url);
    });

    test('bad payloads and unknown candidates or stages are refused with a specific message', () => {
      const rt = withScores();
      expect(() => fromSidebar(rt, 'manager@example.com', { ...request, stage: 'x' })).toThrow(
        'unknown field "stage"',
      );
      expect(() => fromSidebar(rt, 'manager@example.com', { stageId: 'main-interview' })).toThrow(
        'candidateId is required',
      );
      expect(() => fromSidebar(rt, 'manager@example.com', { ...request, candidateId: 'C-9999' })).toThrow(
        'There is no candidate with the ID "C-9999" on the Candidates sheet.',
      );
      expect(() => fromSidebar(rt, 'manager@example.com', { ...request, stageId: 'final' })).toThrow(
        /Unknown stage "final"/,
      );
      expect(rt.documents.list()).toEqual([]);
    });
  });
});

/** Signs Score log rows a test typed in, the way set-up signs the records of a workbook made before signing. */
function signTypedLog(rt: Runtime): void {
  rt.execute(({ PropertiesService }) => {
    const store = PropertiesService.getDocumentProperties();
    store.deleteProperty('scorecard.signingKey');
    store.deleteProperty('scorecard.recordsDigest');
  });
  rt.call('setUpWorkbook');
}
