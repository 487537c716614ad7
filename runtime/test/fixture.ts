/** Runtime over the hand-written fixture bundle (runtime/test/fixtures/Code.js). */
import * as path from 'node:path';
import { createRuntime, Runtime, RuntimeOptions } from '..';

export const FIXTURE_CODE = path.join(__dirname, 'fixtures', 'Code.js');

export function fixtureRuntime(opts: RuntimeOptions = {}): Runtime {
  return createRuntime({ codeFiles: [FIXTURE_CODE], ...opts });
}
