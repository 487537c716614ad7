/**
 * `npm run bench`: the figures the issues ask for, printed, not asserted (timings vary by machine; the call
 * counts they rest on are pinned by tests). Run after `npm run build`.
 */
import { readFileSync, rmSync, statSync } from 'node:fs';
import { join } from 'node:path';
import { performance } from 'node:perf_hooks';
import { Script, createContext } from 'node:vm';
import { MAX_STORE_BYTES, cellA1, createRuntime } from '../runtime';
import { candidateRows, freshDefaultWorkbook, typeCandidates } from './workbooks';
import type { Runtime } from '../runtime';
import type { Frame } from 'playwright-core';
import { startPreview } from '../preview/server';
import { CHROME, hasChromium, launch } from './chromium';

const root = join(__dirname, '..', '..', '..');
const codePath = join(root, 'build', 'Code.js');

function median(values: number[]): number {
  const sorted = [...values].sort((a, b) => a - b);
  const mid = Math.floor(sorted.length / 2);
  return sorted.length % 2 ? sorted[mid] : (sorted[mid - 1] + sorted[mid]) / 2;
}

function time(runs: number, fn: () => unknown): number {
  const samples: number[] = [];
  for (let i = 0; i < runs; i++) {
    const start = performance.now();
    fn();
    samples.push(performance.now() - start);
  }
  return median(samples);
}

function row(label: string, value: string, target = ''): void {
  console.log(`  ${label.padEnd(52)} ${value.padStart(14)}  ${target}`);
}

function loadBundle(code: string): Record<string, any> {
  const context = createContext({});
  new Script(code, { filename: 'Code.js' }).runInContext(context);
  return context as Record<string, any>;
}

/**
 * The baselines: the same rule and the same mean as the simplest possible loops, returning the same n×1 column.
 * They run in the bundle's own vm context, so both sides pay the same price for the realm.
 */
const BASELINES = `
function bareLoop(block) {
  const out = [];
  for (const r of block) {
    let sum = 0;
    let ok = true;
    for (let i = 0; i < r.length; i++) {
      sum += r[i];
      if (r[i] < 3 || (i === 0 && r[i] < 4)) ok = false;
    }
    out.push([ok && sum / r.length >= 4]);
  }
  return out;
}
function bareAverage(block) {
  return block.map((r) => [r.reduce((a, b) => a + b, 0) / r.length]);
}
/**
 * The coincidence sums of interval alpha as the plainest loop can compute them, for whole scores 1 to 5 with ""
 * for a blank: every ordered pair of a unit's values adds (a − b)² / (m − 1), i.e. Σ o_ck δ²_ck, and the
 * marginals n_c give Σ n_c n_k δ²_ck. Nothing is checked.
 */
function bareAgreement(block) {
  const counts = [0, 0, 0, 0, 0, 0];
  let observed = 0;
  let units = 0;
  for (const r of block) {
    let m = 0;
    for (let i = 0; i < r.length; i++) if (r[i] !== '') m++;
    if (m < 2) continue;
    units++;
    for (let i = 0; i < r.length; i++) {
      const a = r[i];
      if (a === '') continue;
      counts[a]++;
      for (let j = 0; j < r.length; j++) {
        const b = r[j];
        if (j !== i && b !== '') observed += ((a - b) * (a - b)) / (m - 1);
      }
    }
  }
  let n = 0;
  let expected = 0;
  for (let c = 1; c <= 5; c++) n += counts[c];
  for (let c = 1; c <= 5; c++) for (let k = 1; k <= 5; k++) expected += counts[c] * counts[k] * (c - k) * (c - k);
  return units < 2 || expected === 0 ? '' : 1 - ((n - 1) * observed) / expected;
}
/** 1,000 candidates × 4 interviewers: whole scores, about one cell in eight blank. */
function makeRatings(rows) {
  return Array.from({ length: rows }, (_, i) =>
    Array.from({ length: 4 }, (_, j) => ((i * 5 + j * 3) % 8 === 0 ? '' : 1 + ((i * 7 + j * (1 + (i % 3))) % 5))),
  );
}
function makeBlock(rows) {
  return Array.from({ length: rows }, (_, i) => Array.from({ length: 8 }, (_, j) => 1 + ((i * 7 + j * 3) % 9) / 2));
}
`;

