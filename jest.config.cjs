/**
 * Three kinds of test, run together by `npm test` (`jest --selectProjects <name>` runs one):
 * - unit: pure code (src/core, the sidebar's model, the custom functions, the Docs adapter on the Docs fake);
 * - runtime: the built bundle in the in-memory Apps Script (runtime/), and the runtime's own tests — every test
 *   that is neither unit nor browser lands here, so none is ever left out;
 * - browser: Chromium (playwright-core) driving the preview and the built sidebar page.
 * TypeScript is transpiled only; `npm run typecheck` (tsc --build) checks the types, layer by layer.
 * test/support/global-setup.cjs rebuilds build/ first when a source file is newer than it.
 */
const UNIT = [
  '<rootDir>/test/core/',
  '<rootDir>/test/sidebar/',
  '<rootDir>/test/functions.test.ts',
  '<rootDir>/test/layers.test.ts',
  '<rootDir>/test/docs/folder.test.ts',
  '<rootDir>/test/docs/writer.test.ts',
];
const BROWSER = ['<rootDir>/test/browser/'];

const transform = {
  '^.+\\.ts$': [
    'ts-jest',
    {
      diagnostics: false,
      tsconfig: { target: 'ES2020', module: 'commonjs', esModuleInterop: true, isolatedModules: true },
    },
  ],
};

const project = (displayName, extra) => ({
  displayName,
  testEnvironment: 'node',
  roots: ['<rootDir>/test', '<rootDir>/runtime'],
  testMatch: ['**/*.test.ts'],
  transform,
  ...extra,
});

module.exports = {
  globalSetup: '<rootDir>/test/support/global-setup.cjs',
  testTimeout: 60000,
  projects: [
    project('unit', { testMatch: UNIT.map((p) => (p.endsWith('/') ? `${p}**/*.test.ts` : p)) }),
    project('runtime', { testPathIgnorePatterns: ['/node_modules/', ...UNIT, ...BROWSER] }),
    project('browser', { testMatch: BROWSER.map((p) => `${p}**/*.test.ts`) }),
  ],
};
