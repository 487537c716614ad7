import { existsSync } from 'node:fs';
import { join } from 'node:path';

/** Path of a file in build/; tests of the bundle need `npm run build` first (npm test does it). */
export function builtFile(name: string): string {
  const path = join(__dirname, '..', '..', 'build', name);
  if (!existsSync(path))
    throw new Error(`${path} is missing: run "npm run build" first (npm test does it for you).`);
  return path;
}