function customFunctions(): void {
  const code = readFileSync(codePath, 'utf8');
  const global = loadBundle(code + BASELINES);
  // Arguments are made inside the context, as Apps Script makes them in the script's own realm.
  const block = global.makeBlock(10_000);
  const keyRisk = new Script('[[true, false, false, false, false, false, false, false]]').runInContext(
    global,
  );
  const bareLoop = global.bareLoop;
  const bareAverage = global.bareAverage;
  const runs = 15;
  for (const fn of [
    () => global.PASSES(block, keyRisk),
    () => global.RUBRIC_AVERAGE(block),
    () => bareLoop(block),
    () => bareAverage(block),
  ])
    time(5, fn); // warm up
  const passes = time(runs, () => global.PASSES(block, keyRisk));
  const passesBare = time(runs, () => bareLoop(block));
  const average = time(runs, () => global.RUBRIC_AVERAGE(block));
  const averageBare = time(runs, () => bareAverage(block));
  console.log('\nCustom functions on a 10,000 × 8 block (median of 15 runs)');
  row('PASSES', `${passes.toFixed(2)} ms`);
  row('  bare loop, same rule', `${passesBare.toFixed(2)} ms`);
  row('  ratio', `${(passes / passesBare).toFixed(2)}×`, 'target ≤ 5');
  row('RUBRIC_AVERAGE', `${average.toFixed(2)} ms`);
  row('  bare loop, same mean', `${averageBare.toFixed(2)} ms`);
  row('  ratio', `${(average / averageBare).toFixed(2)}×`, 'target ≤ 5');

  const ratings = global.makeRatings(1_000);
  const bareAgreement = global.bareAgreement;
  const alpha = global.AGREEMENT(ratings);
  const bareAlpha = bareAgreement(ratings);
  if (typeof alpha !== 'number' || Math.abs(alpha - bareAlpha) > 1e-9) {
    throw new Error(`AGREEMENT gave ${alpha}, the bare loop ${bareAlpha}: they must agree`);
  }
  for (const fn of [() => global.AGREEMENT(ratings), () => bareAgreement(ratings)]) time(20, fn); // warm up
  const agreementRuns = 51;
  const agreement = time(agreementRuns, () => global.AGREEMENT(ratings));
  const agreementBare = time(agreementRuns, () => bareAgreement(ratings));
  console.log(
    `\nAGREEMENT on 1,000 candidates × 4 interviewers (median of ${agreementRuns} runs, alpha ${alpha.toFixed(3)})`,
  );
  row('AGREEMENT (interval)', `${agreement.toFixed(3)} ms`);
  row('  bare loop, same coincidence sums', `${agreementBare.toFixed(3)} ms`);
  row('  ratio', `${(agreement / agreementBare).toFixed(2)}×`, 'target ≤ 5');
}

function bundle(): void {
  const code = readFileSync(codePath, 'utf8');
  const size = statSync(codePath).size;
  time(3, () => loadBundle(code));
  const load = time(25, () => loadBundle(code));
  console.log('\nPushed bundle');
  row('build/Code.js size', `${(size / 1024).toFixed(1)} KB`, 'target ≤ 240 KB (load ≤ 5 ms)');
  row('load into a fresh vm context (median of 25)', `${load.toFixed(2)} ms`, 'target ≤ 5 ms');
}

interface ActionFigures {
  reads: number;
  writes: number;
  calls: number;
  ms: number;
}

function measure(rt: Runtime, action: () => void): ActionFigures {
  rt.resetCounters();
  const start = performance.now();
  action();
  return {
    reads: rt.sheetReads(),
    writes: rt.sheetWrites(),
    calls: rt.serviceCalls(),
    ms: performance.now() - start,
  };
}

/** Inserts rows at the end of a sheet until it has at least `rows`, as a user would before pasting. */
function growTo(rt: Runtime, sheetName: string, rows: number): void {
  const maxRows = rt.inspect.sheet(sheetName)?.maxRows ?? 0;
  if (maxRows < rows) rt.sheet(sheetName).insertRowsAfter(maxRows, rows - maxRows);
}

