/**
 * Before any test runs: when a file the bundle is built from is newer than build/Code.js (or there is no build),
 * rebuild without the typecheck, so a focused `npx jest …` never tests a stale bundle. `npm test` has just built.
 */
const { execFileSync } = require('node:child_process');
const { existsSync, readdirSync, statSync } = require('node:fs');
const { join } = require('node:path');

const root = join(__dirname, '..', '..');
const SOURCES = ['src', 'appsscript.json', 'scripts/build.mjs'];

function newest(path) {
  const stat = statSync(path);
  if (!stat.isDirectory()) return stat.mtimeMs;
  let latest = 0;
  for (const entry of readdirSync(path)) latest = Math.max(latest, newest(join(path, entry)));
  return latest;
}

module.exports = async function globalSetup() {
  const built = join(root, 'build', 'Code.js');
  const builtAt = existsSync(built) ? statSync(built).mtimeMs : 0;
  const sourcesAt = Math.max(...SOURCES.map((s) => newest(join(root, s))));
  if (sourcesAt <= builtAt) return;
  process.stdout.write('\nbuild/ is older than its sources: rebuilding (no typecheck) before the tests…\n');
  execFileSync(process.execPath, [join(root, 'scripts', 'build.mjs'), '--no-typecheck'], {
    cwd: root,
    stdio: 'inherit',
  });
};
