/**
 * `npm run bench`: the figures the issues ask for, printed, not asserted (timings vary by machine; the call
 * counts they rest on are pinned by tests). Run after `npm run build`.
 */
import { readFileSync, statSync } from 'node:fs';
import { join } from 'node:path';
import { performance } from 'node:perf_hooks';
import { Script, createContext } from 'node:vm';

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
}

function bundle(): void {
  const code = readFileSync(codePath, 'utf8');
  const size = statSync(codePath).size;
  time(3, () => loadBundle(code));
  const load = time(25, () => loadBundle(code));
  console.log('\nPushed bundle');
  row('build/Code.js size', `${(size / 1024).toFixed(1)} KB`, 'target ≤ 150 KB');
  row('load into a fresh vm context (median of 25)', `${load.toFixed(2)} ms`, 'target ≤ 5 ms');
}

async function main(): Promise<void> {
  console.log('Scorecard benchmark');
  customFunctions();
  bundle();
}

main().catch((error) => {
  console.error(error);
  process.exit(1);
});