/** Score log rows as the sidebar writes them: one per category plus a recommendation, per scorecard. */
function fillScoreLog(rt: Runtime, rows: number, candidates: number): void {
  const categories = ['communication-clarity', 'motivation-fit', 'basic-role-fit', 'recommendation'];
  const values = Array.from({ length: rows }, (_, i) => {
    const candidate = `C-${String((Math.floor(i / 4) % candidates) + 1).padStart(4, '0')}`;
    const kind = i % 4 === 3 ? 'recommendation' : 'score';
    return [
      '2026-11-01T10:00:00.000Z',
      `bench-${Math.floor(i / 4)}`,
      1,
      candidate,
      'screening',
      `interviewer${Math.floor(i / 4) % 7}@example.com`,
      kind,
      kind === 'score' ? categories[i % 4] : '',
      kind === 'score' ? 1 + (i % 5) : '',
      kind === 'score' ? '' : 'yes',
    ];
  });
  growTo(rt, 'Score log', rows + 1);
  rt.setCells('Score log', 'A2', values);
}

function workbookActions(): void {
  console.log(
    '\nWorkbook actions against the in-memory workbook (sheet reads / writes / all service calls, time)',
  );
  console.log(
    `  ${'action'.padEnd(40)} ${'candidates'.padStart(10)} ${'reads'.padStart(6)} ${'writes'.padStart(7)} ${'calls'.padStart(6)} ${'ms'.padStart(9)}`,
  );
  for (const n of [10, 1_000, 10_000]) {
    const rt = freshDefaultWorkbook();
    const rows = candidateRows(n);
    growTo(rt, 'Candidates', n + 1);
    const figures: [string, ActionFigures][] = [];
    figures.push(['type/paste candidates (onEdit IDs)', measure(rt, () => typeCandidates(rt, rows))]);
    figures.push(['Set up workbook (repair run)', measure(rt, () => rt.call('setUpWorkbook'))]);
    figures.push(['Apply rubric changes (no change)', measure(rt, () => rt.call('applyRubricChanges'))]);
    const logRows = n * 5;
    fillScoreLog(rt, logRows, n);
    rt.setActiveUser('alice@example.com');
    rt.select('Candidates', 'B2');
    figures.push([
      `open sidebar (${logRows.toLocaleString('en')} log rows)`,
      measure(rt, () => rt.call('getScoringContext', {})),
    ]);
    const submission = {
      submissionId: 'bench-submission-1',
      candidateId: 'C-0001',
      stageId: 'screening',
      scores: { 'communication-clarity': 4, 'motivation-fit': 4, 'basic-role-fit': 5 },
      notes: {},
      recommendation: 'yes',
      overallNote: '',
    };
    figures.push(['submit a scorecard', measure(rt, () => rt.call('submitScorecard', submission))]);
    rt.setActiveUser('bob@example.com');
    rt.call('submitScorecard', { ...submission, submissionId: 'bench-submission-2' });
    rt.setActiveUser('alice@example.com');
    const panel = { candidateId: 'C-0001', stageId: 'screening' };
    figures.push(['open the panel (first look, recorded)', measure(rt, () => rt.call('getPanel', panel))]);
    figures.push(['open the panel again', measure(rt, () => rt.call('getPanel', panel))]);
    figures.push(['Insights (first build)', measure(rt, () => rt.call('refreshInsights'))]);
    figures.push(['Insights (refresh)', measure(rt, () => rt.call('refreshInsights'))]);
    // The tables' formulas run when the sheet is next read: their time, and no service call from them.
    figures.push([
      'Insights formulas recalculated',
      measure(rt, () => rt.inspect.values('Insights', 'A1:K60')),
    ]);
    for (const [label, f] of figures) {
      console.log(
        `  ${label.padEnd(40)} ${n.toLocaleString('en').padStart(10)} ${String(f.reads).padStart(6)} ${String(f.writes).padStart(7)} ${String(f.calls).padStart(6)} ${f.ms.toFixed(0).padStart(9)}`,
      );
    }
  }
}

/** Kept free of sealed scorecards for the workbook's own state (RESERVED_BYTES in core/scoring/sealed.ts). */
const RESERVED_FOR_STATE = 60 * 1024;

function storeBytes(store: ReadonlyMap<string, string>, prefix = ''): number {
  let n = 0;
  for (const [k, v] of store)
    if (k.startsWith(prefix)) n += Buffer.byteLength(k, 'utf8') + Buffer.byteLength(v, 'utf8');
  return n;
}

/**
 * The sealed store: bytes one pending scorecard takes in the document's properties, and how many fit beside the
 * workbook's own state. The count is checked at its edge: the store is filled with copies up to one short of it,
 * then one more submission is accepted and the next refused as full.
 */
