/**
 * The layers of ARCHITECTURE.md hold because the linter and the compiler refuse code that crosses them. These
 * probes are the proof: each is a line someone might write, linted as if it sat in that folder.
 */
import { execFileSync } from 'node:child_process';
import { join } from 'node:path';

const ROOT = join(__dirname, '..');

// ESLint's config is an ES module, which jest's module system cannot load: lint in one Node child process.
const LINT_PROBES = `
import { ESLint } from 'eslint';
const probes = JSON.parse(await new Promise((done) => {
  let text = '';
  process.stdin.on('data', (chunk) => (text += chunk)).on('end', () => done(text));
}));
const eslint = new ESLint({ cwd: process.cwd() });
const out = [];
for (const [filePath, code] of probes) {
  const [result] = await eslint.lintText(code, { filePath });
  out.push(result.messages.map((m) => m.message));
}
process.stdout.write(JSON.stringify(out));
`;

function lintProbes(probes: readonly (readonly [string, string])[]): string[][] {
  const output = execFileSync(process.execPath, ['--input-type=module', '-e', LINT_PROBES], {
    cwd: ROOT,
    input: JSON.stringify(probes.map(([file, code]) => [join(ROOT, file), code])),
    encoding: 'utf8',
  });
  return JSON.parse(output) as string[][];
}

const REFUSED: readonly (readonly [string, string, RegExp])[] = [
  [
    'src/core/probe.ts',
    'export const ui = () => SpreadsheetApp.getUi();',
    /Only src\/main.ts names Apps Script/,
  ],
  [
    'src/sheets/probe.ts',
    'export const me = () => Session.getActiveUser();',
    /Only src\/main.ts names Apps Script/,
  ],
  ['src/core/probe.ts', "export { readScoreLog } from '../sheets/score-log';", /src\/core is pure/],
  ['src/core/probe.ts', "import * as fs from 'node:fs';\nexport const f = fs;", /src\/core is pure/],
  ['src/core/probe.ts', 'export const today = () => new Date();', /never reads the clock/],
  [
    'src/sidebar/probe.ts',
    "import * as z from 'zod/mini';\nexport const s = z;",
    /zod stays out of the browser/,
  ],
  [
    'src/sidebar/probe.ts',
    "import { contractSchemas } from '../core/contract';\nexport const c = contractSchemas;",
    /only types from core/,
  ],
  ['src/sidebar/probe.ts', "export { readScoreLog } from '../sheets/score-log';", /google.script.run only/],
  [
    'src/core/labels.ts',
    "import * as z from 'zod/mini';\nexport const s = z;",
    /import nothing but each other/,
  ],
  ['src/core/format.ts', "export { parseRequest } from './contract';", /import nothing but each other/],
  [
    'src/sidebar/probe.ts',
    'export const show = (el: Element, text: string) => (el.innerHTML = text);',
    /never parse data as HTML/,
  ],
  [
    'preview/page/probe.ts',
    'export const run = (code: string) => new Function(code);',
    /Function constructor/,
  ],
  ['src/sheets/probe.ts', "export { runMenuAction } from '../ui/actions';", /do not depend on the UI layer/],
  [
    'preview/probe.ts',
    "export { ARTIFACTS } from '../test/browser/support';",
    /Only tests import from test\//,
  ],
  [
    'scripts/probe.ts',
    "export { lastAlert } from '../test/support/build-output';",
    /Only tests import from test\//,
  ],
  ['preview/probe.ts', "export { FakeSheet } from '../runtime/spreadsheet';", /runtime's public API/],
];

const ALLOWED: readonly (readonly [string, string])[] = [
  ['src/main.ts', 'export const ui = () => SpreadsheetApp.getUi();'],
  ['src/sidebar/probe.ts', "import type { PanelView } from '../core/contract';\nexport type P = PanelView;"],
  ['src/sidebar/probe.ts', "export { OUTCOME_LABELS } from '../core/labels';"],
  ['src/sidebar/probe.ts', "export { formatScore } from '../core/format';"],
  ['src/core/format.ts', "export { OUTCOME_LABELS } from './labels';"],
  ['preview/probe.ts', "export { createRuntime } from '../runtime';"],
  ['test/probe.test.ts', "export { ARTIFACTS } from './browser/support';"],
];

describe('layer rules', () => {
  let refused: string[][];
  let allowed: string[][];
  beforeAll(() => {
    const results = lintProbes([...REFUSED.map(([f, c]) => [f, c] as const), ...ALLOWED]);
    refused = results.slice(0, REFUSED.length);
    allowed = results.slice(REFUSED.length);
  });

  it.each(REFUSED.map((probe, i) => [...probe, i] as const))('%s refuses: %s', (_file, _code, message, i) => {
    expect(refused[i].join('\n')).toMatch(message);
  });

  it.each(ALLOWED.map((probe, i) => [...probe, i] as const))('%s allows: %s', (_file, _code, i) => {
    expect(allowed[i]).toEqual([]);
  });
});