function sealedStore(): void {
  console.log('\nSealed store (pending scorecards in document properties; 9 KB per value, 500 KB per store)');
  const note = (n: number) =>
    'Explained the trade-off between queues and direct calls, with an example. '.repeat(40).slice(0, n);
  const cases: [string, string, string[], number][] = [
    [
      'screening, 3 categories, no notes',
      'screening',
      ['communication-clarity', 'motivation-fit', 'basic-role-fit'],
      0,
    ],
    [
      'screening, 3 categories, 200-character notes',
      'screening',
      ['communication-clarity', 'motivation-fit', 'basic-role-fit'],
      200,
    ],
    [
      'main interview, 5 categories, 500-character notes',
      'main-interview',
      [
        'technical-depth',
        'problem-decomposition',
        'working-style-fit',
        'communication-of-judgement',
        'candidate-questions',
      ],
      500,
    ],
    [
      'screening, every note at its 2,000-character limit',
      'screening',
      ['communication-clarity', 'motivation-fit', 'basic-role-fit'],
      2_000,
    ],
  ];
  let rightsBytes = 0;
  for (const [label, stageId, categories, noteLength] of cases) {
    const rt = freshDefaultWorkbook();
    typeCandidates(rt, candidateRows(2));
    rt.setCells('Candidates', 'G2', [['manager@example.com', 'alice@example.com, bob@example.com']]);
    rt.setActiveUser('alice@example.com');
    // The last two differ in one score (same size): the same form again would be the same submission.
    const submit = (id: string, first = 4) =>
      rt.call('submitScorecard', {
        submissionId: id,
        candidateId: 'C-0001',
        stageId,
        scores: Object.fromEntries(categories.map((c, i) => [c, i === 0 ? first : 4])),
        notes: Object.fromEntries(categories.map((c) => [c, note(noteLength)])),
        recommendation: 'yes',
        overallNote: note(noteLength),
      });
    // The stage's first scorecard also seals its decision-rights record (once per candidate and stage); the
    // figure is a scorecard alone, measured as the bytes the next one adds.
    submit('bench-sealed-first', 3);
    const withRights = storeBytes(rt.properties.document, 'sealed.');
    submit('bench-sealed-00000');
    const perCard = storeBytes(rt.properties.document, 'sealed.') - withRights;
    rightsBytes = withRights - perCard;
    const room = MAX_STORE_BYTES - RESERVED_FOR_STATE - (storeBytes(rt.properties.document) - perCard);
    const fit = Math.floor(room / perCard);
    // Copies of that scorecard's values under other ids, up to one short of the count; then the edge.
    const copied = [...rt.properties.document].filter(([k]) => k.includes('bench-sealed-00000'));
    for (let i = 1; i < fit - 1; i++)
      for (const [k, v] of copied) {
        const id = `bench-sealed-${String(i).padStart(5, '0')}`;
        rt.properties.document.set(
          k.replace('bench-sealed-00000', id),
          v.split('bench-sealed-00000').join(id),
        );
      }
    let accepted = false;
    let refused = false;
    try {
      submit('bench-sealed-last-fits', 5);
      accepted = true;
      submit('bench-sealed-one-too-many', 2);
    } catch (error) {
      refused = accepted && /private store is full/.test(String(error));
    }
    row(
      label,
      `${perCard.toLocaleString('en')} B`,
      `${fit.toLocaleString('en')} pending scorecards fit${accepted && refused ? ' (edge checked)' : ' (EDGE NOT AS COMPUTED)'}`,
    );
  }
  row('decision-rights record (first scorecard of a stage)', `${rightsBytes.toLocaleString('en')} B`, '');
  row('first look at the panel (once per person)', `${panelSeenBytes().toLocaleString('en')} B`, '');
}

/** What one person's first look at the panel adds to the sealed store (core/scoring/seen.ts). */
function panelSeenBytes(): number {
  const rt = freshDefaultWorkbook();
  typeCandidates(rt, candidateRows(2));
  rt.setCells('Candidates', 'G2', [['manager@example.com', 'alice@example.com, bob@example.com']]);
  for (const [i, person] of ['alice@example.com', 'bob@example.com'].entries()) {
    rt.setActiveUser(person);
    rt.call('submitScorecard', {
      submissionId: `bench-seen-${i}`,
      candidateId: 'C-0001',
      stageId: 'screening',
      scores: { 'communication-clarity': 4, 'motivation-fit': 4, 'basic-role-fit': 4 },
      notes: {},
      recommendation: 'yes',
      overallNote: '',
    });
  }
  const before = storeBytes(rt.properties.document, 'sealed.');
  rt.call('getPanel', { candidateId: 'C-0001', stageId: 'screening' });
  return storeBytes(rt.properties.document, 'sealed.') - before;
}

/**
 * The onEdit simple trigger runs on every edit, within 30 seconds: its service calls and simulated time (at the
 * runtime's DEFAULT_LATENCY) for an edit outside Candidates and for a 1,000-row paste into it.
 */
function onEditTrigger(): void {
  console.log('\nonEdit simple trigger (service calls, simulated time at DEFAULT_LATENCY; limit 30 s)');
  const lastRun = (rt: Runtime) => [...rt.executions].reverse().find((e) => e.name === 'onEdit')!;
  const outside = freshDefaultWorkbook();
  typeCandidates(outside, candidateRows(10));
  outside.setCells('S1 Screening', 'C3', [[4]]);
  outside.call('onEdit', {
    authMode: 'LIMITED',
    range: outside.range('S1 Screening', 'C3'),
    source: outside.spreadsheet,
  });
  const edit = lastRun(outside);
  row(
    'an edit outside Candidates (a score)',
    `${edit.calls} calls, ${edit.elapsedMs} ms`,
    'target ≤ 3 calls',
  );
  const paste = freshDefaultWorkbook();
  typeCandidates(paste, candidateRows(1_000));
  const pasted = lastRun(paste);
  row(
    'a 1,000-row paste into Candidates',
    `${pasted.calls} calls, ${pasted.elapsedMs} ms`,
    'pinned: ≤ 64 calls, ≤ 1 s',
  );
}

/** Interview scripts for 100 selected candidates: sheet calls for the batch, Docs calls and time per document. */
function interviewDocuments(): void {
  const n = 100;
  const rt = createRuntime({ buildDir: join(root, 'build') });
  rt.ui.respondWith({ button: 'OK', text: '' });
  rt.call('setUpWorkbook');
  const rows = Array.from({ length: n }, (_, i) => [
    `Candidate ${i + 1}`,
    `c${i + 1}@example.com`,
    'Backend Developer',
  ]);
  rt.setCells('Candidates', 'B2', rows);
  rt.call('onEdit', {
    authMode: 'LIMITED',
    range: rt.range('Candidates', `B2:D${n + 1}`),
    source: rt.spreadsheet,
  });
  rt.select('Candidates', `A2:A${n + 1}`);
  rt.resetCounters();
  const start = performance.now();
  rt.call('generateScriptStage2');
  const ms = performance.now() - start;
  const docs = rt.documents.list().length;
  console.log(`\nGenerate interview script ▸ Stage 2 for ${n} selected candidates (in memory)`);
  row('documents created', String(docs), `= ${n}`);
  row('sheet reads for the batch', String(rt.sheetReads()), 'constant (same for 1 and 25)');
  row('sheet writes for the batch', String(rt.sheetWrites()), 'constant: 1 (the links)');
  row('Docs calls per document', (rt.documents.calls() / docs).toFixed(1), 'target ≤ 60 (was 175)');
  row(
    '  of which Docs API (get + batchUpdate)',
    (rt.docsApi.calls() / docs).toFixed(1),
    'every style in one batchUpdate',
  );
  row('time per document', `${(ms / docs).toFixed(2)} ms`);
}

/**
 * The Score candidate sidebar in the local preview, in Chromium: from running the menu item (the click handler
 * of Extensions ▸ Scorecard ▸ Score candidate) to the form being interactive — the first rating control present,
 * enabled and taking focus. Covers the menu run, the sidebar HTML load, getScoringContext and the render.
 */
async function sidebarInteractive(): Promise<void> {
  const label = 'sidebar open → interactive form (Chromium, median of 7)';
  console.log('\nScore candidate sidebar in the local preview (sample workbook, one candidate selected)');
  if (!hasChromium()) {
    row(label, 'skipped', `no Chromium at ${CHROME}: apt-get install chromium, or set CHROME_PATH`);
    return;
  }
  const { context, dir } = await launch();
  const preview = await startPreview({ root, port: 0, log: () => undefined });
  try {
    const page = context.pages()[0] ?? (await context.newPage());
    await page.goto(preview.url);
    await page.locator('body[data-ready="true"]').waitFor();
    // As an interviewer on the candidate's panel: a hiring manager's sidebar opens on the Panel instead.
    await page.fill('#user-input', 'ben.osei@example.com');
    await page.press('#user-input', 'Enter');
    await page.locator('body[data-user="ben.osei@example.com"]').waitFor();
    await page.click('td[data-a1="B3"]');
    await page.locator('td[data-a1="B3"].current').waitFor();
    const once = async (): Promise<number> => {
      if (await page.locator('#sidebar-host:not([hidden])').count()) {
        await page.click('#sidebar-close');
        await page.locator('#sidebar-host').waitFor({ state: 'hidden' });
      }
      const loaded = page.waitForEvent('framenavigated', {
        predicate: (f: Frame) => /\/panel\/\d+$/.test(f.url()),
      });
      const start = performance.now();
      await page.evaluate(() =>
        document.querySelector<HTMLButtonElement>('button[data-function="showScoringSidebar"]')?.click(),
      );
      const frame = await loaded;
      await frame.waitForFunction(() => {
        const radio = document.querySelector<HTMLInputElement>('#view-score input[type="radio"]');
        if (!radio || radio.disabled) return false;
        radio.focus();
        return document.activeElement === radio;
      });
      return performance.now() - start;
    };
    await once(); // warm up: page bundle, first sidebar HTML
    const samples: number[] = [];
    for (let i = 0; i < 7; i++) samples.push(await once());
    row(
      label,
      `${median(samples).toFixed(0)} ms`,
      `range ${Math.min(...samples).toFixed(0)}–${Math.max(...samples).toFixed(0)} ms`,
    );
  } finally {
    await context.close();
    await preview.close();
    rmSync(dir, { recursive: true, force: true });
  }
}

/**
 * The daily reminder run (issue 12), fired as the trigger does: each candidate interviewed two days ago by two of
 * twenty interviewers, nobody submitted. Sheet calls stay constant; mail calls are one per person due.
 */
function reminderRun(): void {
  console.log(
    '\nDaily reminder run from its trigger (sheet reads / writes, mail calls, simulated s, wall ms)',
  );
  const interviewers = Array.from({ length: 20 }, (_, i) => `interviewer${i}@example.com`);
  for (const n of [10, 1_000]) {
    const rt = freshDefaultWorkbook({ timeZone: 'America/Los_Angeles', now: '2026-12-03T17:00:00Z' });
    growTo(rt, 'Candidates', n + 1);
    typeCandidates(rt, candidateRows(n));
    const headers = rt.inspect.values('Candidates', 'A1:Z1')[0];
    const col = (h: string) => headers.indexOf(h) + 1;
    rt.setCells(
      'Candidates',
      cellA1(2, col('Hiring manager')),
      Array.from({ length: n }, (_, i) => [
        'hm@example.com',
        `${interviewers[i % 20]}, ${interviewers[(i + 7) % 20]}`,
      ]),
    );
    rt.setCells(
      'Candidates',
      cellA1(2, col('Screening scheduled')),
      Array.from({ length: n }, () => [new Date('2026-12-01T18:00:00Z')]),
    );
    rt.mail.setQuota(1_500);
    rt.ui.respondWith({ button: 'OK', text: '8' });
    rt.as('hm@example.com').call('turnOnReminders');
    const [trigger] = rt.triggers.list();
    const start = performance.now();
    const f = measure(rt, () => rt.triggers.fire(trigger.id));
    const wall = performance.now() - start;
    const exec = rt.executions[rt.executions.length - 1];
    const mail = rt.counters.get('MailApp.sendEmail') + rt.counters.get('MailApp.getRemainingDailyQuota');
    row(
      `${n.toLocaleString('en')} candidates, ${rt.mail.sent().length} digests`,
      `${f.reads} / ${f.writes} / ${mail} / ${(exec.elapsedMs / 1000).toFixed(1)} s / ${wall.toFixed(0)} ms`,
      'sheet calls constant; mail = people due + 1',
    );
  }
}

async function main(): Promise<void> {
  console.log('Scorecard benchmark');
  customFunctions();
  bundle();
  workbookActions();
  sealedStore();
  onEditTrigger();
  interviewDocuments();
  reminderRun();
  await sidebarInteractive();
}

main().catch((error) => {
  console.error(error);
  process.exit(1);
});
